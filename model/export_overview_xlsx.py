"""The overview table as a formatted Excel sheet: bold headers, Danish thousands, the "I alt" row.

One sheet, as on the document's first page: a title, the unit, then one row
per case (Case, Titel, Drift, Anlæg, Tilbagebetalingstid, Varig
effektivisering netto, Nutidsværdi, Årsværk) and the total in bold. Figures
are written as numbers with the format code ``#,##0``, which a Danish Excel
shows as ``1.234`` (format codes are stored with English separators and
shown in the reader's locale). Every text cell is written with
``write_string`` and the workbook refuses to turn strings into formulas,
URLs or numbers, so a title such as ``=HYPERLINK("x")`` stays text. The
totals are values, not formulas; the workbook with live formulas is
``model.export_xlsx``.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

import xlsxwriter

from .danish import round_shown
from .export_csv import OVERVIEW_DECIMALS
from .layout import OVERVIEW_COLUMNS
from .overview import Overview, OverviewLine

__all__ = ["DEFAULT_LABELS", "overview_xlsx"]

#: Labels used where ``labels`` gives none (Danish, as the document): the sheet's name, title, unit
#: and total row, and one header per column of :data:`model.layout.OVERVIEW_COLUMNS` by its key.
DEFAULT_LABELS: dict[str, str] = {
    "sheet": "Oversigt",
    "sheet_title": "Oversigt over investeringsbehov og afledte effektiviseringer på sigt",
    "unit": "1.000 kr.",
    **{column.key: column.heading for column in OVERVIEW_COLUMNS},
    "total": "I alt",
}

#: Excel number format per kind of figure (format codes use English separators; Danish Excel shows 1.234).
_NUMBER_FORMATS: dict[str, str] = {"amount": "#,##0", "years": "0", "decimal": "#,##0.0"}
#: Column widths (characters) where the default of 12 does not fit.
_WIDTHS: dict[str, int] = {"id": 9, "title": 60, "payback_years": 16, "net_permanent": 16, "npv": 13, "fte_full": 10}
#: (field of OverviewLine, number format or None for text, column width) per column.
_COLUMNS: tuple[tuple[str, str | None, int], ...] = tuple(
    (column.key, _NUMBER_FORMATS.get(column.kind), _WIDTHS.get(column.key, 12)) for column in OVERVIEW_COLUMNS
)
_SUMMED = {column.key for column in OVERVIEW_COLUMNS if column.summed}
_HEADER_ROW = 3
# Excel's limit for a sheet name, and characters it does not allow there.
_SHEET_NAME_MAX = 31
_SHEET_NAME_BAD = str.maketrans({c: " " for c in "[]:*?/\\"})


def _value(line: OverviewLine, field: str) -> object:
    """The cell of ``field``: text, or the figure rounded as the app shows it (no float noise)."""
    value = getattr(line, field)
    return round_shown(value, OVERVIEW_DECIMALS[field]) if field in OVERVIEW_DECIMALS else value


def overview_xlsx(overview: Overview, labels: Mapping[str, str] | None = None, notes: Sequence[str] = ()) -> bytes:
    """The overview (rows and "I alt") as the bytes of an .xlsx file.

    ``labels`` may replace any of :data:`DEFAULT_LABELS` (to translate the
    sheet); ``notes`` are lines of text written below the table (e.g. which
    cases carry changed assumptions). Figures are numbers rounded as the app
    shows them; a payback time of None is an empty cell (never text), and
    the total row has none.
    Amounts in 1.000 kr., costs positive, savings negative.
    """
    text = {**DEFAULT_LABELS, **(labels or {})}
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    workbook = xlsxwriter.Workbook(buffer, options)
    sheet_name = text["sheet"].translate(_SHEET_NAME_BAD).strip()[:_SHEET_NAME_MAX] or DEFAULT_LABELS["sheet"]
    sheet = workbook.add_worksheet(sheet_name)

    title = workbook.add_format({"bold": True, "font_size": 13})
    muted = workbook.add_format({"italic": True, "font_color": "#555555"})
    header = workbook.add_format(
        {"bold": True, "bg_color": "#DCE6F1", "bottom": 1, "text_wrap": True, "valign": "bottom", "border_color": "#7F7F7F"}
    )
    header_number = workbook.add_format(
        {"bold": True, "bg_color": "#DCE6F1", "bottom": 1, "text_wrap": True, "valign": "bottom", "align": "right"}
    )
    body_text = workbook.add_format({"text_wrap": True, "valign": "top"})
    total_text = workbook.add_format({"bold": True, "top": 1, "bottom": 6, "valign": "top"})
    body_numbers = {fmt: workbook.add_format({"num_format": fmt, "valign": "top"}) for _, fmt, _ in _COLUMNS if fmt}
    total_numbers = {
        fmt: workbook.add_format({"num_format": fmt, "bold": True, "top": 1, "bottom": 6, "valign": "top"})
        for _, fmt, _ in _COLUMNS
        if fmt
    }

    unit = text["unit"] + (f", {overview.price_level} p/l" if overview.price_level else "")
    sheet.write_string(0, 0, text["sheet_title"], title)
    sheet.write_string(1, 0, unit, muted)
    for column, (field, fmt, width) in enumerate(_COLUMNS):
        sheet.set_column(column, column, width)
        sheet.write_string(_HEADER_ROW, column, text[field], header_number if fmt else header)

    row = _HEADER_ROW + 1
    for line in overview.rows:
        for column, (field, fmt, _) in enumerate(_COLUMNS):
            value = _value(line, field)
            if fmt is None:
                sheet.write_string(row, column, str(value), body_text)
            elif value is None:
                sheet.write_blank(row, column, None, body_numbers[fmt])
            else:
                sheet.write_number(row, column, float(value), body_numbers[fmt])
        row += 1
    if overview.total is not None:
        for column, (field, fmt, _) in enumerate(_COLUMNS):
            if field == "id":
                sheet.write_string(row, column, text["total"], total_text)
            elif fmt is None or field not in _SUMMED:
                sheet.write_blank(row, column, None, total_text)
            else:
                sheet.write_number(row, column, float(_value(overview.total, field)), total_numbers[fmt])
        row += 1
    for offset, note in enumerate(notes):
        sheet.write_string(row + 1 + offset, 0, note, muted)

    sheet.freeze_panes(_HEADER_ROW + 1, 0)
    sheet.set_row(_HEADER_ROW, 32)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    workbook.close()
    return buffer.getvalue()
