"""The decision memo as a Word document (python-docx), in the administration's layout and Danish number format.

Layout: title and summary; a key-figure box (Drift, Anlæg, payback, net
permanent effect, NPV, årsværk); per case "1. Forslagets samlede økonomiske
konsekvenser" with tables 1–3; the assumptions that differ from the document
with their notes; the two charts as images; the sensitivity summary; the
audit's slips and text notes. Amounts in 1.000 kr. at the case's price
level, costs positive, savings negative, as the documents print them.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt
from docx.table import Table

from ..danish import format_amount, format_fixed, format_number, format_percent_da, format_value, format_years
from ..evaluate import SECTION1_AGGREGATES, CaseResult
from .content import CaseMemo, Memo
from .images import cumulative_png, flows_png
from .text import (
    KPI_LABELS,
    TABLE_NAMES,
    TABLE_TITLES,
    case_summary,
    left_out_text,
    portfolio_summary,
    slip_text,
    switching_text,
)

__all__ = ["memo_docx"]

_BOX = "E8EEF5"
_HEAD = "D9E2EC"
_FONT = "DejaVu Sans"
_PAGE_CM = 17.0  # A4 less 2 cm margins


def _shade(cell: object, colour: str) -> None:
    cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{colour}"/>'))  # type: ignore[attr-defined]


def _table(
    doc: Document,
    header: list[str],
    rows: list[list[str]],
    *,
    right: set[int] | None = None,
    bold: set[int] | None = None,
    widths: tuple[float, ...] = (4.6,),
) -> Table:
    """A grid table: ``header`` shaded and bold, rows in ``bold`` bold, columns in ``right`` right-aligned.

    ``right`` defaults to every column but the first. ``widths`` gives the
    first columns' widths in cm; the others share the rest of the page's 17 cm.
    """
    columns = len(header)
    right = set(range(1, columns)) if right is None else right
    rest = (_PAGE_CM - sum(widths)) / max(columns - len(widths), 1)
    sizes = [Cm(w) for w in widths[:columns]] + [Cm(rest)] * max(columns - len(widths), 0)
    table = doc.add_table(rows=1 + len(rows), cols=columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for c, size in enumerate(sizes):
        table.columns[c].width = size  # the grid LibreOffice reads
    for r, values in enumerate([header, *rows]):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.width = sizes[c]  # the cell widths Word reads
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(value)
            run.font.size = Pt(8)
            run.bold = r == 0 or (bold is not None and r - 1 in bold)
            if c in right:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if r == 0:
                _shade(cell, _HEAD)
    return table


def _caption(doc: Document, text: str) -> None:
    run = doc.add_paragraph().add_run(text)
    run.italic = True
    run.font.size = Pt(8)


def _key_figures(doc: Document, result: CaseResult) -> None:
    """The key-figure box: six figures in a shaded two-row table."""
    k = result.kpis
    values = [
        format_amount(k.drift),
        format_amount(k.anlaeg),
        format_years(k.payback_years),
        format_amount(k.net_permanent),
        format_amount(k.npv),
        format_fixed(k.fte_full, 1),
    ]
    table = doc.add_table(rows=4, cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for index, (label, value) in enumerate(zip(KPI_LABELS, values, strict=True)):
        row, column = 2 * (index // 3), index % 3
        for offset, text in enumerate((label, value)):
            cell = table.cell(row + offset, column)
            cell.width = Cm(_PAGE_CM / 3)
            _shade(cell, _BOX)
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(text)
            run.font.size = Pt(9 if offset == 0 else 15)
            run.bold = offset == 1


def _portfolio_figures(doc: Document, memo: Memo) -> None:
    """A portfolio's key figures: one row per case, then the sum (no payback for the sum)."""
    rows = []
    for entry in memo.cases:
        k = entry.result.kpis
        rows.append(
            [
                f"{entry.result.case.id} {entry.result.case.title}",
                format_amount(k.drift),
                format_amount(k.anlaeg),
                format_years(k.payback_years),
                format_amount(k.net_permanent),
                format_amount(k.npv),
                format_fixed(k.fte_full, 1),
            ]
        )
    t = memo.totals
    total = ["I alt", format_amount(t["drift"]), format_amount(t["anlaeg"]), ""]
    rows.append([*total, format_amount(t["net_permanent"]), format_amount(t["npv"]), format_fixed(t["fte"], 1)])
    _table(doc, ["Forslag", *KPI_LABELS], rows, bold={len(rows) - 1}, widths=(4.4,))


def _left_out(doc: Document, memo: Memo) -> None:
    """The candidates the portfolio choice does not fund, each with the choice's reason."""
    if not memo.left_out:
        return
    doc.add_heading("Fravalgte forslag", level=2)
    rows = [[f"{case.id} {case.title}".strip(), left_out_text(case)] for case in memo.left_out]
    _table(doc, ["Forslag", "Hvorfor ikke"], rows, right=set(), widths=(6.0, 11.0))
    if memo.base_year is not None:
        _caption(doc, f"Valgt ved blandet heltalsprogrammering; nutidsværdier lagt sammen fra {memo.base_year}; 1.000 kr.")


def _section1(doc: Document, result: CaseResult) -> None:
    """Section 1 as the document prints it: permanent lines, their total, investments, the total impact."""
    frame = result.section1()
    permanent = sum(1 for line in result.case.lines if line.kind == "permanent")
    shown = permanent + len(SECTION1_AGGREGATES)  # the app's cumulative row is not in the document
    years = [c for c in frame.columns if c != "Styringsområde"]
    while len(years) > 1 and (frame[years[0]].iloc[:shown].abs() < 0.5).all():
        years.pop(0)  # as the documents do: a year with nothing in section 1 (only innovation-pool money) is left out
    header = [f"1.000 kr. {result.case.price_level} p/l", "Styringsområde", *map(str, years)]
    rows = [[str(label), str(frame.iloc[i]["Styringsområde"]), *(format_amount(frame.iloc[i][y]) for y in years)]
            for i, label in enumerate(frame.index[:shown])]  # fmt: skip
    bold = {permanent, permanent + 3, permanent + 4}
    _table(doc, header, rows, right=set(range(2, len(header))), bold=bold, widths=(5.0, 2.3))
    if result.kpis.innovation > 0:
        amount = format_amount(result.kpis.innovation)
        _caption(doc, f"Jf. tabel 2 søges der også om midler fra innovationspuljen, i alt {amount} t. kr.")


def _tables(doc: Document, result: CaseResult) -> None:
    for number in (1, 2, 3):
        frame = result.table(number)
        if len(frame.index) <= 1:
            continue
        doc.add_heading(f"Tabel {number}. {TABLE_TITLES[number]}", level=3)
        columns = [c for c in frame.columns if c != "Innovationspulje"]
        header = [f"1.000 kr. ({result.case.price_level} p/l)"]
        if "Innovationspulje" in frame.columns:
            header.append("Innovationspulje")
        header += [str(c) for c in columns]
        rows = []
        for label, row in frame.iterrows():
            cells = [str(label)]
            if "Innovationspulje" in frame.columns:
                cells.append(str(row["Innovationspulje"]))
            rows.append(cells + [format_amount(row[c]) for c in columns])
        right = {c for c, name in enumerate(header) if c > 0 and name != "Innovationspulje"}
        _table(doc, header, rows, right=right, bold={len(rows) - 1}, widths=(5.0,))


def _when(text: str) -> str:
    """A stored time (ISO 8601) as ``29.11.2026 14:51 UTC``; other text as it is, "-" for none."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text or "-"
    if moment.tzinfo is None:
        return moment.strftime("%d.%m.%Y %H:%M")
    return moment.astimezone(UTC).strftime("%d.%m.%Y %H:%M UTC")


def _changes(doc: Document, entry: CaseMemo) -> None:
    doc.add_heading("2. Forudsætninger ændret i forhold til dokumentet", level=2)
    if not entry.changes:
        doc.add_paragraph("Ingen: tallene er dokumentets egne.")
        return
    rows = [
        [
            c.label,
            f"{format_value(c.document, c.unit)} {c.unit}",
            f"{format_value(c.value, c.unit)} {c.unit}",
            c.note.note or "(ingen begrundelse angivet)",
            c.note.author or "-",
            _when(c.note.when),
        ]
        for c in entry.changes
    ]
    header = ["Forudsætning", "Dokumentet", "Nu", "Begrundelse", "Af", "Tidspunkt"]
    _table(doc, header, rows, right={1, 2}, widths=(4.0, 1.9, 1.9, 3.8, 2.8))
    for c in entry.changes:
        _caption(doc, f"{c.label}, dokumentets kilde: {c.source}")


def _charts(doc: Document, entry: CaseMemo) -> None:
    doc.add_heading("3. Figurer", level=2)
    doc.add_paragraph("Figur 1. Akkumuleret økonomisk påvirkning (alle midler), tilbagebetalingsåret markeret")
    doc.add_picture(io.BytesIO(cumulative_png(entry.result, entry.document)), width=Cm(16))
    doc.add_paragraph("Figur 2. Udgifter og besparelser pr. år")
    doc.add_picture(io.BytesIO(flows_png(entry.result)), width=Cm(16))


def _sensitivity(doc: Document, entry: CaseMemo) -> None:
    doc.add_heading("4. Følsomhed", level=2)
    s = entry.sensitivity
    if s is None:
        doc.add_paragraph("Følsomheden er ikke beregnet.")
        return
    doc.add_paragraph(
        f"De {len(s.swings)} forudsætninger, der flytter nutidsværdien mest (hver fra sit lave til sit høje skøn, "
        f"de øvrige uændrede; nutidsværdi nu {format_amount(s.base_npv)} t.kr.):"
    )
    rows = [
        [
            b.range.label,
            f"{format_value(b.range.low, b.range.unit)} – {format_value(b.range.high, b.range.unit)} {b.range.unit}",
            format_amount(b.kpi_low),
            format_amount(b.kpi_high),
            format_amount(b.swing),
        ]
        for b in s.swings
    ]
    _table(doc, ["Forudsætning", "Lavt – højt skøn", "NPV ved lavt", "NPV ved højt", "Udsving"], rows, widths=(6.0, 3.4))
    for threshold, meets, found in s.switching:
        doc.add_paragraph(switching_text(threshold, meets, found))
    if s.percentiles is None:
        doc.add_paragraph("Monte Carlo-simulering er ikke kørt for dette notat.")
    else:
        npv, pay = s.percentiles["npv"], s.percentiles["payback"]
        doc.add_paragraph(
            f"Monte Carlo ({format_number(s.draws or 0, 0)} gyldige træk): nutidsværdi P10/P50/P90 "
            f"{format_amount(npv[0])} / {format_amount(npv[1])} / {format_amount(npv[2])} t.kr.; tilbagebetalingstid "
            f"{format_fixed(pay[0])} / {format_fixed(pay[1])} / {format_fixed(pay[2])} år."
        )


def _audit(doc: Document, entry: CaseMemo) -> None:
    doc.add_heading("5. Kontrol af dokumentets tal", level=2)
    slips, notes = entry.audit.slips, entry.audit.notes
    if not slips and not notes:
        doc.add_paragraph("Alle trykte tal stemmer med beregningen (inden for ±1 t.kr.).")
        return
    for slip in slips:
        doc.add_paragraph(slip_text(slip, TABLE_NAMES), style="List Bullet")
    for note in notes:
        parts = [
            f"{label}: teksten siger {format_value(stated, unit)} {unit}, "
            f"tabellerne bygger på {format_value(implied, unit)} {unit}"
            for label, unit, stated, implied in zip(note.labels, note.units, note.stated, note.implied, strict=True)
        ]
        doc.add_paragraph(
            f"Tekst mod tabeller – {'; '.join(parts)}. "
            f"Det ændrer {len(note.cells)} trykte celler; beregningen følger tabellerne.",
            style="List Bullet",
        )


def _case(doc: Document, entry: CaseMemo, portfolio: bool) -> None:
    result = entry.result
    if portfolio:
        doc.add_page_break()
        doc.add_heading(f"{result.case.id} {result.case.title}", level=1)
        doc.add_paragraph(case_summary(entry))
        _key_figures(doc, result)
    doc.add_heading("1. Forslagets samlede økonomiske konsekvenser", level=2)
    _section1(doc, result)
    _caption(doc, "Udgifter er positive, besparelser negative. Innovationspuljens midler indgår i tilbagebetalingstiden.")
    _tables(doc, result)
    _changes(doc, entry)
    _charts(doc, entry)
    _sensitivity(doc, entry)
    _audit(doc, entry)


def memo_docx(memo: Memo) -> bytes:
    """The memo as .docx bytes (A4 portrait, 2 cm margins)."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    doc.styles["Normal"].font.name = _FONT
    doc.styles["Normal"].font.size = Pt(10)
    doc.add_heading(f"Beslutningsnotat: {memo.title}", level=0)
    first = memo.cases[0].result
    s = memo.settings
    _caption(
        doc,
        f"{first.case.administration or 'Forvaltningen'} · {memo.created.strftime('%d.%m.%Y')} · 1.000 kr. "
        f"{first.case.price_level} p/l · nutidsværdi ved {format_percent_da(s.discount_rate)} over {s.horizon} år · "
        f"årsværk à {format_amount(s.hours_per_fte)} timer",
    )
    doc.add_heading("Resumé", level=1)
    if memo.is_portfolio:
        doc.add_paragraph(portfolio_summary(memo))
        doc.add_heading("Nøgletal", level=2)
        _portfolio_figures(doc, memo)
        _left_out(doc, memo)
    else:
        if first.case.summary:
            doc.add_paragraph(first.case.summary)
        doc.add_paragraph(case_summary(memo.cases[0]))
        doc.add_heading("Nøgletal", level=2)
        _key_figures(doc, first)
    for entry in memo.cases:
        _case(doc, entry, memo.is_portfolio)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
