"""CSV of the overview, for Danish Excel or plain, with text that stays text.

Danish Excel reads ``;``-separated files with decimal commas, and needs a
UTF-8 byte-order mark to see "æøå". Any text cell that a spreadsheet would
take for a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage
return) gets a leading apostrophe, the OWASP-recommended neutralisation;
numbers are written as numbers (never ``-0``). Control characters in text
(a newline in a title) are written as escapes (``\\n``), as everywhere text is printed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Literal

import numpy as np

from .danish import round_shown
from .layout import OVERVIEW_COLUMNS as LAYOUT_COLUMNS
from .overview import Overview, OverviewLine
from .text import printable

__all__ = ["FORMULA_PREFIXES", "OVERVIEW_DECIMALS", "csv_bytes", "overview_cells", "overview_csv", "safe_text"]

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")

Dialect = Literal["danish", "plain"]


def safe_text(text: str) -> str:
    """``text`` that no spreadsheet will evaluate: ``"=1+1"`` → ``"'=1+1"``.

    >>> safe_text("=HYPERLINK(1)"), safe_text("Skærmteknologi")
    ("'=HYPERLINK(1)", 'Skærmteknologi')
    """
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _cell(value: object, dialect: Dialect) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (np.integer, np.floating)):
        value = value.item()
    if isinstance(value, (int, float)):
        text = repr(round(float(value), 6) + 0.0).removesuffix(".0") if isinstance(value, float) else str(value)
        return text.replace(".", ",") if dialect == "danish" else text
    return safe_text(printable(str(value)))


def csv_bytes(header: Sequence[str], rows: Sequence[Sequence[object]], dialect: Dialect = "danish") -> bytes:
    """Rows as CSV bytes: Danish (``;``, decimal comma, UTF-8 with BOM) or plain (``,``, dot, UTF-8)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if dialect == "danish" else ",", lineterminator="\r\n")
    writer.writerow([safe_text(printable(h)) for h in header])
    for row in rows:
        writer.writerow([_cell(v, dialect) for v in row])
    encoding = "utf-8-sig" if dialect == "danish" else "utf-8"
    return buffer.getvalue().encode(encoding)


#: (field, header) of the overview's columns, from :data:`model.layout.OVERVIEW_COLUMNS`.
OVERVIEW_COLUMNS: tuple[tuple[str, str], ...] = tuple((c.key, c.label) for c in LAYOUT_COLUMNS)
#: Decimals each overview figure is shown with in the app, and so exported with (by the layout's kind of
#: figure): whole thousands of kroner, whole years (as the documents count the payback), årsværk to one decimal.
OVERVIEW_DECIMALS = {c.key: 1 if c.kind == "decimal" else 0 for c in LAYOUT_COLUMNS if c.kind != "text"}


def overview_cells(line: OverviewLine) -> list[object]:
    """One overview row as exported: text, and each figure rounded as shown (None where there is none).

    The "I alt" row has no title and no payback time.
    """
    data = line.to_dict()
    data["title"] = "" if line.id == "I alt" else line.title
    return [
        round_shown(data[key], OVERVIEW_DECIMALS[key]) if key in OVERVIEW_DECIMALS else data[key] for key, _ in OVERVIEW_COLUMNS
    ]


def overview_csv(overview: Overview, dialect: Dialect = "danish", headers: Sequence[str] | None = None) -> bytes:
    """The overview table (rows and "I alt") as CSV bytes, figures as shown; ``headers`` may translate the column names."""
    rows = [*overview.rows, *([overview.total] if overview.total else [])]
    data = [overview_cells(row) for row in rows]
    return csv_bytes(list(headers) if headers else [label for _, label in OVERVIEW_COLUMNS], data, dialect)
