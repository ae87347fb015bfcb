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

from .overview import Overview
from .text import printable

__all__ = ["FORMULA_PREFIXES", "csv_bytes", "overview_csv", "safe_text"]

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


OVERVIEW_COLUMNS = (
    ("id", "Case"),
    ("title", "Titel"),
    ("drift", "Drift (1.000 kr.)"),
    ("anlaeg", "Anlæg (1.000 kr.)"),
    ("payback_years", "Tilbagebetalingstid (år)"),
    ("net_permanent", "Varig effektivisering, netto (1.000 kr.)"),
    ("npv", "Nutidsværdi (1.000 kr.)"),
    ("fte_full", "Årsværk frigjort"),
)


def overview_csv(overview: Overview, dialect: Dialect = "danish", headers: Sequence[str] | None = None) -> bytes:
    """The overview table (rows and "I alt") as CSV bytes; ``headers`` may translate the column names."""
    rows = [*overview.rows, *([overview.total] if overview.total else [])]
    data = [[row.to_dict()[key] for key, _ in OVERVIEW_COLUMNS] for row in rows]
    return csv_bytes(list(headers) if headers else [label for _, label in OVERVIEW_COLUMNS], data, dialect)
