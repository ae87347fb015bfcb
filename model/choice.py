"""The portfolio choice: which cases to fund under the pools' budgets, with prerequisites.

Every case is funded whole or not at all (``x_i ∈ {0, 1}``). The choice
maximises an objective over the funded cases (see :data:`OBJECTIVES`)
subject to

- **budgets** per pool (:data:`POOLS`): ``service`` is the investment pool's
  service money (the overview's *Drift*), ``innovation`` the innovation
  pool's, ``anlaeg`` the capital investments; each limit is a total over the
  years or one limit per calendar year (1.000 kr.; a pool without a limit is
  free);
- **prerequisites**: a case is funded only with every case it requires;
- **alternatives**: at most one case of each alternative group;
- optionally a **maximum payback time**: a case must pay back within it
  *together with everything it requires* (I4 with I1's network); a case that
  does not may still be funded as a prerequisite of one that does.

It is solved exactly as a mixed-integer programme (:mod:`model.choice_milp`,
HiGHS). NPVs are added on a **common base year**, the earliest first year
among the cases: ``npv_base = npv / (1 + rate) ** (first_year - base_year)``.
The answer (:class:`Choice`) says why each other case is out, how much of
each budget is used, the figures of each funded case together with its
prerequisites as one flow series, and what one more million kroner in each
pool would buy. Amounts in 1.000 kr., costs +, savings −.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from .bundle import BundleFigures, bundle_figures, rebase_npv
from .choice_milp import solve_choice
from .choice_reasons import Exclusion, explain
from .danish import format_amount
from .evaluate import CaseResult
from .prerequisites import all_prerequisites, alternative_groups, check_prerequisites, prerequisites_of

__all__ = [
    "NEXT_MILLION",
    "OBJECTIVES",
    "POOLS",
    "CaseFigures",
    "Choice",
    "ChoiceError",
    "ChoiceOptions",
    "Exclusion",
    "NextMillion",
    "PoolUse",
    "choose",
]

#: What the choice can maximise: the NPV of net savings on the common base
#: year (1.000 kr.), the net permanent saving (the sum of Varig
#: effektivisering, netto, made as negative as possible), or the årsværk freed.
OBJECTIVES: tuple[str, ...] = ("npv", "net_permanent", "fte")
#: The budgets: investment pool's service money (Drift), innovation pool, anlæg.
POOLS: tuple[str, ...] = ("service", "innovation", "anlaeg")
#: "The next million": 1 mio. kr. in 1.000 kr.
NEXT_MILLION = 1000.0

Limit = float | Mapping[int, float] | None


class ChoiceError(ValueError):
    """The choice's settings are impossible (an unknown objective, a negative budget, …)."""


def _check_limit(pool: str, limit: Limit) -> None:
    values = list(limit.values()) if isinstance(limit, Mapping) else [limit]
    if isinstance(limit, Mapping) and not all(isinstance(y, int) and 1900 <= y <= 2200 for y in limit):
        msg = f"budget for {pool}: the years must be whole years 1900-2200"
        raise ChoiceError(msg)
    for value in values:
        if value is None or isinstance(value, bool) or not np.isfinite(value):
            msg = f"budget for {pool}: {value!r} is not a number"
            raise ChoiceError(msg)
        if value < 0:
            msg = f"budget for {pool}: {format_amount(value)} is negative; a budget is 0 or more (1.000 kr.)"
            raise ChoiceError(msg)


@dataclass(frozen=True)
class ChoiceOptions:
    """What to maximise, the budgets and the payback limit.

    ``budgets``: ``{pool: limit}`` with a limit as a total over the years
    (a number) or per calendar year (``{year: number}``), 1.000 kr.; a pool
    left out has no limit. ``max_payback``: whole years, or None.
    """

    objective: str = "npv"
    budgets: Mapping[str, Limit] = field(default_factory=dict)
    max_payback: int | None = None

    def __post_init__(self) -> None:
        if self.objective not in OBJECTIVES:
            msg = f"objective {self.objective!r} must be one of {', '.join(OBJECTIVES)}"
            raise ChoiceError(msg)
        for pool, limit in self.budgets.items():
            if pool not in POOLS:
                msg = f"budget pool {pool!r} must be one of {', '.join(POOLS)}"
                raise ChoiceError(msg)
            if limit is not None:
                _check_limit(pool, limit)
        payback = self.max_payback
        if payback is not None and (isinstance(payback, bool) or not isinstance(payback, int) or payback < 0):
            msg = f"maximum payback {payback!r} must be a whole number of years, 0 or more"
            raise ChoiceError(msg)


@dataclass(frozen=True)
class CaseFigures:
    """One candidate: its key figures and what it takes from each pool per year.

    ``npv_base``: NPV on the choice's base year (+ pays); ``drift`` /
    ``innovation`` / ``anlaeg``: totals over the years (costs +);
    ``pools``: ``{pool: {year: amount}}``; ``payback_years``: its own
    (None: never); ``payback_with_prerequisites``: with everything it requires.
    """

    id: str
    title: str
    first_year: int
    npv: float
    npv_base: float
    drift: float
    innovation: float
    anlaeg: float
    net_permanent: float
    fte: float
    payback_years: int | None
    payback_with_prerequisites: int | None
    pools: Mapping[str, Mapping[int, float]]

    def objective(self, name: str) -> float:
        """The case's figure for objective ``name`` in its own sign (npv_base, net_permanent, fte)."""
        return {"npv": self.npv_base, "net_permanent": self.net_permanent, "fte": self.fte}[name]


@dataclass(frozen=True)
class PoolUse:
    """One pool's budget against its use by the funded cases (1.000 kr.).

    ``binding``: the limits that keep a case out, "total" or a year.
    """

    pool: str
    limit: Limit
    used_by_year: Mapping[int, float]
    binding: tuple[str, ...]

    @property
    def used(self) -> float:
        """Total use over the years."""
        return float(sum(self.used_by_year.values()))


@dataclass(frozen=True)
class NextMillion:
    """The choice with one pool's limit (``year``: that year's; None: the total) raised by 1 mio. kr."""

    pool: str
    year: int | None
    value: float
    gain: float
    added: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass(frozen=True)
class Choice:
    """The answer: what to fund, why the rest is out, budgets, bundles, the next million."""

    options: ChoiceOptions
    status: str
    value: float
    base_year: int | None
    cases: tuple[CaseFigures, ...]
    chosen: tuple[str, ...]
    requires: Mapping[str, tuple[str, ...]]
    groups: Mapping[str, tuple[str, ...]]
    budget: tuple[PoolUse, ...]
    bundles: tuple[BundleFigures, ...]
    not_chosen: tuple[Exclusion, ...]
    next_million: tuple[NextMillion, ...]


@dataclass(frozen=True)
class _Problem:
    """The programme's data, with each budget row named (pool, year or None)."""

    figures: tuple[CaseFigures, ...]
    values: np.ndarray
    usage: np.ndarray
    limits: np.ndarray
    rows: tuple[tuple[str, int | None], ...]
    requires: tuple[tuple[int, int], ...]
    groups: tuple[tuple[int, ...], ...]
    only_with: tuple[tuple[int, tuple[int, ...]], ...]
    closure: Mapping[str, tuple[str, ...]]

    def solve(self, limits: np.ndarray | None = None) -> np.ndarray | None:
        answer = solve_choice(
            self.values, self.usage, self.limits if limits is None else limits, self.requires, self.groups, self.only_with
        )
        return answer.chosen if answer.status == "optimal" else None


def _figures(results: Sequence[CaseResult], closure: Mapping[str, tuple[str, ...]], base_year: int) -> tuple[CaseFigures, ...]:
    by_id = {r.case.id: r for r in results}
    figures = []
    for r in results:
        k, flows = r.kpis, r.flows
        pools = {
            "service": flows.service_investment,
            "innovation": flows.innovation,
            "anlaeg": flows.capital_investment,
        }
        together = k.payback_years
        if closure[r.case.id]:
            members = [by_id[c] for c in closure[r.case.id]] + [r]
            together = bundle_figures(members, r.settings).payback_years
        figures.append(
            CaseFigures(
                id=r.case.id,
                title=r.case.title,
                first_year=r.case.first_year,
                npv=k.npv,
                npv_base=rebase_npv(k.npv, r.case.first_year, base_year, r.settings.discount_rate),
                drift=k.drift,
                innovation=k.innovation,
                anlaeg=k.anlaeg,
                net_permanent=k.net_permanent,
                fte=k.fte_full,
                payback_years=k.payback_years,
                payback_with_prerequisites=together,
                pools={p: {y: float(v) for y, v in zip(flows.years, series, strict=True)} for p, series in pools.items()},
            )
        )
    return tuple(figures)


def _within_payback(figure: CaseFigures, limit: int | None) -> bool:
    years = figure.payback_with_prerequisites
    return limit is None or (years is not None and years <= limit)


def _problem(
    figures: tuple[CaseFigures, ...],
    closure: Mapping[str, tuple[str, ...]],
    groups: Mapping[str, Sequence[str]],
    options: ChoiceOptions,
) -> _Problem:
    index = {f.id: i for i, f in enumerate(figures)}
    sign = -1.0 if options.objective == "net_permanent" else 1.0  # a saving is negative: maximise its size
    values = np.array([sign * f.objective(options.objective) for f in figures])
    usage: list[list[float]] = []
    limits: list[float] = []
    rows: list[tuple[str, int | None]] = []
    for pool in POOLS:
        limit = options.budgets.get(pool)
        if limit is None:
            continue
        if isinstance(limit, Mapping):
            for year in sorted(limit):
                usage.append([f.pools[pool].get(year, 0.0) for f in figures])
                limits.append(float(limit[year]))
                rows.append((pool, year))
        else:
            usage.append([sum(f.pools[pool].values()) for f in figures])
            limits.append(float(limit))
            rows.append((pool, None))
    requires = tuple((index[f.id], index[needed]) for f in figures for needed in closure[f.id])
    group_rows = tuple(tuple(index[c] for c in members if c in index) for members in groups.values())
    ok = {f.id: _within_payback(f, options.max_payback) for f in figures}
    only_with = tuple(
        (index[f.id], tuple(index[g.id] for g in figures if ok[g.id] and f.id in closure[g.id])) for f in figures if not ok[f.id]
    )
    return _Problem(
        figures=figures,
        values=values,
        usage=np.array(usage).reshape(len(rows), len(figures)),
        limits=np.array(limits),
        rows=tuple(rows),
        requires=requires,
        groups=tuple(g for g in group_rows if len(g) > 1),
        only_with=only_with,
        closure=closure,
    )


def _budget_use(
    problem: _Problem, chosen: np.ndarray, options: ChoiceOptions, exclusions: Sequence[Exclusion]
) -> tuple[PoolUse, ...]:
    years = sorted({y for f in problem.figures for series in f.pools.values() for y in series})
    uses = []
    for pool in POOLS:
        used = {
            y: float(sum(f.pools[pool].get(y, 0.0) for f, c in zip(problem.figures, chosen, strict=True) if c)) for y in years
        }
        binding = sorted(
            {
                "total" if e.params["year"] is None else str(e.params["year"])
                for e in exclusions
                if e.code == "budget" and e.params["pool"] == pool
            }
        )
        uses.append(PoolUse(pool=pool, limit=options.budgets.get(pool), used_by_year=used, binding=tuple(binding)))
    return tuple(uses)


def _next_million(problem: _Problem, chosen: np.ndarray, value: float, sign: float) -> tuple[NextMillion, ...]:
    answers = []
    for k, (pool, year) in enumerate(problem.rows):
        limits = problem.limits.copy()
        limits[k] += NEXT_MILLION
        more = problem.solve(limits)
        if more is None:
            continue
        new = sign * float(problem.values[more].sum())
        ids = [f.id for f in problem.figures]
        answers.append(
            NextMillion(
                pool=pool,
                year=year,
                value=new,
                gain=new - value,
                added=tuple(c for c, m, o in zip(ids, more, chosen, strict=True) if m and not o),
                removed=tuple(c for c, m, o in zip(ids, more, chosen, strict=True) if o and not m),
            )
        )
    return tuple(answers)


def choose(
    results: Sequence[CaseResult],
    options: ChoiceOptions | None = None,
    requires: Mapping[str, Sequence[str]] | None = None,
    groups: Mapping[str, Sequence[str]] | None = None,
    next_million: bool = True,
) -> Choice:
    """The best choice among ``results`` under ``options`` (see the module docstring).

    ``requires`` (``{case id: [ids]}``) and ``groups`` (``{name: [ids]}``)
    default to the case files' ``requires`` and ``alternative_group``; a
    prerequisite missing from ``results`` or a cycle raises
    :class:`model.PrerequisiteError`; cases at different price levels raise
    :class:`ChoiceError` (kroner of different years are not added). With ``next_million`` every budget limit
    is raised by 1 mio. kr. in turn and the choice solved again.
    """
    options = options or ChoiceOptions()
    cases = [r.case for r in results]
    levels = sorted({c.price_level for c in cases})
    if len(levels) > 1:
        detail = ", ".join(f"{c.id}: {c.price_level}" for c in cases)
        msg = f"the cases are at different price levels ({detail}); bring them to one price level before choosing among them"
        raise ChoiceError(msg)
    requires = prerequisites_of(cases) if requires is None else {c.id: list(requires.get(c.id, ())) for c in cases}
    check_prerequisites(requires)
    groups = alternative_groups(cases) if groups is None else groups
    closure = all_prerequisites(requires)
    base_year = min((c.first_year for c in cases), default=None)
    figures = _figures(results, closure, base_year or 0)
    problem = _problem(figures, closure, groups, options)
    sign = -1.0 if options.objective == "net_permanent" else 1.0
    answer = solve_choice(problem.values, problem.usage, problem.limits, problem.requires, problem.groups, problem.only_with)
    chosen = answer.chosen
    exclusions = tuple(explain(problem, chosen, i, options) for i in range(len(figures)) if not chosen[i])
    by_id = {r.case.id: r for r in results}
    bundles = tuple(
        bundle_figures([by_id[c] for c in closure[f.id]] + [by_id[f.id]], by_id[f.id].settings)
        for f, c in zip(figures, chosen, strict=True)
        if c and closure[f.id]
    )
    value = sign * answer.value
    return Choice(
        options=options,
        status=answer.status,
        value=value,
        base_year=base_year,
        cases=figures,
        chosen=tuple(f.id for f, c in zip(figures, chosen, strict=True) if c),
        requires={c: tuple(v) for c, v in requires.items()},
        groups={name: tuple(ids) for name, ids in groups.items()},
        budget=_budget_use(problem, chosen, options, exclusions),
        bundles=tuple(_rebased(b, base_year, by_id[b.ids[-1]].settings.discount_rate) for b in bundles),
        not_chosen=exclusions,
        next_million=_next_million(problem, chosen, value, sign) if next_million else (),
    )


def _rebased(bundle: BundleFigures, base_year: int | None, rate: float) -> BundleFigures:
    """The bundle's NPV on the choice's base year (the same rule as every case's)."""
    if base_year is None or bundle.first_year == base_year:
        return bundle
    npv = rebase_npv(bundle.npv, bundle.first_year, base_year, rate)
    return BundleFigures(bundle.ids, bundle.first_year, bundle.payback_years, npv, bundle.net_permanent, bundle.fte)
