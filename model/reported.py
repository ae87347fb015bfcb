"""The document's own figures as the case file records them: printed tables and the printed overview page.

Kept apart from the inputs: the audit (:mod:`model.audit`) checks them
against the engine. Row and table keys are :mod:`model.layout`'s.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictInt, StrictStr, WithJsonSchema, field_validator, model_validator

from .layout import AGGREGATES, TABLES
from .text import refuse_control
from .validation import Frozen, Number, Year, finite

__all__ = ["TABLE_IDS", "AggregateKey", "OverviewReport", "OverviewRow", "ReportedRow", "ReportedTable", "TableId"]

#: The tables a case file may record as printed: section 1 and the layout's tables 1-3.
TABLE_IDS: tuple[str, ...] = ("section1", *(spec.key for spec in TABLES))

# The allowed words come from model.layout (declared once there), not from a Literal repeating them: the
# validators below refuse any other word with a message naming the allowed ones, and the JSON Schema lists
# them so that an editor completes them (docs/case.schema.json).
#: A reported row's ``aggregate``: a key of :data:`model.layout.AGGREGATES`.
AggregateKey = Annotated[StrictStr, WithJsonSchema({"enum": list(AGGREGATES), "type": "string"})]
#: A reported table's ``id``: one of :data:`TABLE_IDS`.
TableId = Annotated[StrictStr, WithJsonSchema({"enum": list(TABLE_IDS), "type": "string"})]


class ReportedRow(Frozen):
    """One printed row: what it shows (some lines, or an aggregate) and its cells.

    Blank cells are left out of ``values`` and read as 0. ``total`` is the
    row's printed "I alt", if any.
    """

    label: StrictStr
    lines: list[StrictStr] | None = None
    aggregate: AggregateKey | None = None
    values: dict[Year, Number] = Field(default_factory=dict)
    total: Number | None = None

    @field_validator("label")
    @classmethod
    def _one_line(cls, label: str) -> str:
        return refuse_control(label, "row label")

    @model_validator(mode="after")
    def _selector(self) -> ReportedRow:
        if (self.lines is None) == (self.aggregate is None):
            msg = "a reported row shows either 'lines' or an 'aggregate', not both or neither"
            raise ValueError(msg)
        if self.aggregate is not None and self.aggregate not in AGGREGATES:
            msg = f"aggregate {self.aggregate!r} is not one of {', '.join(AGGREGATES)}"
            raise ValueError(msg)
        for year, value in self.values.items():
            finite(value, f"reported value for {year}")
        finite(self.total, "reported total")
        return self


class ReportedTable(Frozen):
    """Section 1 or table 1, 2 or 3 as printed; ``years`` are its columns."""

    id: TableId
    title: StrictStr
    years: list[Year] = Field(min_length=1)
    rows: list[ReportedRow] = Field(min_length=1)

    @model_validator(mode="after")
    def _cells_in_columns(self) -> ReportedTable:
        if self.id not in TABLE_IDS:
            msg = f"table id {self.id!r} is not one of {', '.join(TABLE_IDS)}"
            raise ValueError(msg)
        for row in self.rows:
            stray = sorted(set(row.values) - set(self.years))
            if stray:
                msg = f"row {row.label!r} has values for {stray}, which are not columns of the table"
                raise ValueError(msg)
        return self


class OverviewRow(Frozen):
    """One printed row of the overview page (1.000 kr.; payback in years, null for "-")."""

    case: StrictStr
    label: StrictStr
    drift: Number | None = None
    anlaeg: Number | None = None
    payback_years: StrictInt | None = None
    net_permanent: Number | None = None


class OverviewReport(Frozen):
    """The document's first page: one row per case and the "I alt" row."""

    title: StrictStr
    price_level: Year
    rows: list[OverviewRow] = Field(min_length=1)
    total: OverviewRow
