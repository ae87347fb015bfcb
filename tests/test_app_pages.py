"""Every page of the workbench under AppTest: it runs, in both languages, and the overview shows the model's figures."""

from __future__ import annotations

import pytest
from conftest import CASES, PAGES, overview_table

from model import evaluate_paths, format_amount, format_number
from ui.i18n import TEXTS


def _titles(at) -> list[str]:
    return [element.value for element in (*at.title, *at.header, *at.subheader)]


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_runs_without_exception(new_app, page):
    at = new_app(page)
    assert not at.exception, [e.value for e in at.exception]
    assert _titles(at), f"{page} shows no title"


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_runs_in_english(new_app, page):
    at = new_app()
    at.sidebar.button_group[0].set_value("en").run()
    if page != "overview":
        at.switch_page(PAGES[page]).run()
    assert not at.exception, [e.value for e in at.exception]
    fields = ("discount_rate", "horizon", "hours_per_fte")
    settings = [at.sidebar.text_input(key=f"input.setting.{field}").value for field in fields]
    assert settings == ["3,5", "10", "1.924"], "numbers stay Danish in English"
    assert at.sidebar.button(key="sidebar.reset_all").label == "Reset all"
    english = {entry["en"] for entry in TEXTS.values()}
    assert any(title in english for title in _titles(at)), "the page's headings are translated"


def test_app_opens_on_the_overview(new_app):
    at = new_app()
    assert at.title[0].value == TEXTS["overview.title"]["da"]


def test_overview_shows_the_model_figures_and_the_total(new_app):
    at = new_app()
    table = overview_table(at)
    portfolio = evaluate_paths([CASES])
    assert list(table["Case"]) == [r.case.id for r in portfolio.results] + ["I alt"]
    total = table.iloc[-1]
    assert total["Drift"] == format_amount(portfolio.overview.total.drift)
    assert total["Anlæg"] == format_amount(portfolio.overview.total.anlaeg)
    assert total["Varig effektivisering netto"] == format_amount(portfolio.overview.total.net_permanent)
    assert total["Nutidsværdi"] == format_amount(portfolio.overview.total.npv)
    assert total["Årsværk"] == format_number(portfolio.overview.total.fte_full, 1)
    for row, result in zip(table.iloc[:-1].itertuples(index=False), portfolio.results, strict=True):
        assert row[0] == result.case.id
        assert row[2] == "som dokumentet"


def test_overview_total_is_the_documents(new_app):
    total = overview_table(new_app()).iloc[-1]
    assert (total["Drift"], total["Anlæg"], total["Varig effektivisering netto"]) == ("11.970", "54.246", "-14.565")


def test_excluding_a_case_changes_the_total(new_app):
    at = new_app()
    at.multiselect(key="input.overview.included").unselect("I4").run()
    table = overview_table(at)
    assert "I4" not in list(table["Case"])
    portfolio = evaluate_paths([CASES])
    rest = [r for r in portfolio.results if r.case.id != "I4"]
    assert table.iloc[-1]["Anlæg"] == format_amount(sum(r.kpis.anlaeg for r in rest))


def test_settings_in_the_sidebar_reach_the_figures(new_app):
    at = new_app()
    at.text_input(key="input.setting.discount_rate").input("0").run()
    portfolio = evaluate_paths([CASES])
    from model import Settings

    zero = evaluate_paths([CASES], Settings(discount_rate=0.0))
    table = overview_table(at)
    assert table.iloc[-1]["Nutidsværdi"] == format_amount(zero.overview.total.npv)
    assert table.iloc[-1]["Nutidsværdi"] != format_amount(portfolio.overview.total.npv)
    at.text_input(key="input.setting.hours_per_fte").input("1.500").run()
    fewer = evaluate_paths([CASES], Settings(discount_rate=0.0, hours_per_fte=1500.0))
    assert overview_table(at).iloc[-1]["Årsværk"] == format_number(fewer.overview.total.fte_full, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "Skriv et tal."), ("abc", "Ikke et tal"), ("0,5", "helt tal"), ("-3", "mindst 1"), ("200", "højst være 100")],
)
def test_bad_setting_shows_a_message_beside_the_input(new_app, text, message):
    at = new_app()
    at.text_input(key="input.setting.horizon").input(text).run()
    assert not at.exception
    assert any(message in caption.value for caption in at.sidebar.caption)
    assert "horizon" not in at.session_state.get("scenario.settings", {})


def test_reset_all_returns_to_the_documents(new_app):
    at = new_app("case")
    at.selectbox(key="input.case.selected").set_value("I4").run()
    at.text_input(key="input.assumption.I4.gevinst_vagtskifte").input("12.000").run()
    at.text_input(key="input.setting.horizon").input("20").run()
    assert at.session_state["scenario.overrides"]["I4"]
    at.button(key="sidebar.reset_all").click().run()
    assert not at.exception
    assert not at.session_state["scenario.overrides"].get("I4")
    assert at.text_input(key="input.assumption.I4.gevinst_vagtskifte").value == "18.540"
    assert at.text_input(key="input.setting.horizon").value == "10"


def test_overview_with_optimism_bias_adds_the_adjusted_columns(new_app):
    from model import evaluate, load_case
    from model.optimism import apply_optimism_bias

    at = new_app()
    at.toggle(key="input.overview.optimism").set_value(True).run()
    assert not at.exception
    table = overview_table(at).set_index("Case")
    i4 = evaluate(apply_optimism_bias(load_case(CASES / "i4.yaml")))
    assert table.loc["I4", "Varig eff. netto m. tillæg"] == format_amount(i4.kpis.net_permanent)
    assert table.loc["I4", "Nutidsværdi m. tillæg"] == format_amount(i4.kpis.npv)
    assert table.loc["I4", "Tilb.tid m. tillæg"] == f"{i4.kpis.payback_years} år"
    assert table.loc["I4", "Varig effektivisering netto"] == "-10.040", "the document's columns stay"


def test_cases_at_different_price_levels_get_a_note_and_no_total(new_app):
    from model import case_to_yaml, load_case

    at = new_app("case")
    at.session_state["case.file_open"] = True  # the "case file" section is drawn only when open
    at.run()
    text = case_to_yaml(load_case(CASES / "i5.yaml").model_copy(update={"id": "P20", "price_level": 2020}))
    at.file_uploader(key="input.case.upload").upload("p20.yaml", text.encode(), "application/x-yaml").run()
    at.switch_page("app_pages/overview.py").run()
    assert not at.exception
    table = overview_table(at)
    assert "P20" in list(table["Case"]) and "I alt" not in list(table["Case"])
    assert any("forskelligt pris- og lønniveau" in w.value and "P20: 2020" in w.value for w in at.warning)
