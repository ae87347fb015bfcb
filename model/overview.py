"""The overview: one row per case, as on the document's first page, with "I alt".

Columns (1.000 kr.): *Drift* (service investments from the investment pool;
the innovation pool is left out, as the document does), *Anlæg*,
*Tilbagebetalingstid* (whole years; None for "-") and *Varig effektivisering,
netto* (costs +, savings -), plus NPV (net savings, + when it pays) and the
årsværk freed at full phase-in.

The "I alt" NPV adds the cases' NPVs on a common base year, the earliest
first year among them (:func:`npv_total`): a case starting later is
discounted back, ``npv / (1 + rate) ** (first_year - base_year)``, so kroner
of different years are not added as if they were the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from .bundle import rebase_npv
from .evaluate import CaseResult

__all__ = ["Overview", "OverviewLine", "PriceLevelError", "npv_total", "overview"]


class PriceLevelError(ValueError):
    """Cases at different price levels cannot be added without re-indexing."""


@dataclass(frozen=True)
class OverviewLine:
    """One row of the overview (or the "I alt" row, where ``payback_years`` is None)."""

    id: str
    title: str
    drift: float
    anlaeg: float
    innovation: float
    payback_years: int | None
    net_permanent: float
    npv: float
    fte_full: float

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON (``+ 0.0``: no -0.0)."""
        return {
            "id": self.id,
            "title": self.title,
            "drift": round(self.drift, 6) + 0.0,
            "anlaeg": round(self.anlaeg, 6) + 0.0,
            "innovation": round(self.innovation, 6) + 0.0,
            "payback_years": self.payback_years,
            "net_permanent": round(self.net_permanent, 6) + 0.0,
            "npv": round(self.npv, 6) + 0.0,
            "fte_full": round(self.fte_full, 6) + 0.0,
        }


@dataclass(frozen=True)
class Overview:
    """Rows per case and their total; ``price_level`` shared by all rows."""

    rows: tuple[OverviewLine, ...]
    total: OverviewLine | None
    price_level: int | None

    def frame(self) -> pd.DataFrame:
        """The overview as a DataFrame, the total as the last row."""
        rows = [*self.rows, *([self.total] if self.total else [])]
        return pd.DataFrame([r.to_dict() for r in rows]).set_index("id")

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "price_level": self.price_level,
            "rows": [r.to_dict() for r in self.rows],
            "total": self.total.to_dict() if self.total else None,
        }


def npv_total(results: Sequence[CaseResult]) -> float:
    """The cases' NPVs added on the earliest first year among them (1.000 kr., + when it pays).

    ``Σ npv_i / (1 + rate_i) ** (first_year_i - base_year)``; 0 for no cases.
    """
    if not results:
        return 0.0
    base = min(r.case.first_year for r in results)
    return sum(rebase_npv(r.kpis.npv, r.case.first_year, base, r.settings.discount_rate) for r in results)


def overview(results: Sequence[CaseResult], allow_mixed_price_levels: bool = False) -> Overview:
    """The overview of ``results``, with the "I alt" row.

    Raises :class:`PriceLevelError` when the cases are at different price
    levels, naming them; with ``allow_mixed_price_levels`` the rows are kept
    and the total is left out (``total=None``) rather than adding unlike
    kroner.
    """
    rows = tuple(
        OverviewLine(
            id=r.case.id,
            title=r.case.title,
            drift=r.kpis.drift,
            anlaeg=r.kpis.anlaeg,
            innovation=r.kpis.innovation,
            payback_years=r.kpis.payback_years,
            net_permanent=r.kpis.net_permanent,
            npv=r.kpis.npv,
            fte_full=r.kpis.fte_full,
        )
        for r in results
    )
    levels = sorted({r.case.price_level for r in results})
    if len(levels) > 1:
        if not allow_mixed_price_levels:
            detail = ", ".join(f"{r.case.id}: {r.case.price_level}" for r in results)
            msg = f"the cases are at different price levels ({detail}); re-index them to one level before adding"
            raise PriceLevelError(msg)
        return Overview(rows=rows, total=None, price_level=None)
    total = OverviewLine(
        id="I alt",
        title="I alt",
        drift=sum(r.drift for r in rows),
        anlaeg=sum(r.anlaeg for r in rows),
        innovation=sum(r.innovation for r in rows),
        payback_years=None,
        net_permanent=sum(r.net_permanent for r in rows),
        npv=npv_total(results),
        fte_full=sum(r.fte_full for r in rows),
    )
    return Overview(rows=rows, total=total, price_level=levels[0] if levels else None)
