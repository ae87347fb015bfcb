"""An evaluated case: its key figures (:class:`KPIs`) and :class:`CaseResult`, the engine's answer.

:func:`model.evaluate` makes them; they hold typed values (flows per year,
key figures) and give the document's tables as rows keyed by the layout
(:mod:`model.document`), and the command line's JSON (:meth:`CaseResult.summary`).
Units: 1.000 kr. at the case's price level, costs +, savings -; years; hours.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .document import Row, section1_frame, section1_rows, table_frame, table_rows
from .key_figures import key_figures
from .schema import Case

if TYPE_CHECKING:  # evaluate imports this module; these are only types here
    from .evaluate import Flows, Settings

__all__ = ["CaseResult", "KPIs", "kpis_of"]


@dataclass(frozen=True)
class KPIs:
    """The key figures of one evaluated case (1.000 kr.; years; hours).

    ``payback_years`` is whole years as the documents print them (None: no
    payback, printed "-"); ``payback_exact`` interpolates the last year.
    ``npv`` is the present value of net savings (positive when it pays).
    ``irr`` is None with ``irr_note`` giving the reason where there is none.
    ``drift``, ``anlaeg`` and ``innovation`` are the overview's columns,
    named as the document names them; each is the sum over the years of one
    series of :class:`model.Flows`: ``drift = Σ service_investment`` (the
    layout's aggregate: table 2, investment pool only), ``anlaeg = Σ
    capital_investment``, ``innovation = Σ innovation`` (table 2's lines
    sought from the innovation pool).
    """

    net_permanent: float
    payback_years: int | None
    payback_exact: float | None
    discounted_payback_years: int | None
    npv: float
    irr: float | None
    irr_note: str | None
    drift: float
    anlaeg: float
    innovation: float
    hours_full: float
    fte_full: float


def _optional(value: float, digits: int | None = None) -> float | None:
    if not np.isfinite(value):
        return None
    return (round(float(value), digits) if digits is not None else float(value)) + 0.0


def _whole(value: float) -> int | None:
    return int(value) if np.isfinite(value) else None


def kpis_of(flows: Flows, settings: Settings) -> KPIs:
    """The one scenario's :func:`model.key_figures` as plain numbers (None for "never")."""
    figures = key_figures(flows, settings)
    rate = figures.irr()
    return KPIs(
        net_permanent=float(figures.net_permanent),
        payback_years=_whole(float(figures.payback_years)),
        payback_exact=_optional(float(figures.payback), 4),
        discounted_payback_years=_whole(float(figures.discounted_payback_years)),
        npv=float(figures.npv),
        irr=rate.rate,
        irr_note=rate.reason,
        drift=float(figures.drift),
        anlaeg=float(figures.anlaeg),
        innovation=float(figures.innovation),
        hours_full=float(figures.hours_full),
        fte_full=float(figures.fte_full),
    )


@dataclass(frozen=True)
class CaseResult:
    """One case evaluated under ``settings``: flows per year and key figures."""

    case: Case
    settings: Settings
    flows: Flows
    kpis: KPIs
    fte: np.ndarray = field(repr=False)

    @property
    def years(self) -> tuple[int, ...]:
        """The calendar years of the tables."""
        return self.flows.years

    def section1_rows(self) -> tuple[Row, ...]:
        """Section 1 as typed rows keyed by the layout (:func:`model.document.section1_rows`)."""
        return section1_rows(self.case, self.flows)

    def table_rows(self, key: str | int) -> tuple[Row, ...]:
        """Table 1, 2 or 3 as typed rows, its total last (:func:`model.document.table_rows`)."""
        return table_rows(self.case, self.flows, key)

    def section1(self) -> pd.DataFrame:
        """Section 1 as a Danish DataFrame for the command line and notebooks (:func:`model.document.section1_frame`)."""
        return section1_frame(self)

    def table(self, number: int) -> pd.DataFrame:
        """Table 1, 2 or 3 as a Danish DataFrame, "I alt" included (:func:`model.document.table_frame`)."""
        return table_frame(self, number)

    def summary(self) -> dict[str, object]:
        """The case as plain JSON-ready data (the command line's ``summary``).

        Yearly series are named as :class:`model.Flows` and the layout's
        aggregates name them: ``service_investment_all`` is table 2's total,
        innovation pool included. ``investment_service`` is the same series
        under its old name, kept as an alias for one release (see
        ``docs/architecture.md``).
        """
        k = self.kpis
        return {
            "id": self.case.id,
            "title": self.case.title,
            "price_level": self.case.price_level,
            "years": list(self.years),
            "lines": {name: _rounded(values) for name, values in self.flows.lines.items()},
            "permanent_total": _rounded(self.flows.permanent),
            "service_investment_all": _rounded(self.flows.service_investment_all),
            "investment_service": _rounded(self.flows.service_investment_all),  # old name of service_investment_all
            "investment_service_innovation": _rounded(self.flows.innovation),
            "investment_capital": _rounded(self.flows.capital_investment),
            "total_impact": _rounded(self.flows.total_impact_all),
            "cumulative": _rounded(self.flows.cumulative),
            "hours": _rounded(self.flows.hours),
            "fte": _rounded(self.fte),
            "net_permanent": _round6(k.net_permanent),
            "payback_years": k.payback_years,
            "payback_exact": k.payback_exact,
            "discounted_payback_years": k.discounted_payback_years,
            "npv": _round6(k.npv),
            "irr": k.irr,
            "irr_note": k.irr_note,
            "drift": _round6(k.drift),
            "anlaeg": _round6(k.anlaeg),
            "innovation": _round6(k.innovation),
            "hours_full": _round6(k.hours_full),
            "fte_full": _round6(k.fte_full),
            "settings": {
                "discount_rate": self.settings.discount_rate,
                "horizon": self.settings.horizon,
                "hours_per_fte": self.settings.hours_per_fte,
            },
        }


def _round6(value: float) -> float:
    """``value`` to 6 decimals, -0.0 as 0.0 (no "-0" in any output)."""
    return round(float(value), 6) + 0.0


def _rounded(values: np.ndarray) -> list[float]:
    return [_round6(v) for v in values]
