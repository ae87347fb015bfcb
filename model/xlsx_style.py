"""The workbook's cell formats and names: sheet names, defined names, page setup, number formats.

Shared by the case sheets (:mod:`model.xlsx_case_sheet`), the overview sheet
(:mod:`model.xlsx_overview`) and :func:`model.workbook_bytes`. Amounts use
the format code ``#,##0``, which a Danish Excel shows as ``1.234``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from .evaluate import CaseResult

__all__ = [
    "ASSUMPTIONS_SHEET",
    "CASE_FTE",
    "EPS",
    "EXCEL_FORMULA_LIMIT",
    "FTE_NAME",
    "OVERVIEW_SHEET",
    "RATE_NAME",
    "Formats",
    "defined_name",
    "has_innovation",
    "payback_value",
    "setup_page",
    "sheet_names",
]

#: Longest formula Excel accepts, in characters (including the leading "=").
EXCEL_FORMULA_LIMIT = 8192

#: Sheet names besides one per case.
OVERVIEW_SHEET = "Oversigt"
ASSUMPTIONS_SHEET = "Antagelser"

#: Defined names of the settings. They hold no "_", so no case-prefixed
#: name (``<case>_<assumption>``) can ever equal one.
RATE_NAME = "Diskonteringsrente"
FTE_NAME = "TimerPrAarsvaerk"
#: Key of a case's own hours per årsværk in its name map (not an identifier, so no assumption can take it).
CASE_FTE = " hours_per_fte"

#: Tolerance of the payback test, as in :mod:`model.kpi`.
EPS = "1E-9"


class Formats:
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

    def number(self, kind: str, total: bool = False) -> Format:
        """The format of a figure of layout kind ``kind`` (amount, years, decimal), in a total row if ``total``."""
        if kind == "years":
            return self.years
        if kind == "decimal":
            return self.decimal_total if total else self.decimal
        return self.amount_total if total else self.amount


def sheet_names(ids: Sequence[str]) -> list[str]:
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


def defined_name(case_id: str, assumption: str, taken: set[str]) -> str:
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


def setup_page(sheet: Worksheet, header_rows: int) -> None:
    """A4 landscape, one page wide, header rows repeated, sheet name and page number in the footer."""
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    sheet.repeat_rows(0, header_rows - 1)
    sheet.set_footer("&L&A&RSide &P af &N")


def payback_value(years: int | None) -> float | str:
    """The payback cell's value: whole years, or "-" where the case never pays back."""
    return "-" if years is None else float(years)


def has_innovation(result: CaseResult) -> bool:
    """Whether any line of the case is sought from the innovation pool (table 2's X)."""
    return any(line.funding == "innovationspulje" for line in result.case.lines)
