"""The typed shape of a business case: assumptions, lines and reported figures.

A case file (``cases/*.yaml``) is validated once, here, into frozen pydantic
models; everything downstream trusts the types. Conventions (see
``docs/case-format.md``):

- amounts are in **1.000 kr.** at the case's price level;
- **costs are positive, savings negative**;
- a *permanent* line ("varig ændring") goes on after the last year at its
  last year's level; a *one-off* line ("implementeringsomkostning") does not;
- ``funding: innovationspulje`` marks table 2 lines with an X: section 1 and
  the overview's *Drift* leave them out, the payback time counts them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Literal

from pydantic import (
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .budget import MAX_YEARS, check_counts, check_work
from .criteria import FollowUpPlan
from .formula import Formula, FormulaError
from .reported import OverviewReport, OverviewRow, ReportedRow, ReportedTable
from .text import refuse_control
from .validation import Frozen as _Frozen
from .validation import Number, Year
from .validation import finite as _finite

__all__ = [
    "RESERVED_NAMES",
    "Assumption",
    "Case",
    "Line",
    "OverviewReport",
    "OverviewRow",
    "Reported",
    "ReportedRow",
    "ReportedTable",
]

#: Names a formula may use besides the case's assumptions.
#: ``indfasning``: the line's phase-in share in the year (0..1);
#: ``timer``: the line's own staff hours freed in the year.
RESERVED_NAMES = frozenset({"indfasning", "timer", "min", "max", "abs", "round", "mround"})

# Matched whole (``fullmatch``): ``$`` alone would let "I1\n" through.
_IDENT = re.compile(r"[a-z][a-z0-9_]*")
_CASE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}")


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
        if not _IDENT.fullmatch(name):
            msg = f"assumption name {name!r} must be lower-case letters, digits and _ (e.g. 'handover_minutes')"
            raise ValueError(msg)
        if name in RESERVED_NAMES:
            msg = f"assumption name {name!r} is reserved"
            raise ValueError(msg)
        return name

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


class Line(_Frozen):
    """One row of tables 1-3: a permanent change or a one-off investment.

    Amounts per year, in 1.000 kr. (costs +, savings -), given either as
    ``amounts`` (year -> number or formula) or as one ``formula`` applied to
    every year, times the phase-in share ``indfasning`` from ``phase_in``
    (year -> share or formula; years before the first key are 0, later years
    keep the last share). ``hours`` is an optional formula for the staff
    hours freed per year at full phase-in (times ``indfasning``);
    ``kept_hours`` likewise for the hours of staff kept in work who would
    otherwise have left (I6: staff retiring a year later), see
    ``model.labour``. ``price_index`` says which index re-indexes the line to
    another price level, ``wage`` or ``price`` (None: the default for its
    kind, see ``model.price_index``).
    """

    name: StrictStr = Field(min_length=1, max_length=200)
    kind: Literal["permanent", "one_off"]
    area: Literal["service", "anlaeg"]
    funding: Literal["investeringspulje", "innovationspulje"] = "investeringspulje"
    amounts: dict[Year, Number | StrictStr] | None = None
    formula: StrictStr | None = None
    phase_in: dict[Year, Number | StrictStr] | None = None
    hours: StrictStr | None = None
    kept_hours: StrictStr | None = None
    price_index: Literal["wage", "price"] | None = None
    confidence: Literal["high", "medium", "low"] | None = None
    note: StrictStr = ""

    @field_validator("name")
    @classmethod
    def _one_line(cls, name: str) -> str:
        return refuse_control(name, "line name")

    @model_validator(mode="after")
    def _one_way(self) -> Line:
        if (self.amounts is None) == (self.formula is None):
            msg = "give either 'amounts' (per year) or 'formula' (every year), not both or neither"
            raise ValueError(msg)
        if self.phase_in is not None and self.formula is None:
            msg = "'phase_in' only goes with 'formula'"
            raise ValueError(msg)
        if self.funding == "innovationspulje" and (self.kind, self.area) != ("one_off", "service"):
            msg = "only one-off service investments (table 2) can be sought from the innovationspulje"
            raise ValueError(msg)
        for year, amount in (self.amounts or {}).items():
            if not isinstance(amount, str):
                _finite(amount, f"amount for {year}")
        for year, share in (self.phase_in or {}).items():
            if not isinstance(share, str) and not 0 <= share <= 1:
                msg = f"phase-in share for {year} is {share!r}; a share is between 0 and 1 (0.6, not 60)"
                raise ValueError(msg)
        return self

    def formulas(self) -> dict[str, Formula]:
        """Every formula text of the line, parsed; keyed by where it stands."""
        texts: dict[str, str] = {}
        if self.formula is not None:
            texts["formula"] = self.formula
        if self.hours is not None:
            texts["hours"] = self.hours
        if self.kept_hours is not None:
            texts["kept_hours"] = self.kept_hours
        for year, amount in (self.amounts or {}).items():
            if isinstance(amount, str):
                texts[f"amounts.{year}"] = amount
        for year, share in (self.phase_in or {}).items():
            if isinstance(share, str):
                texts[f"phase_in.{year}"] = share
        return {where: Formula.parse(text) for where, text in texts.items()}

    @property
    def table(self) -> str:
        """The document's table the line stands in (``model.layout.TABLES``): a permanent change is
        ``"table1"``, a one-off service investment ``"table2"``, a one-off capital investment ``"table3"``."""
        if self.kind == "permanent":
            return "table1"
        return "table2" if self.area == "service" else "table3"


class Reported(_Frozen):
    """The document's own figures, kept apart from the inputs.

    ``payback_service``/``payback_total``: the printed payback times in
    whole years; null where the document prints "-".
    """

    payback_service: StrictInt | None = None
    payback_total: StrictInt | None = None
    tables: list[ReportedTable] = Field(default_factory=list)


class Case(_Frozen):
    """A whole business case: identity, years, assumptions, lines, reported figures."""

    id: StrictStr
    title: StrictStr = Field(min_length=1, max_length=300)
    summary: StrictStr = ""
    administration: StrictStr = ""
    price_level: Year
    first_year: Year
    last_year: Year
    assumptions: list[Assumption] = Field(default_factory=list)
    lines: list[Line] = Field(min_length=1)
    reported: Reported | None = None
    follow_up: FollowUpPlan | None = None  # section 9, "Opfølgning" (model/criteria.py)
    # --- portfolio (issue 12) ---
    #: Cases that must be funded for this one to work (ids); checked across the
    #: loaded cases by ``model.check_prerequisites`` (missing ids, cycles).
    requires: list[StrictStr] = Field(default_factory=list)
    #: Where the document says so (a quotation), for ``requires``.
    requires_source: StrictStr = ""
    #: Cases with the same group name are alternatives: at most one is funded.
    alternative_group: StrictStr | None = Field(default=None, min_length=1, max_length=100)

    @model_validator(mode="before")
    @classmethod
    def _within_budget(cls, data: object) -> object:
        if isinstance(data, dict):
            check_counts(data)
        return data

    @field_validator("id")
    @classmethod
    def _case_id(cls, value: str) -> str:
        if not _CASE_ID.fullmatch(value):
            msg = f"case id {value!r} must be letters, digits, '-' or '_' (at most 32)"
            raise ValueError(msg)
        return value

    @field_validator("requires")
    @classmethod
    def _required_ids(cls, value: list[str]) -> list[str]:
        for required in value:
            if not _CASE_ID.fullmatch(required):
                msg = f"requires: {required!r} is not a case id (letters, digits, '-' or '_')"
                raise ValueError(msg)
        repeated = sorted({r for r in value if value.count(r) > 1})
        if repeated:
            msg = f"requires: {', '.join(repeated)} named twice"
            raise ValueError(msg)
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        if self.id in self.requires:
            msg = f"requires: case {self.id} cannot require itself"
            raise ValueError(msg)
        if self.last_year < self.first_year:
            msg = f"last_year {self.last_year} is before first_year {self.first_year}"
            raise ValueError(msg)
        if self.last_year - self.first_year + 1 > MAX_YEARS:
            msg = f"a case may cover at most {MAX_YEARS} years"
            raise ValueError(msg)
        names = [a.name for a in self.assumptions]
        duplicates = sorted(n for n, count in Counter(names).items() if count > 1)
        if duplicates:
            msg = f"assumption names must be unique; repeated: {', '.join(duplicates)}"
            raise ValueError(msg)
        line_names = [line.name for line in self.lines]
        duplicates = sorted(n for n, count in Counter(line_names).items() if count > 1)
        if duplicates:
            msg = f"line names must be unique; repeated: {', '.join(duplicates)}"
            raise ValueError(msg)
        known = set(names) | {"indfasning", "timer"}
        years = set(self.years)
        weight = 0
        for index, line in enumerate(self.lines):
            where = f"lines[{index}] ({line.name!r})"
            for field_name, keys in (("amounts", line.amounts), ("phase_in", line.phase_in)):
                stray = sorted(set(keys or {}) - years)
                if stray:
                    msg = f"{where}.{field_name}: years {stray} are outside the case ({self.first_year}-{self.last_year})"
                    raise ValueError(msg)
            try:
                formulas = line.formulas()
            except FormulaError as exc:
                msg = f"{where}: {exc}"
                raise ValueError(msg) from None
            for place, formula in formulas.items():
                unknown = sorted(formula.names - known)
                if unknown:
                    msg = f"{where}.{place}: formula {formula.text!r} names unknown assumption(s): {', '.join(unknown)}"
                    raise ValueError(msg)
                if place in ("hours", "kept_hours") and "timer" in formula.names:
                    msg = f"{where}.{place}: an hours formula cannot use 'timer' (the line's own hours)"
                    raise ValueError(msg)
                if place.startswith("phase_in") and formula.names & {"indfasning", "timer"}:
                    msg = f"{where}.{place}: a phase-in share cannot use 'indfasning' or 'timer'"
                    raise ValueError(msg)
            weight += sum(len(f.text) for f in formulas.values()) * len(years)
        rows = sum(len(table.rows) for table in self.reported.tables) if self.reported else 0
        check_work(weight, rows, len(years))
        if self.reported is not None:
            for table in self.reported.tables:
                stray = sorted(set(table.years) - years)
                if stray:
                    msg = f"reported {table.id}: years {stray} are outside the case ({self.first_year}-{self.last_year})"
                    raise ValueError(msg)
                for row in table.rows:
                    unknown = sorted(set(row.lines or []) - set(line_names))
                    if unknown:
                        msg = f"reported {table.id} row {row.label!r} names unknown line(s): {', '.join(unknown)}"
                        raise ValueError(msg)
        return self

    @property
    def years(self) -> tuple[int, ...]:
        """The calendar years the case's tables cover, first to last."""
        return tuple(range(self.first_year, self.last_year + 1))

    def assumption(self, name: str) -> Assumption:
        """The assumption called ``name``; ``KeyError`` if there is none."""
        for assumption in self.assumptions:
            if assumption.name == name:
                return assumption
        raise KeyError(name)

    def with_values(self, values: dict[str, float]) -> Case:
        """A copy of the case with some assumption values replaced.

        The new values are validated like a file's (finite, within the
        assumption's minimum/maximum); a low or high that the new value lies
        outside of is dropped, so the default range applies around it.
        Raises ``KeyError`` for an unknown name and ``ValueError`` for an
        impossible value.
        """
        unknown = sorted(set(values) - {a.name for a in self.assumptions})
        if unknown:
            msg = f"case {self.id}: unknown assumption(s): {', '.join(unknown)}"
            raise KeyError(msg)
        replaced = []
        for a in self.assumptions:
            if a.name not in values:
                replaced.append(a)
                continue
            value = float(values[a.name])
            low = a.low if a.low is not None and a.low <= value else None
            high = a.high if a.high is not None and a.high >= value else None
            try:
                replaced.append(Assumption.model_validate({**a.model_dump(), "value": value, "low": low, "high": high}))
            except ValidationError as exc:  # pydantic's own text (and its URL) is not for the user
                problems = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors(include_url=False))
                msg = f"case {self.id}: {a.name}: {problems}"
                raise ValueError(msg) from None
        return self.model_copy(update={"assumptions": replaced})
