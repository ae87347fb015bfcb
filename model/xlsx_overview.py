"""The workbook's overview sheet (Oversigt): one row per case referring to its sheet, "I alt" as SUM formulas."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from .evaluate import CaseResult
from .layout import OVERVIEW_COLUMNS
from .overview import overview
from .xlsx_style import ASSUMPTIONS_SHEET, RATE_NAME, Formats, has_innovation, payback_value, setup_page

__all__ = ["write_overview"]


def write_overview(
    sheet: Worksheet, results: Sequence[CaseResult], figures: Sequence[Mapping[str, str]], formats: Formats
) -> None:
    """The overview: one row per case referring to its sheet's key figures, and "I alt" as SUM formulas.

    Columns as :data:`model.layout.OVERVIEW_COLUMNS` declares them (as the CSV's).
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
    for col, column in enumerate(OVERVIEW_COLUMNS):
        shown = f"{column.name} ({unit})" if column.unit == "1.000 kr." and table.price_level is not None else column.label
        sheet.write_string(header_row, col, shown, formats.header if column.kind == "text" else formats.header_right)
    for row, (line, cells) in enumerate(zip(table.rows, figures, strict=True), start=first):
        data = line.to_dict()
        for col, column in enumerate(OVERVIEW_COLUMNS):
            if column.kind == "text":
                sheet.write_string(row, col, str(data[column.key]), formats.text)
                continue
            value = payback_value(line.payback_years) if column.kind == "years" else float(data[column.key])  # type: ignore[arg-type]
            if column.key in cells:  # a key figure of the case's sheet
                sheet.write_formula(row, col, "=" + cells[column.key], formats.number(column.kind), value)
            else:
                sheet.write(row, col, value, formats.number(column.kind))
    row = first + len(table.rows)
    if table.total is not None and table.rows:
        total = table.total.to_dict()
        for col, column in enumerate(OVERVIEW_COLUMNS):
            if col == 0:
                sheet.write_string(row, col, "I alt", formats.text_bold)
            elif not column.summed:
                sheet.write_string(row, col, "", formats.text_bold)
            else:
                cells_above = f"{xl_rowcol_to_cell(first, col)}:{xl_rowcol_to_cell(row - 1, col)}"
                formula = _npv_total(results, first, col) if column.key == "npv" else f"SUM({cells_above})"
                fmt = formats.number(column.kind, total=True)
                sheet.write_formula(row, col, "=" + formula, fmt, float(total[column.key]))  # type: ignore[arg-type]
        row += 1
    row += 1
    if table.total is None and table.rows:
        no_total = "Ingen I alt: casene har forskellige prisniveauer og kan ikke lægges sammen uden genberegning."
        sheet.write_string(row, 1, no_total, formats.note)
        row += 1
    innovation = [(r, cells["innovation"]) for r, cells in zip(results, figures, strict=True) if has_innovation(r)]
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
    setup_page(sheet, header_rows=first)


def _npv_total(results: Sequence[CaseResult], first: int, col: int) -> str:
    """The NPV total as :func:`model.npv_total` adds it: each NPV discounted back to the earliest first year."""
    base = min(r.case.first_year for r in results)
    terms = []
    for row, result in enumerate(results, start=first):
        cell, years = xl_rowcol_to_cell(row, col), result.case.first_year - base
        terms.append(cell if years == 0 else f"{cell}/(1+{RATE_NAME})^{years}")
    return "+".join(terms)
