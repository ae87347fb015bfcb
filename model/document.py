"""The document's tables as typed rows, from the layout spec; DataFrames with Danish labels at the edge.

:func:`section1_rows` and :func:`table_rows` iterate :mod:`model.layout`
over evaluated flows and return :class:`Row` values keyed by the layout's
keys (a line's name, an aggregate's key, ``"cumulative"``, ``"total"``).
The app and the exporters label them themselves; :func:`section1_frame` and
:func:`table_frame` are the plain Danish DataFrames the command line and a
notebook show (``CaseResult.section1()``/``table()``).

Amounts in 1.000 kr. at the case's price level, costs positive, savings negative.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from .layout import AREA_LABELS, SECTION1_ROWS, TableSpec, table

if TYPE_CHECKING:  # evaluate imports this module; these are only types here
    from .evaluate import CaseResult, Flows
    from .schema import Case

__all__ = ["Row", "section1_frame", "section1_rows", "table_frame", "table_rows"]


@dataclass(frozen=True)
class Row:
    """One row of a document table: a line, or a total the layout declares.

    ``key``: the line's name (``kind="line"``), or the layout key of a total
    (an aggregate such as ``"permanent"``, ``"cumulative"``, or ``"total"``
    for a table's total row). ``label``: the document's Danish (line names as
    written). ``values``: per year, 1.000 kr. ``area``: the line's
    ``Line.area`` or the total's Styringsområde ("" for none).
    ``innovation``: table 2's X (sought from the innovation pool). ``bold``:
    a sum row the document prints in bold.
    """

    key: str
    label: str
    values: np.ndarray
    kind: Literal["line", "total"] = "line"
    area: str = ""
    innovation: bool = False
    bold: bool = False

    @property
    def total(self) -> float:
        """The row's "I alt": the sum over its years."""
        return float(np.sum(self.values))


def section1_rows(case: Case, flows: Flows) -> tuple[Row, ...]:
    """Section 1: the permanent lines (table 1's), then :data:`model.layout.SECTION1_ROWS`.

    Serviceinvesteringer is the investment pool's part (the innovation pool
    is the document's footnote); Akkumuleret counts every krone.
    """
    lines = [
        Row(key=ln.name, label=ln.name, values=flows.lines[ln.name], area=ln.area) for ln in case.lines if ln.table == "table1"
    ]
    totals = [
        Row(key=spec.series, label=spec.label, values=getattr(flows, spec.series), kind="total", area=spec.area, bold=spec.bold)
        for spec in SECTION1_ROWS
    ]
    return (*lines, *totals)


def table_rows(case: Case, flows: Flows, key: str | int) -> tuple[Row, ...]:
    """Table 1, 2 or 3 (``"table2"`` or ``2``): its lines, then its total row (key ``"total"``)."""
    spec = table(key)
    lines = [
        Row(
            key=ln.name,
            label=ln.name,
            values=flows.lines[ln.name],
            area=ln.area,
            innovation=ln.funding == "innovationspulje",
        )
        for ln in case.lines
        if ln.table == spec.key
    ]
    total = np.sum([row.values for row in lines], axis=0) if lines else np.zeros(len(flows.years))
    return (*lines, Row(key="total", label=spec.total_label, values=total, kind="total", bold=True))


def section1_frame(result: CaseResult) -> pd.DataFrame:
    """Section 1 as a DataFrame in the document's Danish: rows × years, "Styringsområde" first."""
    rows = section1_rows(result.case, result.flows)
    frame = pd.DataFrame([r.values for r in rows], columns=list(result.years), index=[r.label for r in rows])
    frame.insert(0, "Styringsområde", [AREA_LABELS.get(r.area, "") for r in rows])
    frame.index.name = f"1.000 kr. {result.case.price_level} p/l"
    return frame


def table_frame(result: CaseResult, number: int) -> pd.DataFrame:
    """Table 1, 2 or 3 as a DataFrame in the document's Danish, its total row last.

    Tables 2 and 3 have an "I alt" column, table 2 an "Innovationspulje"
    column ("X" where the innovation pool is sought).
    """
    spec: TableSpec = table(number)
    rows = table_rows(result.case, result.flows, spec.key)
    frame = pd.DataFrame([r.values for r in rows], columns=list(result.years), index=[r.label for r in rows])
    if spec.row_totals:
        frame["I alt"] = frame[list(result.years)].sum(axis=1)
    if spec.innovation_marker:
        frame.insert(0, "Innovationspulje", ["X" if r.innovation else "" for r in rows])
    frame.index.name = f"1.000 kr. ({result.case.price_level} p/l)"
    return frame
