"""The named inputs a case's formulas use: assumptions, derived items, phase-in shares, and the naming rules.

An assumption is a driver read from the document (a value, its unit and
source, its range); a derived item is a named formula over assumptions and
other derived items, written once. Formulas name both; the names follow one
rule (:func:`check_name`). Whether a formula names only known names, and
whether derived items refer to each other in a circle, only the whole case
can tell: :mod:`model.case_checks`.
"""

from __future__ import annotations

import math
import re

from pydantic import Field, StrictBool, StrictStr, ValidationInfo, field_validator, model_validator

from .formula import Formula
from .text import refuse_control
from .validation import Frozen as _Frozen
from .validation import Number, Year, problem
from .validation import finite as _finite

__all__ = ["OLD_NAMES", "RESERVED_NAMES", "Assumption", "Derived", "PhaseIn", "check_name", "check_shares"]

#: Names no assumption or derived item may take: the formula functions, and
#: ``indfasning``/``timer``, which version 1 gave a meaning inside formulas
#: (the phase-in share and the line's hours). Version 2 refuses them in
#: formulas with a message saying what to write instead.
RESERVED_NAMES = frozenset({"indfasning", "timer", "min", "max", "abs", "round", "mround"})
#: Version 1's names with a meaning inside formulas (see :data:`RESERVED_NAMES`).
OLD_NAMES = frozenset({"indfasning", "timer"})

# Matched whole (``fullmatch``): ``$`` alone would let "x\n" through.
_IDENT = re.compile(r"[a-z][a-z0-9_]*")

#: A phase-in profile: year -> share (0..1) as a number or a formula. Years
#: before the first key have share 0; later years keep the last key's share.
PhaseIn = dict[Year, Number | StrictStr]


def check_name(name: str, what: str) -> str:
    """``name`` if it is a valid, unreserved name of a ``what`` (assumption, derived item, profile); an error otherwise."""
    if not _IDENT.fullmatch(name):
        raise problem(
            "bad_name",
            "{what} name {name!r} must be lower-case letters, digits and _ (e.g. 'handover_minutes')",
            what=what,
            name=name,
        )
    if name in RESERVED_NAMES:
        raise problem("reserved_name", "{what} name {name!r} is reserved", what=what, name=name)
    return name


def check_shares(shares: dict[int, float | int | str]) -> None:
    """Every numeric phase-in share lies in 0..1 (a share, not a percentage); formulas are checked when evaluated."""
    for year, share in shares.items():
        if not isinstance(share, str) and not 0 <= share <= 1:
            raise problem(
                "share_range",
                "phase-in share for {year} is {share!r}; a share is between 0 and 1 (0.6, not 60)",
                year=year,
                share=share,
            )


class Assumption(_Frozen):
    """A named driver: ``value`` in ``unit``, with where it comes from.

    ``low``/``high`` are the three-point range (None: the ±20 % default of
    the uncertainty analysis applies). ``stated`` is the figure the
    document's text prints where the case uses a more precise, implied value
    (e.g. 122,79 t.kr. where the text rounds to 123); the audit recomputes the
    lines with the stated figures to show what the text's drivers give.
    ``minimum``/``maximum`` bound every value the assumption may take (0 and
    none by default; 1 for shares, 168 for hours per week); ``integer: true``
    makes its value a whole number (a count of ceiling lifts; a range around
    it may still be continuous). ``vary: false`` keeps background figures
    and structural shares (that must add up) out of the uncertainty analysis.
    """

    name: StrictStr
    label: StrictStr
    value: Number
    unit: StrictStr
    source: StrictStr
    group: StrictStr = "Øvrige"
    low: Number | None = None
    high: Number | None = None
    stated: Number | None = None
    minimum: Number | None = 0.0
    maximum: Number | None = None
    integer: StrictBool = False
    vary: StrictBool = True

    @field_validator("name")
    @classmethod
    def _identifier(cls, name: str) -> str:
        return check_name(name, "assumption")

    @field_validator("label", "unit", "group")
    @classmethod
    def _one_line(cls, text: str, info: ValidationInfo) -> str:
        return refuse_control(text, str(info.field_name))

    @model_validator(mode="after")
    def _consistent(self) -> Assumption:
        for what in ("value", "low", "high", "stated", "minimum", "maximum"):
            _finite(getattr(self, what), what)
        if self.integer and self.value != math.floor(self.value):
            msg = f"value {self.value} must be a whole number (a count; 'integer: true')"
            raise ValueError(msg)
        if self.low is not None and self.high is not None and self.low > self.high:
            msg = f"low ({self.low}) is greater than high ({self.high})"
            raise ValueError(msg)
        for what in ("value", "low", "high"):
            number = getattr(self, what)
            if number is None:
                continue
            if self.minimum is not None and number < self.minimum:
                msg = f"{what} {number} is below the minimum {self.minimum}"
                raise ValueError(msg)
            if self.maximum is not None and number > self.maximum:
                msg = f"{what} {number} is above the maximum {self.maximum}"
                raise ValueError(msg)
        if self.low is not None and self.low > self.value:
            msg = f"low ({self.low}) is greater than value ({self.value})"
            raise ValueError(msg)
        if self.high is not None and self.high < self.value:
            msg = f"high ({self.high}) is less than value ({self.value})"
            raise ValueError(msg)
        return self


class Derived(_Frozen):
    """A named quantity computed from assumptions and other derived items.

    ``formula`` is written once here and used by name in lines, in hours,
    in phase-in shares and in other derived items (e.g. ``brugere =
    medarbejdere * licensandel``). Its ``unit`` and ``source`` say what it is
    and where it comes from; derived items are not varied themselves in the
    uncertainty analysis, they follow the assumptions they are built from.
    """

    name: StrictStr
    label: StrictStr = Field(min_length=1, max_length=300)
    formula: StrictStr
    unit: StrictStr
    source: StrictStr = ""

    @field_validator("name")
    @classmethod
    def _identifier(cls, name: str) -> str:
        return check_name(name, "derived item")

    @field_validator("label", "unit")
    @classmethod
    def _one_line(cls, text: str, info: ValidationInfo) -> str:
        return refuse_control(text, str(info.field_name))

    def parsed(self) -> Formula:
        """The formula, parsed (raises :class:`FormulaError`)."""
        return Formula.parse(self.formula)
