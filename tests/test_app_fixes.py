"""What a new user tripped over (issue 15): rounded inputs that keep their value, the root URL, decimals, no repo paths."""

from __future__ import annotations

import io

import openpyxl
from conftest import CASES, show_group

from model import evaluate, format_amount, load_case
from model.export_shown import shown_cell
from ui.i18n import TEXTS


def test_inputs_show_their_units_precision_and_keep_the_stored_value(new_app):
    at = new_app("case")
    at.selectbox(key="input.case.selected").set_value("I5").run()
    # I5's hourly rate is 355,129650507328 kr. and its 2017 phase-in 0,531746031746 (1.675 / 3.150): shown to the øre
    # and to a tenth of a percent point, the engine still uses every digit.
    assert at.text_input(key="input.assumption.I5.timepris").value == "355,13"
    assert at.text_input(key="input.assumption.I5.timer_pr_uge").value == "2"
    show_group(at, "I5", "Indfasning")  # one group's inputs are drawn at a time
    assert at.text_input(key="input.assumption.I5.indfasning_2017").value == "0,532"
    at.run()
    assert at.session_state["scenario.overrides"].get("I5", {}) == {}, "showing a rounded value changes nothing"
    net = next(m for m in at.metric if m.label == "Varig effektivisering netto")
    assert net.value == format_amount(evaluate(load_case(CASES / "i5.yaml")).kpis.net_permanent) == "-1.935"


def test_the_root_url_opens_the_overview(new_app):
    at = new_app()
    assert not at.exception
    assert at.title[0].value == "Oversigt over investeringsbehov og afledte effektiviseringer på sigt"


def test_irr_with_one_decimal_everywhere(new_app):
    at = new_app("compare")
    kpis = at.dataframe[0].value.set_index("Nøgletal")
    irr = dict(kpis.loc["Intern rente"])
    # README's overview: I3 26,0 %, I4 20,0 %, I5 62,4 %, I6 21,9 %; I1 and I2 have no IRR
    shown = [irr[name] for name in irr if name.startswith(("I3 ", "I4 ", "I5 ", "I6 "))]
    assert shown == ["26,0 %", "20,0 %", "62,4 %", "21,9 %"]


def test_no_repository_paths_in_the_user_facing_text():
    leaks = [key for key, entry in TEXTS.items() for text in entry.values() if "docs/" in text or ".md" in text]
    assert leaks == []


def _sheet_rows(data: bytes, index: int) -> list[list[object]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [[cell.value for cell in row] for row in book.worksheets[index].iter_rows()]


def _as_number(text: str) -> object:
    """What a shown cell is worth: the number it shows (a share for %), None for "-" or empty, else the text."""
    value, _ = shown_cell(text)
    return value


def test_compare_tables_as_excel_hold_the_shown_figures_as_numbers(new_app, downloads):
    at = new_app("compare")
    shown = at.dataframe[0].value  # key figures, one column per case
    rows = _sheet_rows(downloads["sammenligning.xlsx"](), 0)  # built on click
    assert rows[0] == list(shown.columns)
    for sheet_row, (_, shown_row) in zip(rows[1:], shown.iterrows(), strict=True):
        assert sheet_row == [_as_number(text) for text in shown_row]
    by_label = {row[0]: row[1:] for row in rows[1:]}
    # README's overview: I4 Anlæg 41.380, I3 IRR 26,0 % (a number 0,26, not the text "26,0 %"); I1 no payback: empty
    assert by_label["Anlæg (1.000 kr.)"][3] == 41380
    assert by_label["Intern rente"][2] == 0.26
    assert by_label["Tilbagebetalingstid"][0] is None
    numbers_as_text = [v for row in rows[1:] for v in row[1:] if isinstance(v, str) and shown_cell(v)[1] is not None]
    assert numbers_as_text == []


def test_sensitivity_tables_as_excel_hold_the_shown_figures(new_app, downloads):
    at = new_app("sensitivity")
    assert not at.exception
    at.button(key="sens.ask.switching").click().run()  # computed when asked for
    at.button(key="sens.ask.mc").click().run()
    data = downloads[next(name for name in downloads if name.startswith("foelsomhed-"))]()  # built on click
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Nøgletal", "Tornado", "Nulpunktsværdier", "Monte Carlo"]
    shown = at.dataframe[0].value
    rows = _sheet_rows(data, 0)
    for sheet_row, (_, shown_row) in zip(rows[1:], shown.iterrows(), strict=True):
        assert sheet_row == [_as_number(text) for text in shown_row]
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                assert not (isinstance(cell.value, str) and shown_cell(cell.value)[1] is not None), (sheet.title, cell.value)


def test_a_range_shown_rounded_and_saved_unchanged_keeps_its_exact_ends(new_app):
    at = new_app("sensitivity")
    at.selectbox(key="input.sens.case").set_value("I5").run()
    at.selectbox(key="input.sens.range_pick.I5").set_value("timepris").run()
    # ±20 % of 355,129650507328 kr./time: 284,10372… and 426,15558…, shown to the øre
    assert at.text_input(key="sens.low.I5.timepris").value == "284,1"
    assert at.text_input(key="sens.high.I5.timepris").value == "426,16"
    at.button(key="sens.range_save").click().run()
    assert not at.exception
    low, high = at.session_state["sens.ranges"]["I5"]["timepris"]
    assert (low, high) == (355.129650507328 * 0.8, 355.129650507328 * 1.2)
