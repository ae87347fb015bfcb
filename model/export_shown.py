"""Tables exactly as a page shows them, as an Excel workbook: every figure a number cell, rounded as shown.

The app's tables are text in Danish number format (``41.380``, ``6 år``,
``20,0 %``, ``27,1``, ``-`` for none). :func:`shown_xlsx` reads each cell
back: a Danish number becomes a number cell with the decimals it shows
(``#,##0`` or ``#,##0.0``; plain ``0`` where no thousands separator is shown,
so a year stays ``2016``); ``N år`` a number with the format ``0 "år"``;
``N %`` a share with ``0.0 %``; ``-`` and empty text an empty cell; anything
else stays text, written as a string that Excel never evaluates (a title such
as ``=HYPERLINK(…)`` stays text). So the workbook holds the figures on screen,
never a number stored as text and never more digits than were shown.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

import pandas as pd
import xlsxwriter

from .danish import parse_number
from .text import printable

__all__ = ["shown_cell", "shown_xlsx"]

_SUFFIX = re.compile(r"^(?P<number>.*?)\s*(?P<unit>år|years|%)$")
_SHEET_NAME_BAD = str.maketrans({c: " " for c in "[]:*?/\\"})
_SHEET_NAME_MAX = 31


def _format(text: str) -> str:
    """The Excel format code that shows a number as ``text`` shows it: thousands separator and decimals."""
    decimals = len(text.split(",", 1)[1]) if "," in text else 0
    whole = "#,##0" if "." in text else "0"
    return whole + ("." + "0" * decimals if decimals else "")


def shown_cell(text: str) -> tuple[float | str | None, str | None]:
    """A shown cell as (value, Excel format): a number and its format, (None, None) for "-" or empty, else (text, None).

    >>> shown_cell("41.380"), shown_cell("6 år"), shown_cell("20,0 %"), shown_cell("-"), shown_cell("I alt")
    ((41380.0, '#,##0'), (6.0, '0 "år"'), (0.2, '0.0 %'), (None, None), ('I alt', None))
    """
    text = str(text).strip()
    if text in ("", "-", "–"):
        return None, None
    match = _SUFFIX.match(text)
    number, unit = (match["number"], match["unit"]) if match else (text, "")
    try:
        value = parse_number(number)
    except ValueError:
        return text, None
    if unit == "%":
        decimals = len(number.split(",", 1)[1]) if "," in number else 0
        return round(value / 100, decimals + 2), "0" + ("." + "0" * decimals if decimals else "") + " %"
    code = _format(number)
    return value, (f'{code} "{unit}"' if unit else code)


def shown_xlsx(sheets: Sequence[tuple[str, pd.DataFrame]]) -> bytes:
    """Each (name, table of shown text) as a sheet: bold header row, figures as number cells (see the module)."""
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    workbook = xlsxwriter.Workbook(buffer, options)
    header = workbook.add_format({"bold": True, "bg_color": "#DCE6F1", "bottom": 1, "text_wrap": True, "valign": "bottom"})
    formats: dict[str, object] = {}
    used: set[str] = set()
    for index, (name, frame) in enumerate(sheets, start=1):
        title = printable(str(name)).translate(_SHEET_NAME_BAD).strip()[:_SHEET_NAME_MAX] or f"Ark {index}"
        while title.lower() in used:
            title = f"{title[: _SHEET_NAME_MAX - 3]} {index}"
        used.add(title.lower())
        sheet = workbook.add_worksheet(title)
        for column, label in enumerate(frame.columns):
            sheet.write_string(0, column, printable(str(label)), header)
            width = max([len(str(label)), *(len(str(v)) for v in frame.iloc[:, column])], default=8)
            sheet.set_column(column, column, min(max(width + 2, 8), 60))
        for row, values in enumerate(frame.itertuples(index=False), start=1):
            for column, cell in enumerate(values):
                value, code = shown_cell("" if cell is None else str(cell))
                if value is None:
                    continue
                if isinstance(value, str):
                    sheet.write_string(row, column, printable(value))
                else:
                    if code not in formats:
                        formats[code] = workbook.add_format({"num_format": code})
                    sheet.write_number(row, column, value, formats[code])
        sheet.freeze_panes(1, 0)
    workbook.close()
    return buffer.getvalue()
