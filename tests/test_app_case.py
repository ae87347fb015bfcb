"""The Business case page: assumptions in Danish numbers, KPIs exactly as the model computes, resets, files."""

from __future__ import annotations

import pytest
from conftest import CASES, overview_table

from model import case_to_yaml, evaluate, format_amount, format_number, load_case
from model.layout import TABLES
from ui.case import FILE_OPEN
from ui.keys import CASE, widget
from ui.tables import payback_text

GAIN = "input.assumption.I4.gevinst_vagtskifte"
VIEW = widget(CASE.view)


def _metrics(at) -> dict[str, object]:
    return {m.label: m for m in at.metric}


def _charts(at) -> list[object]:
    return list(at.get("vega_lite_chart"))


def _open(new_app, case_id: str):
    at = new_app("case")
    at.session_state[FILE_OPEN] = True  # the "case file" section, drawn only when open
    at.selectbox(key="input.case.selected").set_value(case_id).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _open_group(at, case_id: str, group: str) -> None:
    """Show assumption group ``group`` (only the chosen group's inputs are drawn), as a click on it would."""
    at.button_group(key=widget(CASE.group(case_id))).set_value(group).run()


def _expected(case_id: str, values: dict[str, float]):
    case = load_case(CASES / f"{case_id.lower()}.yaml")
    return evaluate(case.with_values(values)).kpis, evaluate(case).kpis


def test_the_case_page_shows_the_documents_key_figures(new_app):
    at = _open(new_app, "I4")
    kpis, _ = _expected("I4", {})
    metric = _metrics(at)
    assert metric["Varig effektivisering netto"].value == format_amount(kpis.net_permanent) == "-10.040"
    assert metric["Tilbagebetalingstid"].value == payback_text(kpis.payback_years) == "6 år"
    assert metric["Nutidsværdi"].value == format_amount(kpis.npv)
    assert metric["Årsværk frigjort"].value == format_number(kpis.fte_full, 1)
    assert all(m.proto.delta == "" for m in at.metric), "no change, no delta"


def test_changing_an_assumption_moves_the_kpis_to_the_models_figures(new_app):
    at = _open(new_app, "I4")
    at.text_input(key=GAIN).input("9.000").run()
    assert not at.exception
    kpis, document = _expected("I4", {"gevinst_vagtskifte": 9000.0})
    metric = _metrics(at)
    assert metric["Varig effektivisering netto"].value == format_amount(kpis.net_permanent)
    assert metric["Tilbagebetalingstid"].value == payback_text(kpis.payback_years)
    assert metric["Nutidsværdi"].value == format_amount(kpis.npv)
    assert metric["Årsværk frigjort"].value == format_number(kpis.fte_full, 1)
    assert kpis.payback_years != document.payback_years and kpis.net_permanent != document.net_permanent
    delta = metric["Varig effektivisering netto"].proto.delta
    assert delta == "+" + format_amount(kpis.net_permanent - document.net_permanent)
    assert metric["Tilbagebetalingstid"].proto.delta == "+" + payback_text(kpis.payback_years - document.payback_years)
    assert any("Dokumentet: 18.540 t.kr." in b.label for b in at.button), "document value shown beside the changed one"


def test_danish_decimal_comma_is_a_decimal(new_app):
    at = _open(new_app, "I5")
    at.text_input(key="input.assumption.I5.minutter_pr_noedkald").input("23,4").run()
    assert at.session_state["scenario.overrides"]["I5"] == {"minutter_pr_noedkald": 23.4}
    kpis, _ = _expected("I5", {"minutter_pr_noedkald": 23.4})
    assert _metrics(at)["Varig effektivisering netto"].value == format_amount(kpis.net_permanent)
    assert at.text_input(key="input.assumption.I5.minutter_pr_noedkald").value == "23,4"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Skriv et tal."),
        ("tyve", "Ikke et tal i dansk format"),
        ("23.4", "Ikke et tal i dansk format"),
        ("-5", "Skal være mindst 0"),
        ("1,5", "Må højst være 1"),
    ],
)
def test_bad_input_gets_a_message_beside_the_widget_and_changes_nothing(new_app, text, message):
    at = _open(new_app, "I5")
    key = "input.assumption.I5.andel_en_medarbejder" if text == "1,5" else "input.assumption.I5.minutter_pr_noedkald"
    at.text_input(key=key).input(text).run()
    assert not at.exception
    assert any(message in c.value for c in at.caption), [c.value for c in at.caption]
    assert not at.session_state["scenario.overrides"].get("I5")
    kpis, _ = _expected("I5", {})
    assert _metrics(at)["Varig effektivisering netto"].value == format_amount(kpis.net_permanent)
    assert at.text_input(key=key).value == text, "the user's text stays for them to mend"


def test_a_value_that_divides_by_zero_is_refused_beside_the_widget(new_app):
    at = _open(new_app, "I4")
    at.text_input(key="input.assumption.I4.timepris").input("0").run()
    assert not at.exception
    assert any("division med nul" in c.value for c in at.caption)
    assert not at.session_state["scenario.overrides"].get("I4")


def test_reset_one_assumption_and_the_whole_case(new_app):
    at = _open(new_app, "I4")
    at.text_input(key=GAIN).input("9.000").run()
    _open_group(at, "I4", "Investering")
    assert GAIN not in [i.key for i in at.text_input], "one group at a time"
    at.text_input(key="input.assumption.I4.pris_pr_bruger").input("10.000").run()
    assert set(at.session_state["scenario.overrides"]["I4"]) == {"gevinst_vagtskifte", "pris_pr_bruger"}
    assert any("2 ændret: Gevinst, Investering" in m.value for m in at.markdown), "the badge names both groups"
    _open_group(at, "I4", "Gevinst")
    at.button(key="case.reset.I4.gevinst_vagtskifte").click().run()
    assert set(at.session_state["scenario.overrides"]["I4"]) == {"pris_pr_bruger"}
    assert at.text_input(key=GAIN).value == "18.540"
    at.button(key="case.reset_case").click().run()
    assert not at.session_state["scenario.overrides"].get("I4")
    _open_group(at, "I4", "Investering")
    assert at.text_input(key="input.assumption.I4.pris_pr_bruger").value == "9.000"
    kpis, _ = _expected("I4", {})
    assert _metrics(at)["Tilbagebetalingstid"].value == payback_text(kpis.payback_years)


def test_changes_survive_page_switches(new_app):
    at = _open(new_app, "I4")
    at.text_input(key=GAIN).input("9.000,0").run()
    at.switch_page("app_pages/overview.py").run()
    table = overview_table(at).set_index("Case")
    kpis, _ = _expected("I4", {"gevinst_vagtskifte": 9000.0})
    assert table.loc["I4", "Status"] == "ændret"
    assert table.loc["I4", "Varig effektivisering netto"] == format_amount(kpis.net_permanent)
    at.switch_page("app_pages/compare.py").run()
    at.switch_page("app_pages/case.py").run()
    assert at.selectbox(key="input.case.selected").value == "I4"
    assert at.text_input(key=GAIN).value == "9.000,0", "the text as typed"
    assert _metrics(at)["Varig effektivisering netto"].value == format_amount(kpis.net_permanent)


def test_a_changed_case_downloads_and_uploads_again(new_app, downloads):
    at = _open(new_app, "I4")
    at.text_input(key=GAIN).input("9.000").run()
    _open_group(at, "I4", "Investering")
    at.text_input(key="input.assumption.I4.licensandel").input("0,75").run()
    data = downloads.bytes("I4.yaml")
    document = load_case(CASES / "i4.yaml")
    assert data.decode("utf-8") == case_to_yaml(document.with_values({"gevinst_vagtskifte": 9000.0, "licensandel": 0.75}))

    later = _open(new_app, "I4")
    later.file_uploader(key="input.case.upload").upload("I4.yaml", data, "application/x-yaml").run()
    assert not later.exception
    assert later.session_state["scenario.overrides"]["I4"] == {"gevinst_vagtskifte": 9000.0, "licensandel": 0.75}
    assert any("ændringerne er lagt på I4" in s.value for s in later.success)
    assert later.text_input(key=GAIN).value == "9.000"
    assert _metrics(later)["Nutidsværdi"].value == _metrics(at)["Nutidsværdi"].value


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"id: I9\ntitle: [unclosed\n", "linje 3, kolonne 1: filen er ikke gyldig YAML."),
        (b"id: I9\ntitle: Ny\n", "price_level: feltet mangler."),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b"- just\n- a list\n", "Filen: en casefil skal bestå af felter med navne"),
        (
            b"version: 2\nid: I9\ntitle: Ny\nprice_level: 1800\nfirst_year: 2020\nlast_year: 2021\n",
            "price_level: skal være mindst 1900.",
        ),
    ],
)
def test_a_bad_upload_shows_the_error_and_keeps_everything(new_app, content, problem):
    at = _open(new_app, "I4")
    at.text_input(key=GAIN).input("9.000").run()
    before = at.session_state["scenario.overrides"]
    at.file_uploader(key="input.case.upload").upload("bad.yaml", content, "application/x-yaml").run()
    assert not at.exception
    assert any("bad.yaml kunne ikke bruges" in e.value for e in at.error)
    assert any(problem in c.value for c in at.code), [c.value for c in at.code]
    assert at.session_state["scenario.overrides"] == before
    assert at.selectbox(key="input.case.selected").value == "I4"
    assert at.text_input(key=GAIN).value == "9.000"


def test_upload_errors_are_danish_in_danish_and_english_in_english(new_app):
    text = (CASES / "i5.yaml").read_text(encoding="utf-8")
    # A kind the format does not know; a derived item that refers to itself.
    kind = text.replace("kind: permanent", "kind: varig", 1)
    cycle = text.replace('formula: "borgere_en_medarbejder ', 'formula: "timer_sparet + borgere_en_medarbejder ', 1)
    assert kind != text and cycle != text
    at = _open(new_app, "I4")

    def shown(content: str) -> str:
        at.file_uploader(key="input.case.upload").upload("bad.yaml", content.encode(), "application/x-yaml").run()
        assert not at.exception
        return "\n".join(c.value for c in at.code)

    assert shown(kind) == "lines[0] ('Effektivisering, tidsmæssig gevinst').kind: skal være 'permanent' eller 'one_off'."
    assert shown(cycle) == "Filen: afledte størrelser bruger hinanden i ring: timer_sparet → timer_sparet."
    at.button_group(key="input.i18n.language").set_value("en").run()
    at.session_state[FILE_OPEN] = True
    at.run()
    assert shown(cycle) == "derived items refer to each other in a circle: timer_sparet → timer_sparet"


def test_an_upload_of_a_new_case_is_added_and_can_be_removed(new_app):
    at = _open(new_app, "I3")
    text = case_to_yaml(load_case(CASES / "i3.yaml")).replace("id: I3", "id: N1", 1)
    at.file_uploader(key="input.case.upload").upload("n1.yaml", text.encode(), "application/x-yaml").run()
    assert not at.exception
    assert at.selectbox(key="input.case.selected").value == "N1"
    assert "N1" in at.session_state["scenario.included"]
    at.button(key="case.remove").click().run()
    assert not at.exception
    assert "N1" not in at.selectbox(key="input.case.selected").options


def test_saving_a_variant_keeps_the_values_and_leaves_the_overview_alone(new_app):
    at = _open(new_app, "I4")
    at.text_input(key=GAIN).input("9.000").run()
    at.button(key="case.save_variant").click().run()
    assert not at.exception
    variant = at.session_state["scenario.extra"]["I4-v1"]
    assert variant.assumption("gevinst_vagtskifte").value == 9000.0
    assert variant.title.endswith("(variant 1)")
    at.switch_page("app_pages/overview.py").run()
    assert "I4-v1" not in list(overview_table(at)["Case"])


def test_two_sessions_do_not_share_changes(new_app):
    first = _open(new_app, "I4")
    second = _open(new_app, "I4")
    first.text_input(key=GAIN).input("9.000").run()
    second.run()
    assert not second.session_state["scenario.overrides"].get("I4")
    kpis, _ = _expected("I4", {})
    assert _metrics(second)["Varig effektivisering netto"].value == format_amount(kpis.net_permanent)
    assert second.text_input(key=GAIN).value == "18.540"
    second.switch_page("app_pages/overview.py").run()
    assert overview_table(second).set_index("Case").loc["I4", "Status"] == "som dokumentet"


def test_section1_and_tables_show_the_models_figures(new_app):
    at = _open(new_app, "I4")
    assert not at.dataframe, "the cumulative chart is the first view: no table drawn until asked for"
    assert len(_charts(at)) == 1
    at.button_group(key=VIEW).set_value("section1").run()
    result = evaluate(load_case(CASES / "i4.yaml"))
    assert len(at.dataframe) == 1 and not _charts(at), "one view at a time"
    section1 = at.dataframe[0].value.set_index("")
    frame = result.section1()
    for year in result.years:
        assert section1.loc["Samlet økonomisk påvirkning", str(year)] == format_amount(
            frame.loc["Samlet økonomisk påvirkning", year]
        )
    assert any("innovationspuljen, i alt 800 t. kr." in c.value for c in at.caption)
    totals = {1: "Varige ændringer totalt", 2: "Investeringer totalt, service", 3: "Investeringer totalt, anlæg"}
    for number, total in totals.items():
        at.button_group(key=VIEW).set_value(f"table{number}").run()
        assert len(at.dataframe) == 1
        table = at.dataframe[0].value.set_index("Linje")
        spec = next(s for s in TABLES if s.number == number)
        expected = result.table_rows(spec.key)[-1]
        assert table.loc[total, str(result.years[0])] == format_amount(expected.values[0])


def test_the_views_offer_only_the_tables_a_case_has(new_app):
    at = _open(new_app, "I1")  # I1 has no service investments (table 2)
    assert at.button_group(key=VIEW).options == ["Akkumuleret", "Pr. år", "Afsnit 1", "Tabel 1", "Tabel 3"]
    at.button_group(key=VIEW).set_value("flows").run()
    assert len(_charts(at)) == 1 and not at.dataframe
    at.selectbox(key="input.case.selected").set_value("I4").run()
    assert at.button_group(key=VIEW).value == "flows", "the chosen view holds when the case changes"


def test_a_stale_change_from_an_edited_case_file_does_not_stop_the_page(new_app):
    at = _open(new_app, "I4")
    at.session_state["scenario.overrides"] = {"I4": {"gone_from_the_file": 1.0, "gevinst_vagtskifte": 9000.0}}
    at.run()
    assert not at.exception
    kpis, _ = _expected("I4", {"gevinst_vagtskifte": 9000.0})
    assert _metrics(at)["Varig effektivisering netto"].value == format_amount(kpis.net_permanent)


@pytest.mark.parametrize("bias_fields", [{}, {"cost_medium": 0.5, "saving_high": 0.3}])
def test_key_figures_with_optimism_bias_beside_the_plain_ones(new_app, bias_fields):
    from model import apply_optimism_bias
    from model.optimism import OptimismBias

    at = _open(new_app, "I4")
    assert "Nutidsværdi m. tillæg" not in _metrics(at), "off until the user asks"
    at.text_input(key=GAIN).input("15.000").run()
    if bias_fields:
        at.session_state["sens.optimism"] = bias_fields  # as the Følsomhed page keeps them
    at.toggle(key="input.case.optimism").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    case = load_case(CASES / "i4.yaml").with_values({"gevinst_vagtskifte": 15000.0})
    plain = evaluate(case).kpis
    adjusted = evaluate(apply_optimism_bias(case, OptimismBias(**bias_fields))).kpis
    metric = _metrics(at)
    assert metric["Varig eff. netto m. tillæg"].value == format_amount(adjusted.net_permanent)
    assert metric["Tilb.tid m. tillæg"].value == payback_text(adjusted.payback_years)
    assert metric["Nutidsværdi m. tillæg"].value == format_amount(adjusted.npv)
    assert metric["Nutidsværdi"].value == format_amount(plain.npv), "the plain figures stay beside them"
    assert metric["Nutidsværdi m. tillæg"].proto.delta == format_amount(adjusted.npv - plain.npv)
    assert adjusted.npv < plain.npv
    assert any("sættes på siden Følsomhed" in c.value for c in at.caption)
    at.switch_page("app_pages/overview.py").run()
    at.switch_page("app_pages/case.py").run()
    assert "Nutidsværdi m. tillæg" in _metrics(at), "the choice holds across pages"


def test_the_chosen_view_follows_a_change(new_app):
    at = _open(new_app, "I4")
    at.button_group(key=VIEW).set_value("section1").run()
    at.text_input(key=GAIN).input("9.000").run()
    assert not at.exception
    result = evaluate(load_case(CASES / "i4.yaml").with_values({"gevinst_vagtskifte": 9000.0}))
    section1 = at.dataframe[0].value.set_index("")
    row = "Samlet økonomisk påvirkning"
    frame = result.section1()
    assert [section1.loc[row, str(y)] for y in result.years] == [format_amount(frame.loc[row, y]) for y in result.years]
    assert len(at.dataframe) == 1, "the view's slot holds one table, not one per run"
    assert _metrics(at)["Varig effektivisering netto"].value == format_amount(result.kpis.net_permanent)
