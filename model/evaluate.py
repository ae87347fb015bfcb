"""Evaluating a case: lines per year from assumptions, the section-1 table, KPIs.

The core, :func:`compute_flows`, takes assumption values that are floats (one
scenario) or numpy arrays of shape ``(n,)`` (n Monte Carlo draws) and returns
every line per year with the same leading shape. :func:`evaluate` wraps it for
one scenario and adds the key figures and the document's tables.

Signs and units throughout: 1.000 kr. at the case's price level, costs
positive, savings negative; hours in hours per year.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from .formula import Formula, FormulaError, Value, round_half_away
from .layout import SECTION1_AGGREGATES  # re-exported: older callers import it from here
from .result import CaseResult, KPIs, kpis_of
from .schema import Case, Line

__all__ = [
    "SECTION1_AGGREGATES",
    "CaseResult",
    "EvaluationError",
    "Flows",
    "KPIs",
    "Settings",
    "assumption_values",
    "case_values",
    "compute_flows",
    "evaluate",
    "hours_per_fte",
    "phase_shares",
    "settings_for",
]


class EvaluationError(ValueError):
    """A formula gives no finite amount (e.g. a division by zero); names case, line and year."""


@dataclass(frozen=True)
class Settings:
    """How key figures are computed; shared by every case evaluated together.

    ``discount_rate``: real rate a year (Finance Ministry: 3,5 %);
    ``horizon``: years in NPV and IRR, from the case's first year (t = 0);
    ``hours_per_fte``: hours in one årsværk (37 h × 52 weeks = 1.924), for
    every case that does not give its own ``hours_per_fte`` (see
    :func:`hours_per_fte`).
    """

    discount_rate: float = 0.035
    horizon: int = 10
    hours_per_fte: float = 1924.0

    def __post_init__(self) -> None:
        if not (np.isfinite(self.discount_rate) and -0.5 < self.discount_rate < 1.0):
            msg = f"discount rate {self.discount_rate!r} must be between -50 % and 100 %"
            raise ValueError(msg)
        if isinstance(self.horizon, bool) or not isinstance(self.horizon, int) or not 1 <= self.horizon <= 100:
            msg = f"horizon {self.horizon!r} must be a whole number of years from 1 to 100"
            raise ValueError(msg)
        if not (np.isfinite(self.hours_per_fte) and 1 <= self.hours_per_fte <= 8784):
            msg = f"hours per årsværk {self.hours_per_fte!r} must be between 1 and 8.784"
            raise ValueError(msg)


def hours_per_fte(case: Case, settings: Settings) -> float:
    """Hours in one årsværk for ``case``: the case file's ``hours_per_fte`` if it gives one, else the setting.

    One rule everywhere (key figures, tables, exports, labour supply): the
    setting is the default (1.924 unless changed on the command line or in
    the app), and a case file may override it for its own case only.
    """
    return float(case.hours_per_fte) if case.hours_per_fte is not None else settings.hours_per_fte


def settings_for(case: Case, settings: Settings) -> Settings:
    """``settings`` with :func:`hours_per_fte` of ``case``: what its key figures are computed with."""
    hours = hours_per_fte(case, settings)
    return settings if hours == settings.hours_per_fte else replace(settings, hours_per_fte=hours)


def assumption_values(case: Case) -> dict[str, float]:
    """The case's assumption values by name."""
    return {a.name: float(a.value) for a in case.assumptions}


@lru_cache(maxsize=8192)
def _parse(text: str) -> Formula:
    return Formula.parse(text)


def _value(spec: float | int | str, env: Mapping[str, Value]) -> Value:
    if isinstance(spec, str):
        return _parse(spec).evaluate(env)
    return float(spec)


def case_values(case: Case, values: Mapping[str, Value] | None = None) -> dict[str, Value]:
    """Every name a formula of ``case`` may use: its assumptions and its derived items.

    Assumption values come from ``values`` where given (floats or arrays of
    shape ``(n,)``), else from the case; each derived item is then its
    formula over them, in dependency order.
    """
    env: dict[str, Value] = dict(assumption_values(case))
    if values:
        env.update(values)
    for item in case.derived_in_order():
        try:
            env[item.name] = _parse(item.formula).evaluate(env)
        except FormulaError as exc:
            msg = f"case {case.id}: derived item {item.name!r}: {exc}"
            raise EvaluationError(msg) from None
    return env


def phase_shares(case: Case, line: Line, years: tuple[int, ...], env: Mapping[str, Value]) -> list[Value]:
    """Phase-in share of ``line`` per year of ``years`` (0..1).

    0 before the first key of the line's profile, then the share of the
    latest key at or before the year; 1 in every year for a line without
    ``phase_in``. Shares given as formulas are evaluated over ``env``, once
    per key.
    """
    profile = case.profile(line)
    if profile is None:
        return [1.0] * len(years)
    keys = sorted(profile)
    values = [_value(profile[key], env) for key in keys]
    shares: list[Value] = []
    for year in years:
        position = bisect_right(keys, year)
        shares.append(values[position - 1] if position else 0.0)
    return shares


def _check_shares(line: Line, years: tuple[int, ...], shares: list[Value]) -> None:
    """Refuse a phase-in share outside 0-1 (a share of 5 or -1 is a slip, not a plan)."""
    if line.phase_in is None:
        return
    for year, share in zip(years, shares, strict=True):
        values = np.asarray(share, dtype=float)
        if np.any(values < -1e-9) or np.any(values > 1 + 1e-9):
            shown = float(values.flat[int(np.argmax((values < -1e-9) | (values > 1 + 1e-9)))])
            msg = f"line {line.name!r}, {year}: the phase-in share {shown:g} is outside 0-1"
            raise EvaluationError(msg)


def _line_flows(case: Case, line: Line, env: Mapping[str, Value], *, check_shares: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """(amounts, hours) of one line per year, each of shape (..., len(years)).

    amount = spec × share (a ``formula`` every year; 1 for ``amounts`` and a
    one-off ``year``), rounded to ``round_to`` when given; hours = ``hours``
    × share. A formula that is the same in every year is evaluated once.
    """
    years = case.years
    shares = phase_shares(case, line, years, env)
    if check_shares:
        _check_shares(line, years, shares)
    with np.errstate(all="ignore"):  # non-finite results are judged by the caller
        hours: list[Value] = [0.0] * len(years)
        if line.hours is not None:
            full = _parse(line.hours).evaluate(env)
            hours = [np.multiply(full, share) for share in shares]
        amounts: list[Value] = []
        every_year = _parse(line.formula).evaluate(env) if line.formula is not None and line.year is None else None
        for year, share in zip(years, shares, strict=True):
            spec, phased = line.spec(year)
            if spec is None:
                amounts.append(0.0)
                continue
            amount = np.multiply(every_year, share) if phased else _value(spec, env)
            if line.round_to is not None:
                amount = round_half_away(np.divide(amount, line.round_to)) * line.round_to
            amounts.append(amount)
    return _stack(amounts), _stack(hours)


def _stack(values: list[Value]) -> np.ndarray:
    arrays = np.broadcast_arrays(*[np.asarray(v, dtype=float) for v in values])
    return np.stack(arrays, axis=-1) + 0.0  # + 0.0 turns a -0.0 (saving × share 0) into 0.0


@dataclass(frozen=True)
class Flows:
    """Every line and aggregate per year; arrays of shape (..., years).

    Aggregates follow section 1: ``service_investment`` is the investment
    pool's part of table 2, ``innovation`` the innovation pool's; the payback
    and NPV use ``total_impact_all`` (every krone, innovation pool included).
    """

    years: tuple[int, ...]
    lines: Mapping[str, np.ndarray]
    line_hours: Mapping[str, np.ndarray]
    permanent: np.ndarray
    service_investment: np.ndarray
    innovation: np.ndarray
    capital_investment: np.ndarray
    gross_costs: np.ndarray

    @property
    def service_investment_all(self) -> np.ndarray:
        """Table 2's total: service investments from both pools."""
        return self.service_investment + self.innovation

    @property
    def implementation(self) -> np.ndarray:
        """Samlede implementeringsomkostninger (investment pool), as section 1."""
        return self.service_investment + self.capital_investment

    @property
    def total_impact(self) -> np.ndarray:
        """Samlet økonomisk påvirkning as section 1 prints it (investment pool only)."""
        return self.permanent + self.implementation

    @property
    def total_impact_all(self) -> np.ndarray:
        """Samlet økonomisk påvirkning with the innovation pool: what payback and NPV use."""
        return self.total_impact + self.innovation

    @property
    def cumulative(self) -> np.ndarray:
        """Running sum of :attr:`total_impact_all` from the first year."""
        return np.cumsum(self.total_impact_all, axis=-1)

    @property
    def hours(self) -> np.ndarray:
        """Staff hours freed per year, all lines."""
        return sum(self.line_hours.values(), start=np.zeros_like(self.permanent))

    @property
    def net_permanent(self) -> np.ndarray:
        """Varig effektivisering, netto: Samlet varig ændring in the last year (fully phased in)."""
        return self.permanent[..., -1]

    def aggregate(self, key: str) -> np.ndarray:
        """An aggregate row by its case-file key (see ``model.layout.AGGREGATES``)."""
        return getattr(self, key)


def compute_flows(case: Case, values: Mapping[str, Value] | None = None) -> Flows:
    """Every line of ``case`` per year from assumption ``values`` (default: the case's).

    ``values`` may hold floats or arrays of shape ``(n,)``; missing names
    take the case's value. Non-finite results are left in place (NaN/inf)
    for the caller to judge; :func:`evaluate` refuses them. With the case's
    own values, a phase-in share outside 0-1 raises :class:`EvaluationError`;
    the uncertainty analyses' ``values`` may carry a share formula a little
    past 1 (three rollout shares each raised by 20 %), which is left as it is.
    """
    env = case_values(case, values)
    years = case.years
    lines: dict[str, np.ndarray] = {}
    line_hours: dict[str, np.ndarray] = {}
    for line in case.lines:
        try:
            lines[line.name], line_hours[line.name] = _line_flows(case, line, env, check_shares=not values)
        except FormulaError as exc:  # e.g. a name the values do not bind
            msg = f"case {case.id}: line {line.name!r}: {exc}"
            raise EvaluationError(msg) from None
        except EvaluationError as exc:
            msg = f"case {case.id}: {exc}"
            raise EvaluationError(msg) from None
    shape = np.broadcast_shapes(*(a.shape for a in lines.values()))
    with np.errstate(all="ignore"):  # sums too large for floats become inf; evaluate() refuses them
        return _flows(case, years, lines, line_hours, shape)


def _flows(
    case: Case,
    years: tuple[int, ...],
    lines: dict[str, np.ndarray],
    line_hours: dict[str, np.ndarray],
    shape: tuple[int, ...],
) -> Flows:
    zero = np.zeros(shape)

    def total(predicate: Callable[[Line], bool]) -> np.ndarray:
        return sum((np.broadcast_to(lines[ln.name], shape) for ln in case.lines if predicate(ln)), start=zero)

    return Flows(
        years=years,
        lines={k: np.broadcast_to(v, shape) for k, v in lines.items()},
        line_hours={k: np.broadcast_to(v, shape) for k, v in line_hours.items()},
        permanent=total(lambda ln: ln.kind == "permanent"),
        service_investment=total(lambda ln: ln.kind == "one_off" and ln.area == "service" and ln.funding == "investeringspulje"),
        innovation=total(lambda ln: ln.funding == "innovationspulje"),
        capital_investment=total(lambda ln: ln.kind == "one_off" and ln.area == "anlaeg"),
        gross_costs=sum((np.maximum(np.broadcast_to(v, shape), 0.0) for v in lines.values()), start=zero),
    )


def evaluate(case: Case, settings: Settings | None = None) -> CaseResult:
    """Evaluate one case with its own assumption values.

    The result's ``settings`` are ``settings`` with the case's own
    ``hours_per_fte`` where its file gives one (:func:`settings_for`).
    Raises :class:`EvaluationError` naming the line and year where a formula
    gives no finite amount.
    """
    settings = settings_for(case, settings or Settings())
    flows = compute_flows(case)
    for name, values in [*flows.lines.items(), *((f"{k} (timer)", v) for k, v in flows.line_hours.items())]:
        bad = ~np.isfinite(values)
        if bad.any():
            year = flows.years[int(np.argmax(bad))]
            msg = f"case {case.id}: line {name!r}, {year}: the formula gives no finite amount (division by zero?)"
            raise EvaluationError(msg)
    with np.errstate(all="ignore"):
        kpis = kpis_of(flows, settings)
        totals = np.concatenate([flows.total_impact_all, flows.cumulative, flows.service_investment_all, flows.hours])
    if not (np.isfinite(totals).all() and np.isfinite([kpis.npv, kpis.drift, kpis.anlaeg, kpis.fte_full]).all()):
        msg = f"case {case.id}: the amounts are too large to add up to finite totals"
        raise EvaluationError(msg)
    return CaseResult(case=case, settings=settings, flows=flows, kpis=kpis, fte=flows.hours / settings.hours_per_fte)
