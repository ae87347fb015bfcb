"""The Sammenlign and Kontrol pages under AppTest."""

from __future__ import annotations

from conftest import CASES

from model import audit_case, evaluate, evaluate_paths, format_amount, format_number, load_case
from ui.tables import payback_text


def test_compare_defaults_to_the_cases_side_by_side(new_app):
    at = new_app("compare")
    assert not at.exception
    kpis = at.dataframe[0].value.set_index("Nøgletal")
    portfolio = evaluate_paths([CASES])
    for result in portfolio.results[:6]:
        assert kpis.loc["Tilbagebetalingstid", result.case.id] == payback_text(result.kpis.payback_years)
        assert kpis.loc["Varig effektivisering netto (1.000 kr.)", result.case.id] == format_amount(result.kpis.net_permanent)
    assert len(at.get("vega_lite_chart")) == 1


def test_compare_a_changed_case_with_its_document(new_app):
    at = new_app("case")
    at.selectbox(key="input.case.selected").set_value("I4").run()
    at.text_input(key="input.assumption.I4.gevinst_vagtskifte").input("9.000").run()
    at.switch_page("app_pages/compare.py").run()
    assert at.multiselect(key="input.compare.chosen").value == ["cur:I4", "doc:I4"]
    kpis = at.dataframe[0].value.set_index("Nøgletal")
    changed = evaluate(load_case(CASES / "i4.yaml").with_values({"gevinst_vagtskifte": 9000.0}))
    assert kpis.loc["Tilbagebetalingstid", "I4"] == payback_text(changed.kpis.payback_years)
    assert kpis.loc["Tilbagebetalingstid", "I4 (dokument)"] == "6 år"


def test_compare_aligns_years_since_start(new_app):
    at = new_app("compare")
    at.multiselect(key="input.compare.chosen").set_value(["cur:I1", "cur:I6"]).run()
    calendar = at.dataframe[1].value
    assert "2016" in calendar.columns and "2022" in calendar.columns
    at.button_group(key="input.compare.axis").set_value("relative").run()
    assert not at.exception
    relative = at.dataframe[1].value
    assert "0" in relative.columns and "2016" not in relative.columns
    i6 = load_case(CASES / "i6.yaml")
    first = relative[(relative["Variant"] == "I6") & (relative["Række"] == "Samlet økonomisk påvirkning")].iloc[0]
    assert first["0"] == format_amount(float(evaluate(i6).flows.total_impact[0]))


def test_compare_asks_for_two(new_app):
    at = new_app("compare")
    at.multiselect(key="input.compare.chosen").set_value(["cur:I1"]).run()
    assert not at.exception
    assert any("mindst to" in i.value for i in at.info)


def test_audit_lists_the_models_findings_per_case(new_app):
    at = new_app("audit")
    assert not at.exception
    portfolio = evaluate_paths([CASES])
    counts = {m.label: m.value for m in at.metric}
    for result in portfolio.results:
        assert counts[result.case.id] == str(len(audit_case(result)))
    i5 = next(r for r in portfolio.results if r.case.id == "I5")
    findings = audit_case(i5)
    if findings:
        tables = [df.value for df in at.dataframe]
        shown = next(t for t in tables if len(t) == len(findings) and set(t["Linje"]) == {f.line for f in findings})
        assert list(shown["Trykt"]) == [format_number(f.reported, 1) for f in findings]
        assert list(shown["Beregnet"]) == [format_number(f.computed, 1) for f in findings]


def test_audit_with_my_assumptions(new_app):
    at = new_app("case")
    at.selectbox(key="input.case.selected").set_value("I4").run()
    at.text_input(key="input.assumption.I4.gevinst_vagtskifte").input("9.000").run()
    at.switch_page("app_pages/audit.py").run()
    before = {m.label: m.value for m in at.metric}
    at.toggle(key="input.audit.use_current").set_value(True).run()
    assert not at.exception
    after = {m.label: m.value for m in at.metric}
    changed = evaluate(load_case(CASES / "i4.yaml").with_values({"gevinst_vagtskifte": 9000.0}))
    assert after["I4"] == str(len(audit_case(changed)))
    assert int(after["I4"]) > int(before["I4"]), "the printed figures no longer match a changed case"
