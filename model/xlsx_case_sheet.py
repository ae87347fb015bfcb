"""One case's sheet of the workbook: section 1, tables 1-3, phase-in, hours, the key figures' workings.

Blocks are written top to bottom from :mod:`model.layout` (tables) and the
case's lines; section 1 and the key figures are :mod:`model.xlsx_key_figures`.
Row positions are computed as the blocks are written, never hard-coded.
Amounts in 1.000 kr., costs positive, savings negative; text from case files
is always written as text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from .evaluate import CaseResult, case_values, phase_shares
from .formula import Formula
from .layout import AREA_LABELS, TABLES, TableSpec
from .schema import Line
from .xlsx_key_figures import Section1Rows, write_key_figures, write_section1
from .xlsx_style import CASE_FTE, EXCEL_FORMULA_LIMIT, FTE_NAME, Formats, setup_page

__all__ = ["AREA", "FIRST", "LABEL", "CaseSheet", "TableRows"]

#: Columns of a case sheet: label, Styringsområde / Innovationspulje, then the years.
LABEL, AREA, FIRST = 0, 1, 2
#: Table 2's row of the lines sought from the innovation pool.
_INNOVATION_ROW = "Heraf søgt fra innovationspuljen (X)"


@dataclass(frozen=True)
class TableRows:
    """Rows of table 1, 2 or 3: lines ``first``..``last`` (none when last < first), ``total``, table 2's ``innovation``."""

    first: int
    last: int
    total: int
    innovation: int | None = None

    @property
    def has_lines(self) -> bool:
        return self.last >= self.first


YearFormula = Callable[[int, int], str]


@dataclass
class CaseSheet:
    """Writes one case's sheet; :meth:`write` returns the cells the overview refers to."""

    sheet: Worksheet
    result: CaseResult
    names: Mapping[str, str]
    formats: Formats
    row: int = 0
    line_rows: dict[str, int] = field(default_factory=dict)
    share_rows: dict[str, int] = field(default_factory=dict)
    hour_rows: dict[str, int] = field(default_factory=dict)
    tables: dict[str, TableRows] = field(default_factory=dict)
    flow_row: int = 0  # Samlet økonomisk påvirkning, alle midler (written by write_key_figures)

    # --- cells ----------------------------------------------------------------

    @property
    def years(self) -> tuple[int, ...]:
        return self.result.years

    @property
    def last_col(self) -> int:
        return FIRST + len(self.years) - 1

    @staticmethod
    def cell(row: int, col: int, absolute: bool = False) -> str:
        return xl_rowcol_to_cell(row, col, row_abs=absolute, col_abs=absolute)

    def span(self, row: int) -> str:
        """The year cells of ``row`` as a range, ``C12:G12``."""
        return f"{self.cell(row, FIRST)}:{self.cell(row, self.last_col)}"

    def column(self, first: int, last: int, col: int) -> str:
        """Rows ``first``..``last`` of column ``col`` as a range, ``C8:C11``."""
        return f"{self.cell(first, col)}:{self.cell(last, col)}"

    def formula(self, row: int, col: int, text: str, value: float | str, fmt: Format) -> None:
        """A formula cell with the engine's ``value`` as its cached result.

        Raises ``ValueError`` for a formula longer than Excel accepts (8.192
        characters), which a very long case formula over long defined names
        could give: better a clear message than a workbook Excel refuses.
        """
        if len(text) + 1 > EXCEL_FORMULA_LIMIT:
            msg = (
                f"sheet {self.sheet.get_name()!r}, cell {self.cell(row, col)}: the formula is {len(text) + 1:,} characters; "
                f"Excel accepts at most {EXCEL_FORMULA_LIMIT:,}"
            )
            raise ValueError(msg)
        self.sheet.write_formula(row, col, "=" + text, fmt, value if isinstance(value, str) else float(value))

    def label(self, row: int, text: str, fmt: Format | None = None, area: str = "") -> None:
        """Text in the label column (and the area column): always a string, never a formula."""
        self.sheet.write_string(row, LABEL, text, fmt or self.formats.text)
        if area or fmt is self.formats.text_bold:
            self.sheet.write_string(row, AREA, area, fmt or self.formats.text)

    def year_row(self, row: int, values: np.ndarray, formula: YearFormula, fmt: Format) -> None:
        """One formula per year: ``formula(col, index)`` gives the text, ``values`` the cached results."""
        for index in range(len(self.years)):
            self.formula(row, FIRST + index, formula(FIRST + index, index), values[index], fmt)

    def header(self, row: int, first: str, second: str, total: bool = False, years: Sequence[int] | None = None) -> None:
        shown = list(self.years if years is None else years)
        self.sheet.write_string(row, LABEL, first, self.formats.header)
        self.sheet.write_string(row, AREA, second, self.formats.header)
        for index, year in enumerate(shown):
            self.sheet.write_number(row, FIRST + index, year, self.formats.header_year)
        if total:
            self.sheet.write_string(row, FIRST + len(shown), "I alt", self.formats.header_right)

    # --- the sheet --------------------------------------------------------------

    def write(self) -> dict[str, str]:
        """Write every block; return the overview's cells (absolute, with the sheet name) by overview key."""
        case = self.result.case
        level = f"{case.price_level} p/l"
        self.sheet.write_string(0, LABEL, f"{case.id} {case.title}", self.formats.title)
        self.sheet.write_string(1, LABEL, case.summary, self.formats.note)
        self.sheet.write_string(2, LABEL, "1. Forslagets samlede økonomiske konsekvenser", self.formats.heading)
        self.header(3, f"1.000 kr. {level}", "Styringsområde")
        section = Section1Rows.below(4, self.result)
        self.row = section.end + 1
        for spec in TABLES:
            self.write_table(spec, level)
        self.write_shares()
        hours_fte = self.write_hours()
        self.write_lines()
        cells = write_key_figures(self, section, hours_fte)
        write_section1(self, section, cells)
        self.write_notes()
        self.sheet.set_column(LABEL, LABEL, 62)
        self.sheet.set_column(AREA, AREA, 14)
        self.sheet.set_column(FIRST, max(self.last_col + 1, FIRST + self.result.settings.horizon - 1), 11)
        self.sheet.freeze_panes(4, 2)
        setup_page(self.sheet, header_rows=4)
        return {key: f"'{self.sheet.name}'!{ref}" for key, ref in cells.items()}

    def write_table(self, spec: TableSpec, level: str) -> None:
        """Table 1, 2 or 3: the lines' names and area (or X), totals per year, and "I alt" where the layout has it.

        The lines' yearly cells are written later by :meth:`write_lines`.
        """
        rows = self.result.table_rows(spec.key)
        lines = [ln for ln in self.result.case.lines if ln.table == spec.key]
        self.sheet.write_string(self.row, LABEL, spec.title, self.formats.heading)
        second = "Innovationspulje" if spec.innovation_marker else "Styringsområde"
        self.header(self.row + 1, f"1.000 kr. ({level})", second, spec.row_totals)
        first = self.row + 2
        for row, line in enumerate(lines, start=first):
            self.line_rows[line.name] = row
            self.label(row, line.name)
            if spec.innovation_marker:
                self.sheet.write_string(row, AREA, "X" if line.funding == "innovationspulje" else "", self.formats.center)
            else:
                self.sheet.write_string(row, AREA, AREA_LABELS[line.area], self.formats.text)
        table = TableRows(first=first, last=first + len(lines) - 1, total=first + len(lines))
        self.label(table.total, spec.total_label, self.formats.text_bold)
        self.year_row(
            table.total,
            rows[-1].values,
            lambda col, _: f"SUM({self.column(table.first, table.last, col)})" if table.has_lines else "0",
            self.formats.amount_total,
        )
        if spec.row_totals:
            for index, row in enumerate(range(first, table.total + 1)):
                fmt = self.formats.amount_total if row == table.total else self.formats.amount
                self.formula(row, self.last_col + 1, f"SUM({self.span(row)})", rows[index].total, fmt)
        if spec.innovation_marker:
            table = replace(table, innovation=table.total + 1)
            markers = f"{self.cell(table.first, AREA, True)}:{self.cell(table.last, AREA, True)}"
            innovation = self.result.flows.innovation
            self.label(table.innovation, _INNOVATION_ROW)
            self.year_row(
                table.innovation,
                innovation,
                lambda col, _: f'SUMIF({markers},"X",{self.column(table.first, table.last, col)})' if table.has_lines else "0",
                self.formats.amount,
            )
            self.formula(
                table.innovation, self.last_col + 1, f"SUM({self.span(table.innovation)})", innovation.sum(), self.formats.amount
            )
        self.tables[spec.key] = table
        self.row = (table.innovation or table.total) + 2

    def write_shares(self) -> None:
        """The phase-in share per year (0..1) of every line with ``phase_in``.

        A year with its own key is an input (a number) or a formula over the
        assumptions; a later year repeats the year before (a reference); a
        year before the first key is 0 (an input).
        """
        case = self.result.case
        lines = [ln for ln in case.lines if ln.phase_in is not None]
        if not lines:
            return
        env = case_values(case)
        self.sheet.write_string(self.row, LABEL, "Indfasning (andel af fuld effekt)", self.formats.heading)
        self.header(self.row + 1, "Linje", "")
        for row, line in enumerate(lines, start=self.row + 2):
            self.share_rows[line.name] = row
            self.label(row, line.name)
            shares = phase_shares(case, line, self.years, env)
            phase_in = case.profile(line) or {}
            for index, year in enumerate(self.years):
                col, spec = FIRST + index, phase_in.get(year)
                if isinstance(spec, str):
                    self.formula(row, col, Formula.parse(spec).to_excel(self.names), float(shares[index]), self.formats.share)
                elif spec is not None:
                    self.sheet.write_number(row, col, float(spec), self.formats.share_input)
                elif year > min(phase_in):
                    self.formula(row, col, self.cell(row, col - 1), float(shares[index]), self.formats.share)
                else:
                    self.sheet.write_number(row, col, 0.0, self.formats.share_input)
        self.row += len(lines) + 3

    def write_hours(self) -> int | None:
        """Staff hours freed per year by every line with ``hours``, their total and årsværk; the årsværk row (None: no hours)."""
        lines = [ln for ln in self.result.case.lines if ln.hours is not None]
        if not lines:
            return None
        flows = self.result.flows
        self.sheet.write_string(self.row, LABEL, "Frigjort personaletid (timer pr. år)", self.formats.heading)
        self.header(self.row + 1, "Linje", "")
        first = self.row + 2
        total, fte = first + len(lines), first + len(lines) + 1
        for row, line in enumerate(lines, start=first):
            self.hour_rows[line.name] = row
            hours = Formula.parse(line.hours or "")
            self.label(row, line.name)
            self.year_row(
                row,
                flows.line_hours[line.name],
                lambda col, _, f=hours, ln=line: self.line_formula(f, ln, col),
                self.formats.amount,
            )
        self.label(total, "Timer i alt", self.formats.text_bold)
        self.year_row(total, flows.hours, lambda col, _: f"SUM({self.column(first, total - 1, col)})", self.formats.amount_total)
        self.label(fte, "Årsværk (timer i alt / timer pr. årsværk)")
        divisor = self.names.get(CASE_FTE, FTE_NAME)
        self.year_row(fte, self.result.fte, lambda col, _: f"{self.cell(total, col)}/{divisor}", self.formats.decimal)
        self.row = fte + 2
        return fte

    def line_formula(self, formula: Formula, line: Line, col: int, phased: bool = True, rounded: bool = False) -> str:
        """``formula`` of ``line`` in one year as Excel text, as the engine computes it.

        With ``phased`` (a line's every-year ``formula`` and its ``hours``)
        the text is multiplied by the line's phase-in share cell; with
        ``rounded`` it is then rounded to the line's ``round_to``
        (``ROUND(x/m,0)*m``, half away from zero like the engine).
        """
        text = formula.to_excel(self.names)
        if phased and line.name in self.share_rows:
            text = f"({text})*{self.cell(self.share_rows[line.name], col)}"
        if rounded and line.round_to is not None:
            multiple = repr(float(line.round_to)).removesuffix(".0")
            text = f"ROUND(({text})/{multiple},0)*{multiple}"
        return text

    def write_lines(self) -> None:
        """Every line's yearly cells in tables 1-3: formulas, or numbers where the case file gives amounts (inputs)."""
        flows = self.result.flows
        for line in self.result.case.lines:
            row, values = self.line_rows[line.name], flows.lines[line.name]
            for index, year in enumerate(self.years):
                col = FIRST + index
                spec, phased = line.spec(year)
                if isinstance(spec, str):
                    text = self.line_formula(Formula.parse(spec), line, col, phased=phased, rounded=True)
                    self.formula(row, col, text, values[index], self.formats.amount)
                else:
                    self.sheet.write_number(row, col, float(spec or 0.0), self.formats.amount_input)

    def write_notes(self) -> None:
        """The case file's notes per line, as text."""
        notes = [(ln.name, ln.note) for ln in self.result.case.lines if ln.note]
        if not notes:
            return
        self.sheet.write_string(self.row, LABEL, "Noter", self.formats.heading)
        for row, (name, note) in enumerate(notes, start=self.row + 1):
            self.sheet.write_string(row, LABEL, name, self.formats.text)
            self.sheet.write_string(row, AREA, note, self.formats.note)
        self.row += len(notes) + 2
