"""The audit's findings grouped by cause: one entry per slip in a document, one per text-against-tables note.

:func:`model.audit_case` reports every cell where a printed figure misses the
engine's, and one slip shows up in several cells and checks: I2's *Samlet
økonomisk påvirkning* printed 0 instead of 50 is three cells (2018–2020);
I5's *Projektledelse* "I alt" printed 675 instead of 1.050 is seen by the
cell's own check, by its row total, and again in the column sum of table 2's
total row. :func:`group_findings` turns the findings into

- :class:`Slip`: one arithmetic slip, a printed figure and the correct one,
  with every finding (cell and check) it explains;
- :class:`TextNote`: one figure the document's text states that its tables
  do not use (``stated`` on an assumption), with the cells it would change.

For I1–I6 that is five slips and three notes (40 findings). A finding is
placed as follows:

1. a finding on a printed cell (``value``, ``row_total``, ``column_sum``,
   ``same_rows``, ``payback``, ``overview``) joins the slip of the cell's
   ``value`` finding (same case, table, row and year) when there is one:
   that cell is printed wrong and the other checks see the same figure;
2. a ``column_sum`` or ``same_rows`` finding on a cell that is printed
   right is the echo of a wrong part: it joins the slip in the same case,
   table and year whose difference is the opposite of its own;
3. ``value`` findings with the same case, table, row, printed and correct
   figure are one slip (a figure repeated across years);
4. anything else is a slip of its own (printed against computed);
5. ``drivers`` findings are grouped by the stated assumption(s) whose text
   value changes the row (each evaluated alone).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .audit import TOLERANCE, Finding
from .evaluate import compute_flows
from .schema import Case

__all__ = ["AuditGroups", "Slip", "TextNote", "group_findings"]

_DRIVERS_SUFFIX = " (tekstens forudsætninger)"


@dataclass(frozen=True)
class Slip:
    """One printed figure that should be another: where it is first seen, and every finding it explains.

    ``printed`` and ``correct`` in 1.000 kr. (or years for a payback time;
    None where the document prints "-"); ``findings`` in the audit's order,
    the first being the slip's own cell.
    """

    case: str
    table: str
    line: str
    printed: float | None
    correct: float | None
    findings: tuple[Finding, ...]

    @property
    def difference(self) -> float | None:
        """``printed - correct`` (None where either is missing)."""
        if self.printed is None or self.correct is None:
            return None
        return self.printed - self.correct

    @property
    def cells(self) -> tuple[tuple[str, str, int | None], ...]:
        """The distinct cells (table, row, year; year None for "I alt") the slip shows up in."""
        return tuple(dict.fromkeys((f.table, f.line, f.year) for f in self.findings))

    @property
    def years(self) -> tuple[int | None, ...]:
        """The years of the slip's own row where it is printed (None: the "I alt" column)."""
        return tuple(dict.fromkeys(f.year for f in self.findings if (f.table, f.line) == (self.table, self.line)))


@dataclass(frozen=True)
class TextNote:
    """A figure the text states that the tables do not use: the tables follow ``implied``.

    ``assumptions``: the stated assumptions whose text value changes these
    rows (usually one), with ``stated`` and ``implied`` values in the
    assumptions' units; ``findings``: every printed cell the text's figure
    would change beyond rounding, with the figure it would give.
    """

    case: str
    assumptions: tuple[str, ...]
    labels: tuple[str, ...]
    units: tuple[str, ...]
    stated: tuple[float, ...]
    implied: tuple[float, ...]
    sources: tuple[str, ...]
    findings: tuple[Finding, ...]

    @property
    def cells(self) -> tuple[tuple[str, str, int | None], ...]:
        """The distinct cells (table, row, year) the note concerns."""
        return tuple(dict.fromkeys((f.table, f.line.removesuffix(_DRIVERS_SUFFIX), f.year) for f in self.findings))


@dataclass(frozen=True)
class AuditGroups:
    """Findings grouped by cause: ``slips`` (arithmetic) and ``notes`` (text against tables)."""

    slips: tuple[Slip, ...]
    notes: tuple[TextNote, ...]

    def for_case(self, case_id: str) -> AuditGroups:
        """Only the slips and notes of one case."""
        return AuditGroups(tuple(s for s in self.slips if s.case == case_id), tuple(n for n in self.notes if n.case == case_id))

    @property
    def findings(self) -> int:
        """How many findings the groups hold (each finding is in exactly one group)."""
        return sum(len(s.findings) for s in self.slips) + sum(len(n.findings) for n in self.notes)


def _opposite(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a + b) <= TOLERANCE + 1e-9


def _cells_of(f: Finding) -> list[tuple[str, str, str, int | None]]:
    """The printed cells a finding reads: one, or two for ``same_rows`` ("table a vs table b", "row a vs row b")."""
    if f.check != "same_rows":
        return [(f.case, f.table, f.line, f.year)]
    tables, lines = f.table.split(" vs "), f.line.split(" vs ")
    if len(tables) == 1:
        tables = tables * 2
    if len(tables) != 2 or len(lines) != 2:
        return []
    return [(f.case, table, line, f.year) for table, line in zip(tables, lines, strict=True)]


def _slips(findings: Sequence[Finding]) -> list[Slip]:
    own: dict[tuple[str, str, str, int | None], Finding] = {}
    for f in findings:
        if f.check == "value":
            own.setdefault((f.case, f.table, f.line, f.year), f)
    groups: dict[tuple[object, ...], list[Finding]] = {}
    for f in findings:  # rule 3: one slip per (row, printed, correct)
        if f.check == "value":
            groups.setdefault((f.case, f.table, f.line, f.reported, f.computed), []).append(f)
    of_cell = {cell: (f.case, f.table, f.line, f.reported, f.computed) for cell, f in own.items()}
    for f in findings:
        if f.check in ("value", "drivers"):
            continue
        key = next((of_cell[c] for c in _cells_of(f) if c in of_cell), None)  # rule 1
        if key is None and f.check == "column_sum":  # rule 2
            key = next(
                (
                    k
                    for k, members in groups.items()
                    if k[:2] == (f.case, f.table)
                    and any(m.year == f.year and _opposite(m.difference, f.difference) for m in members)
                ),
                None,
            )
        if key is None:  # rule 4
            key = (f.case, f.table, f.line, f.reported, f.computed, f.year, f.check)
        groups.setdefault(key, []).append(f)
    return [
        Slip(case=f[0].case, table=f[0].table, line=f[0].line, printed=f[0].reported, correct=f[0].computed, findings=tuple(f))
        for f in groups.values()
    ]


def _row_lines(case: Case, table: str, label: str) -> tuple[str, ...]:
    if case.reported is None:
        return ()
    for printed in case.reported.tables:
        if printed.id == table:
            for row in printed.rows:
                if row.label == label and row.lines is not None:
                    return tuple(row.lines)
    return ()


def _notes(findings: Sequence[Finding], cases: Mapping[str, Case]) -> list[TextNote]:
    groups: dict[tuple[str, tuple[str, ...]], list[Finding]] = {}
    changed_lines: dict[tuple[str, str], frozenset[str]] = {}
    for f in findings:
        case = cases.get(f.case)
        if case is None:
            continue
        stated = [a for a in case.assumptions if a.stated is not None and a.stated != a.value]
        for a in stated:
            if (case.id, a.name) not in changed_lines:
                base, alone = compute_flows(case), compute_flows(case, {a.name: float(a.stated)})  # type: ignore[arg-type]
                changed_lines[(case.id, a.name)] = frozenset(
                    name for name in base.lines if not np.allclose(base.lines[name], alone.lines[name], atol=1e-9)
                )
        lines = set(_row_lines(case, f.table, f.line.removesuffix(_DRIVERS_SUFFIX)))
        causes = tuple(a.name for a in stated if lines & changed_lines[(case.id, a.name)]) or tuple(a.name for a in stated)
        groups.setdefault((f.case, causes), []).append(f)
    notes = []
    for (case_id, names), members in groups.items():
        assumptions = [cases[case_id].assumption(name) for name in names]
        notes.append(
            TextNote(
                case=case_id,
                assumptions=names,
                labels=tuple(a.label for a in assumptions),
                units=tuple(a.unit for a in assumptions),
                stated=tuple(float(a.stated) for a in assumptions),  # type: ignore[arg-type]
                implied=tuple(float(a.value) for a in assumptions),
                sources=tuple(a.source or "" for a in assumptions),
                findings=tuple(members),
            )
        )
    return notes


def group_findings(findings: Sequence[Finding], cases: Mapping[str, Case]) -> AuditGroups:
    """Group the audit's ``findings`` by cause (see the module's rules); ``cases`` by id, for the text notes.

    Every finding ends up in exactly one slip or note. A ``drivers`` finding
    of a case missing from ``cases`` is left out.

    >>> group_findings([], {})
    AuditGroups(slips=(), notes=())
    """
    return AuditGroups(
        slips=tuple(_slips([f for f in findings if f.check != "drivers"])),
        notes=tuple(_notes([f for f in findings if f.check == "drivers"], cases)),
    )
