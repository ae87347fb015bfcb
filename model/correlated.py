"""Correlated Monte Carlo: rank correlation between assumptions, and drivers shared across cases.

:func:`model.monte_carlo` draws every assumption independently. Two drivers
that move together (more citizens with ceiling hoists *and* more hours saved
per citizen; one hourly rate in several cases) widen the spread of whatever
depends on both, and independent draws understate it. This module draws them
together with a **Gaussian copula** (scipy.stats):

1. the user gives Spearman rank correlations ``ρ_s`` between chosen
   variables (all others 0); they become the normal copula's correlations
   ``r = 2·sin(π·ρ_s / 6)`` (the exact relation for a Gaussian copula);
2. ``z ~ N(0, R)`` by the Cholesky factor of ``R`` (refused, with a message,
   when the correlations cannot hold together, i.e. ``R`` is not positive
   definite); ``u = Φ(z)``;
3. each variable's value is its own three-point range's inverse CDF at ``u``:
   Beta-PERT (``α = 1 + 4(m − a)/(b − a)``, ``β = 1 + 4(b − m)/(b − a)``) or
   triangular, as in :mod:`model.monte_carlo`. The marginals are exactly
   those of the independent run; only the dependence changes.

Every draw of a case still goes through the case's own formulas in **one
vectorised pass** per block of :data:`model.monte_carlo.BLOCK` draws.

In a **portfolio** simulation, a driver that several cases share is *one*
variable: with ``shared="auto"`` every assumption that has the same name,
unit and range in more than one case (e.g. ``timepris``, the hourly rate of
I3, I4 and I5) is drawn once and used by all of them. The result gives the
portfolio's P10/P50/P90 of the NPV (sum of the cases' NPVs, + pays), the net
permanent effect (sum, − saves) and the årsværk freed (gross, sum).

Variable keys: within one case, an assumption's name; in a portfolio,
``"CASE:name"`` (e.g. ``"I5:borgere_en_medarbejder"``), or the bare name of a
shared driver (``"timepris"``).
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from .evaluate import Settings, assumption_values, compute_flows
from .key_figures import key_figures
from .monte_carlo import DEFAULT_DRAWS, block_sizes, check_draws
from .ranges import DEFAULT_SHARE, Range, UncertaintyError, ranges
from .schema import Case

__all__ = [
    "PORTFOLIO_FIGURES",
    "CorrelatedRun",
    "Variable",
    "correlated_monte_carlo",
    "portfolio_variables",
    "rank_to_normal",
]

#: Portfolio figures reported: NPV (1.000 kr., + pays), net permanent effect (1.000 kr./år, − saves), årsværk freed.
PORTFOLIO_FIGURES: tuple[str, ...] = ("npv", "net_permanent", "fte_full")


@dataclass(frozen=True)
class Variable:
    """One random variable of a run: its key, and the (case id, assumption name, range) it drives."""

    key: str
    members: tuple[tuple[str, str, Range], ...]

    @property
    def shared(self) -> bool:
        """True when the variable drives assumptions in more than one case."""
        return len({case for case, _, _ in self.members}) > 1


def rank_to_normal(rho: float) -> float:
    """The normal copula's correlation that gives Spearman rank correlation ``rho``: ``2·sin(π·rho/6)``.

    >>> round(rank_to_normal(0.8), 4)
    0.8135
    """
    return 2.0 * math.sin(math.pi * rho / 6.0)


def _same_range(a: Range, b: Range) -> bool:
    return (a.unit, a.low, a.base, a.high) == (b.unit, b.low, b.base, b.high)


def portfolio_variables(
    cases: Sequence[Case], shared: str | Mapping[str, Sequence[tuple[str, str]]] = "auto", default_share: float = DEFAULT_SHARE
) -> tuple[Variable, ...]:
    """The variables of a run over ``cases``: one per assumption with a range, shared drivers merged.

    ``shared="auto"``: an assumption with the same name, unit and range in
    several cases is one variable (keyed by its name); ``"none"``: every
    assumption its own (keyed ``CASE:name``; with one case, by its name); a
    mapping ``{key: [(case id, name), ...]}`` names the groups to share
    explicitly (each member must have a range). Points (fixed assumptions,
    zero width) are no variables.
    """
    single = len(cases) == 1
    own: dict[tuple[str, str], Range] = {}
    for case in cases:
        for r in ranges(case, default_share):
            if r.width > 0:
                own[(case.id, r.name)] = r
    groups: dict[str, list[tuple[str, str]]] = {}
    if shared == "auto":
        by_name: dict[str, list[tuple[str, str]]] = {}
        for case_id, name in own:
            by_name.setdefault(name, []).append((case_id, name))
        for name, members in by_name.items():
            first = own[members[0]]
            if len(members) > 1 and all(_same_range(first, own[m]) for m in members):
                groups[name] = members
    elif isinstance(shared, Mapping):
        for key, members in shared.items():
            missing = [f"{c}:{n}" for c, n in members if (c, n) not in own]
            if missing:
                msg = f"shared driver {key!r}: {', '.join(missing)} has no range to draw from (unknown or held fixed)"
                raise UncertaintyError(msg)
            groups[key] = [tuple(m) for m in members]  # type: ignore[misc]
    elif shared != "none":
        msg = f"shared must be 'auto', 'none' or a mapping of groups, got {shared!r}"
        raise UncertaintyError(msg)
    grouped = {m for members in groups.values() for m in members}
    variables = [Variable(key, tuple((c, n, own[(c, n)]) for c, n in members)) for key, members in groups.items()]
    for (case_id, name), r in own.items():
        if (case_id, name) not in grouped:
            variables.append(Variable(name if single else f"{case_id}:{name}", ((case_id, name, r),)))
    return tuple(variables)


def _correlation_matrix(keys: Sequence[str], correlations: Mapping[tuple[str, str], float]) -> np.ndarray:
    index = {key: i for i, key in enumerate(keys)}
    matrix = np.eye(len(keys))
    for (a, b), rho in correlations.items():
        for key in (a, b):
            if key not in index:
                msg = f"correlation {a} ~ {b}: {key!r} is not an assumption with a range here"
                raise UncertaintyError(msg)
        if a == b:
            msg = f"correlation {a} ~ {b}: an assumption is always fully correlated with itself"
            raise UncertaintyError(msg)
        if isinstance(rho, bool) or not isinstance(rho, (int, float)) or not math.isfinite(rho) or not -1 < rho < 1:
            msg = f"correlation {a} ~ {b}: {rho!r} must be a number strictly between -1 and 1"
            raise UncertaintyError(msg)
        matrix[index[a], index[b]] = matrix[index[b], index[a]] = rank_to_normal(float(rho))
    return matrix


def _inverse(r: Range, u: np.ndarray, distribution: str) -> np.ndarray:
    """The range's PERT or triangular quantile at ``u`` (same marginals as :mod:`model.monte_carlo`)."""
    from scipy import stats  # here, not at the top: scipy costs the app's start (issue 10)

    a, m, b = r.low, r.base, r.high
    if distribution == "triangular":
        return stats.triang.ppf(u, (m - a) / (b - a), loc=a, scale=b - a)
    alpha = 1.0 + 4.0 * (m - a) / (b - a)
    beta = 1.0 + 4.0 * (b - m) / (b - a)
    return a + (b - a) * stats.beta.ppf(u, alpha, beta)


@dataclass(frozen=True)
class CorrelatedRun:
    """``n`` correlated draws: per case the key figures, and the portfolio's sums.

    ``cases[id][figure]`` and ``portfolio[figure]`` are arrays of shape
    ``(n,)`` for :data:`PORTFOLIO_FIGURES`; ``valid`` marks the draws where
    every case's formulas gave finite amounts (the portfolio's statistics use
    only those). ``drawn[key]`` keeps the uniform draws ``u`` per variable
    (for checking the achieved rank correlation).
    """

    n: int
    seed: int
    distribution: str
    variables: tuple[Variable, ...]
    correlations: Mapping[tuple[str, str], float]
    cases: Mapping[str, Mapping[str, np.ndarray]] = field(repr=False)
    portfolio: Mapping[str, np.ndarray] = field(repr=False)
    valid: np.ndarray = field(repr=False)
    drawn: Mapping[str, np.ndarray] = field(repr=False)

    def percentiles(self, figure: str, case: str | None = None, q: Sequence[float] = (10, 50, 90)) -> tuple[float, ...]:
        """P10/P50/P90 (or ``q``) of ``figure`` for the portfolio (``case=None``) or one case, over valid draws."""
        if figure not in PORTFOLIO_FIGURES:
            msg = f"unknown figure {figure!r}; choose one of {', '.join(PORTFOLIO_FIGURES)}"
            raise UncertaintyError(msg)
        data = (self.portfolio if case is None else self.cases[case])[figure][self.valid]
        data = data[np.isfinite(data)]
        if data.size == 0:
            return tuple(math.nan for _ in q)
        return tuple(float(v) for v in np.percentile(data, list(q), method="inverted_cdf"))

    def rank_correlation(self, a: str, b: str) -> float:
        """The achieved Spearman rank correlation between variables ``a`` and ``b`` (their draws)."""
        from scipy import stats

        return float(stats.spearmanr(self.drawn[a], self.drawn[b]).statistic)

    def to_dict(self) -> dict[str, object]:
        """Plain data: ``{"p10", "p50", "p90"}`` per figure for the portfolio and each case, and the run's settings."""

        def table(case: str | None) -> dict[str, dict[str, float | None]]:
            return {
                f: {
                    p: v if math.isfinite(v) else None
                    for p, v in zip(("p10", "p50", "p90"), self.percentiles(f, case), strict=True)
                }
                for f in PORTFOLIO_FIGURES
            }

        return {
            "n": self.n,
            "seed": self.seed,
            "distribution": self.distribution,
            "n_valid": int(self.valid.sum()),
            "shared": {v.key: [f"{c}:{n}" for c, n, _ in v.members] for v in self.variables if v.shared},
            "correlations": [{"a": a, "b": b, "rho": rho} for (a, b), rho in self.correlations.items()],
            "portfolio": table(None),
            "cases": {case: table(case) for case in self.cases},
        }


def correlated_monte_carlo(
    cases: Case | Sequence[Case],
    settings: Settings | None = None,
    *,
    correlations: Mapping[tuple[str, str], float] | None = None,
    shared: str | Mapping[str, Sequence[tuple[str, str]]] = "auto",
    n: int = DEFAULT_DRAWS,
    seed: int = 0,
    distribution: str = "pert",
    default_share: float = DEFAULT_SHARE,
) -> CorrelatedRun:
    """``n`` draws of one case or a portfolio with rank ``correlations`` and shared drivers (module docstring).

    ``correlations``: ``{(key a, key b): ρ_s}`` with ``-1 < ρ_s < 1``. The
    same seed gives the same run; block ``k`` draws from
    ``default_rng([seed, k, crc32("copula")])``. Raises
    :class:`model.UncertaintyError` naming the key or the pair at fault.
    """
    from scipy import stats

    case_list = [cases] if isinstance(cases, Case) else list(cases)
    if not case_list:
        msg = "choose at least one case"
        raise UncertaintyError(msg)
    ids = [c.id for c in case_list]
    if len(set(ids)) != len(ids):
        msg = f"each case once: {', '.join(sorted({i for i in ids if ids.count(i) > 1}))} appears twice"
        raise UncertaintyError(msg)
    check_draws(n, seed, distribution)
    settings = settings or Settings()
    variables = portfolio_variables(case_list, shared, default_share)
    keys = [v.key for v in variables]
    pairs = dict(correlations or {})
    matrix = _correlation_matrix(keys, pairs)
    try:
        factor = np.linalg.cholesky(matrix) if keys else np.zeros((0, 0))
    except np.linalg.LinAlgError:
        msg = "the correlations cannot hold together (their matrix is not positive definite): lower some of them"
        raise UncertaintyError(msg) from None
    figures: dict[str, dict[str, list[np.ndarray]]] = {c.id: {f: [] for f in PORTFOLIO_FIGURES} for c in case_list}
    drawn: dict[str, list[np.ndarray]] = {key: [] for key in keys}
    valid_parts: list[np.ndarray] = []
    for block, size in enumerate(block_sizes(int(n))):
        rng = np.random.default_rng([int(seed), block, zlib.crc32(b"copula")])
        u = stats.norm.cdf(rng.standard_normal((size, len(keys))) @ factor.T)
        values: dict[str, dict[str, float | np.ndarray]] = {c.id: dict(assumption_values(c)) for c in case_list}
        for column, variable in enumerate(variables):
            drawn[variable.key].append(u[:, column])
            for case_id, name, r in variable.members:
                values[case_id][name] = _inverse(r, u[:, column], distribution)
        ok = np.ones(size, dtype=bool)
        for case in case_list:
            with np.errstate(all="ignore"):
                own = key_figures(compute_flows(case, values[case.id]), settings)
            for figure in PORTFOLIO_FIGURES:
                figures[case.id][figure].append(np.broadcast_to(getattr(own, figure), (size,)).astype(float))
            ok &= np.broadcast_to(own.valid, (size,))
        valid_parts.append(ok)
    per_case = {cid: {f: np.concatenate(parts) for f, parts in fig.items()} for cid, fig in figures.items()}
    portfolio = {f: sum(per_case[cid][f] for cid in per_case) for f in PORTFOLIO_FIGURES}
    return CorrelatedRun(
        n=int(n),
        seed=int(seed),
        distribution=distribution,
        variables=variables,
        correlations=pairs,
        cases=per_case,
        portfolio=portfolio,  # type: ignore[arg-type]
        valid=np.concatenate(valid_parts),
        drawn={key: np.concatenate(parts) for key, parts in drawn.items()},
    )
