"""The Opfølgning page under AppTest: the status board shows the model's figures, and entering actuals,
a status and a measurement moves what the page shows to the model's figures."""

from __future__ import annotations

import io

import pytest
from conftest import CASES
from openpyxl import load_workbook

from model import evaluate, format_amount, load_case, parse_follow_up
from model.realisation import realisation

HANDOVER = "Reduceret tid ved vagtskifte"


@pytest.fixture
def page(new_app):
    at = new_app("followup")
    assert not at.exception, [e.value for e in at.exception]
    return at


def _metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


def _suggested(at):
    return next(m.value for m in at.markdown if "-badge[" in m.value)


def _enter(at, line, year, amount):
    at.selectbox(key="followup.entry.line").set_value(line)
    at.selectbox(key="followup.entry.year").set_value(year)
    at.text_input(key="followup.entry.amount").input(amount)
    at.button(key="followup.entry.save").click().run()
    assert not at.exception, [e.value for e in at.exception]


def _table(at, first_column):
    return next(d.value for d in at.dataframe if list(d.value.columns)[:1] == [first_column])


def _open_i4(at):
    at.selectbox(key="input.followup.case").set_value("I4").run()
    assert at.subheader[1].value.startswith("I4")


def test_the_board_shows_every_case_with_its_planned_figures(page):
    board = page.dataframe[0].value
    assert list(board["Case"]) == ["I1", "I2", "I3", "I4", "I5", "I6"]
    i4 = board.set_index("Case").loc["I4"]
    assert (i4["Tilb.tid, plan"], i4["Tilb.tid, prognose"]) == ("6 år", "6 år")
    assert i4["NPV, prognose"] == "29.079"
    assert i4["Status"] == "Går som planlagt (foreslået)"


def test_entering_an_actual_moves_the_forecast_to_the_models_figure(page):
    at = page
    _open_i4(at)
    _enter(at, HANDOVER, 2017, "-9.000")
    _enter(at, HANDOVER, 2018, "-12.000")
    _enter(at, "Indkøb af skærme", 2017, "7.500")
    # the model's figures for the same actuals (hand-checked in tests/test_realisation.py: 24.268 and 7 years)
    expected = realisation(
        evaluate(load_case(CASES / "i4.yaml")),
        {(HANDOVER, 2017): -9000.0, (HANDOVER, 2018): -12000.0, ("Indkøb af skærme", 2017): 7500.0},
    )
    assert _metric(at, "Nutidsværdi, prognose") == format_amount(expected.forecast_npv) == "24.268"
    assert _metric(at, "Tilbagebetalingstid, prognose") == "7 år"
    assert "Behov for ændringer" in _suggested(at)
    i4 = at.dataframe[0].value.set_index("Case").loc["I4"]
    assert (i4["Tilb.tid, prognose"], i4["NPV, prognose"]) == ("7 år", "24.268")
    # savings to date (2018): plan 11.125 + 14.830 = 25.955, realised 9.000 + 12.000 = 21.000
    assert (i4["Besparelse til dato"], i4["Plan til dato"], i4["Til og med"]) == ("21.000", "25.955", "2018")
    variances = _table(at, "Linje")
    row = variances[(variances["Linje"] == HANDOVER) & (variances["År"] == "2017")].iloc[0]
    assert (row["Plan"], row["Faktisk"], row["Afvigelse"], row["Afvigelse %"]) == ("-11.125", "-9.000", "2.125", "19,1 %")


def test_a_bad_amount_changes_nothing(page):
    at = page
    _open_i4(at)
    _enter(at, HANDOVER, 2017, "12,3,4")
    assert at.error[0].value.startswith("12,3,4 er ikke et tal i dansk format")
    assert _metric(at, "Nutidsværdi, prognose") == "29.079"


def test_an_override_needs_a_reason_and_then_shows_on_the_board(page, downloads):
    at = page
    _open_i4(at)
    # 2.125 less saving in 2017: cumulative 800; 37.430; 31.100; 21.060; 11.020; 980; -9.060 -> payback 7 years, not 6
    _enter(at, HANDOVER, 2017, "-9.000")
    assert "Behov for ændringer" in _suggested(at)
    at.selectbox(key="followup.status.phase").set_value("Implementering")
    at.selectbox(key="followup.status.status").set_value("Går som planlagt")
    at.button(key="followup.status.save").click().run()
    assert at.error[0].value.startswith("Du har valgt en anden status end den foreslåede")
    assert at.dataframe[0].value.set_index("Case").loc["I4", "Status"] == "Behov for ændringer (foreslået)"
    at.selectbox(key="followup.status.status").set_value("Går som planlagt")
    at.selectbox(key="followup.status.phase").set_value("Implementering")
    at.text_area(key="followup.status.comment").input("Gevinsten kommer i 2019: vagtskifterne er lagt om")
    at.button(key="followup.status.save").click().run()
    board = at.dataframe[0].value.set_index("Case").loc["I4"]
    assert (board["Fase"], board["Status"]) == ("Implementering", "Går som planlagt (overstyret)")
    # the follow-up file the page hands over reads back with the entry, its suggestion and its reason
    saved = parse_follow_up(downloads["opfoelgning.yaml"].decode("utf-8"), "opfoelgning.yaml").of("I4").current
    assert (saved.phase, saved.status, saved.suggested) == ("Implementering", "Går som planlagt", "Behov for ændringer")
    assert saved.comment == "Gevinsten kommer i 2019: vagtskifterne er lagt om"


def test_a_measurement_shows_with_its_criterion(page):
    at = page
    _open_i4(at)
    next(s for s in at.selectbox if s.label == "Succeskriterium").set_value("vagtskifte")
    next(x for x in at.text_input if x.label == "Værdi").input("16,5")
    at.button(key="followup.measure.save").click().run()
    criteria = _table(at, "Succeskriterium")
    handover = criteria.iloc[0]
    assert handover["Succeskriterium"] == "Mindre tidsforbrug ved vagtskifter"
    assert handover["Mål"] == "20" and handover["Seneste måling"].startswith("16,5 (")


def test_the_status_report_download_parses_back(page, downloads):
    at = page
    _open_i4(at)
    _enter(at, HANDOVER, 2017, "-9.000")
    book = load_workbook(io.BytesIO(downloads["statusrapport.xlsx"]))
    rows = {row[0]: row for row in book["Status"].iter_rows(min_row=5, values_only=True)}
    expected = realisation(evaluate(load_case(CASES / "i4.yaml")), {(HANDOVER, 2017): -9000.0})
    assert list(rows) == ["I1", "I2", "I3", "I4", "I5", "I6"]
    assert rows["I4"][14] == pytest.approx(expected.forecast_npv)
    assert rows["I4"][8] == pytest.approx(expected.realised_to_date)  # 800 + 34.505 + 2.125 = 37.430
    assert rows["I4"][8] == pytest.approx(37430)
    # the template lists every line and year with the plan and what is entered, for Danish Excel
    template = downloads["faktiske-tal.csv"].decode("utf-8-sig").splitlines()
    assert template[0] == "case;line;year;plan;actual"
    assert f"I4;{HANDOVER};2017;-11125;-9000" in template
    assert f"I4;{HANDOVER};2018;-14830;" in template


def test_the_table_of_actuals_takes_danish_numbers(page):
    at = page
    _open_i4(at)
    # the editor: one row per line (the handover gain is I4's second line), one column per year
    editor = at.data_editor[0]
    assert list(editor.value.columns) == [str(year) for year in range(2016, 2026)]
    at.session_state["input.followup.editor.I4.0"] = {
        "edited_rows": {1: {"2017": "-9.000", "2018": "-12.000"}, 3: {"2017": "7.500"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.button(key="followup.editor.save.I4").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.success[0].value == "3 faktiske tal gemt for casen."
    assert _metric(at, "Nutidsværdi, prognose") == "24.268"  # as tests/test_realisation.py computes by hand
    assert _metric(at, "Tilbagebetalingstid, prognose") == "7 år"


def test_a_bad_cell_in_the_table_changes_nothing(page):
    at = page
    _open_i4(at)
    at.session_state["input.followup.editor.I4.0"] = {
        "edited_rows": {1: {"2017": "-9.000", "2018": "12,3,4"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.button(key="followup.editor.save.I4").click().run()
    assert at.error[0].value == "Tabellen er ikke gemt: disse celler er ikke tal i dansk format."
    assert at.code[0].value == f"{HANDOVER}, 2018: '12,3,4'"
    assert _metric(at, "Nutidsværdi, prognose") == "29.079"
