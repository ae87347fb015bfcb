"""The portfolio choice as an Excel workbook: the cases, the budgets, the bundles, the next million.

Four sheets (labels Danish by default, replaceable to translate):

- *Valg*: one row per case: id, title, funded (Ja/Nej), NPV on the base
  year, Drift, innovation pool, Anlæg, net permanent effect, årsværk,
  payback, and why a case is out;
- *Budget*: per pool and year the limit (blank: none) and the use, then the
  totals; binding limits marked;
- *Pakker*: each funded case with its prerequisites as one flow series;
- *Næste million*: what 1 mio. kr. more in each limit would change.

Figures are numbers (format ``#,##0``, which a Danish Excel shows as
``1.234``); amounts in 1.000 kr., costs +, savings −. Every text cell is
written with ``write_string`` and the workbook refuses to turn strings into
formulas, URLs or numbers, so a case title ``=HYPERLINK("x")`` stays text.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import xlsxwriter

from .choice import Choice

__all__ = ["CHOICE_LABELS", "choice_xlsx"]

#: Labels used where ``labels`` gives none (Danish).
CHOICE_LABELS: dict[str, str] = {
    "sheet.cases": "Valg",
    "sheet.budget": "Budget",
    "sheet.bundles": "Pakker",
    "sheet.more": "Næste million",
    "title": "Porteføljevalg",
    "objective": "Mål",
    "objective.npv": "Nutidsværdi af nettobesparelser",
    "objective.net_permanent": "Varig effektivisering, netto",
    "objective.fte": "Årsværk frigjort",
    "value": "Værdi for de valgte",
    "base_year": "Nutidsværdier i basisåret",
    "unit": "1.000 kr.; udgifter +, besparelser −",
    "id": "Case",
    "case_title": "Titel",
    "chosen": "Valgt",
    "yes": "Ja",
    "no": "Nej",
    "npv_base": "Nutidsværdi (basisår)",
    "drift": "Drift",
    "innovation": "Innovationspulje",
    "anlaeg": "Anlæg",
    "net_permanent": "Varig effektivisering netto",
    "fte": "Årsværk",
    "payback_years": "Tilbagebetalingstid (år)",
    "reason": "Hvorfor ikke",
    "pool": "Pulje",
    "pool.service": "Drift (investeringspuljen)",
    "pool.innovation": "Innovationspuljen",
    "pool.anlaeg": "Anlæg",
    "year": "År",
    "limit": "Loft",
    "used": "Brugt",
    "binding": "Bindende",
    "total": "I alt",
    "bundle": "Pakke",
    "npv": "Nutidsværdi",
    "change": "Ændring",
    "gain": "Gevinst",
    "no_change": "ingen ændring",
}


def _sheet_name(text: str) -> str:
    return text.translate(str.maketrans({c: " " for c in "[]:*?/\\"})).strip()[:31] or "Ark"


def choice_xlsx(choice: Choice, labels: Mapping[str, str] | None = None, reasons: Mapping[str, str] | None = None) -> bytes:
    """The choice as the bytes of an .xlsx file (see the module docstring).

    ``labels`` may replace any of :data:`CHOICE_LABELS`; ``reasons`` gives
    the text of each left-out case's reason (default: the English
    :attr:`model.Exclusion.text`).
    """
    text = {**CHOICE_LABELS, **(labels or {})}
    why = {e.id: e.text for e in choice.not_chosen} | dict(reasons or {})
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    book = xlsxwriter.Workbook(buffer, options)
    bold = book.add_format({"bold": True, "font_size": 13})
    header = book.add_format({"bold": True, "bg_color": "#DCE6F1", "bottom": 1, "text_wrap": True, "valign": "bottom"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    amount = book.add_format({"num_format": "#,##0", "valign": "top"})
    decimal = book.add_format({"num_format": "#,##0.0", "valign": "top"})
    whole = book.add_format({"num_format": "0", "valign": "top"})
    strong = book.add_format({"num_format": "#,##0", "bold": True, "top": 1})

    def number(sheet, row: int, col: int, value: float | None, fmt=amount) -> None:
        if value is None:
            sheet.write_string(row, col, "-", wrap)
        else:
            sheet.write_number(row, col, float(value), fmt)

    def headers(sheet, row: int, names: list[str], widths: list[int]) -> None:
        for col, (name, width) in enumerate(zip(names, widths, strict=True)):
            sheet.write_string(row, col, text[name], header)
            sheet.set_column(col, col, width)

    cases = book.add_worksheet(_sheet_name(text["sheet.cases"]))
    cases.write_string(0, 0, text["title"], bold)
    objective = choice.options.objective
    cases.write_string(1, 0, f"{text['objective']}: {text['objective.' + objective]}", wrap)
    cases.write_string(2, 0, text["value"], wrap)
    number(cases, 2, 2, choice.value, decimal if objective == "fte" else amount)
    cases.write_string(3, 0, text["base_year"], wrap)
    number(cases, 3, 2, choice.base_year, whole)
    cases.write_string(4, 0, text["unit"], wrap)
    columns = ["id", "case_title", "chosen", "npv_base", "drift", "innovation", "anlaeg", "net_permanent", "fte"]
    headers(cases, 6, [*columns, "payback_years", "reason"], [8, 50, 7, 14, 10, 12, 10, 14, 9, 14, 60])
    chosen = set(choice.chosen)
    for row, f in enumerate(choice.cases, start=7):
        cases.write_string(row, 0, f.id, wrap)
        cases.write_string(row, 1, f.title, wrap)
        cases.write_string(row, 2, text["yes"] if f.id in chosen else text["no"], wrap)
        for col, key in enumerate(columns[3:], start=3):
            number(cases, row, col, getattr(f, key), decimal if key == "fte" else amount)
        number(cases, row, 9, f.payback_years, whole)
        cases.write_string(row, 10, why.get(f.id, ""), wrap)

    budget = book.add_worksheet(_sheet_name(text["sheet.budget"]))
    headers(budget, 0, ["pool", "year", "limit", "used", "binding"], [28, 8, 12, 12, 10])
    row = 1
    for use in choice.budget:
        per_year = use.limit if isinstance(use.limit, Mapping) else {}
        for year, used in use.used_by_year.items():
            budget.write_string(row, 0, text[f"pool.{use.pool}"], wrap)
            budget.write_number(row, 1, year, whole)
            if year in per_year:
                number(budget, row, 2, per_year[year])
            number(budget, row, 3, used)
            budget.write_string(row, 4, text["yes"] if str(year) in use.binding else "", wrap)
            row += 1
        budget.write_string(row, 0, text[f"pool.{use.pool}"], wrap)
        budget.write_string(row, 1, text["total"], wrap)
        total_limit = None if isinstance(use.limit, Mapping) else use.limit
        if total_limit is not None:
            number(budget, row, 2, total_limit, strong)
        number(budget, row, 3, use.used, strong)
        budget.write_string(row, 4, text["yes"] if "total" in use.binding else "", wrap)
        row += 2

    bundles = book.add_worksheet(_sheet_name(text["sheet.bundles"]))
    headers(bundles, 0, ["bundle", "payback_years", "npv", "net_permanent"], [24, 14, 14, 14])
    for row, b in enumerate(choice.bundles, start=1):
        bundles.write_string(row, 0, " + ".join(b.ids), wrap)
        number(bundles, row, 1, b.payback_years, whole)
        number(bundles, row, 2, b.npv)
        number(bundles, row, 3, b.net_permanent)

    more = book.add_worksheet(_sheet_name(text["sheet.more"]))
    headers(more, 0, ["pool", "year", "change", "value", "gain"], [28, 8, 30, 14, 14])
    for row, m in enumerate(choice.next_million, start=1):
        more.write_string(row, 0, text[f"pool.{m.pool}"], wrap)
        more.write_string(row, 1, text["total"] if m.year is None else str(m.year), wrap)
        change = ", ".join([*(f"+{c}" for c in m.added), *(f"−{c}" for c in m.removed)]) or text["no_change"]
        more.write_string(row, 2, change, wrap)
        number(more, row, 3, m.value, decimal if objective == "fte" else amount)
        number(more, row, 4, m.gain, decimal if objective == "fte" else amount)
    book.close()
    return buffer.getvalue()
