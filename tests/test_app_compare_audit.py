"""The Sammenlign and Kontrol pages under AppTest."""

from __future__ import annotations

import textwrap

from conftest import CASES

from model import (
    audit_findings,
    evaluate,
    evaluate_cases,
    evaluate_paths,
    format_amount,
    format_number,
    group_findings,
    load_case,
    load_paths,
)
from ui.tables import payback_text


def _named(case) -> str:
    """The page's name of a case: its id and its title, shortened at a word (Sammenlign shows both)."""
    return f"{case.id} · {textwrap.shorten(case.title, width=32, placeholder=' …')}"


def test_compare_defaults_to_the_cases_side_by_side(new_app):
    at = new_app("compare")
    assert not at.exception
    kpis = at.dataframe[0].value.set_index("Nøgletal")
    portfolio = evaluate_paths([CASES])
    for result in portfolio.results[:6]:
        assert kpis.loc["Tilbagebetalingstid", _named(result.case)] == payback_text(result.kpis.payback_years)
        assert kpis.loc["Varig effektivisering netto (1.000 kr.)", _named(result.case)] == format_amount(
            result.kpis.net_permanent
        )
    assert _named(portfolio.results[2].case) == "I3 · Velfærdsteknologisk Akademi"
    assert len(at.get("vega_lite_chart")) == 1


def test_compare_a_changed_case_with_its_document(new_app):
    at = new_app("case")
    at.selectbox(key="input.case.selected").set_value("I4").run()
    at.text_input(key="input.assumption.I4.gevinst_vagtskifte").input("9.000").run()
    at.switch_page("app_pages/compare.py").run()
    assert at.multiselect(key="input.compare.chosen").value == ["cur:I4", "doc:I4"]
    kpis = at.dataframe[0].value.set_index("Nøgletal")
    changed = evaluate(load_case(CASES / "i4.yaml").with_values({"gevinst_vagtskifte": 9000.0}))
    assert kpis.loc["Tilbagebetalingstid", _named(changed.case)] == payback_text(changed.kpis.payback_years)
    assert kpis.loc["Tilbagebetalingstid", f"{_named(changed.case)} (dokument)"] == "6 år"


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
    first = relative[(relative["Variant"] == _named(i6)) & (relative["Række"] == "Samlet økonomisk påvirkning")].iloc[0]
    assert first["0"] == format_amount(float(evaluate(i6).flows.total_impact[0]))


def test_compare_asks_for_two(new_app):
    at = new_app("compare")
    at.multiselect(key="input.compare.chosen").set_value(["cur:I1"]).run()
    assert not at.exception
    assert any("mindst to" in i.value for i in at.info)


def test_audit_shows_each_slip_and_text_note_once_with_all_their_cells(new_app):
    at = new_app("audit")
    assert not at.exception
    counts = {m.label: m.value for m in at.metric}
    # The headline counts slips, not cells: the 40 findings are five slips and three text notes (tests/test_slips.py).
    assert counts["Regnefejl i dokumenterne"] == "5"
    assert counts["Tekst mod tabeller"] == "3"
    assert {cid: counts[cid] for cid in ("I1", "I2", "I3", "I4", "I5", "I6")} == {
        "I1": "0", "I2": "1", "I3": "1", "I4": "1", "I5": "3", "I6": "2",
    }  # fmt: skip
    portfolio = evaluate_paths([CASES])
    groups = group_findings(audit_findings(portfolio), {r.case.id: r.case for r in portfolio.results})
    titles = [e.label for e in at.expander]
    assert len(titles) == 8
    for slip in groups.slips:
        (title,) = [x for x in titles if x.startswith(f"{slip.case} · ") and slip.line in x and "trykt" in x]
        assert f"trykt {format_number(slip.printed, 1)}, korrekt {format_number(slip.correct, 1)}" in title
        assert title.endswith(f"ses i {len(slip.cells)} celle(r)")
    i2 = next(e for e in at.expander if e.label.startswith("I2 · "))
    (cells,) = [df.value for df in i2.dataframe]
    assert list(cells["År"]) == ["2018", "2019", "2020"]
    assert list(cells["Trykt"]) == ["0", "0", "0"] and list(cells["Beregnet"]) == ["50", "50", "50"]
    projektledelse = next(e for e in at.expander if "Projektledelse" in e.label)
    (cells,) = [df.value for df in projektledelse.dataframe]
    # one cell seen by two checks, and the table total it throws off
    assert list(cells["Linje"]) == ["Projektledelse", "Investeringer totalt, service"]
    assert list(cells["Kontrol"]) == ["Tal mod beregning, rækkens i alt", "Sum af rækker"]
    i4 = next(e for e in at.expander if e.label.startswith("I4 · "))
    assert "teksten siger 0,75 andel, tabellerne bygger på 0,799 andel" in i4.label
    (cells,) = [df.value for df in i4.dataframe]
    assert len(cells) == 14


def test_audit_with_my_assumptions(new_app):
    at = new_app("case")
    at.selectbox(key="input.case.selected").set_value("I4").run()
    at.text_input(key="input.assumption.I4.gevinst_vagtskifte").input("9.000").run()
    at.switch_page("app_pages/audit.py").run()
    before = {m.label: m.value for m in at.metric}
    at.toggle(key="input.audit.use_current").set_value(True).run()
    assert not at.exception
    after = {m.label: m.value for m in at.metric}
    loaded = load_paths([CASES])
    cases = [c.with_values({"gevinst_vagtskifte": 9000.0}) if c.id == "I4" else c for c in loaded.cases]
    portfolio = evaluate_cases(cases, report=loaded.overview)  # the overview page's I4 figures no longer match either
    mine = group_findings(audit_findings(portfolio), {c.id: c for c in cases}).for_case("I4")
    assert after["I4"] == str(len(mine.slips) + len(mine.notes))
    assert int(after["I4"]) > int(before["I4"]), "the printed figures no longer match a changed case"
