"""The tornado: each assumption at its low and its high end, the others at base, in one pass."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from .evaluate import Settings
from .key_figures import kpi_values
from .ranges import DEFAULT_SHARE, Range, one_at_a_time, ranges
from .schema import Case
from .thresholds import check_kpi

__all__ = ["Tornado", "TornadoBar", "tornado"]


@dataclass(frozen=True)
class TornadoBar:
    """One assumption moved from its low to its high end, the others at base.

    ``kpi_low``/``kpi_high`` are the key figure at the assumption's low and
    high (not the lower and higher figure): ``inf`` for a payback that never
    comes, ``nan`` where the formulas give no finite amount (``note``).
    """

    range: Range
    kpi_low: float
    kpi_high: float
    note: str = ""

    @property
    def swing(self) -> float:
        """``|kpi_high - kpi_low|``: 0 when both ends agree (also both "never"), inf when one is never, nan when unknown."""
        if self.kpi_low == self.kpi_high:
            return 0.0
        return abs(self.kpi_high - self.kpi_low)


@dataclass(frozen=True)
class Tornado:
    """Swings of one key figure, largest first; unknown swings (nan) last."""

    kpi: str
    base: float
    bars: tuple[TornadoBar, ...]

    def frame(self) -> pd.DataFrame:
        """One row per assumption: range, key figure at each end, swing, flags."""
        return pd.DataFrame(
            [
                {
                    "name": b.range.name,
                    "label": b.range.label,
                    "unit": b.range.unit,
                    "low": b.range.low,
                    "base": b.range.base,
                    "high": b.range.high,
                    "is_default": b.range.is_default,
                    "clipped": b.range.clipped,
                    "kpi_low": b.kpi_low,
                    "kpi_high": b.kpi_high,
                    "swing": b.swing,
                    "note": "; ".join(n for n in (b.range.note, b.note) if n),
                }
                for b in self.bars
            ],
            columns=[
                "name", "label", "unit", "low", "base", "high", "is_default", "clipped",
                "kpi_low", "kpi_high", "swing", "note",
            ],
        )  # fmt: skip


def tornado(case: Case, settings: Settings | None = None, kpi: str = "npv", default_share: float = DEFAULT_SHARE) -> Tornado:
    """The tornado of ``kpi``: each assumption at its low and its high end, the others at base.

    Assumptions held fixed (``vary: false``) are left out. All 2·k + 1
    scenarios are evaluated in one vectorised pass. The payback tornado is
    best drawn on ``"payback"`` (interpolated years): whole years
    (``"payback_years"``) move in steps and hide most swings.
    """
    check_kpi(kpi)
    rs = [r for r in ranges(case, default_share) if not r.fixed]
    figures = kpi_values(case, one_at_a_time(rs, [(r.low, r.high) for r in rs]), settings)[kpi]
    bars = []
    for i, r in enumerate(rs):
        at_low, at_high = float(figures[1 + 2 * i]), float(figures[2 + 2 * i])
        bad = [f"{what} ({x:g})" for what, x, y in (("low", r.low, at_low), ("high", r.high, at_high)) if math.isnan(y)]
        note = f"the formulas give no finite amount at {' and '.join(bad)} (division by zero?)" if bad else ""
        bars.append(TornadoBar(range=r, kpi_low=at_low, kpi_high=at_high, note=note))
    bars.sort(key=lambda b: (math.isnan(b.swing), -b.swing if not math.isnan(b.swing) else 0.0))
    return Tornado(kpi=kpi, base=float(figures[0]), bars=tuple(bars))
