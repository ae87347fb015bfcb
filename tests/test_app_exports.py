"""The overview's exports, as the download buttons hand them over, parse back to the same figures."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from conftest import CASES, overview_table

from model import Overview, OverviewLine, case_to_yaml, evaluate, evaluate_paths, load_case, overview, round_shown
from model.export_csv import OVERVIEW_DECIMALS
from model.export_overview_xlsx import overview_xlsx

HOSTILE = '=HYPERLINK("http://example.com","klik")'
FIELDS = ("drift", "anlaeg", "payback_years", "net_permanent", "npv", "fte_full")


def _rows(portfolio_overview: Overview) -> list[OverviewLine]:
    return [*portfolio_overview.rows, portfolio_overview.total]


def _danish_float(text: str) -> float | None:
    return None if text == "" else float(text.replace(",", "."))


def _plain_float(text: str) -> float | None:
    return None if text == "" else float(text)


@pytest.fixture
def document_overview() -> Overview:
    return evaluate_paths([CASES]).overview


def test_danish_csv_parses_back_to_the_figures(new_app, downloads, document_overview):
    new_app()
    data = downloads.bytes("oversigt.csv")
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM for Excel"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Case", "Titel"] and rows[0][2] == "Drift (1.000 kr.)"
    assert len(rows) == 1 + len(document_overview.rows) + 1
    for row, line in zip(rows[1:], _rows(document_overview), strict=True):
        assert row[0] == line.id
        for cell, field in zip(row[2:], FIELDS, strict=True):
            assert _danish_float(cell) == round_shown(getattr(line, field), OVERVIEW_DECIMALS[field])  # as shown
    assert rows[-1][0] == "I alt"
    assert [round(_danish_float(c)) for c in (rows[-1][2], rows[-1][3], rows[-1][5])] == [
        round(document_overview.total.drift),
        round(document_overview.total.anlaeg),
        round(document_overview.total.net_permanent),
    ]


def test_plain_csv_parses_back_to_the_figures(new_app, downloads, document_overview):
    at = new_app()
    at.radio(key="input.overview.csv_dialect").set_value("plain").run()
    data = downloads.bytes("oversigt.csv")
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    for row, line in zip(rows[1:], _rows(document_overview), strict=True):
        for cell, field in zip(row[2:], FIELDS, strict=True):
            assert _plain_float(cell) == round_shown(getattr(line, field), OVERVIEW_DECIMALS[field])


def test_xlsx_parses_back_with_formats_and_the_total(new_app, downloads, document_overview):
    new_app()
    book = openpyxl.load_workbook(io.BytesIO(downloads.bytes("oversigt.xlsx")))
    sheet = book.active
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "Case")
    assert sheet.cell(header, 3).value == "Drift (1.000 kr.)" and sheet.cell(header, 1).font.b
    lines = _rows(document_overview)
    for offset, line in enumerate(lines, start=1):
        row = header + offset
        assert sheet.cell(row, 1).value == (line.id if line is not document_overview.total else "I alt")
        for column, field in enumerate(FIELDS, start=3):
            expected = round_shown(getattr(line, field), OVERVIEW_DECIMALS[field])  # as the app shows it
            cell = sheet.cell(row, column)
            if field == "payback_years" and line is document_overview.total:
                assert cell.value is None
            elif expected is None:
                assert cell.value is None, "no payback: an empty cell, not the text '-'"
            else:
                assert cell.value == expected and cell.data_type == "n"
                assert cell.number_format == {"payback_years": "0", "fte_full": "#,##0.0"}.get(field, "#,##0")
    total_row = header + len(lines)
    assert sheet.cell(total_row, 3).font.b, "the total row is bold"
    assert round(sheet.cell(total_row, 4).value) == round(document_overview.total.anlaeg)


def test_exports_follow_the_users_changes(new_app, downloads):
    at = new_app("case")
    at.selectbox(key="input.case.selected").set_value("I4").run()
    at.text_input(key="input.assumption.I4.gevinst_vagtskifte").input("9.000").run()
    at.switch_page("app_pages/overview.py").run()
    changed = evaluate(load_case(CASES / "i4.yaml").with_values({"gevinst_vagtskifte": 9000.0}))
    rows = list(csv.reader(io.StringIO(downloads.bytes("oversigt.csv").decode("utf-8-sig")), delimiter=";"))
    i4 = next(r for r in rows if r[0] == "I4")
    assert _danish_float(i4[5]) == round_shown(changed.kpis.net_permanent)
    sheet = openpyxl.load_workbook(io.BytesIO(downloads.bytes("oversigt.xlsx"))).active
    notes = [c.value for c in sheet["A"] if isinstance(c.value, str)]
    assert any("I4" in note and "Ændrede" in note for note in notes)


def test_english_exports_have_english_headers(new_app, downloads):
    at = new_app()
    at.sidebar.button_group[0].set_value("en").run()
    rows = list(csv.reader(io.StringIO(downloads.bytes("overview.csv").decode("utf-8-sig")), delimiter=";"))
    assert rows[0][2] == "Operating (DKK thousand)"
    sheet = openpyxl.load_workbook(io.BytesIO(downloads.bytes("overview.xlsx"))).active
    assert sheet.title == "Overview"


def test_a_hostile_title_stays_text_in_both_files(new_app, downloads):
    at = new_app("case")
    at.session_state["case.file_open"] = True  # the "case file" section is drawn only when open
    at.run()
    text = case_to_yaml(load_case(CASES / "i3.yaml").model_copy(update={"id": "X1", "title": HOSTILE}))
    at.file_uploader(key="input.case.upload").upload("x1.yaml", text.encode(), "application/x-yaml").run()
    assert not at.exception
    at.switch_page("app_pages/overview.py").run()
    assert not at.exception
    table = overview_table(at).set_index("Case")
    assert table.loc["X1", "Titel"] == HOSTILE, "shown as written"

    rows = list(csv.reader(io.StringIO(downloads.bytes("oversigt.csv").decode("utf-8-sig")), delimiter=";"))
    title = next(r[1] for r in rows if r[0] == "X1")
    assert title == "'" + HOSTILE, "a leading apostrophe keeps Excel from reading a formula"

    data = downloads.bytes("oversigt.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cell = next(c for c in sheet["B"] if c.value == HOSTILE)
    assert cell.data_type == "s", "a string cell, not a formula"
    assert b"<f>" not in data and b"HYPERLINK" not in _formulas(data)


def _formulas(xlsx: bytes) -> bytes:
    """Every <f> element of every sheet of the workbook (empty when there are none)."""
    import re
    import zipfile

    with zipfile.ZipFile(io.BytesIO(xlsx)) as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
    return b"".join(b"".join(re.findall(rb"<f>.*?</f>", s)) for s in sheets)


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@"])
def test_overview_xlsx_keeps_every_formula_prefix_as_text(prefix):
    case = load_case(CASES / "i3.yaml").model_copy(update={"title": f"{prefix}1+1"})
    data = overview_xlsx(overview([evaluate(case)]))
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cell = next(c for c in sheet["B"] if c.value == f"{prefix}1+1")
    assert cell.data_type == "s"
    assert _formulas(data) == b""


def test_overview_xlsx_without_a_total_when_price_levels_differ():
    i3 = evaluate(load_case(CASES / "i3.yaml"))
    other = evaluate(load_case(CASES / "i5.yaml").model_copy(update={"price_level": 2020}))
    data = overview_xlsx(overview([i3, other], allow_mixed_price_levels=True))
    values = [c.value for c in openpyxl.load_workbook(io.BytesIO(data)).active["A"]]
    assert "I alt" not in values and "I3" in values and "I5" in values
