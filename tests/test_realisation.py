"""Plan against actuals for two cases, computed by hand: variances, realised flow to date, forecast payback and NPV.

Plans come from the case files (I4: 800 in 2016, 34.505 in 2017, -6.330 in
2018, -10.040 from 2019 on; I5: 435, 2.290, -1.870, then -1.935), actuals
are invented for the test. The NPVs are checked by difference: the forecast
differs from the plan only in the years with actuals, so

    forecast NPV = planned NPV - Σ_t (forecast_t - plan_t) / 1,035^t   (t = 0 in the first year),

and the planned NPV is the engine's own (29.079 for I4, 10.143 for I5, the
README's figures).
"""

from __future__ import annotations

import json

import pytest
from conftest import CASES

from model import evaluate, load_case
from model.actuals import Actuals
from model.cli import main
from model.realisation import STATUSES, realisation

I4_ACTUALS = {
    ("Reduceret tid ved vagtskifte", 2017): -9000.0,  # plan -11.125
    ("Reduceret tid ved vagtskifte", 2018): -12000.0,  # plan -14.830
    ("Indkøb af skærme", 2017): 7500.0,  # plan 7.380
}
I5_ACTUALS = {
    ("Effektivisering, tidsmæssig gevinst", 2017): 0.0,  # plan -1.675
    ("Effektivisering, tidsmæssig gevinst", 2018): -500.0,  # plan -3.150
    ("Projektledelse", 2016): 400.0,  # plan 325
}


@pytest.fixture(scope="module")
def i4():
    return realisation(evaluate(load_case(CASES / "i4.yaml")), I4_ACTUALS)


@pytest.fixture(scope="module")
def i5():
    return realisation(evaluate(load_case(CASES / "i5.yaml")), I5_ACTUALS)


def _cell(z, line, year):
    return next(c for c in next(ln for ln in z.lines if ln.name == line).cells if c.year == year)


def test_i4_variances_per_line_and_year(i4):
    handover = _cell(i4, "Reduceret tid ved vagtskifte", 2017)
    # -9.000 - (-11.125) = +2.125 (less saving: worse); 2.125 / 11.125 = 19,10 %
    assert (handover.plan, handover.actual, handover.variance) == (-11125, -9000, 2125)
    assert handover.variance_pct == pytest.approx(2125 / 11125)
    # -12.000 - (-14.830) = +2.830
    assert _cell(i4, "Reduceret tid ved vagtskifte", 2018).variance == pytest.approx(2830)
    # 7.500 - 7.380 = +120 (more cost); 120 / 7.380 = 1,63 %
    screens = _cell(i4, "Indkøb af skærme", 2017)
    assert screens.variance == pytest.approx(120)
    assert screens.variance_pct == pytest.approx(120 / 7380)
    # no actual: the plan counts, no variance
    licences = _cell(i4, "Licenser", 2017)
    assert (licences.actual, licences.variance, licences.forecast) == (None, None, licences.plan)
    # after the table (2020) a permanent line stays at its level, a one-off line is 0
    assert _cell(i4, "Reduceret tid ved vagtskifte", 2024).plan == pytest.approx(-18540)
    assert _cell(i4, "Licenser", 2024).plan == 0


def test_i4_totals_realised_flow_and_forecast_key_figures(i4):
    assert i4.years == tuple(range(2016, 2026))  # the table 2016-2020 extended to the 10-year horizon
    assert i4.plan.tolist() == pytest.approx([800, 34505, -6330, -10040, -10040, *[-10040] * 5])
    # actual: only lines with an actual; 2017: -9.000 + 7.500 = -1.500; 2018: -12.000
    assert i4.actual == (None, -1500, -12000, None, None, None, None, None, None, None)
    # forecast 2017: 34.505 + 2.125 + 120 = 36.750; 2018: -6.330 + 2.830 = -3.500
    assert i4.forecast.tolist() == pytest.approx([800, 36750, -3500, *[-10040] * 7])
    assert i4.as_of == 2018
    # realised cumulative flow to 2018: 800 + 36.750 - 3.500 = 34.050 (plan: 800 + 34.505 - 6.330 = 28.975)
    assert (i4.realised_to_date, i4.planned_to_date) == (pytest.approx(34050), pytest.approx(28975))
    # savings (the handover line): plan 11.125 + 14.830 = 25.955, realised 9.000 + 12.000 = 21.000
    assert (i4.planned_savings_to_date, i4.realised_savings_to_date) == (pytest.approx(25955), pytest.approx(21000))
    assert i4.plan_cells_to_date == 7 * 3 - 3  # seven lines, 2016-2018, three actuals
    # payback: cumulative forecast 800; 37.550; 34.050; 24.010; 13.970; 3.930; -6.110 -> 2022, 7 years from 2016
    # (plan: 800; 35.305; 28.975; 18.935; 8.895; -1.145 -> 2021, 6 years)
    assert (i4.planned_payback_years, i4.forecast_payback_years) == (6, 7)
    # NPV: 29.079,20 - (2.245 / 1,035 + 2.830 / 1,035²) = 29.079,20 - (2.169,08 + 2.641,84) = 24.268,28
    assert i4.planned_npv == pytest.approx(29079.2013, abs=1e-3)
    assert i4.forecast_npv == pytest.approx(29079.2013 - 2245 / 1.035 - 2830 / 1.035**2, abs=1e-3)
    assert i4.forecast_npv == pytest.approx(24268.28, abs=0.01)
    # NPV short by 4.810,9 = 16,5 % > 10 %, payback a year later -> "Behov for ændringer";
    # to date 5.075 over of 80.885 planned gross (6,3 %) is within 10 %
    assert i4.suggested == STATUSES[1]
    assert [code for code, _ in i4.reasons] == ["npv_shortfall", "payback_later"]


def test_i5_forecast_with_a_weak_gain(i5):
    # forecast: 2016 435 + 75 = 510; 2017 2.290 + 1.675 = 3.965; 2018 -1.870 + 2.650 = 780; then -1.935
    assert i5.forecast.tolist() == pytest.approx([510, 3965, 780, *[-1935] * 7])
    assert i5.actual == (400, 0, -500, None, None, None, None, None, None, None)
    gain = _cell(i5, "Effektivisering, tidsmæssig gevinst", 2018)
    assert (gain.variance, gain.variance_pct) == (pytest.approx(2650), pytest.approx(2650 / 3150))
    assert _cell(i5, "Effektivisering, tidsmæssig gevinst", 2017).variance_pct == pytest.approx(1.0)  # no gain at all
    # cumulative 510; 4.475; 5.255; 3.320; 1.385; -550 -> 2021: 6 years (plan: 435; 2.725; 855; -1.080 -> 4 years)
    assert (i5.planned_payback_years, i5.forecast_payback_years) == (4, 6)
    assert (i5.realised_to_date, i5.planned_to_date) == (pytest.approx(5255), pytest.approx(855))
    # NPV: 10.143,07 - (75 + 1.675 / 1,035 + 2.650 / 1,035²) = 10.143,07 - 4.167,16 = 5.975,91
    assert i5.forecast_npv == pytest.approx(10143.0696 - 75 - 1675 / 1.035 - 2650 / 1.035**2, abs=1e-3)
    assert i5.forecast_npv == pytest.approx(5975.91, abs=0.01)
    # to date: 4.400 over of 435 + 5.640 + 4.430 = 10.505 planned gross = 41,9 % > 10 %
    assert i5.suggested == STATUSES[1]
    codes = dict(i5.reasons)
    assert codes["to_date_over"]["share"] == pytest.approx(4400 / 10505)
    assert codes["payback_later"] == {"planned": 4.0, "forecast": 6.0}


def test_a_gain_that_never_comes_suggests_stopping():
    """I5 with no time gain at all: 10-year NPV 10.143 - Σ_{t=1..9} gain_t / 1,035^t < 0, so the case no longer pays."""
    result = evaluate(load_case(CASES / "i5.yaml"))
    z = realisation(result, {("Effektivisering, tidsmæssig gevinst", year): 0.0 for year in range(2017, 2026)})
    gain_plan = [1675, 3150, *[3150] * 7]
    assert z.forecast_npv == pytest.approx(10143.0696 - sum(g / 1.035**t for t, g in enumerate(gain_plan, start=1)), abs=1e-3)
    assert z.forecast_npv < 0 < z.planned_npv
    assert z.suggested == STATUSES[2]


def test_without_actuals_the_forecast_is_the_plan():
    result = evaluate(load_case(CASES / "i3.yaml"))
    z = realisation(result, Actuals())
    assert z.forecast.tolist() == z.plan.tolist()
    assert (z.forecast_payback_years, z.forecast_npv) == (result.kpis.payback_years, pytest.approx(result.kpis.npv))
    assert (z.as_of, z.suggested, z.reasons) == (None, STATUSES[0], (("no_actuals", {}),))


def test_cli_json_has_exactly_the_issue_keys(tmp_path, capsys):
    actuals = tmp_path / "faktisk.csv"
    actuals.write_text(
        "case;line;year;actual\n"
        "I4;Reduceret tid ved vagtskifte;2017;-9.000\n"
        "I4;Reduceret tid ved vagtskifte;2018;-12.000\n"
        "I4;Indkøb af skærme;2017;7.500\n",
        encoding="utf-8",
    )
    paths = [str(CASES / "i4.yaml"), str(CASES / "i5.yaml")]
    assert main(["realisation", *paths, "--actuals", str(actuals), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["cases"]
    i4, i5 = data["cases"]
    assert list(i4) == [
        "id", "years", "plan", "actual", "forecast", "planned_payback_years", "forecast_payback_years",
        "planned_npv", "forecast_npv", "lines",
    ]  # fmt: skip
    assert (i4["id"], i4["planned_payback_years"], i4["forecast_payback_years"]) == ("I4", 6, 7)
    assert i4["actual"][:4] == [None, -1500, -12000, None]
    assert i4["forecast"][1] == pytest.approx(36750)
    assert i4["forecast_npv"] == pytest.approx(24268.28, abs=0.01)
    handover = next(line for line in i4["lines"] if line["name"] == "Reduceret tid ved vagtskifte")
    assert list(handover) == ["name", "years"]
    assert handover["years"]["2017"] == {"plan": -11125, "actual": -9000, "variance": 2125}
    assert handover["years"]["2019"] == {"plan": -18540, "actual": None, "variance": None}
    assert i5["actual"] == [None] * 10 and i5["forecast"] == i5["plan"]


def test_cli_names_a_bad_row_and_counts_the_others(tmp_path, capsys):
    actuals = tmp_path / "faktisk.csv"
    actuals.write_text("case;line;year;actual\nI4;Ukendt linje;2017;1\nI4;Indkøb af skærme;2017;7.500\n", encoding="utf-8")
    assert main(["realisation", str(CASES / "i4.yaml"), "--actuals", str(actuals)]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"error: {actuals}, row 2: case I4 has no line 'Ukendt linje'\n"
    assert "I4" in captured.out and "Behov for ændringer" not in captured.out  # 120 more on screens: on plan
    assert "Går som planlagt" in captured.out
