"""Portefølje page (AppTest): the choice on the page is the model's, and moves with budgets and prerequisites.

Every expected figure is computed by :func:`model.choose` on the same cases
with the same options, and the hand-checked I1–I6 figures are in
``tests/test_choice_cases.py`` (e.g. an anlæg limit of 30.000 in 2017 and a
service limit of 6.000 leave I3 and I5).
"""

from __future__ import annotations

import io

import pytest
from conftest import CASES
from openpyxl import load_workbook

from model import ChoiceOptions, choose, evaluate, evaluate_paths, format_amount


@pytest.fixture(scope="module")
def documents():
    return evaluate_paths([CASES]).results


def _chosen(at) -> str:
    return next(m.value for m in at.metric if m.label == "Valgte cases")


def _answer(at):
    return at.dataframe[0].value.set_index("Case")


def test_the_page_shows_the_models_choice(new_app, documents):
    at = new_app("portfolio")
    assert not at.exception
    model = choose(documents)
    assert _chosen(at) == ", ".join(model.chosen) == "I1, I3, I4, I5, I6"
    table = _answer(at)
    assert table.loc["I2", "Valgt"] == "Nej"
    assert table.loc["I2", "Hvorfor ikke"] == "Tilfører intet: Nutidsværdi -2.395"
    assert table.loc["I6", "Nutidsværdi (2016)"] == format_amount(model.cases[5].npv_base) == "6.197"
    bundles = at.dataframe[2].value
    assert list(bundles.iloc[0]) == ["I1 + I4", "8 år", "14.663", "-8.880"]


def test_changing_a_budget_changes_the_choice_to_the_models_answer(new_app, documents):
    at = new_app("portfolio")
    at.button_group(key="input.portfolio.budget.anlaeg.mode").set_value("year").run()
    at.text_input(key="input.portfolio.budget.anlaeg.2017").input("30.000").run()
    at.button_group(key="input.portfolio.budget.service.mode").set_value("total").run()
    at.text_input(key="input.portfolio.budget.service.total").input("6.000").run()
    assert not at.exception
    years = sorted({y for r in documents for y in r.years})
    need = {y: sum(float(r.flows.capital_investment[r.years.index(y)]) for r in documents if y in r.years) for y in years}
    model = choose(documents, ChoiceOptions(budgets={"anlaeg": {**need, 2017: 30000.0}, "service": 6000.0}))
    assert _chosen(at) == ", ".join(model.chosen) == "I3, I5"
    table = _answer(at)
    assert table.loc["I4", "Hvorfor ikke"] == "Budget: Anlæg 2017 ville blive 49.166 (loft 30.000) med forudsætning(er) I1"
    budget = at.dataframe[1].value.set_index("Pulje")
    assert budget.loc["Drift (investeringspuljen)", "Loft"] == "6.000"
    assert budget.loc["Drift (investeringspuljen)", "Brugt"] == "4.850"
    assert budget.loc["Drift (investeringspuljen)", "Bindende"] == "I alt"
    assert budget.loc["Anlæg", "Bindende"] == "2017"


def test_a_bad_budget_keeps_the_last_good_one(new_app):
    at = new_app("portfolio")
    at.button_group(key="input.portfolio.budget.service.mode").set_value("total").run()
    at.text_input(key="input.portfolio.budget.service.total").input("-5").run()
    assert not at.exception
    assert any("mindst 0" in c.value for c in at.caption)
    assert _chosen(at) == "I1, I3, I4, I5, I6", "the default total (what all cases need) is kept"


def test_prerequisites_are_edited_for_the_session(new_app, documents):
    at = new_app("portfolio")
    at.multiselect(key="input.portfolio.requires.I4").set_value([]).run()
    assert not at.exception
    requires = {c.case.id: [] for c in documents}
    assert _chosen(at) == ", ".join(choose(documents, requires=requires).chosen) == "I3, I4, I5, I6"
    at.switch_page("app_pages/overview.py").run()
    at.switch_page("app_pages/portfolio.py").run()
    assert at.multiselect(key="input.portfolio.requires.I4").value == [], "kept across pages"
    assert _chosen(at) == "I3, I4, I5, I6"


def test_a_cycle_is_a_clear_message(new_app):
    at = new_app("portfolio")
    at.multiselect(key="input.portfolio.requires.I1").set_value(["I4"]).run()
    assert not at.exception
    assert at.error[0].value == "Forudsætningerne kan ikke opfyldes; ret dem ovenfor:"
    assert "cycle" in at.code[0].value and "I1" in at.code[0].value and "I4" in at.code[0].value
    at.multiselect(key="input.portfolio.requires.I1").set_value([]).run()
    assert _chosen(at) == "I1, I3, I4, I5, I6"


def test_alternatives_and_a_payback_limit(new_app, documents):
    at = new_app("portfolio")
    at.text_input(key="input.portfolio.group.I4").input("skærm").run()
    at.text_input(key="input.portfolio.group.I5").input("skærm").run()
    assert _chosen(at) == ", ".join(choose(documents, groups={"skærm": ["I4", "I5"]}).chosen) == "I1, I3, I4, I6"
    assert _answer(at).loc["I5", "Hvorfor ikke"] == "Alternativ valgt: I4"
    at.selectbox(key="input.portfolio.max_payback").set_value("6").run()
    assert _chosen(at) == "I3, I5, I6"
    assert _answer(at).loc["I4", "Hvorfor ikke"] == "Tilbagebetalingstid over grænsen: 8 år (grænse 6 år) med forudsætning(er) I1"


def test_the_excel_export_parses_back_to_the_choice(new_app, downloads, documents):
    new_app("portfolio")
    data = downloads["portefoelje.xlsx"]
    data = data() if callable(data) else data
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Valg", "Budget", "Pakker", "Næste million"]
    rows = list(book["Valg"].iter_rows(min_row=8, values_only=True))
    model = choose(documents)
    assert [r[0] for r in rows] == [f.id for f in model.cases]
    assert [r[2] for r in rows] == ["Ja", "Nej", "Ja", "Ja", "Ja", "Ja"]
    assert rows[5][3] == pytest.approx(model.cases[5].npv_base)
    assert rows[1][10] == "Tilfører intet: Nutidsværdi -2.395"
    assert list(book["Pakker"].iter_rows(min_row=2, values_only=True)) == [
        ("I1 + I4", 8, pytest.approx(14663.424, abs=1e-3), pytest.approx(-8880))
    ]


def test_english(new_app):
    at = new_app("portfolio")
    at.button_group(key="input.i18n.language").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Portfolio: which cases to fund?"
    assert next(m.value for m in at.metric if m.label == "Cases funded") == "I1, I3, I4, I5, I6"


def test_cases_at_different_price_levels_are_a_clear_message(new_app, documents):
    at = new_app("portfolio")
    old = documents[0].case.model_copy(update={"id": "X1", "price_level": 2012})
    at.session_state["scenario.extra"] = {"X1": old}
    at.session_state["portfolio.cases"] = ["I1", "I4", "X1"]
    at.run()
    assert not at.exception
    assert at.error[0].value.startswith("Casene kan ikke lægges sammen")
    assert "X1: 2012" in at.code[0].value
    at.multiselect(key="input.portfolio.cases").set_value(["I1", "I4"]).run()
    assert not at.error
    assert _chosen(at) == "I1, I4"


def test_the_scenarios_changed_assumptions_apply(new_app):
    # "Is it really 20 minutes?": 15 minutes on plejecentre lowers I4's gain, and with it its NPV on the page.
    at = new_app("portfolio")
    at.session_state["scenario.overrides"] = {"I4": {"minutter_plejecenter": 15.0}}
    at.run()
    assert not at.exception
    changed = evaluate_paths([CASES]).results
    changed = [r if r.case.id != "I4" else evaluate(r.case.with_values({"minutter_plejecenter": 15.0})) for r in changed]
    model = choose(changed)
    i4 = next(f for f in model.cases if f.id == "I4")
    assert _answer(at).loc["I4", "Nutidsværdi (2016)"] == format_amount(i4.npv_base)
    assert format_amount(i4.npv_base) != "29.079"
    assert any("Med dine ændrede forudsætninger i I4." in c.value for c in at.caption)
