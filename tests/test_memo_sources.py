"""Where the memo's content comes from: a saved scenario (``memo --scenario``), and a portfolio choice's own reasons.

Hand-checked I4 figures are those of tests/test_memo.py: with the minutes
saved per handover on plejecentre 20 → 15 the payback is 8 years and the net
permanent effect -7.725. The portfolio reasons are the ones
tests/test_app_portfolio.py checks on the page (anlæg 30.000 in 2017 and a
service total of 6.000 leave I3 and I5: I4 with I1 would need 49.166 anlæg
in 2017, I6 10.430 service money in all).
"""

from __future__ import annotations

import io
import subprocess
import sys

import docx
import pytest
from conftest import CASES, ROOT

from model import (
    ChoiceOptions,
    ScenarioDocument,
    ScenarioStore,
    Settings,
    choose,
    evaluate,
    evaluate_paths,
    format_amount,
    load_case,
    memo_content,
    memo_docx,
)


@pytest.fixture
def store_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'store.db'}"


def _tables(data: bytes) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in docx.Document(io.BytesIO(data)).tables]


def _key_figures(data: bytes) -> dict[str, str]:
    box = _tables(data)[0]
    return {
        label: value
        for labels, values in ((box[0], box[1]), (box[2], box[3]))
        for label, value in zip(labels, values, strict=True)
    }


def _memo(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"WORKBENCH_DATABASE_URL": url, "PATH": "/usr/bin:/bin", "HOME": str(ROOT)}
    command = [sys.executable, "-m", "model", "memo", str(CASES), *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False)


def _saved(url: str, document: ScenarioDocument) -> str:
    store = ScenarioStore.connect(url)
    try:
        return store.create("Notat", document, author="Anna Hansen").info.id
    finally:
        store.engine.dispose()


def test_memo_from_a_saved_scenario_has_its_changes_notes_and_settings(store_url, tmp_path):
    document = (
        ScenarioDocument(settings={"discount_rate": 0.04})
        .with_change("I4", "minutter_plejecenter", 15.0, note="Målt på tre plejecentre", author="Anna Hansen")
        .with_change("I5", "timer_pr_uge", 3.0, note="Aalborgs tal", author="Bo")
    )
    scenario_id = _saved(store_url, document)
    out = tmp_path / "notat.docx"
    done = _memo(store_url, "--scenario", scenario_id, "--case", "I4", "--docx", str(out))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    figures = _key_figures(out.read_bytes())
    assert (figures["Tilbagebetalingstid"], figures["Varig effektivisering, netto"]) == ("8 år", "-7.725")
    # The scenario's rate (4 %) gives the NPV, not the default 3,5 %.
    changed = load_case(CASES / "i4.yaml").with_values({"minutter_plejecenter": 15.0})
    npv = evaluate(changed, Settings(discount_rate=0.04)).kpis.npv
    assert figures["Nutidsværdi (NPV)"] == format_amount(npv) != format_amount(evaluate(changed).kpis.npv)
    changes = next(
        t for t in _tables(out.read_bytes()) if t[0] == ["Forudsætning", "Dokumentet", "Nu", "Begrundelse", "Af", "Tidspunkt"]
    )
    stamp = document.change("I4", "minutter_plejecenter").at.strftime("%d.%m.%Y %H:%M UTC")
    assert changes[1:] == [
        [
            "Sparet tid pr. hold pr. vagtoverdragelse på plejecentre",
            "20 min.",
            "15 min.",
            "Målt på tre plejecentre",
            "Anna Hansen",
            stamp,
        ]
    ]


def test_memo_from_a_scenario_covers_its_included_cases(store_url, tmp_path):
    scenario_id = _saved(store_url, ScenarioDocument(included=["I3", "I5"]))
    out = tmp_path / "notat.docx"
    done = _memo(store_url, "--scenario", scenario_id, "--docx", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"wrote {out} (I3, I5)"
    figures = next(t for t in _tables(out.read_bytes()) if t[0][0] == "Forslag")
    # the overview's rows (seeds/003 page 1): I3 -1.700 and I5 -1.935 net permanent effect, together -3.635
    assert [row[4] for row in figures[1:]] == ["-1.700", "-1.935", "-3.635"]


@pytest.mark.parametrize(
    ("scenario", "message"),
    [
        ("nonsense", "error: 'nonsense' is not a scenario id"),
        ("00000000-0000-0000-0000-000000000007", "error: no scenario with id 00000000-0000-0000-0000-000000000007"),
    ],
)
def test_memo_from_an_unknown_scenario_is_one_clear_line(store_url, tmp_path, scenario, message):
    out = tmp_path / "x.docx"
    done = _memo(store_url, "--scenario", scenario, "--docx", str(out))
    assert done.returncode == 1
    assert done.stderr.startswith(message) and done.stderr.count("\n") == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_portfolio_memo_says_why_each_other_case_is_out():
    results = evaluate_paths([CASES]).results
    years = sorted({y for r in results for y in r.years})
    need = {y: sum(float(r.flows.capital_investment[r.years.index(y)]) for r in results if y in r.years) for y in years}
    choice = choose(results, ChoiceOptions(budgets={"anlaeg": {**need, 2017: 30000.0}, "service": 6000.0}))
    assert choice.chosen == ("I3", "I5")
    funded = [r.case for r in results if r.case.id in choice.chosen]
    data = memo_docx(memo_content(funded, choice=choice, with_sensitivity=False))
    left_out = next(t for t in _tables(data) if t[0] == ["Forslag", "Hvorfor ikke"])
    reasons = {row[0].split(" ", 1)[0]: row[1] for row in left_out[1:]}
    assert reasons == {
        "I1": "Tilfører intet: Nutidsværdi -14.416",
        "I2": "Tilfører intet: Nutidsværdi -2.395",
        "I4": "Budget: Anlæg 2017 ville blive 49.166 (loft 30.000) med forudsætning(er) I1",
        "I6": "Budget: Drift (investeringspuljen) ville blive 10.430 (loft 6.000)",
    }
    # each reason is the choice's own: its code and figures
    codes = {e.id: e.code for e in choice.not_chosen}
    assert codes == {"I1": "no_value", "I2": "no_value", "I4": "budget", "I6": "budget"}
    i4 = next(e for e in choice.not_chosen if e.id == "I4")
    assert (format_amount(i4.params["needed"]), format_amount(i4.params["limit"])) == ("49.166", "30.000")


def test_memo_of_the_scenarios_portfolio_choice_from_the_command_line(store_url, tmp_path):
    from model import PoolBudget, PortfolioScenario, pool_need

    portfolio = PortfolioScenario(budgets={"service": PoolBudget(mode="total", total=6000.0)})
    scenario_id = _saved(store_url, ScenarioDocument().with_section("portfolio", portfolio))
    out = tmp_path / "valg.docx"
    done = _memo(store_url, "--scenario", scenario_id, "--choice", "--docx", str(out))
    assert done.returncode == 0, done.stderr
    # The model's choice under the same budget: I6 would take 10.430 service money (I3 2.950 + I5 1.900 + I6
    # 5.580 in the overview of seeds/003), so a 6.000 limit leaves it out; I2 adds no NPV.
    results = evaluate_paths([CASES]).results
    choice = choose(results, portfolio.options(pool_need(results)))
    assert choice.chosen == ("I1", "I3", "I4", "I5")
    assert done.stdout.strip() == f"wrote {out} (I1, I3, I4, I5)"
    left_out = next(t for t in _tables(out.read_bytes()) if t[0] == ["Forslag", "Hvorfor ikke"])
    assert [row[1] for row in left_out[1:]] == [
        "Tilfører intet: Nutidsværdi -2.395",
        "Budget: Drift (investeringspuljen) ville blive 10.430 (loft 6.000)",
    ]
