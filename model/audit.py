"""Reconciliation: every printed figure against the engine, and against itself.

Checks, each giving a :class:`Finding` where the gap exceeds the documents'
rounding (more than ±1 t.kr.):

``value``
    every reported cell (and "I alt") against the figure computed from lines;
``row_total``
    a row's printed "I alt" against the sum of its printed years;
``column_sum``
    a printed total row against the printed rows that make it up (found from
    which lines each row shows);
``same_rows``
    two printed rows that show the same lines (section 1 against tables 1-3,
    or twice in one table) against each other;
``drivers``
    the lines recomputed with the figures the document's *text* states
    (``stated`` on an assumption) against the printed line rows, where these
    differ from the case's implied values (totals repeat the same gap, so
    only rows that show lines are checked);
``payback``
    the printed payback times against the computed whole years;
``overview``
    the first page's figures against the engine's overview, and its "I alt"
    against its own rows.

``difference`` is always ``reported - computed``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from .evaluate import CaseResult, Flows, compute_flows
from .layout import AGGREGATES, OVERVIEW_COLUMNS
from .overview import Overview
from .schema import Case, OverviewReport, OverviewRow, ReportedRow, ReportedTable

__all__ = ["TOLERANCE", "Finding", "audit_case", "audit_overview"]

#: Largest gap (1.000 kr.) put down to the documents' rounding to whole thousands.
TOLERANCE = 1.0


@dataclass(frozen=True)
class Finding:
    """One gap beyond rounding: where it is, what is printed, what it should be.

    ``year`` is None for an "I alt" cell or a payback time; ``reported`` is
    None where the document prints "-"; ``difference = reported - computed``.
    """

    case: str
    table: str
    line: str
    year: int | None
    reported: float | None
    computed: float | None
    difference: float | None
    check: str

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "case": self.case,
            "table": self.table,
            "line": self.line,
            "year": self.year,
            "reported": self.reported,
            "computed": None if self.computed is None else round(self.computed, 6) + 0.0,
            "difference": None if self.difference is None else round(self.difference, 6) + 0.0,
            "check": self.check,
        }


def _gap(reported: float | None, computed: float | None) -> float | None:
    """``reported - computed`` where beyond tolerance, else None (no finding)."""
    if reported is None and computed is None:
        return None
    if reported is None or computed is None:
        return float("nan")
    difference = float(reported) - float(computed)
    return difference if abs(difference) > TOLERANCE + 1e-9 else None


def _line_set(case: Case, row: ReportedRow) -> frozenset[str]:
    if row.lines is not None:
        return frozenset(row.lines)
    members = AGGREGATES[row.aggregate].includes
    return frozenset(ln.name for ln in case.lines if members(ln))


def _row_values(flows: Flows, row: ReportedRow) -> np.ndarray:
    if row.aggregate is not None:
        return flows.aggregate(row.aggregate)
    return sum((flows.lines[name] for name in row.lines or []), start=np.zeros(len(flows.years)))


def _cells(
    table: ReportedTable, row: ReportedRow, computed: np.ndarray, years: tuple[int, ...]
) -> Iterable[tuple[int | None, float | None, float]]:
    """(year, reported, computed) for each printed column and the "I alt"."""
    by_year = dict(zip(years, computed, strict=False))
    for year in table.years:
        yield year, float(row.values.get(year, 0.0)), float(by_year.get(year, 0.0))
    if row.total is not None:
        yield None, float(row.total), float(sum(by_year.get(year, 0.0) for year in table.years))


def audit_case(result: CaseResult) -> list[Finding]:
    """Every finding for one evaluated case (empty when it has no reported figures)."""
    case = result.case
    reported = case.reported
    if reported is None:
        return []
    findings: list[Finding] = []

    def add(table: str, line: str, year: int | None, rep: float | None, comp: float | None, check: str) -> None:
        difference = _gap(rep, comp)
        if difference is not None:
            findings.append(Finding(case.id, table, line, year, rep, comp, None if np.isnan(difference) else difference, check))

    stated = {a.name: float(a.stated) for a in case.assumptions if a.stated is not None and a.stated != a.value}
    stated_flows = compute_flows(case, stated) if stated else None
    for table in reported.tables:
        for row in table.rows:
            computed = _row_values(result.flows, row)
            for year, rep, comp in _cells(table, row, computed, result.years):
                add(table.id, row.label, year, rep, comp, "value")
            if row.total is not None:
                add(table.id, row.label, None, row.total, sum(row.values.get(y, 0.0) for y in table.years), "row_total")
            if stated_flows is not None and row.lines is not None:
                text_values = _row_values(stated_flows, row)
                for (year, rep, comp), (_, _, text) in zip(
                    _cells(table, row, computed, result.years), _cells(table, row, text_values, result.years), strict=False
                ):
                    if _gap(rep, comp) is None and _gap(rep, text) is not None:
                        add(table.id, f"{row.label} (tekstens forudsætninger)", year, rep, text, "drivers")
        findings += _column_sums(case, table)
    findings += _same_rows(case, reported.tables)
    printed = reported.payback_total
    computed_payback = result.kpis.payback_years
    for label, value in (
        ("Tilbagebetalingstid, totaløkonomi", printed),
        ("Tilbagebetalingstid, serviceeffektivisering", reported.payback_service),
    ):
        if value != computed_payback and not (value is None and computed_payback is None):
            findings.append(
                Finding(
                    case.id,
                    "section1",
                    label,
                    None,
                    value,
                    computed_payback,
                    None if value is None or computed_payback is None else float(value - computed_payback),
                    "payback",
                )
            )
    return findings


def _column_sums(case: Case, table: ReportedTable) -> list[Finding]:
    """Printed total rows against the printed rows that make them up."""
    findings: list[Finding] = []
    sets = [(row, _line_set(case, row)) for row in table.rows]
    for row, members in sets:
        parts = [(r, s) for r, s in sets if r is not row and s and s < members]
        maximal = [(r, s) for r, s in parts if not any(s < other for _, other in parts)]
        if len(maximal) < 2:
            continue
        union = frozenset().union(*(s for _, s in maximal))
        if union != members or sum(len(s) for _, s in maximal) != len(members):
            continue
        for year in [*table.years, None]:
            if year is None:
                if row.total is None or any(r.total is None for r, _ in maximal):
                    continue
                rep, parts_sum = row.total, sum(r.total for r, _ in maximal)  # type: ignore[misc]
            else:
                rep, parts_sum = row.values.get(year, 0.0), sum(r.values.get(year, 0.0) for r, _ in maximal)
            difference = _gap(rep, parts_sum)
            if difference is not None:
                findings.append(
                    Finding(case.id, table.id, row.label, year, float(rep), float(parts_sum), difference, "column_sum")
                )
    return findings


def _same_rows(case: Case, tables: Sequence[ReportedTable]) -> list[Finding]:
    """Rows that show the same lines, compared cell by cell where both print the year.

    Rows are grouped by the lines they show first, so only rows of one group
    are paired: the work is the pairs within groups, never every pair of
    rows (``model.budget`` bounds even that when the case is read).
    """
    findings: list[Finding] = []
    groups: dict[frozenset[str], list[tuple[ReportedTable, ReportedRow]]] = {}
    for table in tables:
        for row in table.rows:
            members = _line_set(case, row)
            if members:
                groups.setdefault(members, []).append((table, row))
    order = {id(row): index for index, row in enumerate(r for t in tables for r in t.rows)}
    ordered = sorted(  # the order of every pair of rows, as before grouping
        (pair for group in groups.values() for pair in combinations(group, 2)),
        key=lambda pair: (order[id(pair[0][1])], order[id(pair[1][1])]),
    )
    for (ta, ra), (tb, rb) in ordered:
        for year in sorted(set(ta.years) & set(tb.years)):
            a, b = ra.values.get(year, 0.0), rb.values.get(year, 0.0)
            difference = _gap(a, b)
            if difference is not None:
                where = ta.id if ta.id == tb.id else f"{ta.id} vs {tb.id}"
                findings.append(
                    Finding(case.id, where, f"{ra.label} vs {rb.label}", year, float(a), float(b), difference, "same_rows")
                )
    return findings


def audit_overview(report: OverviewReport, computed: Overview) -> list[Finding]:
    """The first page's figures against the engine's overview and against its own "I alt"."""
    findings: list[Finding] = []
    by_id = {row.id: row for row in computed.rows}
    # The overview's summed columns the document prints (it has no NPV or årsværk).
    columns = [(c.key, c.name) for c in OVERVIEW_COLUMNS if c.summed and c.key in OverviewRow.model_fields]
    for row in report.rows:
        mine = by_id.get(row.case)
        if mine is None:
            continue
        for key, label in columns:
            rep = getattr(row, key)
            comp = getattr(mine, key)
            difference = _gap(0.0 if rep is None else rep, comp)
            if difference is not None:
                findings.append(Finding(row.case, "overview", label, None, rep, comp, difference, "overview"))
        if row.payback_years != mine.payback_years:
            difference = (
                None if row.payback_years is None or mine.payback_years is None else float(row.payback_years - mine.payback_years)
            )
            findings.append(
                Finding(
                    row.case,
                    "overview",
                    "Tilbagebetalingstid",
                    None,
                    row.payback_years,
                    mine.payback_years,
                    difference,
                    "overview",
                )
            )
    for key, label in columns:
        rep = getattr(report.total, key)
        own = sum((getattr(r, key) or 0.0) for r in report.rows)
        difference = _gap(0.0 if rep is None else rep, own)
        if difference is not None:
            findings.append(
                Finding("I alt", "overview", f"{label} (sum of printed rows)", None, rep, own, difference, "column_sum")
            )
        if computed.total is not None and {r.case for r in report.rows} == set(by_id):
            difference = _gap(0.0 if rep is None else rep, getattr(computed.total, key))
            if difference is not None:
                findings.append(
                    Finding("I alt", "overview", label, None, rep, getattr(computed.total, key), difference, "overview")
                )
    return findings
