"""The app's memo (AppTest): notes from the scenario store, the Følsomhed page's Monte Carlo run, the portfolio's reasons.

Hand-checked I4 figures as in tests/test_memo.py (minutes per handover on
plejecentre 20 → 15: payback 8 years, net permanent effect -7.725). The
Monte Carlo figures are :func:`model.monte_carlo` with the page's defaults
(10.000 draws, seed 1), as tests/test_app_sensitivity.py checks the page.
"""

from __future__ import annotations

import io

import docx
from conftest import APP, CASES, PAGES

from model import ScenarioDocument, ScenarioStore, format_amount, format_fixed, format_number, load_case, monte_carlo
from ui.case import MEMO_OPEN

CHANGES_HEADER = ["Forudsætning", "Dokumentet", "Nu", "Begrundelse", "Af", "Tidspunkt"]


def _ok(at):
    assert not at.exception, [e.value for e in at.exception]
    return at


def _app(scenario: str | None = None):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=120)
    if scenario is not None:
        at.query_params["scenario"] = scenario
    return _ok(at.run())


def _tables(data: bytes) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in docx.Document(io.BytesIO(data)).tables]


def _text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def _case_memo(at, case_id: str, downloads) -> bytes:
    _ok(at.switch_page(PAGES["case"]).run())
    at.session_state[MEMO_OPEN] = True  # the memo section, drawn only when open
    _ok(at.selectbox(key="input.case.selected").set_value(case_id).run())
    return downloads.bytes(f"beslutningsnotat-{case_id}.docx")


def test_the_memo_lists_the_notes_saved_in_the_scenario(tmp_path, monkeypatch, downloads):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", url)
    document = ScenarioDocument().with_change(
        "I4", "minutter_plejecenter", 15.0, note="Målt på tre plejecentre", author="Anna Hansen"
    )
    store = ScenarioStore.connect(url)
    try:
        scenario_id = store.create("Notat", document, author="Anna Hansen").info.id
    finally:
        store.engine.dispose()
    data = _case_memo(_app(scenario_id), "I4", downloads)
    changes = next(t for t in _tables(data) if t[0] == CHANGES_HEADER)
    stamp = document.change("I4", "minutter_plejecenter").at.strftime("%d.%m.%Y %H:%M UTC")
    label = "Sparet tid pr. hold pr. vagtoverdragelse på plejecentre"
    assert changes[1:] == [[label, "20 min.", "15 min.", "Målt på tre plejecentre", "Anna Hansen", stamp]]
    box = _tables(data)[0]
    assert (box[1][2], box[3][0]) == ("8 år", "-7.725")  # payback, net permanent effect


def test_the_memo_carries_the_monte_carlo_run_of_the_sensitivity_page(downloads):
    at = _app()
    data = _case_memo(at, "I5", downloads)
    assert "Monte Carlo-simulering er ikke kørt for dette notat." in _text(data)
    _ok(at.switch_page(PAGES["sensitivity"]).run())
    _ok(at.selectbox(key="input.sens.case").set_value("I5").run())
    _ok(at.button(key="sens.ask.mc").click().run())
    data = _case_memo(at, "I5", downloads)
    run = monte_carlo(load_case(CASES / "i5.yaml"), n=10_000, seed=1)
    npv, pay = run.percentiles("npv"), run.percentiles("payback")
    expected = (
        f"Monte Carlo ({format_number(run.n_valid, 0)} gyldige træk): nutidsværdi P10/P50/P90 "
        f"{format_amount(npv[0])} / {format_amount(npv[1])} / {format_amount(npv[2])} t.kr.; tilbagebetalingstid "
        f"{format_fixed(pay[0])} / {format_fixed(pay[1])} / {format_fixed(pay[2])} år."
    )
    assert expected in _text(data)
    # A changed assumption makes the run stale: the memo no longer reports it.
    _ok(at.text_input(key="input.assumption.I5.timer_pr_uge").input("3").run())
    assert "Monte Carlo-simulering er ikke kørt for dette notat." in _text(downloads.bytes("beslutningsnotat-I5.docx"))


def test_the_portfolio_memo_gives_the_pages_reasons(downloads):
    at = _app()
    _ok(at.switch_page(PAGES["portfolio"]).run())
    at.button_group(key="input.portfolio.budget.service.mode").set_value("total").run()
    _ok(at.text_input(key="input.portfolio.budget.service.total").input("6.000").run())
    answer = at.dataframe[0].value.set_index("Case")
    out = answer[answer["Valgt"] == "Nej"]["Hvorfor ikke"].to_dict()
    assert out["I6"] == "Budget: Drift (investeringspuljen) ville blive 10.430 (loft 6.000)"
    data = downloads.bytes("beslutningsnotat-portefoelje.docx")
    left_out = next(t for t in _tables(data) if t[0] == ["Forslag", "Hvorfor ikke"])
    assert {row[0].split(" ", 1)[0]: row[1] for row in left_out[1:]} == out
