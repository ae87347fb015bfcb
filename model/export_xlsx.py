"""An Excel workbook of evaluated cases in which every computed figure is a live formula.

:func:`workbook_bytes` writes, with XlsxWriter:

- **Oversigt**: the overview table (Drift, Anlæg, Tilbagebetalingstid, Varig
  effektivisering netto, Nutidsværdi, Årsværk) per case, each cell a
  reference to the case's sheet, and "I alt" as ``SUM`` formulas;
- **Antagelser**: the inputs. First the settings shared by all cases (real
  discount rate, hours per årsværk), then one row per assumption of every
  case: case, name, label, value, unit, source and the *defined name* the
  formulas use (``I4_gevinst_vagtskifte``). Changing a value here moves
  every line, total, cumulative figure, payback time and NPV that depends
  on it;
- one sheet per case in the document's section-1 layout, then tables 1-3,
  the phase-in shares, the staff hours, and the key figures.

Conventions (see ``docs/excel-export.md``): amounts in 1.000 kr. at the
case's price level, **costs positive, savings negative**; the price level
stands in every table header. A line's yearly cell is its case-file
formula rendered by :meth:`model.Formula.to_excel` (times the phase-in share
when the line has a profile, then ``ROUND(x/m,0)*m`` for its ``round_to``);
explicit amounts are plain numbers, because they are inputs. A derived item is
a formula cell on Antagelser with its own defined name. Input cells are yellow.

Key figures, as :mod:`model.kpi` computes them:

- payback: whole years from the first year with gross costs > 0 up to and
  including the first year in which the cumulative *Samlet økonomisk
  påvirkning, alle midler* (innovation pool included) is ≤ 0; after the
  table the permanent level continues, ``n_after_start +
  ROUNDUP(cum_last / -level)``; "-" where it never pays back;
- NPV of the net savings over the horizon, t = 0 undiscounted:
  ``-(flow_0 + NPV(rate, flow_1 … flow_{H-1}))``, because Excel's ``NPV()``
  discounts its first value one period; the flows after the table continue
  at the permanent level. Positive when the investment pays.

Every formula cell carries the engine's value as its cached result, so a
viewer that does not recalculate still shows the right figures. Text from
case files (titles, line names, notes, labels) is always written as text,
never as a formula, whatever its first character.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from .evaluate import CaseResult, Settings, case_values, evaluate, phase_shares
from .export_csv import OVERVIEW_COLUMNS
from .formula import Formula
from .kpi import extend_flows
from .overview import overview
from .schema import Line

__all__ = ["ASSUMPTIONS_SHEET", "OVERVIEW_SHEET", "workbook_bytes"]

#: Longest formula Excel accepts, in characters (including the leading "=").
EXCEL_FORMULA_LIMIT = 8192

#: Sheet names besides one per case.
OVERVIEW_SHEET = "Oversigt"
ASSUMPTIONS_SHEET = "Antagelser"

#: Defined names of the settings. They hold no "_", so no case-prefixed
#: name (``<case>_<assumption>``) can ever equal one.
_RATE_NAME = "Diskonteringsrente"
_FTE_NAME = "TimerPrAarsvaerk"
#: Key of a case's own hours per årsværk in its name map (not an identifier, so no assumption can take it).
_CASE_FTE = " hours_per_fte"

#: Tolerance of the payback test, as in :mod:`model.kpi`.
_EPS = "1E-9"

_AREA_LABEL = {"service": "Service", "anlaeg": "Anlæg"}
_TABLE_TITLES = {
    1: "Tabel 1. Varige ændringer",
    2: "Tabel 2. Serviceinvesteringer",
    3: "Tabel 3. Anlægsinvesteringer",
}
_TABLE_TOTALS = {1: "Varige ændringer totalt", 2: "Investeringer totalt, service", 3: "Investeringer totalt, anlæg"}
_INNOVATION_ROW = "Heraf søgt fra innovationspuljen (X)"
_INNOVATION_NOTE = "Jf. tabel 2 søges der også om midler fra innovationspuljen, i alt (1.000 kr.):"
#: Labels of the key figures on a case sheet, by overview key.
_KEY_LABELS = {
    "payback_years": "Tilbagebetalingstid (hele år; alle midler)",
    "net_permanent": "Varig effektivisering, netto (1.000 kr.)",
    "drift": "Drift: serviceinvesteringer fra investeringspuljen i alt (1.000 kr.)",
    "anlaeg": "Anlæg: anlægsinvesteringer i alt (1.000 kr.)",
    "innovation": "Innovationspuljen i alt (1.000 kr.)",
    "npv": "Nutidsværdi af nettobesparelser, {horizon} år (1.000 kr.; + når det betaler sig)",
    "fte_full": "Årsværk frigjort, fuldt indfaset",
}

#: Columns of a case sheet: label, Styringsområde / Innovationspulje, then the years.
_LABEL, _AREA, _FIRST = 0, 1, 2


def workbook_bytes(results: Sequence[CaseResult], settings: Settings | None = None) -> bytes:
    """The .xlsx file of ``results`` as bytes: Oversigt, Antagelser and one sheet per case.

    ``settings`` (discount rate, horizon, hours per årsværk) apply to every
    case; by default the first result's. A result evaluated under other
    settings is evaluated again under these, so that the cached values agree
    with the formulas. The assumption values written are the results' own,
    i.e. as the user has changed them.

    Formulas: lines from the case file's formulas over the assumption cells
    (defined names), totals and cumulative figures as ``SUM`` and running
    sums, payback and NPV as described in the module docstring; amounts in
    1.000 kr., costs positive, savings negative; NPV of net savings (+ pays).

    >>> import openpyxl
    >>> from model import load_case, evaluate
    >>> data = workbook_bytes([evaluate(load_case("cases/i4.yaml"))])
    >>> openpyxl.load_workbook(io.BytesIO(data)).sheetnames
    ['Oversigt', 'Antagelser', 'I4']
    """
    settings = settings or (results[0].settings if results else Settings())
    results = [r if r.settings == settings else evaluate(r.case, settings) for r in results]
    buffer = io.BytesIO()
    # Text stays text: no string is ever turned into a formula, URL or number.
    book = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    )
    formats = _Formats(book)
    sheet_names = _sheet_names([r.case.id for r in results])
    overview_sheet = book.add_worksheet(OVERVIEW_SHEET)
    assumptions_sheet = book.add_worksheet(ASSUMPTIONS_SHEET)
    refs = _write_assumptions(book, assumptions_sheet, results, settings, formats)
    figures = [
        _CaseSheet(book.add_worksheet(name), result, refs[i], formats).write()
        for i, (name, result) in enumerate(zip(sheet_names, results, strict=True))
    ]
    _write_overview(overview_sheet, results, figures, formats)
    book.close()
    return buffer.getvalue()


class _Formats:
    """The workbook's cell formats; amounts as ``#,##0`` (Danish Excel shows 1.234)."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        def add(**props: object) -> Format:
            return book.add_format({"font_name": "Calibri", "font_size": 10, "valign": "top", **props})

        input_fill = {"bg_color": "#FFF2CC"}
        header = {"bold": True, "bg_color": "#D9E1F2", "bottom": 1, "text_wrap": True}
        total = {"bold": True, "top": 1}
        self.title = add(bold=True, font_size=14)
        self.heading = add(bold=True, font_size=11)
        self.subheading = add(bold=True)
        self.header = add(**header)
        self.header_right = add(**header, align="right")
        self.header_year = add(**header, align="right", num_format="0")
        self.text = add()
        self.text_bold = add(bold=True, top=1)
        self.note = add(italic=True, font_color="#595959")
        self.amount = add(num_format="#,##0")
        self.amount_input = add(num_format="#,##0", **input_fill)
        self.amount_total = add(num_format="#,##0", **total)
        self.share = add(num_format="0.0%")
        self.share_input = add(num_format="0.0%", **input_fill)
        self.value_input = add(num_format="General", **input_fill)
        self.value = add(num_format="General")
        self.flag = add(num_format="0", align="right")
        self.years = add(num_format='0 "år"', align="right", bold=True)
        self.decimal = add(num_format="#,##0.0")
        self.decimal_total = add(num_format="#,##0.0", **total)
        self.center = add(align="center")


def _sheet_names(ids: Sequence[str]) -> list[str]:
    """One sheet name per case id: at most 31 characters, unique regardless of case."""
    taken = {OVERVIEW_SHEET.casefold(), ASSUMPTIONS_SHEET.casefold(), "history"}
    names = []
    for case_id in ids:
        name, number = case_id[:31], 1
        while name.casefold() in taken:
            number += 1
            suffix = f"-{number}"
            name = case_id[: 31 - len(suffix)] + suffix
        taken.add(name.casefold())
        names.append(name)
    return names


def _defined_name(case_id: str, assumption: str, taken: set[str]) -> str:
    """A valid, unused Excel name for an assumption: ``<case>_<name>``, e.g. ``I4_gevinst_vagtskifte``.

    The case id's ``-`` becomes ``_``; an id starting with a digit gets a
    leading ``C``. The "_" in every such name keeps it from looking like a
    cell reference (``A1``, ``R1C1``) or a setting's name.
    """
    prefix = re.sub(r"[^A-Za-z0-9_]", "_", case_id)
    if not prefix[:1].isalpha():
        prefix = "C" + prefix
    base = f"{prefix}_{assumption}"[:250]
    name, number = base, 1
    while name.casefold() in taken:
        number += 1
        name = f"{base}_{number}"
    taken.add(name.casefold())
    return name


def _setup_page(sheet: Worksheet, header_rows: int) -> None:
    """A4 landscape, one page wide, header rows repeated, sheet name and page number in the footer."""
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    sheet.repeat_rows(0, header_rows - 1)
    sheet.set_footer("&L&A&RSide &P af &N")


def _write_assumptions(
    book: xlsxwriter.Workbook,
    sheet: Worksheet,
    results: Sequence[CaseResult],
    settings: Settings,
    formats: _Formats,
) -> list[dict[str, str]]:
    """The Antagelser sheet; returns per case the map assumption name → defined name.

    The settings come first (case "Alle"), defined as ``Diskonteringsrente``
    (share a year) and ``TimerPrAarsvaerk`` (hours).
    """
    sheet.write_string(0, 0, "Antagelser", formats.title)
    sheet.write_string(
        1, 0, "Gule celler er inddata: ret en værdi her, og alle formler i casearkene og oversigten regnes om.", formats.note
    )
    headers = ("Case", "Navn", "Beskrivelse", "Værdi", "Enhed", "Kilde", "Navn i formler")
    for col, text in enumerate(headers):
        sheet.write_string(2, col, text, formats.header)
    rows: list[tuple[str, str, str, float, str, str, str]] = [
        (
            "Alle",
            "discount_rate",
            "Real diskonteringsrente pr. år (nutidsværdi)",
            settings.discount_rate,
            "andel pr. år",
            "Finansministeriet: 3,5 % for år 0-35 (fra januar 2021)",
            _RATE_NAME,
        ),
        (
            "Alle",
            "hours_per_fte",
            "Timer pr. årsværk",
            settings.hours_per_fte,
            "timer",
            "37 timer × 52 uger = 1.924",
            _FTE_NAME,
        ),
    ]
    taken = {_RATE_NAME.casefold(), _FTE_NAME.casefold()}
    refs: list[dict[str, str]] = []
    formulas: dict[int, tuple[str, float]] = {}  # row index -> (Excel formula, cached value) of derived items
    for result in results:
        case = result.case
        names: dict[str, str] = {}
        for a in case.assumptions:
            names[a.name] = _defined_name(case.id, a.name, taken)
            rows.append((case.id, a.name, a.label, float(a.value), a.unit, a.source, names[a.name]))
        if case.hours_per_fte is not None:
            names[_CASE_FTE] = _defined_name(case.id, _FTE_NAME, taken)
            fte = float(case.hours_per_fte)
            rows.append((case.id, "hours_per_fte", "Timer pr. årsværk i denne case", fte, "timer", "Casefilen", names[_CASE_FTE]))
        env = case_values(case)
        for item in case.derived_in_order():
            formulas[len(rows)] = (Formula.parse(item.formula).to_excel(names), float(env[item.name]))
            names[item.name] = _defined_name(case.id, item.name, taken)
            rows.append((case.id, item.name, item.label, float(env[item.name]), item.unit, item.source, names[item.name]))
        refs.append(names)
    for index, (case_id, name, label, value, unit, source, defined) in enumerate(rows):
        row = 3 + index
        for col, text in ((0, case_id), (1, name), (2, label), (4, unit), (5, source), (6, defined)):
            sheet.write_string(row, col, text, formats.text)
        if index in formulas:
            sheet.write_formula(row, 3, "=" + formulas[index][0], formats.value, formulas[index][1])
        else:
            sheet.write_number(row, 3, value, formats.value_input)
        if book.define_name(defined, f"='{ASSUMPTIONS_SHEET}'!{xl_rowcol_to_cell(row, 3, row_abs=True, col_abs=True)}"):
            msg = f"Excel refuses the defined name {defined!r}"  # unreachable: _defined_name makes valid names
            raise ValueError(msg)
    for col, width in enumerate((8, 26, 60, 12, 12, 70, 30)):
        sheet.set_column(col, col, width)
    sheet.freeze_panes(3, 0)
    sheet.autofilter(2, 0, 2 + len(rows), len(headers) - 1)
    _setup_page(sheet, header_rows=3)
    return refs


@dataclass(frozen=True)
class _Section1:
    """Row numbers (0-based) of section 1, which refers to blocks written after it."""

    heading: int
    n_permanent: int
    has_innovation: bool

    @property
    def permanent(self) -> int:
        """Samlet varig ændring; the lines are the rows just above it."""
        return self.heading + 1 + self.n_permanent

    @property
    def service(self) -> int:
        return self.permanent + 2

    @property
    def capital(self) -> int:
        return self.permanent + 3

    @property
    def implementation(self) -> int:
        return self.permanent + 4

    @property
    def total(self) -> int:
        return self.permanent + 5

    @property
    def cumulative(self) -> int:
        return self.permanent + 6

    @property
    def payback(self) -> int:
        return self.permanent + 7

    @property
    def npv(self) -> int:
        return self.permanent + 8

    @property
    def footnote(self) -> int:
        return self.permanent + 9

    @property
    def end(self) -> int:
        """The first row after section 1."""
        return self.footnote + (1 if self.has_innovation else 0)


@dataclass(frozen=True)
class _Table:
    """Rows of table 1, 2 or 3: lines ``first``..``last`` (none when last < first), ``total``, table 2's ``innovation``."""

    first: int
    last: int
    total: int
    innovation: int | None = None

    @property
    def has_lines(self) -> bool:
        return self.last >= self.first


_YearFormula = Callable[[int, int], str]


@dataclass
class _CaseSheet:
    """Writes one case's sheet; :meth:`write` returns the cells the overview refers to."""

    sheet: Worksheet
    result: CaseResult
    names: Mapping[str, str]
    formats: _Formats
    row: int = 0
    line_rows: dict[str, int] = field(default_factory=dict)
    share_rows: dict[str, int] = field(default_factory=dict)
    hour_rows: dict[str, int] = field(default_factory=dict)
    tables: dict[int, _Table] = field(default_factory=dict)
    flow_row: int = 0  # Samlet økonomisk påvirkning, alle midler (written by write_key_figures)

    # --- cells ----------------------------------------------------------------

    @property
    def years(self) -> tuple[int, ...]:
        return self.result.years

    @property
    def last_col(self) -> int:
        return _FIRST + len(self.years) - 1

    @staticmethod
    def cell(row: int, col: int, absolute: bool = False) -> str:
        return xl_rowcol_to_cell(row, col, row_abs=absolute, col_abs=absolute)

    def span(self, row: int) -> str:
        """The year cells of ``row`` as a range, ``C12:G12``."""
        return f"{self.cell(row, _FIRST)}:{self.cell(row, self.last_col)}"

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
        self.sheet.write_string(row, _LABEL, text, fmt or self.formats.text)
        if area or fmt is self.formats.text_bold:
            self.sheet.write_string(row, _AREA, area, fmt or self.formats.text)

    def year_row(self, row: int, values: np.ndarray, formula: _YearFormula, fmt: Format) -> None:
        """One formula per year: ``formula(col, index)`` gives the text, ``values`` the cached results."""
        for index in range(len(self.years)):
            self.formula(row, _FIRST + index, formula(_FIRST + index, index), values[index], fmt)

    def header(self, row: int, first: str, second: str, total: bool = False, years: Sequence[int] | None = None) -> None:
        shown = list(self.years if years is None else years)
        self.sheet.write_string(row, _LABEL, first, self.formats.header)
        self.sheet.write_string(row, _AREA, second, self.formats.header)
        for index, year in enumerate(shown):
            self.sheet.write_number(row, _FIRST + index, year, self.formats.header_year)
        if total:
            self.sheet.write_string(row, _FIRST + len(shown), "I alt", self.formats.header_right)

    # --- the sheet --------------------------------------------------------------

    def write(self) -> dict[str, str]:
        """Write every block; return the overview's cells (absolute, with the sheet name) by overview key."""
        case = self.result.case
        level = f"{case.price_level} p/l"
        self.sheet.write_string(0, _LABEL, f"{case.id} {case.title}", self.formats.title)
        self.sheet.write_string(1, _LABEL, case.summary, self.formats.note)
        self.sheet.write_string(2, _LABEL, "1. Forslagets samlede økonomiske konsekvenser", self.formats.heading)
        self.header(3, f"1.000 kr. {level}", "Styringsområde")
        permanent = [ln for ln in case.lines if ln.kind == "permanent"]
        section = _Section1(4, len(permanent), _has_innovation(self.result))
        self.row = section.end + 1
        for number in (1, 2, 3):
            self.write_table(number, level)
        self.write_shares()
        hours_fte = self.write_hours()
        self.write_lines()
        cells = self.write_key_figures(section, hours_fte)
        self.write_section1(section, permanent, cells)
        self.write_notes()
        self.sheet.set_column(_LABEL, _LABEL, 62)
        self.sheet.set_column(_AREA, _AREA, 14)
        self.sheet.set_column(_FIRST, max(self.last_col + 1, _FIRST + self.result.settings.horizon - 1), 11)
        self.sheet.freeze_panes(4, 2)
        _setup_page(self.sheet, header_rows=4)
        return {key: f"'{self.sheet.name}'!{ref}" for key, ref in cells.items()}

    def write_table(self, number: int, level: str) -> None:
        """Table 1, 2 or 3: the lines' names and area (or X), totals per year, and "I alt" for tables 2 and 3.

        The lines' yearly cells are written later by :meth:`write_lines`.
        """
        select = {
            1: lambda ln: ln.kind == "permanent",
            2: lambda ln: ln.kind == "one_off" and ln.area == "service",
            3: lambda ln: ln.kind == "one_off" and ln.area == "anlaeg",
        }[number]
        lines = [ln for ln in self.result.case.lines if select(ln)]
        frame = self.result.table(number)
        self.sheet.write_string(self.row, _LABEL, _TABLE_TITLES[number], self.formats.heading)
        self.header(self.row + 1, f"1.000 kr. ({level})", "Innovationspulje" if number == 2 else "Styringsområde", number != 1)
        first = self.row + 2
        for row, line in enumerate(lines, start=first):
            self.line_rows[line.name] = row
            self.label(row, line.name)
            if number == 2:
                self.sheet.write_string(row, _AREA, "X" if line.funding == "innovationspulje" else "", self.formats.center)
            else:
                self.sheet.write_string(row, _AREA, _AREA_LABEL[line.area], self.formats.text)
        table = _Table(first=first, last=first + len(lines) - 1, total=first + len(lines))
        self.label(table.total, _TABLE_TOTALS[number], self.formats.text_bold)
        self.year_row(
            table.total,
            frame.iloc[-1][list(self.years)].to_numpy(dtype=float),
            lambda col, _: f"SUM({self.column(table.first, table.last, col)})" if table.has_lines else "0",
            self.formats.amount_total,
        )
        if number != 1:
            for index, row in enumerate(range(first, table.total + 1)):
                fmt = self.formats.amount_total if row == table.total else self.formats.amount
                self.formula(row, self.last_col + 1, f"SUM({self.span(row)})", frame["I alt"].iloc[index], fmt)
        if number == 2:
            table = replace(table, innovation=table.total + 1)
            markers = f"{self.cell(table.first, _AREA, True)}:{self.cell(table.last, _AREA, True)}"
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
        self.tables[number] = table
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
        self.sheet.write_string(self.row, _LABEL, "Indfasning (andel af fuld effekt)", self.formats.heading)
        self.header(self.row + 1, "Linje", "")
        for row, line in enumerate(lines, start=self.row + 2):
            self.share_rows[line.name] = row
            self.label(row, line.name)
            shares = phase_shares(case, line, self.years, env)
            phase_in = case.profile(line) or {}
            for index, year in enumerate(self.years):
                col, spec = _FIRST + index, phase_in.get(year)
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
        self.sheet.write_string(self.row, _LABEL, "Frigjort personaletid (timer pr. år)", self.formats.heading)
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
        divisor = self.names.get(_CASE_FTE, _FTE_NAME)
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
                col = _FIRST + index
                spec, phased = line.spec(year)
                if isinstance(spec, str):
                    text = self.line_formula(Formula.parse(spec), line, col, phased=phased, rounded=True)
                    self.formula(row, col, text, values[index], self.formats.amount)
                else:
                    self.sheet.write_number(row, col, float(spec or 0.0), self.formats.amount_input)

    def write_key_figures(self, section: _Section1, fte_row: int | None) -> dict[str, str]:
        """The payback and NPV workings, then the key figures; returns their cells (absolute) by overview key."""
        result, flows, kpis = self.result, self.result.flows, self.result.kpis
        n, horizon = len(self.years), result.settings.horizon
        tables = self.tables
        self.sheet.write_string(self.row, _LABEL, "Tilbagebetalingstid og nutidsværdi: beregning", self.formats.heading)
        self.header(self.row + 1, f"1.000 kr. {result.case.price_level} p/l", "")
        flow_row, gross_row, active_row, cum_row, paid_row = range(self.row + 2, self.row + 7)
        self.flow_row = flow_row
        innovation_row = tables[2].innovation or 0

        self.label(flow_row, "Samlet økonomisk påvirkning, alle midler (inkl. innovationspuljen)")
        flow = flows.total_impact_all
        self.year_row(
            flow_row,
            flow,
            lambda col, _: f"{self.cell(section.total, col)}+{self.cell(innovation_row, col)}",
            self.formats.amount,
        )

        def gross(col: int, _: int) -> str:
            ranges = [self.column(t.first, t.last, col) for t in tables.values() if t.has_lines]
            return "+".join(f'SUMIF({r},">0")' for r in ranges)

        self.label(gross_row, "Bruttoudgifter (summen af linjer > 0)")
        self.year_row(gross_row, flows.gross_costs, gross, self.formats.amount)
        active = np.maximum.accumulate((flows.gross_costs > 1e-9).astype(float))
        self.label(active_row, "Talt med (1 fra det første år med udgifter)")

        def counted(col: int, index: int) -> str:
            spends = f"{self.cell(gross_row, col)}>{_EPS}"
            return f"IF({spends},1,0)" if index == 0 else f"IF(OR({self.cell(active_row, col - 1)}=1,{spends}),1,0)"

        self.year_row(active_row, active, counted, self.formats.flag)
        cumulative = np.cumsum(active * flow)
        self.label(cum_row, "Akkumuleret fra det første år med udgifter")
        self.year_row(
            cum_row,
            cumulative,
            lambda col, i: (
                ("" if i == 0 else f"{self.cell(cum_row, col - 1)}+") + f"{self.cell(active_row, col)}*{self.cell(flow_row, col)}"
            ),
            self.formats.amount,
        )
        paid = ((active > 0) & (cumulative <= 1e-9)).astype(float)
        self.label(paid_row, "Tilbagebetalt (1 når det akkumulerede er ≤ 0)")
        self.year_row(
            paid_row,
            paid,
            lambda col, _: f"IF(AND({self.cell(active_row, col)}=1,{self.cell(cum_row, col)}<={_EPS}),1,0)",
            self.formats.flag,
        )

        # The NPV's flows: the table's years, then the permanent level (Samlet varig ændring, last year).
        npv_row = paid_row + 3
        self.header(
            npv_row - 1,
            f"Til nutidsværdien ({result.case.price_level} p/l): {horizon} år, t = 0 i {self.years[0]}",
            "",
            years=[self.years[0] + t for t in range(horizon)],
        )
        level = self.cell(section.permanent, self.last_col, absolute=True)
        self.label(npv_row, "Samlet påvirkning, alle midler; efter tabellen den varige ændring fuldt indfaset")
        extended = extend_flows(flow, flows.net_permanent, horizon)
        for t in range(horizon):
            self.formula(
                npv_row, _FIRST + t, self.cell(flow_row, _FIRST + t) if t < n else level, extended[t], self.formats.amount
            )

        start = f"MATCH(1,{self.span(active_row)},0)"
        payback = (
            f"IF(COUNTIF({self.span(active_row)},1)=0,0,"
            f"IF(COUNTIF({self.span(paid_row)},1)>0,MATCH(1,{self.span(paid_row)},0)-{start}+1,"
            f"IF({level}<-{_EPS},{n}-{start}+1+ROUNDUP(MAX({self.cell(cum_row, self.last_col)}/(-{level})-{_EPS},0),0),"
            '"-")))'
        )
        rest = (
            f"+NPV({_RATE_NAME},{self.cell(npv_row, _FIRST + 1)}:{self.cell(npv_row, _FIRST + horizon - 1)})"
            if horizon > 1
            else ""
        )
        figures: list[tuple[str, str, str, float | str, Format]] = [
            ("payback_years", _KEY_LABELS["payback_years"], payback, _payback_value(kpis.payback_years), self.formats.years),
            ("net_permanent", _KEY_LABELS["net_permanent"], level, kpis.net_permanent, self.formats.amount),
            ("drift", _KEY_LABELS["drift"], f"SUM({self.span(section.service)})", kpis.drift, self.formats.amount),
            ("anlaeg", _KEY_LABELS["anlaeg"], f"SUM({self.span(section.capital)})", kpis.anlaeg, self.formats.amount),
            (
                "innovation",
                _KEY_LABELS["innovation"],
                self.cell(innovation_row, self.last_col + 1),
                kpis.innovation,
                self.formats.amount,
            ),
            (
                "npv",
                _KEY_LABELS["npv"].format(horizon=horizon),
                f"-({self.cell(npv_row, _FIRST)}{rest})",
                kpis.npv,
                self.formats.amount,
            ),
            (
                "fte_full",
                _KEY_LABELS["fte_full"],
                self.cell(fte_row, self.last_col) if fte_row else "0",
                kpis.fte_full,
                self.formats.decimal,
            ),
        ]
        heading = npv_row + 2
        self.sheet.write_string(heading, _LABEL, "Nøgletal", self.formats.heading)
        cells = {}
        for row, (key, text, formula, value, fmt) in enumerate(figures, start=heading + 1):
            self.label(row, text)
            self.formula(row, _FIRST, formula, value, fmt)
            cells[key] = self.cell(row, _FIRST, absolute=True)
        self.sheet.write_string(
            heading + len(figures) + 1,
            _LABEL,
            f"Diskonteringsrenten ({_RATE_NAME}) og timer pr. årsværk ({_FTE_NAME}) står på arket {ASSUMPTIONS_SHEET}.",
            self.formats.note,
        )
        self.row = heading + len(figures) + 3
        return cells

    def write_section1(self, section: _Section1, permanent: Sequence[Line], cells: Mapping[str, str]) -> None:
        """Section 1 as the document lays it out; every cell refers to tables 1-3 or the workings below them."""
        flows, kpis = self.result.flows, self.result.kpis
        flow_row = self.flow_row
        self.label(section.heading, "Varige ændringer", self.formats.subheading)
        for row, line in enumerate(permanent, start=section.heading + 1):
            self.label(row, line.name, area=_AREA_LABEL[line.area])
            source = self.line_rows[line.name]
            self.year_row(row, flows.lines[line.name], lambda col, _, r=source: self.cell(r, col), self.formats.amount)
        self.label(section.permanent, "Samlet varig ændring", self.formats.text_bold)
        self.year_row(
            section.permanent, flows.permanent, lambda col, _: self.cell(self.tables[1].total, col), self.formats.amount_total
        )
        self.label(section.permanent + 1, "Implementeringsomkostninger", self.formats.subheading)
        table2 = self.tables[2]
        self.label(section.service, "Serviceinvesteringer", area="Service")
        self.year_row(
            section.service,
            flows.service_investment,
            lambda col, _: f"{self.cell(table2.total, col)}-{self.cell(table2.innovation or 0, col)}",
            self.formats.amount,
        )
        self.label(section.capital, "Anlægsinvesteringer", area="Anlæg")
        self.year_row(
            section.capital, flows.capital_investment, lambda col, _: self.cell(self.tables[3].total, col), self.formats.amount
        )
        self.label(section.implementation, "Samlede implementeringsomkostninger", self.formats.text_bold)
        self.year_row(
            section.implementation,
            flows.implementation,
            lambda col, _: f"{self.cell(section.service, col)}+{self.cell(section.capital, col)}",
            self.formats.amount_total,
        )
        self.label(section.total, "Samlet økonomisk påvirkning", self.formats.text_bold)
        self.year_row(
            section.total,
            flows.total_impact,
            lambda col, _: f"{self.cell(section.permanent, col)}+{self.cell(section.implementation, col)}",
            self.formats.amount_total,
        )
        self.label(section.cumulative, "Akkumuleret, alle midler")
        self.year_row(
            section.cumulative,
            flows.cumulative,
            lambda col, i: ("" if i == 0 else f"{self.cell(section.cumulative, col - 1)}+") + self.cell(flow_row, col),
            self.formats.amount,
        )
        self.label(section.payback, "Tilbagebetalingstid (alle midler)")
        self.formula(section.payback, _FIRST, cells["payback_years"], _payback_value(kpis.payback_years), self.formats.years)
        self.label(section.npv, f"Nutidsværdi af nettobesparelser, {self.result.settings.horizon} år")
        self.formula(section.npv, _FIRST, cells["npv"], kpis.npv, self.formats.amount)
        if section.has_innovation:
            self.label(section.footnote, _INNOVATION_NOTE, self.formats.note)
            self.formula(section.footnote, _FIRST, cells["innovation"], kpis.innovation, self.formats.amount)

    def write_notes(self) -> None:
        """The case file's notes per line, as text."""
        notes = [(ln.name, ln.note) for ln in self.result.case.lines if ln.note]
        if not notes:
            return
        self.sheet.write_string(self.row, _LABEL, "Noter", self.formats.heading)
        for row, (name, note) in enumerate(notes, start=self.row + 1):
            self.sheet.write_string(row, _LABEL, name, self.formats.text)
            self.sheet.write_string(row, _AREA, note, self.formats.note)
        self.row += len(notes) + 2


def _payback_value(years: int | None) -> float | str:
    """The payback cell's value: whole years, or "-" where the case never pays back."""
    return "-" if years is None else float(years)


def _write_overview(
    sheet: Worksheet, results: Sequence[CaseResult], figures: Sequence[Mapping[str, str]], formats: _Formats
) -> None:
    """The overview: one row per case referring to its sheet's key figures, and "I alt" as SUM formulas.

    Columns as the overview CSV's (``model.export_csv.OVERVIEW_COLUMNS``).
    Cases at different price levels get no "I alt" row, as in
    :func:`model.overview`.
    """
    table = overview(results, allow_mixed_price_levels=True)
    sheet.write_string(0, 0, "Oversigt over investeringsbehov og afledte effektiviseringer på sigt", formats.title)
    if table.price_level is not None:
        unit = f"1.000 kr. {table.price_level} p/l"
    else:
        unit = "1.000 kr. ved hver cases eget prisniveau: " + ", ".join(f"{r.case.id} {r.case.price_level} p/l" for r in results)
    sheet.write_string(1, 0, unit, formats.note)
    header_row, first = 2, 3
    for col, (_, text) in enumerate(OVERVIEW_COLUMNS):
        shown = text.replace("1.000 kr.", unit) if table.price_level is not None else text
        sheet.write_string(header_row, col, shown, formats.header if col < 2 else formats.header_right)
    number_formats = {
        "drift": formats.amount,
        "anlaeg": formats.amount,
        "payback_years": formats.years,
        "net_permanent": formats.amount,
        "npv": formats.amount,
        "fte_full": formats.decimal,
    }
    for row, (line, cells) in enumerate(zip(table.rows, figures, strict=True), start=first):
        sheet.write_string(row, 0, line.id, formats.text)
        sheet.write_string(row, 1, line.title, formats.text)
        data = line.to_dict()
        for col, (key, _) in enumerate(OVERVIEW_COLUMNS[2:], start=2):
            value = _payback_value(line.payback_years) if key == "payback_years" else float(data[key])  # type: ignore[arg-type]
            sheet.write_formula(row, col, "=" + cells[key], number_formats[key], value)
    row = first + len(table.rows)
    if table.total is not None and table.rows:
        total = table.total.to_dict()
        sheet.write_string(row, 0, "I alt", formats.text_bold)
        sheet.write_string(row, 1, "", formats.text_bold)
        for col, (key, _) in enumerate(OVERVIEW_COLUMNS[2:], start=2):
            if key == "payback_years":
                sheet.write_string(row, col, "", formats.text_bold)
                continue
            cells_above = f"{xl_rowcol_to_cell(first, col)}:{xl_rowcol_to_cell(row - 1, col)}"
            fmt = formats.decimal_total if key == "fte_full" else formats.amount_total
            formula = f"=SUM({cells_above})" if key != "npv" else "=" + _npv_total(results, first, col)
            sheet.write_formula(row, col, formula, fmt, float(total[key]))  # type: ignore[arg-type]
        row += 1
    row += 1
    if table.total is None and table.rows:
        no_total = "Ingen I alt: casene har forskellige prisniveauer og kan ikke lægges sammen uden genberegning."
        sheet.write_string(row, 1, no_total, formats.note)
        row += 1
    innovation = [(r, cells["innovation"]) for r, cells in zip(results, figures, strict=True) if _has_innovation(r)]
    if innovation and table.price_level is not None:
        sheet.write_string(
            row, 1, "Drift er uden midler fra innovationspuljen; jf. tabel 2 søges der også om i alt:", formats.note
        )
        value = sum(r.kpis.innovation for r, _ in innovation)
        sheet.write_formula(row, 2, "=" + "+".join(ref for _, ref in innovation), formats.amount, float(value))
        row += 1
    notes = (
        "Tilbagebetalingstid: hele år fra det første år med udgifter til og med det første år, hvor den akkumulerede "
        "økonomiske påvirkning (alle midler, også innovationspuljen) er ≤ 0; efter tabellen fortsætter den varige ændring.",
        "Udgifter +, besparelser -. Nutidsværdien er nettobesparelsernes (+ når det betaler sig), diskonteret med renten "
        f"på arket {ASSUMPTIONS_SHEET}; casens første år (t = 0) diskonteres ikke. I alt lægger nutidsværdierne sammen "
        "i det tidligste første år: en case, der starter senere, diskonteres tilbage dertil.",
    )
    for index, text in enumerate(notes):
        sheet.write_string(row + index, 1, text, formats.note)
    for col, width in enumerate((8, 62, 16, 16, 16, 20, 18, 12)):
        sheet.set_column(col, col, width)
    sheet.freeze_panes(first, 0)
    _setup_page(sheet, header_rows=first)


def _npv_total(results: Sequence[CaseResult], first: int, col: int) -> str:
    """The NPV total as :func:`model.npv_total` adds it: each NPV discounted back to the earliest first year."""
    base = min(r.case.first_year for r in results)
    terms = []
    for row, result in enumerate(results, start=first):
        cell, years = xl_rowcol_to_cell(row, col), result.case.first_year - base
        terms.append(cell if years == 0 else f"{cell}/(1+{_RATE_NAME})^{years}")
    return "+".join(terms)


def _has_innovation(result: CaseResult) -> bool:
    """Whether any line of the case is sought from the innovation pool (table 2's X)."""
    return any(line.funding == "innovationspulje" for line in result.case.lines)
