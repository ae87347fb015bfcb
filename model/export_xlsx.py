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
from collections.abc import Sequence

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from .evaluate import CaseResult, Settings, case_values, evaluate
from .formula import Formula
from .xlsx_case_sheet import CaseSheet
from .xlsx_overview import write_overview
from .xlsx_style import (
    ASSUMPTIONS_SHEET,
    CASE_FTE,
    FTE_NAME,
    OVERVIEW_SHEET,
    RATE_NAME,
    Formats,
    defined_name,
    setup_page,
    sheet_names,
)

__all__ = ["ASSUMPTIONS_SHEET", "OVERVIEW_SHEET", "workbook_bytes"]


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
    formats = Formats(book)
    names = sheet_names([r.case.id for r in results])
    overview_sheet = book.add_worksheet(OVERVIEW_SHEET)
    assumptions_sheet = book.add_worksheet(ASSUMPTIONS_SHEET)
    refs = _write_assumptions(book, assumptions_sheet, results, settings, formats)
    figures = [
        CaseSheet(book.add_worksheet(name), result, refs[i], formats).write()
        for i, (name, result) in enumerate(zip(names, results, strict=True))
    ]
    write_overview(overview_sheet, results, figures, formats)
    book.close()
    return buffer.getvalue()


def _write_assumptions(
    book: xlsxwriter.Workbook,
    sheet: Worksheet,
    results: Sequence[CaseResult],
    settings: Settings,
    formats: Formats,
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
            RATE_NAME,
        ),
        (
            "Alle",
            "hours_per_fte",
            "Timer pr. årsværk",
            settings.hours_per_fte,
            "timer",
            "37 timer × 52 uger = 1.924",
            FTE_NAME,
        ),
    ]
    taken = {RATE_NAME.casefold(), FTE_NAME.casefold()}
    refs: list[dict[str, str]] = []
    formulas: dict[int, tuple[str, float]] = {}  # row index -> (Excel formula, cached value) of derived items
    for result in results:
        case = result.case
        names: dict[str, str] = {}
        for a in case.assumptions:
            names[a.name] = defined_name(case.id, a.name, taken)
            rows.append((case.id, a.name, a.label, float(a.value), a.unit, a.source, names[a.name]))
        if case.hours_per_fte is not None:
            names[CASE_FTE] = defined_name(case.id, FTE_NAME, taken)
            fte = float(case.hours_per_fte)
            rows.append((case.id, "hours_per_fte", "Timer pr. årsværk i denne case", fte, "timer", "Casefilen", names[CASE_FTE]))
        env = case_values(case)
        for item in case.derived_in_order():
            formulas[len(rows)] = (Formula.parse(item.formula).to_excel(names), float(env[item.name]))
            names[item.name] = defined_name(case.id, item.name, taken)
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
    setup_page(sheet, header_rows=3)
    return refs
