"""Several cases as one flow series: a case funded together with what it requires.

I4 pays back in 6 years on its own; funded with I1's network, which it
needs, the pair is one investment. :func:`summed_flows` adds the cases'
lines by calendar year, from the earliest first year to the latest last
year; a case's permanent lines go on after its own last year at that year's
level and its one-off lines do not (the documents' convention), and before
its first year it has nothing. :func:`bundle_figures` gives the key figures
of the sum, computed by the engine's KPI function on the summed flows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .evaluate import CaseResult, Flows, Settings
from .key_figures import key_figures

__all__ = ["BundleFigures", "bundle_figures", "rebase_npv", "summed_flows"]


def rebase_npv(npv: float, first_year: int, base_year: int, rate: float) -> float:
    """An NPV as of ``first_year`` (t = 0) discounted back to ``base_year``.

    ``npv_base = npv / (1 + rate) ** (first_year - base_year)``, in the NPV's
    unit (1.000 kr., + when it pays). A case starting a year after the base
    year is worth 1/(1 + rate) as much in base-year kroner.

    >>> round(rebase_npv(1035.0, 2017, 2016, 0.035), 6)
    1000.0
    """
    return float(npv) / (1.0 + rate) ** (first_year - base_year)


def _aligned(result: CaseResult, years: tuple[int, ...]) -> dict[str, np.ndarray]:
    """The case's lines on ``years``: zero before its first year, permanent lines at their last level after it."""
    own = result.flows.years
    start = years.index(own[0])
    after = len(years) - start - len(own)
    aligned: dict[str, np.ndarray] = {}
    for line in result.case.lines:
        series = np.asarray(result.flows.lines[line.name], dtype=float)
        tail = series[-1] if line.kind == "permanent" else 0.0
        aligned[line.name] = np.concatenate([np.zeros(start), series, np.full(after, tail)])
    return aligned


def summed_flows(results: Sequence[CaseResult]) -> Flows:
    """The cases' flows added by calendar year into one :class:`model.Flows`.

    Lines are keyed ``"<case id>: <line name>"``; the aggregates (permanent,
    service investment by pool, anlæg, gross costs) are the sums of the
    cases' lines placed on the common years. Amounts in 1.000 kr., costs +,
    savings −. Hours are summed the same way (permanent lines' hours go on).
    """
    if not results:
        msg = "a bundle needs at least one case"
        raise ValueError(msg)
    first = min(r.flows.years[0] for r in results)
    last = max(r.flows.years[-1] for r in results)
    years = tuple(range(first, last + 1))
    zero = np.zeros(len(years))
    lines: dict[str, np.ndarray] = {}
    hours: dict[str, np.ndarray] = {}
    sums = {"permanent": zero, "service_investment": zero, "innovation": zero, "capital_investment": zero}
    gross = zero
    for result in results:
        aligned = _aligned(result, years)
        own = result.flows.years
        start = years.index(own[0])
        for line in result.case.lines:
            key = f"{result.case.id}: {line.name}"
            series = aligned[line.name]
            lines[key] = series
            raw_hours = np.asarray(result.flows.line_hours[line.name], dtype=float)
            tail = raw_hours[-1] if line.kind == "permanent" else 0.0
            hours[key] = np.concatenate([np.zeros(start), raw_hours, np.full(len(years) - start - len(own), tail)])
            gross = gross + np.maximum(series, 0.0)
            if line.kind == "permanent":
                sums["permanent"] = sums["permanent"] + series
            elif line.funding == "innovationspulje":
                sums["innovation"] = sums["innovation"] + series
            elif line.area == "service":
                sums["service_investment"] = sums["service_investment"] + series
            else:
                sums["capital_investment"] = sums["capital_investment"] + series
    return Flows(years=years, lines=lines, line_hours=hours, gross_costs=gross, **sums)


@dataclass(frozen=True)
class BundleFigures:
    """Key figures of cases funded together, from their summed flows.

    ``payback_years``: whole years from the first year money is spent (None:
    never); ``npv``: net savings as of the bundle's first year (t = 0), 1.000
    kr., + when it pays; ``net_permanent``: the summed fully phased-in
    permanent level (− saves); ``first_year``: the bundle's first year.
    """

    ids: tuple[str, ...]
    first_year: int
    payback_years: int | None
    npv: float
    net_permanent: float
    fte: float


def bundle_figures(results: Sequence[CaseResult], settings: Settings) -> BundleFigures:
    """The key figures of ``results`` as one flow series (see :func:`summed_flows`)."""
    flows = summed_flows(results)
    figures = key_figures(flows, settings)
    years = float(figures.payback_years)
    return BundleFigures(
        ids=tuple(r.case.id for r in results),
        first_year=flows.years[0],
        payback_years=int(years) if np.isfinite(years) else None,
        npv=float(figures.npv),
        net_permanent=float(figures.net_permanent),
        fte=float(figures.fte_full),
    )
