"""The Følsomhed page under AppTest: the model's figures, in Danish, for the case as the user changed it.

Every figure the page shows is checked against the model run directly on the
same case (tornado, switching values, Monte Carlo with the page's seed,
optimism bias); bad input gives a message and leaves the last good figures.
"""

from __future__ import annotations

import pytest
from conftest import CASES, show_group

from model import evaluate, format_amount, format_number, format_percent_da, load_case
from model.optimism import OptimismBias, apply_optimism_bias
from model.uncertainty import Threshold, monte_carlo, switching_values, tornado, with_ranges

SEED = 1  # the page's default seed


def _open(new_app, case_id: str):
    at = new_app("sensitivity")
    at.selectbox(key="input.sens.case").set_value(case_id).run()
    assert not at.exception, [e.value for e in at.exception]
    # Switching values and Monte Carlo are computed when asked for; from then on they follow the changes.
    assert not any("P50" in f.value.columns or "Nulpunktsværdi" in f.value.columns for f in at.dataframe)
    at.button(key="sens.ask.switching").click().run()
    at.button(key="sens.ask.mc").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _table_with(at, column: str):
    return next(f.value for f in at.dataframe if column in f.value.columns)


def _percent(share: float) -> str:
    return format_percent_da(share, 1).replace("\xa0", " ")


def _set_range(at, low: str, high: str) -> None:
    """Type a range for I5's varig_driftsudgift into the range editor and save it."""
    at.selectbox(key="input.sens.range_pick.I5").set_value("varig_driftsudgift").run()
    at.text_input(key="sens.low.I5.varig_driftsudgift").input(low).run()
    at.text_input(key="sens.high.I5.varig_driftsudgift").input(high).run()
    at.button(key="sens.range_save").click().run()


def _case(case_id: str):
    return load_case(CASES / f"{case_id.lower()}.yaml")


@pytest.mark.parametrize("case_id", ["I1", "I2", "I3", "I4", "I5", "I6"])
def test_page_runs_for_every_case(new_app, case_id):
    at = _open(new_app, case_id)
    assert at.title[0].value == "Følsomhed og usikkerhed"
    assert len(at.get("vega_lite_chart")) >= 1  # histograms (and the tornado where anything swings)
    assert [t.label for t in at.tabs] == ["Tornado", "Nulpunktsværdier", "Monte Carlo", "Intervaller", "Optimismetillæg"]


def test_key_figures_with_and_without_optimism_bias(new_app):
    at = _open(new_app, "I4")
    table = _table_with(at, "Uden optimismetillæg")
    plain, adjusted = evaluate(_case("I4")).kpis, evaluate(apply_optimism_bias(_case("I4"))).kpis
    npv = table[table.iloc[:, 0].str.startswith("Nutidsværdi")].iloc[0]
    assert npv["Uden optimismetillæg"] == format_amount(plain.npv)
    assert npv["Med optimismetillæg"] == format_amount(adjusted.npv)
    net = table[table.iloc[:, 0].str.startswith("Varig")].iloc[0]
    assert (net["Uden optimismetillæg"], net["Med optimismetillæg"]) == ("-10.040", format_amount(adjusted.net_permanent))


def test_tornado_table_is_the_models(new_app):
    at = _open(new_app, "I4")
    table = _table_with(at, "Udsving")
    expected = tornado(_case("I4"), kpi="npv")
    top = expected.bars[0]
    assert table.iloc[0]["Forudsætning"] == top.range.label + (" *" if top.range.is_default else "")
    assert table.iloc[0]["Nøgletal ved lav"] == format_amount(top.kpi_low)
    assert table.iloc[0]["Nøgletal ved høj"] == format_amount(top.kpi_high)
    assert table.iloc[0]["Udsving"] == format_amount(top.swing)
    assert len(table) == len(expected.bars)
    # the default ±20 % ranges are marked, the case's own (pris_pr_bruger 8.000-10.000) is not
    labels = list(table["Forudsætning"])
    assert any(label.endswith(" *") for label in labels)
    assert "Implementeringsomkostning pr. bruger (licens, opsætning, snitflader, uddannelse)" in labels


def test_payback_tornado_shows_interpolated_and_whole_years(new_app):
    at = _open(new_app, "I4")
    at.button_group(key="input.sens.kpi").set_value("payback").run()
    assert not at.exception
    table = _table_with(at, "Udsving")
    bar = next(b for b in tornado(_case("I4"), kpi="payback").bars if b.range.name == "pris_pr_bruger")
    row = table[table["Forudsætning"].str.startswith("Implementeringsomkostning pr. bruger")].iloc[0]
    assert row["Nøgletal ved lav"] == f"{format_number(bar.kpi_low, 1)} år (6 år)"


def test_switching_values_table_is_the_models(new_app):
    at = _open(new_app, "I4")
    at.button_group(key="input.sens.kpi").set_value("payback").run()
    table = _table_with(at, "Nulpunktsværdi")
    expected = {r.range.name: r for r in switching_values(_case("I4"), Threshold("payback", 6)).rows}
    row = table[table["Forudsætning"].str.startswith("Implementeringsomkostning pr. bruger")].iloc[0]
    assert row["Nulpunktsværdi"] == format_number(expected["pris_pr_bruger"].value, 4)  # 9.142,6298
    assert "kontrolleret" in row["Bemærkning"]
    assert any("opfylder casen tærsklen tilbagebetalingstid ≤ 6 år" in s.value for s in at.success)
    # the hourly rate only converts the gain to hours: n/a, with the reason
    row = table[table["Forudsætning"].str.startswith("Timepris, plejepersonale")].iloc[0]
    assert row["Nulpunktsværdi"] == "i.r."
    assert "afhænger ikke" in row["Bemærkning"]


def test_threshold_no_value_can_meet_is_explained(new_app):
    at = _open(new_app, "I4")
    at.button_group(key="input.sens.kpi").set_value("payback").run()
    at.text_input(key="input.sens.limit.payback").input("0").run()
    assert not at.exception
    assert any("opfylder casen ikke tærsklen tilbagebetalingstid ≤ 0 år" in w.value for w in at.warning)
    assert any("Ingen enkelt forudsætning" in i.value for i in at.info)


def test_monte_carlo_is_the_models_and_reproducible(new_app):
    at = _open(new_app, "I5")
    expected = monte_carlo(_case("I5"), n=10_000, seed=SEED)
    table = _table_with(at, "P50")
    row = table[table.iloc[:, 0] == "Nutidsværdi"].iloc[0]
    p10, p50, p90 = expected.percentiles("npv")
    assert (row["P10"], row["P50"], row["P90"]) == (format_amount(p10), format_amount(p50), format_amount(p90))
    probability = next(m for m in at.metric if "tilbagebetalingstid ≤ 6 år" in m.label)
    assert probability.value.replace("\xa0", " ") == _percent(expected.probability(Threshold("payback", 6)))
    # another seed, other figures; back to the first seed, the same figures again
    at.text_input(key="input.sens.seed").input("2").run()
    other = _table_with(at, "P50")
    assert other.iloc[2]["P50"] != row["P50"]
    at.text_input(key="input.sens.seed").input("1").run()
    assert _table_with(at, "P50").iloc[2]["P50"] == row["P50"]


def test_triangular_and_more_draws(new_app):
    at = _open(new_app, "I5")
    at.button_group(key="input.sens.distribution").set_value("triangular").run()
    at.text_input(key="input.sens.draws").input("25.000").run()
    assert not at.exception
    expected = monte_carlo(_case("I5"), n=25_000, seed=SEED, distribution="triangular")
    row = _table_with(at, "P50").iloc[0]
    assert row["P50"] == format_amount(expected.percentiles("net_permanent")[1])
    assert any("25.000 træk, Trekant, seed 1" in c.value for c in at.caption)


@pytest.mark.parametrize(
    ("text", "message"), [("0", "mindst 1"), ("100.000.000", "højst være 1.000.000"), ("abc", "Ikke et tal")]
)
def test_bad_number_of_draws_keeps_the_last_good_run(new_app, text, message):
    at = _open(new_app, "I5")
    before = _table_with(at, "P50").iloc[2]["P50"]
    at.text_input(key="input.sens.draws").input(text).run()
    assert not at.exception
    assert any(message in c.value for c in at.caption)
    assert _table_with(at, "P50").iloc[2]["P50"] == before
    assert any("10.000 træk" in c.value for c in at.caption)


def test_a_range_set_on_the_page_reaches_the_analyses(new_app):
    at = _open(new_app, "I5")
    _set_range(at, "1.000", "2.000")
    assert not at.exception
    ranges_table = _table_with(at, "Interval")
    row = ranges_table[ranges_table["Forudsætning"].str.startswith("Varig driftsudgift")].iloc[0]
    assert (row["Lav"], row["Høj"], row["Interval"]) == ("1.000", "2.000", "sat af dig")
    expected = tornado(with_ranges(_case("I5"), {"varig_driftsudgift": (1000.0, 2000.0)}), kpi="npv")
    bar = next(b for b in expected.bars if b.range.name == "varig_driftsudgift")
    table = _table_with(at, "Udsving")
    shown = table[table["Forudsætning"].str.startswith("Varig driftsudgift")].iloc[0]
    assert shown["Udsving"] == format_amount(bar.swing)
    at.button(key="sens.range_reset").click().run()
    row = _table_with(at, "Interval")
    row = row[row["Forudsætning"].str.startswith("Varig driftsudgift")].iloc[0]
    assert row["Interval"] == "standard ±20 %" and row["Lav"] == "972 *"


@pytest.mark.parametrize(
    ("low", "high", "message"),
    [
        ("2.000", "1.000", "Lav (2.000) er større end høj (1.000)"),
        ("1.300", "2.000", "større end basisværdien"),
        ("-5", "2.000", "under den mindste mulige"),
        ("1.0.0", "2.000", "Ikke et tal"),
    ],
)
def test_a_bad_range_gives_a_message_and_changes_nothing(new_app, low, high, message):
    at = _open(new_app, "I5")
    before = _table_with(at, "Udsving")
    _set_range(at, low, high)
    assert not at.exception
    assert any(message in e.value for e in at.error)
    assert not at.session_state["sens.ranges"].get("I5")
    assert _table_with(at, "Udsving").equals(before)


def test_the_users_changed_assumptions_are_used(new_app):
    at = new_app("case")
    at.selectbox(key="input.case.selected").set_value("I4").run()
    at.text_input(key="input.assumption.I4.gevinst_vagtskifte").input("12.000").run()
    at.switch_page("app_pages/sensitivity.py").run()
    at.selectbox(key="input.sens.case").set_value("I4").run()
    assert not at.exception
    changed = _case("I4").with_values({"gevinst_vagtskifte": 12000.0})
    table = _table_with(at, "Uden optimismetillæg")
    assert table.iloc[0]["Uden optimismetillæg"] == format_amount(evaluate(changed).kpis.net_permanent)
    assert any("ændret på siden Business case" in c.value for c in at.caption)
    expected = tornado(changed, kpi="npv")
    assert _table_with(at, "Udsving").iloc[0]["Udsving"] == format_amount(expected.bars[0].swing)


def test_optimism_table_can_be_changed_and_reset(new_app):
    at = _open(new_app, "I4")
    lines = _table_with(at, "Udgifter ganges med")
    # I4's screens and workshops are graded high (× 1,1); its other lines are not graded: left out (× 1).
    assert set(lines["Udgifter ganges med"]) == {"× 1,1", "× 1"}
    assert "Ikke vurderet (udelades)" in set(lines["Sikkerhed"])
    # Choosing a grade for the ungraded lines is explicit; then they follow the medium row.
    at.selectbox(key="input.sens.bias.default_grade").set_value("medium").run()
    at.text_input(key="input.sens.bias.cost_medium").input("50").run()
    assert not at.exception
    bias = OptimismBias(cost_medium=0.5, default_grade="medium")
    adjusted = evaluate(apply_optimism_bias(_case("I4"), bias)).kpis
    table = _table_with(at, "Med optimismetillæg")
    assert table.iloc[3]["Med optimismetillæg"] == format_amount(adjusted.npv)
    lines = _table_with(at, "Udgifter ganges med")
    assert set(lines["Udgifter ganges med"]) == {"× 1,1", "× 1,5"}
    assert "ikke vurderet → Middel sikkerhed" in set(lines["Sikkerhed"])
    at.text_input(key="input.sens.bias.cost_medium").input("250").run()
    assert any("højst være 200" in c.value for c in at.caption)
    assert _table_with(at, "Med optimismetillæg").iloc[3]["Med optimismetillæg"] == format_amount(adjusted.npv)
    at.button(key="sens.bias.reset").click().run()
    default = evaluate(apply_optimism_bias(_case("I4"))).kpis
    assert _table_with(at, "Med optimismetillæg").iloc[3]["Med optimismetillæg"] == format_amount(default.npv)


def test_analyses_can_run_on_the_adjusted_case(new_app):
    at = _open(new_app, "I4")
    at.toggle(key="input.sens.use_optimism").set_value(True).run()
    assert not at.exception
    adjusted = apply_optimism_bias(_case("I4"))
    expected = tornado(adjusted, kpi="npv")
    assert _table_with(at, "Udsving").iloc[0]["Udsving"] == format_amount(expected.bars[0].swing)
    mc = monte_carlo(adjusted, n=10_000, seed=SEED)
    assert _table_with(at, "P50").iloc[2]["P50"] == format_amount(mc.percentiles("npv")[1])


def test_a_range_that_no_longer_fits_a_changed_value_falls_back_to_the_default(new_app):
    at = _open(new_app, "I5")
    _set_range(at, "1.000", "2.000")
    at.switch_page("app_pages/case.py").run()
    at.selectbox(key="input.case.selected").set_value("I5").run()
    show_group(at, "I5", "Drift")  # one group's inputs are drawn at a time
    at.text_input(key="input.assumption.I5.varig_driftsudgift").input("2.500").run()
    at.switch_page("app_pages/sensitivity.py").run()
    assert not at.exception
    assert any("passer ikke længere" in w.value for w in at.warning)
    table = _table_with(at, "Interval")
    row = table[table["Forudsætning"].str.startswith("Varig driftsudgift")].iloc[0]
    assert (row["Lav"], row["Basis"], row["Høj"], row["Interval"]) == ("2.000 *", "2.500", "3.000 *", "standard ±20 %")


def test_reset_all_clears_the_ranges_optimism_bias_and_analysis_settings(new_app):
    at = _open(new_app, "I5")
    _set_range(at, "1.000", "2.000")
    at.text_input(key="input.sens.bias.cost_medium").input("50").run()
    at.text_input(key="input.sens.limit.npv").input("-500").run()
    at.text_input(key="input.sens.draws").input("2.000").run()
    at.button_group(key="input.sens.distribution").set_value("triangular").run()
    at.button_group(key="input.sens.kpi").set_value("net_permanent").run()
    assert at.session_state["sens.ranges"]["I5"] and at.session_state["sens.optimism"]
    at.button(key="sidebar.reset_all").click().run()
    assert not at.exception, [e.value for e in at.exception]
    for key in ("sens.ranges", "sens.optimism", "sens.limits", "sens.draws", "sens.distribution"):
        assert key not in at.session_state or not at.session_state[key], key
    table = _table_with(at, "Interval")
    row = table[table["Forudsætning"].str.startswith("Varig driftsudgift")].iloc[0]
    assert (row["Lav"], row["Høj"], row["Interval"]) == ("972 *", "1.458 *", "standard ±20 %")
    assert at.text_input(key="sens.low.I5.varig_driftsudgift").value == "972"
    default = evaluate(apply_optimism_bias(_case("I5"))).kpis
    assert _table_with(at, "Med optimismetillæg").iloc[3]["Med optimismetillæg"] == format_amount(default.npv)
    assert at.text_input(key="input.sens.bias.cost_medium").value == "20"
    assert at.text_input(key="input.sens.draws").value == "10.000"
    assert at.button_group(key="input.sens.distribution").value == "pert"
    assert any("10.000 træk, Beta-PERT, seed 1" in c.value for c in at.caption)
    # view choices stay: the case and the key figure
    assert at.selectbox(key="input.sens.case").value == "I5"
    assert at.button_group(key="input.sens.kpi").value == "net_permanent"


def test_a_correlation_between_two_drivers_widens_the_spread(new_app):
    # I5's saving is citizens × hours per citizen × the hourly rate: with ρ = 0,8 between citizens and hours per
    # citizen the product's P10–P90 is wider than with independent draws. The page's figures are the engine's
    # (model.correlated_monte_carlo with the tab's seed 1 and 10.000 draws), and the run is reproducible.
    from model import correlated_monte_carlo

    at = _open(new_app, "I5")
    # Until a ρ is typed the section says the draws are independent and shows no comparison.
    assert any("ρ = 0: trækkene er uafhængige" in c.value for c in at.caption)
    assert not any("P90 − P10" in f.value.columns for f in at.dataframe)
    at.selectbox(key="input.sens.correlation.a.I5").set_value("borgere_en_medarbejder").run()
    at.selectbox(key="input.sens.correlation.b.I5").set_value("timer_pr_uge").run()
    at.text_input(key="input.sens.correlation.rho.I5").input("0,8").run()
    assert not at.exception, [e.value for e in at.exception]
    table = _table_with(at, "P90 − P10")
    pair = ("borgere_en_medarbejder", "timer_pr_uge")
    independent = correlated_monte_carlo(_case("I5"), n=10_000, seed=SEED)
    correlated = correlated_monte_carlo(_case("I5"), correlations={pair: 0.8}, n=10_000, seed=SEED)
    rows = table[table["Nøgletal"] == "Varig effektivisering netto"]
    assert list(rows["ρ"]) == ["0", "0,8"]
    for (_, row), run in zip(rows.iterrows(), (independent, correlated), strict=True):
        p10, p50, p90 = run.percentiles("net_permanent")
        assert (row["P10"], row["P50"], row["P90"]) == (format_amount(p10), format_amount(p50), format_amount(p90))
        assert row["P90 − P10"] == format_amount(p90 - p10)
    wide = [(p90 - p10) for p10, _, p90 in (r.percentiles("net_permanent") for r in (independent, correlated))]
    assert wide[1] > wide[0] * 1.05  # the correlated spread is clearly wider
    assert any("ρ = 0,8 mellem" in c.value and "seed 1" in c.value for c in at.caption)
    # Reproducible: the same inputs again give the same table.
    at.text_input(key="input.sens.correlation.rho.I5").input("0,5").run()
    at.text_input(key="input.sens.correlation.rho.I5").input("0,8").run()
    assert _table_with(at, "P90 − P10").equals(table)


def test_a_bad_correlation_is_named_and_changes_nothing(new_app):
    at = _open(new_app, "I5")
    at.selectbox(key="input.sens.correlation.a.I5").set_value("borgere_en_medarbejder").run()
    at.selectbox(key="input.sens.correlation.b.I5").set_value("timer_pr_uge").run()
    at.text_input(key="input.sens.correlation.rho.I5").input("0,8").run()
    before = _table_with(at, "P90 − P10")
    at.text_input(key="input.sens.correlation.rho.I5").input("1,5").run()
    assert not at.exception
    assert any("højst" in c.value for c in at.caption)
    assert _table_with(at, "P90 − P10").equals(before)  # the last good ρ stays
    at.selectbox(key="input.sens.correlation.b.I5").set_value("borgere_en_medarbejder").run()
    assert any("to forskellige antagelser" in w.value for w in at.warning)
    assert not any("P90 − P10" in f.value.columns for f in at.dataframe)
    # "Nulstil alt" clears the correlation with the page's other changes: back to ρ = 0, no comparison.
    at.button(key="sidebar.reset_all").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "sens.correlation" not in at.session_state  # ui.state.reset_all drops SENS.changes
    assert at.text_input(key="input.sens.correlation.rho.I5").value == "0"
    assert not any("P90 − P10" in f.value.columns for f in at.dataframe)


def test_the_portfolio_with_shared_drivers_is_the_engines(new_app):
    # The six cases of the overview, simulated with the tab's seed 1 and 10.000 draws: the hourly rate (timepris) of
    # I3, I4 and I5 drawn once per draw ("delte drivere") against each case drawn on its own; figures as the engine's.
    from model import correlated_monte_carlo

    at = _open(new_app, "I5")
    assert not any("Træk" in f.value.columns for f in at.dataframe)  # computed only when asked for
    at.button(key="sens.ask.portfolio").click().run()
    assert not at.exception, [e.value for e in at.exception]
    table = _table_with(at, "Træk")
    cases = [_case(f"I{k}") for k in range(1, 7)]
    apart = correlated_monte_carlo(cases, shared="none", n=10_000, seed=SEED)
    shared = correlated_monte_carlo(cases, shared="auto", n=10_000, seed=SEED)
    npv = table[table["Nøgletal"] == "Nutidsværdi (1.000 kr.)"]
    assert list(npv["Træk"]) == ["hver case for sig", "delte drivere"]
    for (_, row), run in zip(npv.iterrows(), (apart, shared), strict=True):
        p10, p50, p90 = run.percentiles("npv")
        assert (row["P10"], row["P50"], row["P90"]) == (format_amount(p10), format_amount(p50), format_amount(p90))
    fte = table[table["Nøgletal"] == "Årsværk frigjort (brutto)"].iloc[1]
    p10, _, p90 = shared.percentiles("fte_full")
    assert (fte["P10"], fte["P90"]) == (format_number(p10, 1), format_number(p90, 1))
    assert any("Delte drivere: timepris (I3, I4, I5)" in c.value for c in at.caption)
