"""The memo downloads in the app: the DOCX a user gets carries the figures and changes on screen."""

from __future__ import annotations

import io

import docx

from model import memo_pdf_available
from ui.case import MEMO_OPEN


def _box(data: bytes) -> dict[str, str]:
    table = docx.Document(io.BytesIO(data)).tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    return dict(zip(rows[0] + rows[2], rows[1] + rows[3], strict=True))


def test_business_case_memo_has_the_changed_assumption(new_app, downloads):
    at = new_app("case")
    at.selectbox(key="input.case.selected").set_value("I4").run()
    at.text_input(key="input.assumption.I4.minutter_plejecenter").input("15").run()
    assert not at.exception
    assert "beslutningsnotat-I4.docx" not in downloads, "drawn only when its section is open"
    at.session_state[MEMO_OPEN] = True  # as a click on "Beslutningsnotat" would
    at.run()
    build = downloads["beslutningsnotat-I4.docx"]
    assert callable(build), "built on click, not on every rerun"
    data = build()
    # 15 instead of 20 minutes: payback 6 → 8 years, net permanent effect -10.040 → -7.725 (tests/test_memo.py)
    assert _box(data)["Tilbagebetalingstid"] == "8 år"
    assert _box(data)["Varig effektivisering, netto"] == "-7.725"
    document = docx.Document(io.BytesIO(data))
    changes = next(t for t in document.tables if t.rows[0].cells[0].text == "Forudsætning" and len(t.columns) == 6)
    label = "Sparet tid pr. hold pr. vagtoverdragelse på plejecentre"
    assert [c.text for c in changes.rows[1].cells][:3] == [label, "20 min.", "15 min."]
    assert memo_pdf_available(), "LibreOffice is installed by scripts/install-system-deps.sh"
    assert any(b.label == "Lav PDF" for b in at.button)


def test_compare_memo_covers_the_chosen_cases(new_app, downloads):
    at = new_app("compare")
    at.multiselect(key="input.compare.chosen").set_value(["cur:I3", "cur:I5"]).run()
    assert not at.exception
    data = downloads["beslutningsnotat-sammenligning.docx"]()
    document = docx.Document(io.BytesIO(data))
    figures = next(t for t in document.tables if t.rows[0].cells[0].text == "Forslag")
    # the overview's rows (seeds/003 page 1): I3 2.950 / 4.050 / 5 år / -1.700; I5 1.900 / 2.460 / 4 år / -1.935
    assert [[c.text for c in row.cells][1:5] for row in figures.rows[1:]] == [
        ["2.950", "4.050", "5 år", "-1.700"],
        ["1.900", "2.460", "4 år", "-1.935"],
        ["4.850", "6.510", "", "-3.635"],
    ]


def test_portfolio_memo_covers_the_chosen_cases(new_app, downloads):
    at = new_app("portfolio")
    assert not at.exception
    data = downloads["beslutningsnotat-portefoelje.docx"]()
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs[0].text == "Beslutningsnotat: Porteføljevalg: I1, I3, I4, I5, I6"  # the model's choice
    figures = next(t for t in document.tables if t.rows[0].cells[0].text == "Forslag")
    assert [row.cells[0].text[:3] for row in figures.rows[1:]] == ["I1 ", "I3 ", "I4 ", "I5 ", "I6 ", "I a"]
    # Anlæg of the five from the overview (seeds/003): 5.614 + 4.050 + 41.380 + 2.460 + 192 = 53.696
    assert figures.rows[-1].cells[2].text == "53.696"
