"""Three-point ranges of the assumptions, and the one-at-a-time scenarios built on them.

Ranges: an assumption's ``low``/``high`` from the case file, or where one is
missing, ``value ∓ 20 %`` of its magnitude, flagged ``is_default`` and
clipped to the assumption's ``minimum``/``maximum`` (flagged ``clipped``).
An assumption marked ``vary: false`` in the case file (a background figure,
or shares that must add up) is held at its value (``fixed``) and left out
of the tornado and the switching values.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from pydantic import ValidationError

from .schema import Assumption, Case

__all__ = [
    "DEFAULT_SHARE",
    "RANGE_PROBLEMS",
    "Range",
    "UncertaintyError",
    "one_at_a_time",
    "range_problem",
    "ranges",
    "vary_anyway",
    "with_ranges",
]

#: Half-width of the default range, as a share of the value's magnitude.
DEFAULT_SHARE = 0.20
#: Distributions for Monte Carlo draws from a three-point range.


class UncertaintyError(ValueError):
    """Input the analysis cannot use (a range, N, a seed, a threshold); the message says what to change."""


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

    @property
    def base_at_end(self) -> str | None:
        """``"low"``/``"high"`` when the base value sits at that end of a range the case file states.

        I5's "ca. 80-100" citizens with the base at 80: the document's figure
        is the most cautious end, and the page says so. None for default ends,
        points and bases inside the range.
        """
        if self.fixed or self.width <= 0:
            return None
        if not self.low_is_default and self.base == self.low:
            return "low"
        if not self.high_is_default and self.base == self.high:
            return "high"
        return None


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


def vary_anyway(case: Case, names: Iterable[str]) -> Case:
    """A copy of ``case`` in which the named assumptions are varied although the file holds them fixed.

    Constants of the calendar or the plan (weeks per year, counts the
    proposal fixes) carry ``vary: false`` and stay out of the tornado, the
    switching values and Monte Carlo unless the user says otherwise; this is
    how the user says so. They then take their own ``low``/``high`` or the
    ±20 % default. Raises :class:`UncertaintyError` for an unknown name.
    """
    wanted = set(names)
    unknown = sorted(wanted - {a.name for a in case.assumptions})
    if unknown:
        msg = f"case {case.id}: unknown assumption(s): {', '.join(unknown)}"
        raise UncertaintyError(msg)
    if not wanted:
        return case
    replaced = [a.model_copy(update={"vary": True}) if a.name in wanted else a for a in case.assumptions]
    return case.model_copy(update={"assumptions": replaced})


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


def one_at_a_time(rs: Sequence[Range], points: Sequence[Sequence[float]]) -> dict[str, np.ndarray]:
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
