"""Uncertainty: three-point ranges, tornado, switching values and Monte Carlo.

Every analysis here runs the case's own formulas through
:func:`model.compute_flows` with assumption values as numpy arrays, so one
call evaluates many scenarios at once: the tornado's 2·k ends, the switching
values' search grid and each block of 10.000 Monte Carlo draws are each a
single vectorised pass, never a Python loop over scenarios.

Key figures (``KPIS``), in the documents' units and signs:

``net_permanent``
    Varig effektivisering, netto: the fully phased-in Samlet varig ændring,
    1.000 kr. a year; **negative is a saving**.
``payback``
    Payback time in years with the last year interpolated
    (``KPIs.payback_exact``); ``inf`` where the case never pays back.
``payback_years``
    The same in whole years as the documents print it (``inf``: never).
``npv``
    Present value of the net savings, 1.000 kr.; **positive when it pays**.

A draw or scenario whose formulas give no finite amount (a division by
zero) has ``nan`` for every key figure and is counted, never raised.

Ranges: an assumption's ``low``/``high`` from the case file, or where one is
missing, ``value ∓ 20 %`` of its magnitude, flagged ``is_default`` and
clipped to the assumption's ``minimum``/``maximum`` (flagged ``clipped``).
An assumption marked ``vary: false`` in the case file (a background figure,
or shares that must add up) is held at its value (``fixed``) and left out
of the tornado and the switching values.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
from pydantic import ValidationError
from scipy.optimize import brentq

from .evaluate import Settings, assumption_values, compute_flows
from .kpi import npv, payback
from .schema import Assumption, Case

__all__ = [
    "BLOCK",
    "DEFAULT_DRAWS",
    "DEFAULT_SHARE",
    "DISTRIBUTIONS",
    "KPIS",
    "MAX_DRAWS",
    "MAX_SEED",
    "RANGE_PROBLEMS",
    "MonteCarlo",
    "Range",
    "SwitchingValue",
    "SwitchingValues",
    "Threshold",
    "Tornado",
    "TornadoBar",
    "UncertaintyError",
    "block_sizes",
    "check_draws",
    "kpi_values",
    "monte_carlo",
    "monte_carlo_block",
    "range_problem",
    "ranges",
    "switching_values",
    "tornado",
    "with_ranges",
]

#: Key figures the analyses report (see the module docstring for units and signs).
KPIS: tuple[str, ...] = ("net_permanent", "payback", "payback_years", "npv")
#: Half-width of the default range, as a share of the value's magnitude.
DEFAULT_SHARE = 0.20
#: Distributions for Monte Carlo draws from a three-point range.
DISTRIBUTIONS: tuple[str, ...] = ("pert", "triangular")
#: Draws in a Monte Carlo run unless the user says otherwise.
DEFAULT_DRAWS = 10_000
#: Most draws accepted in one run: 10^6 takes a few seconds and ~50 MB.
MAX_DRAWS = 1_000_000
#: Largest seed accepted (seeds are whole numbers 0..MAX_SEED).
MAX_SEED = 2**32 - 1
#: Draws per block: one vectorised pass, with its own random streams (see monte_carlo_block).
BLOCK = 10_000

_LESS_IS_BETTER = {"net_permanent": True, "payback": True, "payback_years": True, "npv": False}
_BIG = 1e12  # stands in for ±inf (never pays back) inside the root finder
_TINY = 1e-300  # the sign of "exactly on the limit", which counts as met


class UncertaintyError(ValueError):
    """Input the analysis cannot use (a range, N, a seed, a threshold); the message says what to change."""


# --------------------------------------------------------------------------- ranges


@dataclass(frozen=True)
class Range:
    """The three-point range of one assumption, in the assumption's unit.

    ``low ≤ base ≤ high``. ``low_is_default``/``high_is_default``: that end
    is the ±20 % default (the case gives none). ``clipped``: a default end
    was cut back to the assumption's minimum or maximum (``note`` says which).
    ``fixed``: the case holds the assumption at its value (``vary: false``);
    then ``low == base == high``.
    """

    name: str
    label: str
    unit: str
    low: float
    base: float
    high: float
    low_is_default: bool = False
    high_is_default: bool = False
    clipped: bool = False
    fixed: bool = False
    note: str = ""

    @property
    def is_default(self) -> bool:
        """True where either end is the ±20 % default rather than the case's own figure."""
        return self.low_is_default or self.high_is_default

    @property
    def width(self) -> float:
        """``high - low``; 0 for a point (nothing to vary)."""
        return self.high - self.low


def _range(a: Assumption, share: float) -> Range:
    value = float(a.value)
    if not a.vary:
        note = "held at its value (vary: false)"
        return Range(name=a.name, label=a.label, unit=a.unit, low=value, base=value, high=value, fixed=True, note=note)
    spread = share * abs(value)
    low = float(a.low) if a.low is not None else value - spread
    high = float(a.high) if a.high is not None else value + spread
    notes = []
    clipped = False
    if a.minimum is not None and low < a.minimum:
        low, clipped = float(a.minimum), True
        notes.append(f"low clipped to the minimum {a.minimum:g}")
    if a.maximum is not None and high > a.maximum:
        high, clipped = float(a.maximum), True
        notes.append(f"high clipped to the maximum {a.maximum:g}")
    return Range(
        name=a.name,
        label=a.label,
        unit=a.unit,
        low=low,
        base=value,
        high=high,
        low_is_default=a.low is None,
        high_is_default=a.high is None,
        clipped=clipped,
        note="; ".join(notes),
    )


def ranges(case: Case, default_share: float = DEFAULT_SHARE) -> tuple[Range, ...]:
    """Every assumption's range, in the case's order.

    A missing end is ``value ∓ default_share · |value|`` (±20 %), flagged as a
    default and clipped to the assumption's minimum/maximum. A value of 0
    with no range of its own gives a point (width 0): nothing to vary.

    >>> from model.schema import Assumption
    >>> _range(Assumption(name="x", label="x", value=0.9, unit="andel", source="", maximum=1), 0.2)
    Range(name='x', label='x', unit='andel', low=0.72, base=0.9, high=1.0, low_is_default=True, \
high_is_default=True, clipped=True, fixed=False, note='high clipped to the maximum 1')
    """
    if not (math.isfinite(default_share) and 0 <= default_share <= 1):
        msg = f"the default range must be between 0 % and 100 % of the value, got {default_share!r}"
        raise UncertaintyError(msg)
    return tuple(_range(a, default_share) for a in case.assumptions)


def with_ranges(case: Case, changes: Mapping[str, tuple[float | None, float | None]]) -> Case:
    """A copy of ``case`` with some assumptions' ``(low, high)`` replaced (None: the default).

    Checked like a case file: ``low ≤ value ≤ high``, both finite and within
    the assumption's minimum/maximum; an assumption held fixed (``vary:
    false``) takes no range. Raises :class:`UncertaintyError` naming
    the assumption and what is wrong; the case itself is untouched.
    """
    known = {a.name: a for a in case.assumptions}
    unknown = sorted(set(changes) - set(known))
    if unknown:
        msg = f"case {case.id}: unknown assumption(s): {', '.join(unknown)}"
        raise UncertaintyError(msg)
    replaced = []
    for a in case.assumptions:
        if a.name not in changes:
            replaced.append(a)
            continue
        low, high = changes[a.name]
        problem = range_problem(a, low, high)
        if problem:
            code, fields = problem
            msg = f"{a.label} ({a.name}): {RANGE_PROBLEMS[code].format(**fields)}"
            raise UncertaintyError(msg)
        data = {**a.model_dump(), "low": _number(low), "high": _number(high)}
        try:
            replaced.append(Assumption.model_validate(data))
        except ValidationError as exc:  # pragma: no cover - range_problem catches these first
            msg = f"{a.label} ({a.name}): {exc.errors()[0]['msg'].removeprefix('Value error, ')}"
            raise UncertaintyError(msg) from None
    return case.model_copy(update={"assumptions": replaced})


def _number(value: float | None) -> float | None:
    return None if value is None else float(value)


#: What :func:`range_problem` codes mean, in English (the app has its own translations).
RANGE_PROBLEMS: dict[str, str] = {
    "fixed": "the case holds it at its value (vary: false)",
    "not_finite": "{end} must be a finite number",
    "below_minimum": "{end} {value:g} is below the smallest possible value {limit:g}",
    "above_maximum": "{end} {value:g} is above the largest possible value {limit:g}",
    "low_above_high": "low ({low:g}) is greater than high ({high:g})",
    "low_above_base": "low ({low:g}) is greater than the base value ({base:g})",
    "high_below_base": "high ({high:g}) is less than the base value ({base:g})",
}


def range_problem(a: Assumption, low: float | None, high: float | None) -> tuple[str, dict[str, object]] | None:
    """Why ``(low, high)`` cannot be ``a``'s range: a code of :data:`RANGE_PROBLEMS` and its fields; None if it can.

    None for an end means "the default". ``low ≤ value ≤ high`` is required,
    finite, within the assumption's minimum/maximum; an assumption held fixed
    takes no range.
    """
    if not a.vary:
        return ("fixed", {})
    for end, number in (("low", low), ("high", high)):
        if number is None:
            continue
        if not math.isfinite(number):
            return ("not_finite", {"end": end})
        if a.minimum is not None and number < a.minimum:
            return ("below_minimum", {"end": end, "value": number, "limit": a.minimum})
        if a.maximum is not None and number > a.maximum:
            return ("above_maximum", {"end": end, "value": number, "limit": a.maximum})
    if low is not None and high is not None and low > high:
        return ("low_above_high", {"low": low, "high": high})
    if low is not None and low > a.value:
        return ("low_above_base", {"low": low, "base": a.value})
    if high is not None and high < a.value:
        return ("high_below_base", {"high": high, "base": a.value})
    return None


# --------------------------------------------------------------------------- key figures


def kpi_values(
    case: Case, values: Mapping[str, float | np.ndarray] | None = None, settings: Settings | None = None
) -> dict[str, np.ndarray]:
    """Every key figure (``KPIS``) for assumption ``values``: floats or arrays of shape ``(n,)``.

    One vectorised pass through :func:`compute_flows`. Returns arrays of the
    values' broadcast shape: ``nan`` where a formula gives no finite amount
    in some line and year, ``inf`` payback where the case never pays back.
    The key ``"valid"`` holds the mask of finite scenarios.
    """
    settings = settings or Settings()
    with np.errstate(all="ignore"):
        flows = compute_flows(case, values)
    valid = np.ones(flows.permanent.shape[:-1], dtype=bool)
    # Only amounts: staff hours (which may divide by an hourly rate) are not part of these figures.
    for series in flows.lines.values():
        valid &= np.isfinite(series).all(axis=-1)
    flow = flows.total_impact_all
    level = flows.net_permanent
    with np.errstate(all="ignore"):
        pay = payback(flow, level, flows.gross_costs)
        present = npv(flow, level, settings.discount_rate, settings.horizon)
    figures = {
        "net_permanent": level,
        "payback": np.where(np.isnan(pay.exact), np.inf, pay.exact),
        "payback_years": np.where(np.isnan(pay.years), np.inf, pay.years),
        "npv": present,
    }
    result = {key: np.where(valid, np.asarray(v, dtype=float), np.nan) for key, v in figures.items()}
    result["valid"] = valid
    return result


def _check_kpi(kpi: str) -> None:
    if kpi not in KPIS:
        msg = f"unknown key figure {kpi!r}; choose one of {', '.join(KPIS)}"
        raise UncertaintyError(msg)


# --------------------------------------------------------------------------- thresholds


@dataclass(frozen=True)
class Threshold:
    """A test the case should pass: ``payback ≤ limit``, ``npv ≥ limit`` or ``net_permanent ≤ limit``.

    ``limit`` is in the key figure's unit (years; 1.000 kr.). Payback is
    tested on whole years, which is the same as ``payback ≤ limit`` on the
    interpolated figure when ``limit`` is whole (except that a case paid
    back within its first year of spending has 0 interpolated years but 1
    whole year). ``figure`` is the key figure tested (``payback_years`` for
    payback). ``margin`` is how far a value is on the good side (≥ 0: met;
    negative: missed).

    >>> Threshold("npv", 0.0).margin(np.array([5.0, -2.0])).tolist()
    [5.0, -2.0]
    >>> Threshold("payback", 6).meets(np.array([5.5, np.inf])).tolist()
    [True, False]
    """

    kpi: Literal["payback", "npv", "net_permanent"]
    limit: float

    def __post_init__(self) -> None:
        if self.kpi not in ("payback", "npv", "net_permanent"):
            msg = f"a threshold tests payback, npv or net_permanent, not {self.kpi!r}"
            raise UncertaintyError(msg)
        if isinstance(self.limit, bool) or not isinstance(self.limit, (int, float)) or not math.isfinite(self.limit):
            msg = f"the threshold must be a finite number, got {self.limit!r}"
            raise UncertaintyError(msg)
        if self.kpi == "payback" and not 0 <= self.limit <= 200:
            msg = f"a payback threshold must be between 0 and 200 years, got {self.limit:g}"
            raise UncertaintyError(msg)

    @property
    def figure(self) -> str:
        """The key of :data:`KPIS` the test reads: whole years for payback, as the documents count."""
        return "payback_years" if self.kpi == "payback" else self.kpi

    @property
    def operator(self) -> str:
        """``"≤"`` or ``"≥"``."""
        return "≤" if _LESS_IS_BETTER[self.kpi] else "≥"

    def margin(self, values: np.ndarray) -> np.ndarray:
        """``limit - value`` (for ≤) or ``value - limit`` (for ≥); nan stays nan."""
        values = np.asarray(values, dtype=float)
        with np.errstate(invalid="ignore"):
            return self.limit - values if _LESS_IS_BETTER[self.kpi] else values - self.limit

    def meets(self, values: np.ndarray) -> np.ndarray:
        """Whether each value passes (nan: False)."""
        with np.errstate(invalid="ignore"):
            return self.margin(values) >= 0

    def __str__(self) -> str:
        return f"{self.kpi} {self.operator} {self.limit:g}"


# --------------------------------------------------------------------------- tornado


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


def _one_at_a_time(rs: Sequence[Range], points: Sequence[Sequence[float]]) -> dict[str, np.ndarray]:
    """Scenario 0 at base; then for assumption i its ``points[i]`` in turn, the others at base."""
    total = 1 + sum(len(p) for p in points)
    values: dict[str, np.ndarray] = {}
    start = 1
    for r, p in zip(rs, points, strict=True):
        column = np.full(total, r.base)
        column[start : start + len(p)] = p
        values[r.name] = column
        start += len(p)
    return values


def tornado(case: Case, settings: Settings | None = None, kpi: str = "npv", default_share: float = DEFAULT_SHARE) -> Tornado:
    """The tornado of ``kpi``: each assumption at its low and its high end, the others at base.

    Assumptions held fixed (``vary: false``) are left out. All 2·k + 1
    scenarios are evaluated in one vectorised pass. The payback tornado is
    best drawn on ``"payback"`` (interpolated years): whole years
    (``"payback_years"``) move in steps and hide most swings.
    """
    _check_kpi(kpi)
    rs = [r for r in ranges(case, default_share) if not r.fixed]
    figures = kpi_values(case, _one_at_a_time(rs, [(r.low, r.high) for r in rs]), settings)[kpi]
    bars = []
    for i, r in enumerate(rs):
        at_low, at_high = float(figures[1 + 2 * i]), float(figures[2 + 2 * i])
        bad = [f"{what} ({x:g})" for what, x, y in (("low", r.low, at_low), ("high", r.high, at_high)) if math.isnan(y)]
        note = f"the formulas give no finite amount at {' and '.join(bad)} (division by zero?)" if bad else ""
        bars.append(TornadoBar(range=r, kpi_low=at_low, kpi_high=at_high, note=note))
    bars.sort(key=lambda b: (math.isnan(b.swing), -b.swing if not math.isnan(b.swing) else 0.0))
    return Tornado(kpi=kpi, base=float(figures[0]), bars=tuple(bars))


# --------------------------------------------------------------------------- switching values

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
    figures = kpi_values(case, _one_at_a_time(rs, points), settings)[threshold.figure]
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


# --------------------------------------------------------------------------- Monte Carlo


@dataclass(frozen=True)
class MonteCarlo:
    """``n`` draws of every key figure, reproducible from ``seed``.

    ``kpis[k]`` has shape ``(n,)``: ``nan`` for a draw whose formulas gave no
    finite amount (counted in ``n_invalid``, left out of every statistic),
    ``inf`` payback for a draw that never pays back (kept: it counts as
    "not within N years" and sorts above every finite payback).
    """

    distribution: str
    n: int
    seed: int
    ranges: tuple[Range, ...]
    kpis: Mapping[str, np.ndarray] = field(repr=False)
    valid: np.ndarray = field(repr=False)

    @classmethod
    def from_blocks(
        cls,
        case: Case,
        blocks: Sequence[Mapping[str, np.ndarray]],
        *,
        seed: int,
        distribution: str,
        default_share: float = DEFAULT_SHARE,
    ) -> MonteCarlo:
        """A run put together from :func:`monte_carlo_block` results, in block order."""
        kpis = {key: np.concatenate([b[key] for b in blocks]) for key in KPIS}
        valid = np.concatenate([b["valid"] for b in blocks])
        return cls(
            distribution=distribution,
            n=int(valid.size),
            seed=seed,
            ranges=ranges(case, default_share),
            kpis=kpis,
            valid=valid,
        )

    @property
    def n_valid(self) -> int:
        """Draws with finite figures."""
        return int(self.valid.sum())

    @property
    def n_invalid(self) -> int:
        """Draws whose formulas gave no finite amount (division by zero), left out."""
        return self.n - self.n_valid

    def values(self, kpi: str) -> np.ndarray:
        """The valid draws of ``kpi`` (``inf`` kept for a payback that never comes)."""
        _check_kpi(kpi)
        return self.kpis[kpi][self.valid]

    def percentiles(self, kpi: str, q: Sequence[float] = (10, 50, 90)) -> tuple[float, ...]:
        """P10/P50/P90 (or ``q``) of ``kpi`` over the valid draws; nan when none.

        Each percentile is an actual draw (numpy's ``inverted_cdf``, no
        interpolation), so a payback that never comes stays ``inf`` ("never")
        instead of turning into nan.
        """
        data = self.values(kpi)
        if data.size == 0:
            return tuple(math.nan for _ in q)
        return tuple(float(v) for v in np.percentile(data, list(q), method="inverted_cdf"))

    def mean(self, kpi: str) -> float:
        """Mean of ``kpi`` over the valid draws (inf if any payback never comes)."""
        data = self.values(kpi)
        return float(data.mean()) if data.size else math.nan

    def probability(self, threshold: Threshold) -> float:
        """Share of valid draws that meet ``threshold`` (e.g. payback ≤ N years); nan when none are valid."""
        data = self.values(threshold.figure)
        return float(threshold.meets(data).mean()) if data.size else math.nan

    def share_never(self) -> float:
        """Share of valid draws that never pay back."""
        data = self.values("payback")
        return float(np.isinf(data).mean()) if data.size else math.nan

    def histogram(self, kpi: str, bins: int = 40) -> pd.DataFrame:
        """Counts of the finite draws of ``kpi`` in ``bins`` equal bins: ``start``, ``end``, ``count``, ``share``.

        ``share`` is of all valid draws, so a payback histogram's shares add
        up to 1 minus :meth:`share_never`.
        """
        data = self.values(kpi)
        finite = data[np.isfinite(data)]
        if finite.size == 0:
            return pd.DataFrame(columns=["start", "end", "count", "share"])
        counts, edges = np.histogram(finite, bins=bins)
        return pd.DataFrame({"start": edges[:-1], "end": edges[1:], "count": counts, "share": counts / max(data.size, 1)})


def check_draws(n: object, seed: object, distribution: object) -> None:
    """Refuse a number of draws, a seed or a distribution that :func:`monte_carlo` cannot use.

    ``n``: a whole number from 1 to :data:`MAX_DRAWS`; ``seed``: a whole
    number from 0 to :data:`MAX_SEED`; ``distribution``: one of
    :data:`DISTRIBUTIONS`. Raises :class:`UncertaintyError` saying which.
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 1 <= n <= MAX_DRAWS:
        msg = f"the number of draws must be a whole number from 1 to {MAX_DRAWS:,}, got {n!r}"
        raise UncertaintyError(msg)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= seed <= MAX_SEED:
        msg = f"the seed must be a whole number from 0 to {MAX_SEED}, got {seed!r}"
        raise UncertaintyError(msg)
    if distribution not in DISTRIBUTIONS:
        msg = f"unknown distribution {distribution!r}; choose one of {', '.join(DISTRIBUTIONS)}"
        raise UncertaintyError(msg)


def block_sizes(n: int) -> list[int]:
    """Sizes of the blocks that make up ``n`` draws: full :data:`BLOCK` s, then the rest.

    >>> block_sizes(25_000)
    [10000, 10000, 5000]
    """
    full, rest = divmod(int(n), BLOCK)
    return [BLOCK] * full + ([rest] if rest else [])


def _draw(rng: np.random.Generator, r: Range, distribution: str, size: int) -> np.ndarray:
    """``size`` draws from ``r``: triangular(low, base, high) or Beta-PERT.

    Beta-PERT: ``α = 1 + 4(m − a)/(b − a)``, ``β = 1 + 4(b − m)/(b − a)``,
    ``x = a + (b − a)·Beta(α, β)``; its mean is ``(a + 4m + b)/6``.
    """
    a, m, b = r.low, r.base, r.high
    if distribution == "triangular":
        return rng.triangular(a, m, b, size)
    alpha = 1.0 + 4.0 * (m - a) / (b - a)
    beta = 1.0 + 4.0 * (b - m) / (b - a)
    return a + (b - a) * rng.beta(alpha, beta, size)


def monte_carlo_block(
    case: Case,
    settings: Settings | None = None,
    *,
    block: int,
    size: int,
    seed: int,
    distribution: str = "pert",
    default_share: float = DEFAULT_SHARE,
) -> dict[str, np.ndarray]:
    """Draws ``block · BLOCK`` to ``block · BLOCK + size - 1`` of a run: every key figure, one vectorised pass.

    Each assumption with a range is drawn from its own random stream,
    ``numpy.random.default_rng([seed, block, crc32(name)])``: a block is the
    same whatever the run's ``n`` and whichever blocks are computed (or
    cached) before it, and adding an assumption leaves the others' draws
    alone. Returns :func:`kpi_values`' arrays of shape ``(size,)``.
    """
    check_draws(max(size, 1), seed, distribution)
    if not 1 <= size <= BLOCK or block < 0:
        msg = f"a block holds 1 to {BLOCK} draws and has a number from 0, got block {block}, size {size}"
        raise UncertaintyError(msg)
    values: dict[str, float | np.ndarray] = dict(assumption_values(case))
    for r in ranges(case, default_share):
        if r.width > 0:
            rng = np.random.default_rng([int(seed), int(block), zlib.crc32(r.name.encode())])
            values[r.name] = _draw(rng, r, distribution, size)
    figures = kpi_values(case, values, settings)
    return {key: np.broadcast_to(figures[key], (size,)).copy() for key in (*KPIS, "valid")}


def monte_carlo(
    case: Case,
    settings: Settings | None = None,
    *,
    n: int = DEFAULT_DRAWS,
    seed: int = 0,
    distribution: str = "pert",
    default_share: float = DEFAULT_SHARE,
    progress: Callable[[int, int], None] | None = None,
) -> MonteCarlo:
    """``n`` Monte Carlo draws of every key figure, from each assumption's three-point range.

    Each assumption is drawn independently from ``distribution`` (``"pert"``
    or ``"triangular"``) over its :func:`ranges` (points and assumptions
    held fixed stay at their value). The draws come in blocks of
    :data:`BLOCK` (see :func:`monte_carlo_block`), each one vectorised pass
    through the case's formulas; ``progress(done, n)`` is called after each.
    The same seed gives the same result, and the first 10.000 draws of a
    bigger run are those of a run of 10.000.
    """
    check_draws(n, seed, distribution)
    parts = []
    done = 0
    for block, size in enumerate(block_sizes(int(n))):
        parts.append(
            monte_carlo_block(
                case, settings, block=block, size=size, seed=int(seed), distribution=distribution, default_share=default_share
            )
        )
        done += size
        if progress is not None:
            progress(done, int(n))
    return MonteCarlo.from_blocks(case, parts, seed=int(seed), distribution=distribution, default_share=default_share)
