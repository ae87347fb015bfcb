"""The typed shape of a business case: the case, its lines and reported figures.

A case file (``cases/*.yaml``) is validated once, here, into frozen pydantic
models; everything downstream trusts the types. Conventions (see
``docs/case-format.md``):

- amounts are in **1.000 kr.** at the case's price level;
- **costs are positive, savings negative**;
- a *permanent* line ("varig ændring") goes on after the last year at its
  last year's level; a *one-off* line ("implementeringsomkostning") does not;
- ``funding: innovationspulje`` marks table 2 lines with an X: section 1 and
  the overview's *Drift* leave them out, the payback time counts them;
- a line's formula is multiplied by its phase-in share when, and only when,
  the line names a phase-in profile (``phase_in``); rounding after the share
  is the line's ``round_to``, never a formula trick;
- *derived items* (``derived:``) are named formulas over assumptions and
  other derived items, so a quantity is written once.

The named inputs (assumptions, derived items, phase-in shares) are in
:mod:`model.drivers`; what only the whole case can tell (names known, no
cycles, years inside the case) in :mod:`model.case_checks`; the document's
printed figures in :mod:`model.reported`. Their names are importable from
here as before.
"""

from __future__ import annotations

import re
from graphlib import TopologicalSorter
from typing import Literal

from pydantic import Field, StrictInt, StrictStr, ValidationError, field_validator, model_validator

from .budget import check_counts
from .case_checks import check_case
from .criteria import FollowUpPlan
from .drivers import RESERVED_NAMES, Assumption, Derived, PhaseIn, check_name, check_shares
from .formula import Formula
from .reported import OverviewReport, OverviewRow, ReportedRow, ReportedTable
from .text import refuse_control
from .validation import Frozen as _Frozen
from .validation import Number, Year, problem
from .validation import finite as _finite

__all__ = [
    "CASE_FORMAT_VERSION",
    "RESERVED_NAMES",
    "Assumption",
    "Case",
    "Derived",
    "Line",
    "OverviewReport",
    "OverviewRow",
    "PhaseIn",
    "Reported",
    "ReportedRow",
    "ReportedTable",
]

#: The case-file format this model reads (the ``version`` field).
CASE_FORMAT_VERSION = 2

# Matched whole (``fullmatch``): ``$`` alone would let "I1\n" through.
_CASE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}")


class Line(_Frozen):
    """One row of tables 1-3: a permanent change or a one-off investment.

    Amounts per year, in 1.000 kr. (costs +, savings -), given in one of
    three ways:

    - ``formula`` alone: the same formula every year, multiplied by the
      share of the line's ``phase_in`` profile (a profile name, or a
      year -> share mapping; none: share 1 every year);
    - ``formula`` with ``year`` (one-off lines): that amount in that year only;
    - ``amounts``: year -> number or formula, not phased in.

    ``round_to`` rounds each year's amount, after the phase-in share, to the
    nearest multiple (1.000 kr.; half away from zero), as documents round
    phased figures. ``hours`` is a formula for the staff hours freed per year
    at full effect, multiplied by the same share. ``unit`` is always
    1.000 kr. (say so; convert inside the formula, e.g. ``/ 1000``);
    ``source`` says where the line comes from. ``kept_hours`` is like
    ``hours`` for the hours of staff kept in work who would otherwise have
    left (I6: staff retiring a year later), see ``model.labour``.
    ``price_index`` says which index re-indexes the line to another price
    level, ``wage`` or ``price`` (None: the default for its kind, see
    ``model.price_index``).
    """

    name: StrictStr = Field(min_length=1, max_length=200)
    kind: Literal["permanent", "one_off"]
    area: Literal["service", "anlaeg"]
    funding: Literal["investeringspulje", "innovationspulje"] = "investeringspulje"
    formula: StrictStr | None = None
    year: Year | None = None
    amounts: dict[Year, Number | StrictStr] | None = None
    phase_in: StrictStr | PhaseIn | None = None
    round_to: Number | None = None
    hours: StrictStr | None = None
    kept_hours: StrictStr | None = None
    price_index: Literal["wage", "price"] | None = None
    unit: Literal["1.000 kr.", "t.kr."] = "1.000 kr."
    source: StrictStr = ""
    confidence: Literal["high", "medium", "low"] | None = None
    note: StrictStr = ""

    @field_validator("name")
    @classmethod
    def _one_line(cls, name: str) -> str:
        return refuse_control(name, "line name")

    @model_validator(mode="after")
    def _one_way(self) -> Line:
        if (self.amounts is None) == (self.formula is None):
            raise problem("amounts_or_formula", "give either 'amounts' (per year) or 'formula', not both or neither")
        if self.year is not None and (self.kind != "one_off" or self.formula is None or self.phase_in is not None):
            raise problem("year_one_off", "'year' goes with 'formula' on a one-off line without 'phase_in'")
        if self.phase_in is not None and self.formula is None:
            raise problem("phase_in_formula", "'phase_in' only goes with 'formula'")
        if self.round_to is not None and (self.formula is None or not self.round_to > 0):
            raise problem("round_to", "'round_to' is a positive multiple (e.g. 5) and goes with 'formula'")
        if self.funding == "innovationspulje" and (self.kind, self.area) != ("one_off", "service"):
            raise problem(
                "innovation_pool", "only one-off service investments (table 2) can be sought from the innovationspulje"
            )
        for year, amount in (self.amounts or {}).items():
            if not isinstance(amount, str):
                _finite(amount, f"amount for {year}")
        if isinstance(self.phase_in, dict):
            check_shares(self.phase_in)
        _finite(self.round_to, "round_to")
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
        if isinstance(self.phase_in, dict):
            for year, share in self.phase_in.items():
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

    def spec(self, year: int) -> tuple[float | int | str | None, bool]:
        """(amount spec, phased) of the line in ``year``: a number, a formula text or None (0).

        ``phased`` is True where the line's phase-in share multiplies the spec
        (a ``formula`` every year); explicit ``amounts`` and a one-off
        ``year`` are not phased.
        """
        if self.formula is not None:
            if self.year is not None:
                return (self.formula if year == self.year else None), False
            return self.formula, True
        return (self.amounts or {}).get(year), False


class Reported(_Frozen):
    """The document's own figures, kept apart from the inputs.

    ``payback_service``/``payback_total``: the printed payback times in
    whole years; null where the document prints "-".
    """

    payback_service: StrictInt | None = None
    payback_total: StrictInt | None = None
    tables: list[ReportedTable] = Field(default_factory=list)


class Case(_Frozen):
    """A whole business case: identity, years, assumptions, derived items, lines, reported figures.

    ``version`` is the case-file format (:data:`CASE_FORMAT_VERSION`).
    ``hours_per_fte`` (hours in one årsværk), when given, overrides the
    setting of the same name for this case only (see :func:`evaluate`).
    ``phase_in_profiles`` are named phase-in profiles that lines refer to
    by name (``phase_in: gevinst``).
    """

    version: StrictInt = CASE_FORMAT_VERSION
    id: StrictStr
    title: StrictStr = Field(min_length=1, max_length=300)
    summary: StrictStr = ""
    administration: StrictStr = ""
    price_level: Year
    first_year: Year
    last_year: Year
    hours_per_fte: Number | None = None
    assumptions: list[Assumption] = Field(default_factory=list)
    derived: list[Derived] = Field(default_factory=list)
    phase_in_profiles: dict[StrictStr, PhaseIn] = Field(default_factory=dict)
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

    @field_validator("version")
    @classmethod
    def _version(cls, value: int) -> int:
        if value != CASE_FORMAT_VERSION:
            raise problem(
                "version",
                "case-file format version {version} is not read by this program (it reads version {current}); "
                "see docs/case-format.md",
                version=value,
                current=CASE_FORMAT_VERSION,
            )
        return value

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

    @field_validator("hours_per_fte")
    @classmethod
    def _hours(cls, value: float | None) -> float | None:
        if value is not None and not 1 <= value <= 8784:
            raise problem("hours_per_fte", "hours per årsværk {value!r} must be between 1 and 8.784", value=value)
        return value

    @field_validator("phase_in_profiles")
    @classmethod
    def _profile_names(cls, profiles: dict[str, PhaseIn]) -> dict[str, PhaseIn]:
        for name, shares in profiles.items():
            check_name(name, "phase-in profile")
            if not shares:
                raise problem("empty_profile", "phase-in profile {name!r} has no years", name=name)
            check_shares(shares)
        return profiles

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        check_case(self)
        return self

    @property
    def years(self) -> tuple[int, ...]:
        """The calendar years the case's tables cover, first to last."""
        return tuple(range(self.first_year, self.last_year + 1))

    def derived_in_order(self) -> tuple[Derived, ...]:
        """The derived items in an order where each comes after every item it names."""
        by_name = {d.name: d for d in self.derived}
        graph = {d.name: {n for n in Formula.parse(d.formula).names if n in by_name} for d in self.derived}
        return tuple(by_name[name] for name in TopologicalSorter(graph).static_order())

    def profile(self, line: Line) -> PhaseIn | None:
        """The phase-in shares of ``line`` (year -> share or formula), None when it has none."""
        if isinstance(line.phase_in, str):
            return self.phase_in_profiles[line.phase_in]
        return line.phase_in

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
