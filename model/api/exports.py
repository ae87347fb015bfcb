"""Public names: the edge (Danish number text, the CSV/XLSX/workbook exporters, charts, the memo)."""

from .. import charts
from ..danish import (
    format_amount,
    format_fixed,
    format_number,
    format_percent_da,
    format_value,
    format_years,
    parse_number,
    round_shown,
    unit_decimals,
)
from ..export_choice_xlsx import CHOICE_LABELS, choice_xlsx
from ..export_csv import csv_bytes, overview_csv, safe_text
from ..export_overview_xlsx import overview_xlsx
from ..export_shown import shown_xlsx
from ..export_xlsx import workbook_bytes
from ..memo import ChangeNote, Memo, PdfUnavailable, memo_content, memo_docx, memo_pdf, memo_pdf_available

__all__ = [
    "CHOICE_LABELS",
    "ChangeNote",
    "Memo",
    "PdfUnavailable",
    "charts",
    "choice_xlsx",
    "csv_bytes",
    "format_amount",
    "format_fixed",
    "format_number",
    "format_percent_da",
    "format_value",
    "format_years",
    "memo_content",
    "memo_docx",
    "memo_pdf",
    "memo_pdf_available",
    "overview_csv",
    "overview_xlsx",
    "parse_number",
    "round_shown",
    "safe_text",
    "shown_xlsx",
    "unit_decimals",
    "workbook_bytes",
]
