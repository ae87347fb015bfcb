"""Switching values: per assumption, the value at which the case changes sides of a threshold."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from .evaluate import Settings
from .key_figures import kpi_values
from .ranges import DEFAULT_SHARE, Range, UncertaintyError, one_at_a_time, ranges
from .schema import Assumption, Case
from .thresholds import Threshold

__all__ = ["SwitchingValue", "SwitchingValues", "switching_values"]

_BIG = 1e12  # stands in for ±inf (never pays back) inside the root finder
_TINY = 1e-300  # the sign of "exactly on the limit", which counts as met

SwitchingReason = Literal["", "base_invalid", "no_effect", "no_crossing", "non_finite", "not_verified"]


@dataclass(frozen=True)
class SwitchingValue:
    """Where one assumption, the others at base, makes the case change sides of the threshold.

    ``value`` is the nearest such value to the base within ``bracket`` (None:
    n/a, ``reason`` says why: ``no_effect`` the key figure does not depend on
    the assumption; ``no_crossing`` no value in the bracket changes the
    outcome; ``non_finite`` the formulas break down (division by zero) at
    ``non_finite_at`` before any change; ``base_invalid`` the case gives no
    finite figures at base; ``not_verified`` the root finder could not pin
    down a change the scan saw). ``verified``: re-evaluating just either side
    of ``value`` confirms the change (if not, ``reason`` is ``not_verified``
    and ``value`` is the unconfirmed root). ``kpi_at_value`` is the key
    figure there (the limit, or a step's edge for rounded formulas and
    whole-year payback). ``other`` is a crossing on the other side of the
    base, if there is one.
    """

    range: Range
    bracket: tuple[float, float]
    value: float | None = None
    kpi_at_value: float | None = None
    verified: bool = False
    reason: SwitchingReason = ""
    non_finite_at: float | None = None
    other: float | None = None

    @property
    def change(self) -> float | None:
        """``(value - base) / |base|``: the relative change needed; None for n/a or a base of 0."""
        if self.value is None or self.range.base == 0:
            return None
        return (self.value - self.range.base) / abs(self.range.base)

    def describe(self) -> str:
        """The outcome in plain English (the app translates the reason codes itself)."""
        low, high = self.bracket
        if self.value is not None:
            check = "checked" if self.verified else "NOT confirmed by re-evaluation"
            return f"{self.range.name} = {self.value:g} ({check})"
        return {
            "base_invalid": "n/a: the case gives no finite figures at its base values",
            "no_effect": "n/a: the key figure does not depend on this assumption",
            "no_crossing": f"n/a: no value from {low:g} to {high:g} changes the outcome",
            "non_finite": f"n/a: the formulas give no finite amount at {self.non_finite_at:g} (division by zero?)",
            "not_verified": "n/a: the root finder found no confirmed change",
        }.get(self.reason, "n/a")


@dataclass(frozen=True)
class SwitchingValues:
    """Switching values of every assumption for one threshold.

    ``meets_at_base``: whether the case passes at its base values; if it
    does, each value is where it stops passing, if not, where it starts.
    """

    threshold: Threshold
    base_kpi: float
    meets_at_base: bool
    rows: tuple[SwitchingValue, ...]

    @property
    def any_found(self) -> bool:
        """Whether at least one assumption has a switching value."""
        return any(r.value is not None for r in self.rows)

    def frame(self) -> pd.DataFrame:
        """One row per assumption: base, switching value, relative change, check and reason."""
        return pd.DataFrame(
            [
                {
                    "name": r.range.name,
                    "label": r.range.label,
                    "unit": r.range.unit,
                    "base": r.range.base,
                    "value": r.value,
                    "change": r.change,
                    "kpi_at_value": r.kpi_at_value,
                    "verified": r.verified,
                    "reason": r.reason,
                    "bracket_low": r.bracket[0],
                    "bracket_high": r.bracket[1],
                }
                for r in self.rows
            ],
            columns=[
                "name", "label", "unit", "base", "value", "change", "kpi_at_value", "verified", "reason",
                "bracket_low", "bracket_high",
            ],
        )  # fmt: skip


def _bracket(a: Assumption, r: Range, factor: float) -> tuple[float, float]:
    """``base ± factor · max(|base|, range width)`` (±factor where both are 0), within minimum/maximum."""
    width = factor * max(abs(r.base), r.width) or factor
    low, high = r.base - width, r.base + width
    if a.minimum is not None:
        low = max(low, float(a.minimum))
    if a.maximum is not None:
        high = min(high, float(a.maximum))
    return low, high


def switching_values(
    case: Case,
    threshold: Threshold,
    settings: Settings | None = None,
    *,
    bracket: float = 10.0,
    grid: int = 200,
    default_share: float = DEFAULT_SHARE,
) -> SwitchingValues:
    """Per assumption, the value at which the case stops (or starts) meeting ``threshold``.

    Assumptions held fixed (``vary: false``) are left out. Method: scan
    ``grid`` points each way from the base out to the wide bracket
    ``base ± bracket · max(|base|, high - low)`` (kept within the
    assumption's minimum/maximum), all assumptions in one vectorised pass;
    at the first change of outcome nearest the base, refine with
    :func:`scipy.optimize.brentq` on the threshold margin; then re-evaluate
    just inside and just outside the root to confirm the change
    (``verified``). Rounded formulas (``mround``) make steps; the root is
    then the step's edge, which the re-evaluation confirms just as well.
    """
    settings = settings or Settings()
    if not isinstance(grid, int) or grid < 2:
        msg = f"the search grid needs at least 2 points each way, got {grid!r}"
        raise UncertaintyError(msg)
    rs = [r for r in ranges(case, default_share) if not r.fixed]
    assumptions = {a.name: a for a in case.assumptions}
    brackets = [_bracket(assumptions[r.name], r, bracket) for r in rs]
    steps = np.linspace(0.0, 1.0, grid + 1)[1:]
    points = [
        np.concatenate([r.base + (lo - r.base) * steps, r.base + (hi - r.base) * steps])
        for r, (lo, hi) in zip(rs, brackets, strict=True)
    ]
    figures = kpi_values(case, one_at_a_time(rs, points), settings)[threshold.figure]
    margins = threshold.margin(figures)
    base_kpi, base_margin = float(figures[0]), float(margins[0])
    meets_at_base = bool(base_margin >= 0)
    rows = []
    for i, (r, box) in enumerate(zip(rs, brackets, strict=True)):
        if math.isnan(base_margin):
            rows.append(SwitchingValue(range=r, bracket=box, reason="base_invalid"))
            continue
        start = 1 + 2 * grid * i
        scan = margins[start : start + 2 * grid]
        scan_figures = figures[start : start + 2 * grid]
        finite = scan_figures[~np.isnan(scan_figures)]
        if finite.size == scan_figures.size and np.all(finite == base_kpi):
            rows.append(SwitchingValue(range=r, bracket=box, reason="no_effect"))
            continue
        found: list[tuple[float, float | None, bool]] = []  # (root, kpi at root, verified)
        broken: list[float] = []
        failed = False  # brentq could not refine a change the scan saw
        for direction, half in ((-1, slice(0, grid)), (1, slice(grid, 2 * grid))):
            xs, ms = points[i][half], scan[half]
            crossing = _first_change(r.base, base_margin, xs, ms)
            if crossing is None:
                continue
            if crossing[0] == "nan":
                broken.append(crossing[1])
                continue
            _, inside, outside = crossing
            refined = _refine(case, settings, threshold, r, inside, outside, meets_at_base, direction)
            if refined is None:
                failed = True
            else:
                found.append(refined)
        found.sort(key=lambda f: abs(f[0] - r.base))
        if found:
            root, at_root, verified = found[0]
            other = found[1][0] if len(found) > 1 else None
            rows.append(
                SwitchingValue(
                    range=r,
                    bracket=box,
                    value=root,
                    kpi_at_value=at_root,
                    verified=verified,
                    reason="" if verified else "not_verified",
                    other=other,
                )
            )
        elif failed:
            rows.append(SwitchingValue(range=r, bracket=box, reason="not_verified"))
        elif broken:
            nearest = min(broken, key=lambda x: abs(x - r.base))
            rows.append(SwitchingValue(range=r, bracket=box, reason="non_finite", non_finite_at=nearest))
        else:
            rows.append(SwitchingValue(range=r, bracket=box, reason="no_crossing"))
    return SwitchingValues(threshold=threshold, base_kpi=base_kpi, meets_at_base=meets_at_base, rows=tuple(rows))


def _first_change(
    base: float, base_margin: float, xs: np.ndarray, margins: np.ndarray
) -> tuple[str, float] | tuple[str, float, float] | None:
    """Walk out from the base: ``("change", inside, outside)``, ``("nan", x)`` or None."""
    status = base_margin >= 0
    previous = base
    for x, m in zip(xs, margins, strict=True):
        if math.isnan(m):
            return ("nan", float(x))
        if (m >= 0) != status:
            return ("change", float(previous), float(x))
        previous = x
    return None


def _refine(
    case: Case,
    settings: Settings,
    threshold: Threshold,
    r: Range,
    inside: float,
    outside: float,
    meets_at_base: bool,
    direction: int,
) -> tuple[float, float | None, bool] | None:
    """brentq on the margin between ``inside`` (base's outcome) and ``outside``, then a re-check of both sides.

    Returns ``(root, key figure at the root, verified)``, or None when brentq fails.
    """
    from scipy.optimize import brentq  # imported where used: the app starts without scipy

    def kpi_at(x: float) -> float:
        return float(kpi_values(case, {r.name: x}, settings)[threshold.figure])

    def margin(x: float) -> float:
        m = float(threshold.margin(kpi_at(x)))
        if math.isnan(m):
            return m
        if m == 0:
            # Exactly on the limit counts as met: give it the sign of "met", so that the
            # sign changes where the outcome does (whole-year payback is a step function).
            return _TINY
        # brentq needs finite values; a payback that never comes is simply far on the losing side.
        return max(-_BIG, min(_BIG, m))

    scale = max(1.0, abs(inside), abs(outside))
    try:
        root = float(brentq(margin, inside, outside, xtol=1e-12 * scale, maxiter=200))
    except (ValueError, RuntimeError):
        return None
    delta = 1e-9 * scale
    near, far = root - direction * delta, root + direction * delta
    verified = bool(
        (threshold.margin(kpi_at(near)) >= 0) == meets_at_base and (threshold.margin(kpi_at(far)) >= 0) != meets_at_base
    )
    at_root = kpi_at(root)
    return (root, None if math.isnan(at_root) else at_root, verified)
