"""Benefit realisation: a funded case's plan against its actuals, and the forecast that follows.

For every line and year of the follow-up years (the table's years extended
to the horizon, :func:`model.actuals.follow_up_years`), in 1.000 kr. with
the plan's sign (costs +, savings -):

- ``plan``: the case's evaluated amount (after the table: permanent lines
  at their last level, one-off lines 0);
- ``actual``: the realised amount where one is entered, else None;
- ``variance = actual - plan``: **positive is worse** for the budget (more
  cost or less saving), negative better; ``variance_pct = variance / |plan|``
  (None where the plan is 0).

Per case, per year: ``plan`` = Σ lines (every krone, innovation pool
included, as the payback and NPV count it); ``actual`` = Σ actuals of the
lines that have one (None where none has); ``forecast`` = actual where
present, plan for the rest, line by line. The forecast payback and NPV
are the engine's key figures (:func:`model.key_figures.key_figures`) of the
forecast flows, beside the same of the plan; after the follow-up years each
goes on at its last year's permanent level (the plan's, unless an actual is
entered for the last follow-up year).

"To date" is up to and including ``as_of``, the last year with any actual;
line-years without an actual count as plan there and are counted in
``plan_cells_to_date``.

The **suggested status** uses the thresholds of :class:`Thresholds` (see
docs/follow-up.md): *Afsluttes eller omprioriteres* when the forecast no
longer pays back (or its NPV turns ≤ 0) where the plan did; *Behov for
ændringer* when the forecast NPV falls short of the plan by more than 10 %
of its size, the forecast payback is a year or more later, or the
unfavourable variance to date exceeds 10 % of the planned gross amounts to
date; else *Går som planlagt*. The user may override it with a reason
(:mod:`model.followup`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from .actuals import Actuals, follow_up_years, plan_by_line
from .evaluate import CaseResult, _flows  # the engine's aggregation of lines into section-1 rows
from .followup import PHASES, STATUSES
from .key_figures import key_figures

__all__ = [
    "PHASES",
    "STATUSES",
    "LineRealisation",
    "LineYear",
    "Realisation",
    "Thresholds",
    "realisation",
]


@dataclass(frozen=True)
class Thresholds:
    """When the suggested status leaves "Går som planlagt" (shares are fractions).

    ``npv_shortfall``: forecast NPV below plan by more than this share of
    ``|planned NPV|``; ``payback_delay``: forecast payback this many whole
    years or more after the plan's; ``to_date``: unfavourable cumulative
    variance to date above this share of the planned gross amounts
    (Σ |plan| of every line-year) to date.
    """

    npv_shortfall: float = 0.10
    payback_delay: int = 1
    to_date: float = 0.10


@dataclass(frozen=True)
class LineYear:
    """One line in one year: plan, actual (None: none entered, the plan counts) and variance (actual - plan)."""

    year: int
    plan: float
    actual: float | None

    @property
    def variance(self) -> float | None:
        """``actual - plan`` in 1.000 kr.; positive is worse (more cost or less saving)."""
        return None if self.actual is None else self.actual - self.plan

    @property
    def variance_pct(self) -> float | None:
        """``variance / |plan|`` as a fraction; None without an actual or where the plan is 0."""
        if self.actual is None or abs(self.plan) < 1e-9:
            return None
        return (self.actual - self.plan) / abs(self.plan)

    @property
    def forecast(self) -> float:
        """The actual where there is one, else the plan."""
        return self.plan if self.actual is None else self.actual


@dataclass(frozen=True)
class LineRealisation:
    """A line of the case followed over the years."""

    name: str
    kind: str
    cells: tuple[LineYear, ...]


def _none(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


@dataclass(frozen=True)
class Realisation:
    """A case's plan against its actuals; amounts in 1.000 kr. (costs +, savings -), per follow-up year."""

    case_id: str
    title: str
    years: tuple[int, ...]
    lines: tuple[LineRealisation, ...]
    plan: np.ndarray = field(repr=False)
    actual: tuple[float | None, ...]
    forecast: np.ndarray = field(repr=False)
    as_of: int | None
    planned_payback_years: int | None
    forecast_payback_years: int | None
    planned_payback_exact: float | None
    forecast_payback_exact: float | None
    planned_npv: float
    forecast_npv: float
    suggested: str
    reasons: tuple[tuple[str, dict[str, float]], ...]

    @property
    def cumulative_plan(self) -> np.ndarray:
        """Running sum of the plan per year."""
        return np.cumsum(self.plan)

    @property
    def cumulative_forecast(self) -> np.ndarray:
        """Running sum of the forecast per year (realised to date, plan after)."""
        return np.cumsum(self.forecast)

    def _to_date(self, values: np.ndarray) -> float:
        if self.as_of is None:
            return 0.0
        return float(np.sum(values[: self.years.index(self.as_of) + 1]))

    @property
    def planned_to_date(self) -> float:
        """Planned total impact from the first year up to ``as_of`` (0 without actuals)."""
        return self._to_date(self.plan)

    @property
    def realised_to_date(self) -> float:
        """Realised total impact (the cumulative flow) up to ``as_of``, plan where no actual."""
        return self._to_date(self.forecast)

    def _savings(self, attribute: str) -> float:
        if self.as_of is None:
            return 0.0
        last = self.years.index(self.as_of)
        total = 0.0
        for line in self.lines:
            plans = [c.plan for c in line.cells]
            if max(plans) <= 0 and min(plans) < 0:  # a saving line: never a cost, some saving
                total -= sum(getattr(c, attribute) for c in line.cells[: last + 1])
        return total

    @property
    def planned_savings_to_date(self) -> float:
        """Savings the plan expected up to ``as_of``, as a positive amount (lines that only save)."""
        return self._savings("plan")

    @property
    def realised_savings_to_date(self) -> float:
        """Savings realised up to ``as_of``, positive; line-years without an actual count as plan."""
        return self._savings("forecast")

    @property
    def plan_cells_to_date(self) -> int:
        """Line-years up to ``as_of`` without an actual, counted as plan."""
        if self.as_of is None:
            return 0
        return sum(1 for line in self.lines for c in line.cells if c.year <= self.as_of and c.actual is None)

    def to_dict(self) -> dict[str, object]:
        """The command line's JSON for the case (amounts rounded to 6 decimals)."""

        def r(value: float | None) -> float | None:
            return None if value is None else round(float(value), 6)

        return {
            "id": self.case_id,
            "years": list(self.years),
            "plan": [r(v) for v in self.plan],
            "actual": [r(v) for v in self.actual],
            "forecast": [r(v) for v in self.forecast],
            "planned_payback_years": self.planned_payback_years,
            "forecast_payback_years": self.forecast_payback_years,
            "planned_npv": r(self.planned_npv),
            "forecast_npv": r(self.forecast_npv),
            "lines": [
                {
                    "name": line.name,
                    "years": {
                        str(c.year): {"plan": r(c.plan), "actual": r(c.actual), "variance": r(c.variance)} for c in line.cells
                    },
                }
                for line in self.lines
            ],
        }


def _key_figures(
    result: CaseResult, years: tuple[int, ...], plan: Mapping[str, np.ndarray], forecast: Mapping[str, np.ndarray]
) -> list[tuple[int | None, float | None, float]]:
    """(whole-year payback, exact payback, NPV of net savings) of the plan and of the forecast.

    One batch of two scenarios through the engine's one key-figure function
    (:func:`model.key_figures.key_figures`), aggregated by the engine's rules
    for which line counts where; after the follow-up years each goes on at
    its last year's permanent level.
    """
    lines = {name: np.stack([plan[name], forecast[name]]) for name in plan}
    hours = {name: np.zeros((2, len(years))) for name in plan}
    figures = key_figures(_flows(result.case, years, lines, hours, (2, len(years))), result.settings)
    out = []
    for index in range(2):
        whole, exact = float(figures.payback_years[index]), float(figures.payback[index])
        out.append((int(whole) if math.isfinite(whole) else None, _none(exact), float(figures.npv[index])))
    return out


def _suggest(
    plan: tuple[int | None, float], forecast: tuple[int | None, float], over_to_date: float, gross_to_date: float,
    any_actual: bool, thresholds: Thresholds,
) -> tuple[str, tuple[tuple[str, dict[str, float]], ...]]:  # fmt: skip
    (plan_payback, plan_npv), (fc_payback, fc_npv) = plan, forecast
    if not any_actual:
        return STATUSES[0], (("no_actuals", {}),)
    stop: list[tuple[str, dict[str, float]]] = []
    if plan_payback is not None and fc_payback is None:
        stop.append(("no_payback", {"planned": float(plan_payback)}))
    if plan_npv > 0 >= fc_npv:
        stop.append(("npv_negative", {"planned": plan_npv, "forecast": fc_npv}))
    if stop:
        return STATUSES[2], tuple(stop)
    change: list[tuple[str, dict[str, float]]] = []
    shortfall = plan_npv - fc_npv
    if shortfall > thresholds.npv_shortfall * abs(plan_npv) + 1e-9:
        share = shortfall / abs(plan_npv) if abs(plan_npv) > 1e-9 else math.inf
        change.append(("npv_shortfall", {"shortfall": shortfall, "share": share}))
    if plan_payback is not None and fc_payback is not None and fc_payback - plan_payback >= thresholds.payback_delay:
        change.append(("payback_later", {"planned": float(plan_payback), "forecast": float(fc_payback)}))
    if gross_to_date > 0 and over_to_date > thresholds.to_date * gross_to_date + 1e-9:
        change.append(("to_date_over", {"variance": over_to_date, "share": over_to_date / gross_to_date}))
    if change:
        return STATUSES[1], tuple(change)
    return STATUSES[0], (("on_plan", {}),)


def realisation(
    result: CaseResult, actuals: Actuals | Mapping[tuple[str, int], float], thresholds: Thresholds | None = None
) -> Realisation:
    """Follow ``result`` (an evaluated case, with its settings) against ``actuals``.

    ``actuals`` is an :class:`~model.actuals.Actuals` (the case's entries are
    used) or ``{(line, year): amount}`` of this case. Entries for years
    outside the follow-up years or unknown lines are ignored (files are
    checked when read, :func:`model.actuals.parse_actuals`).
    """
    thresholds = thresholds or Thresholds()
    case, settings = result.case, result.settings
    own = actuals.for_case(case.id) if isinstance(actuals, Actuals) else dict(actuals)
    years = follow_up_years(case, settings.horizon)
    plan_lines = plan_by_line(result, years)
    lines = tuple(
        LineRealisation(
            name=line.name,
            kind=line.kind,
            cells=tuple(
                LineYear(year=year, plan=float(plan_lines[line.name][i]), actual=own.get((line.name, year)))
                for i, year in enumerate(years)
            ),
        )
        for line in case.lines
    )
    plan = np.sum([plan_lines[line.name] for line in case.lines], axis=0)
    forecast = np.array([sum(line.cells[i].forecast for line in lines) for i in range(len(years))])
    actual = tuple(
        (float(sum(c.actual for c in cells if c.actual is not None)) if any(c.actual is not None for c in cells) else None)
        for cells in zip(*(line.cells for line in lines), strict=True)
    )
    forecast_lines = {line.name: np.array([c.forecast for c in line.cells]) for line in lines}
    planned, forecasted = _key_figures(result, years, plan_lines, forecast_lines)
    with_actual = [i for i, value in enumerate(actual) if value is not None]
    as_of = years[with_actual[-1]] if with_actual else None
    upto = (with_actual[-1] + 1) if with_actual else 0
    over_to_date = float(np.sum(forecast[:upto]) - np.sum(plan[:upto]))
    gross_to_date = float(sum(abs(c.plan) for line in lines for c in line.cells[:upto]))
    suggested, reasons = _suggest(
        (planned[0], planned[2]), (forecasted[0], forecasted[2]), over_to_date, gross_to_date, as_of is not None, thresholds
    )
    return Realisation(
        case_id=case.id,
        title=case.title,
        years=years,
        lines=lines,
        plan=plan,
        actual=actual,
        forecast=forecast,
        as_of=as_of,
        planned_payback_years=planned[0],
        forecast_payback_years=forecasted[0],
        planned_payback_exact=planned[1],
        forecast_payback_exact=forecasted[1],
        planned_npv=planned[2],
        forecast_npv=forecasted[2],
        suggested=suggested,
        reasons=reasons,
    )
