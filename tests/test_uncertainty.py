"""Uncertainty: ranges, tornado, switching values and Monte Carlo.

The I4 and I5 figures are derived by hand from the case files' drivers; the
arithmetic is written out in the comments and in plain Python expressions
that do not call the engine. The ranges used are set explicitly with
``with_ranges``, so the expectations depend on the drivers, not on which
ranges the case files happen to carry.

Years are counted from each case's first year (2016 = t 0). NPV is at the
default 3,5 % over 10 years, t = 0 undiscounted, reported as the present
value of net savings (positive when it pays).
"""

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import Settings, evaluate, load_case, parse_case
from model.monte_carlo import _draw
from model.uncertainty import (
    BLOCK,
    DEFAULT_SHARE,
    MAX_DRAWS,
    MonteCarlo,
    Threshold,
    UncertaintyError,
    kpi_values,
    monte_carlo,
    monte_carlo_block,
    ranges,
    switching_values,
    tornado,
    with_ranges,
)

CASES = Path(__file__).resolve().parent.parent / "cases"
RATE = 0.035


def discount(t: int) -> float:
    return (1 + RATE) ** -t


def annuity(first: int, last: int) -> float:
    """Σ 1.035^-t for t = first..last."""
    return sum(discount(t) for t in range(first, last + 1))


@pytest.fixture(scope="module")
def i4():
    return with_ranges(load_case(CASES / "i4.yaml"), {"pris_pr_bruger": (8000, 10000), "gevinst_vagtskifte": (14832, 22248)})


@pytest.fixture(scope="module")
def i5():
    return with_ranges(load_case(CASES / "i5.yaml"), {"borgere_en_medarbejder": (80, 100), "varig_driftsudgift": (972, 1458)})


# --- I4 by hand ------------------------------------------------------------------------------
# Users: 4.730 staff × 0,79868 (licensandel) = 3.777,8; × 9.000 kr. = 34.000 t.kr.
# Upkeep M = 25 % × 34.000 = 8.500 a year (half in 2017). With q = pris_pr_bruger / 9.000
# everything per user scales by q: upkeep 8.500·q, licences+set-up+implementation 34.000·q.
# Gain G = 18.540 at full effect, phased 60 % / 80 % / 100 %, each rounded to 5 t.kr.
# Flows (total impact, all funding), 2016..2020:
#   2016: 800 (innovation workshops: 6 × 100 + 100 + 100)
#   2017: 4.250·q − mround(0,6·G, 5) + 7.380 (screens: 245 × 30 + 30) + 34.000·q
#   2018: 8.500·q − mround(0,8·G, 5)
#   2019-: 8.500·q − mround(G, 5)              (the level, which goes on after 2020)
I4_BASE_FLOWS = [800.0, 4250 - 11125 + 7380 + 34000, 8500 - 14830, 8500 - 18540, 8500 - 18540]  # 34.505, -6.330, -10.040
I4_BASE_NPV = -sum(f * discount(t) for t, f in enumerate(I4_BASE_FLOWS)) - (8500 - 18540) * annuity(5, 9)
# d(flows)/dq: 2017 4.250 + 34.000 = 38.250; 2018.. 8.500
I4_NPV_PER_Q = 38250 * discount(1) + 8500 * annuity(2, 9)


class TestI4ByHand:
    def test_base_matches_engine(self, i4):
        k = evaluate(i4).kpis
        assert k.net_permanent == pytest.approx(-10040, abs=1e-6)
        # cumulative 800, 35.305, 28.975, 18.935, 8.895; then 8.895 / 10.040 of a sixth year
        assert k.payback_exact == pytest.approx(5 + 8895 / 10040, abs=1e-4)
        assert k.npv == pytest.approx(I4_BASE_NPV, abs=1e-6)

    def test_tornado_net_permanent(self, i4):
        bars = {b.range.name: b for b in tornado(i4, kpi="net_permanent").bars}
        # pris_pr_bruger 8.000 / 10.000: 8.500 × 8/9 − 18.540 and 8.500 × 10/9 − 18.540
        bar = bars["pris_pr_bruger"]
        assert (bar.kpi_low, bar.kpi_high) == pytest.approx((8500 * 8 / 9 - 18540, 8500 * 10 / 9 - 18540))
        assert bar.swing == pytest.approx(8500 * 2 / 9)  # 1.888,9
        # gevinst 14.832 / 22.248: mround → 14.830 / 22.250; 8.500 − 14.830 and 8.500 − 22.250
        bar = bars["gevinst_vagtskifte"]
        assert (bar.kpi_low, bar.kpi_high) == pytest.approx((-6330, -13750))
        assert bar.swing == pytest.approx(7420)
        assert not bar.range.is_default  # set explicitly above

    def test_tornado_is_sorted_and_leads_with_the_gain(self, i4):
        result = tornado(i4, kpi="net_permanent")
        swings = [b.swing for b in result.bars]
        assert swings == sorted(swings, reverse=True)
        assert result.bars[0].range.name == "gevinst_vagtskifte"

    def test_tornado_payback(self, i4):
        bars = {b.range.name: b for b in tornado(i4, kpi="payback").bars}
        # pris 8.000 (q = 8/9): 2017 = 38.250·8/9 − 3.745 = 30.255; 2018 = 7.555,6 − 14.830;
        # level 7.555,6 − 18.540 = −10.984,4. Cumulative after 2020: 1.811,7 → 5 + 1.811,7 / 10.984,4.
        q = 8 / 9
        flows = [800, 38250 * q - 3745, 8500 * q - 14830, 8500 * q - 18540, 8500 * q - 18540]
        assert bars["pris_pr_bruger"].kpi_low == pytest.approx(5 + sum(flows) / -(8500 * q - 18540), abs=1e-9)
        # gevinst 22.248: 2017 4.250 − 13.350 + 41.380 = 32.280; 2018 8.500 − 17.800; level 8.500 − 22.250.
        # Cumulative 800, 33.080, 23.780, 10.030, −3.720: paid in the 5th year, 4 + 10.030 / 13.750.
        assert bars["gevinst_vagtskifte"].kpi_high == pytest.approx(4 + 10030 / 13750, abs=1e-9)
        # gevinst 14.832: 2017 4.250 − 8.900 + 41.380 = 36.730; 2018 8.500 − 11.865; level −6.330.
        # Cumulative after 2020: 800 + 36.730 − 3.365 − 2 × 6.330 = 21.505 → 5 + 21.505 / 6.330.
        assert bars["gevinst_vagtskifte"].kpi_low == pytest.approx(5 + 21505 / 6330, abs=1e-9)

    def test_tornado_npv(self, i4):
        bar = {b.range.name: b for b in tornado(i4, kpi="npv").bars}["pris_pr_bruger"]
        # NPV is linear in q: NPV(q) = NPV(1) − (q − 1) × (38.250/1,035 + 8.500 Σ_{t=2}^{9} 1,035^-t)
        assert bar.kpi_low == pytest.approx(I4_BASE_NPV + I4_NPV_PER_Q / 9, abs=1e-6)
        assert bar.kpi_high == pytest.approx(I4_BASE_NPV - I4_NPV_PER_Q / 9, abs=1e-6)

    def test_switching_value_npv(self, i4):
        sv = {r.range.name: r for r in switching_values(i4, Threshold("npv", 0)).rows}["pris_pr_bruger"]
        # NPV(q) = 0 at q = 1 + NPV(1) / (d NPV / dq)
        assert sv.value == pytest.approx(9000 * (1 + I4_BASE_NPV / I4_NPV_PER_Q), rel=1e-9)
        assert sv.verified
        assert sv.kpi_at_value == pytest.approx(0, abs=1e-6)

    def test_switching_value_payback(self, i4):
        sv = {r.range.name: r for r in switching_values(i4, Threshold("payback", 6)).rows}["pris_pr_bruger"]
        # Paid back within 6 years (2016-2021) when the cumulative flow after 2021 is ≤ 0:
        # 800 + (38.250q − 3.745) + (8.500q − 14.830) + 3 × (8.500q − 18.540) = 72.250q − 73.395
        assert sv.value == pytest.approx(9000 * 73395 / 72250, rel=1e-9)  # 9.142,6 kr. per user
        assert sv.verified and sv.change == pytest.approx(73395 / 72250 - 1, rel=1e-6)

    def test_switching_value_net_permanent(self, i4):
        sv = {r.range.name: r for r in switching_values(i4, Threshold("net_permanent", 0)).rows}["pris_pr_bruger"]
        # 8.500q − 18.540 = 0 at q = 18.540 / 8.500
        assert sv.value == pytest.approx(9000 * 18540 / 8500, rel=1e-9)
        assert sv.verified

    def test_switching_value_of_a_rounded_gain_is_a_step_edge(self, i4):
        sv = {r.range.name: r for r in switching_values(i4, Threshold("net_permanent", 0)).rows}["gevinst_vagtskifte"]
        # −mround(G, 5) + 8.500 ≤ 0 until mround(G, 5) drops to 8.495, i.e. G < 8.497,5
        assert sv.value == pytest.approx(8502.5, abs=1e-6)
        assert sv.verified

    def test_assumption_without_effect_is_na(self, i4):
        rows = {r.range.name: r for r in switching_values(i4, Threshold("npv", 0)).rows}
        # The hourly rate only converts the gain to staff hours: no effect on the kroner.
        assert rows["timepris"].value is None
        assert rows["timepris"].reason == "no_effect"

    def test_minutes_per_handover_switching_value_by_hand(self, i4):
        # The gain follows the minutes: 18.540 × (50 % × m/20 + 50 % × 30/30) t.kr. a year, so one
        # minute on plejecentre is worth 18.540 × 0,5 / 20 = 463,5 t.kr. a year at full effect.
        # Its present value (2017-2025, d = 1/1,035, phase-in 60 %, 80 %, then 100 %):
        # 463,5 × (0,6 d + 0,8 d² + d³ + ... + d⁹) = 463,5 × 7,0345 = 3.260,5.
        # NPV 29.079,2 at 20 minutes is 0 at 20 − 29.079,2 / 3.260,5 = 11,08 minutes
        # (the document's rounding of each year to 5 t.kr. moves it by 0,003 minutes).
        row = {r.range.name: r for r in switching_values(i4, Threshold("npv", 0)).rows}["minutter_plejecenter"]
        assert row.value == pytest.approx(11.081, abs=0.01)
        assert row.verified


# --- I5 by hand ------------------------------------------------------------------------------
# Hours saved: 80 citizens × 2 h × 52 weeks + 3.000 × 50 % × 22/60 = 8.320 + 550 = 8.870;
# × 355,13 kr. = 3.150 t.kr. at full effect (1.675 in 2017). Running cost D = 1.215 at full
# effect, phased 410/1.215 (2017), 910/1.215 (2018), then 1. Service 435 / 1.295 / 170;
# anlæg 2.260 / 200. Flows 2016..2020: 435, 2.290, −1.870, −1.935, −1.935.
RATE_I5 = 355.129650507328 / 1000
S1, S2 = 410 / 1215, 910 / 1215
I5_BASE_FLOWS = [435.0, 2290.0, -1870.0, -1935.0, -1935.0]
I5_BASE_NPV = -sum(f * discount(t) for t, f in enumerate(I5_BASE_FLOWS)) + 1935 * annuity(5, 9)
I5_NPV_PER_D = S1 * discount(1) + S2 * discount(2) + annuity(3, 9)


class TestI5ByHand:
    def test_base_matches_engine(self, i5):
        k = evaluate(i5).kpis
        assert k.net_permanent == pytest.approx(-1935, abs=1e-3)
        # cumulative 435, 2.725, 855, −1.080: paid in the 4th year, 3 + 855 / 1.935
        assert k.payback_exact == pytest.approx(3 + 855 / 1935, abs=1e-4)
        assert k.npv == pytest.approx(I5_BASE_NPV, abs=1e-3)

    def test_tornado(self, i5):
        bars = {b.range.name: b for b in tornado(i5, kpi="net_permanent").bars}
        # 100 citizens: (100 × 104 + 550) × 0,35513 = 3.888,7 saved; 1.215 − 3.888,7
        saving = (100 * 2 * 52 + 550) * RATE_I5
        assert bars["borgere_en_medarbejder"].kpi_low == pytest.approx(-1935, abs=1e-3)  # low = base
        assert bars["borgere_en_medarbejder"].kpi_high == pytest.approx(1215 - saving, abs=1e-9)
        # running cost 972 / 1.458 (±20 %): 972 − 3.150 and 1.458 − 3.150
        assert (bars["varig_driftsudgift"].kpi_low, bars["varig_driftsudgift"].kpi_high) == pytest.approx(
            (972 - 3150, 1458 - 3150), abs=1e-3
        )
        payback = {b.range.name: b for b in tornado(i5, kpi="payback").bars}["borgere_en_medarbejder"]
        # 2017: −0,531746 × 3.888,7 + 410 + 1.295 + 2.260; 2018: −3.888,7 + 910 + 170 + 200
        c1 = 435 - 1675 / 3150 * saving + 410 + 1295 + 2260
        c2 = c1 - saving + 910 + 370
        assert c2 < 0 < c1
        assert payback.kpi_high == pytest.approx(2 + c1 / (c1 - c2), abs=1e-6)

    def test_switching_values(self, i5):
        npv_row = {r.range.name: r for r in switching_values(i5, Threshold("npv", 0)).rows}["varig_driftsudgift"]
        # NPV(D) = NPV(1.215) − (D − 1.215) × (s1/1,035 + s2/1,035² + Σ_{t=3}^{9} 1,035^-t)
        assert npv_row.value == pytest.approx(1215 + I5_BASE_NPV / I5_NPV_PER_D, rel=1e-6)
        assert npv_row.verified
        pay = {r.range.name: r for r in switching_values(i5, Threshold("payback", 6)).rows}["varig_driftsudgift"]
        # Cumulative after 2021 (6 years): 4.360 invested − 14.275 saved (1.675 + 4 × 3.150) + (s1 + s2 + 3)·D ≤ 0
        invested = 435 + 1295 + 170 + 2260 + 200
        saved = 1675 + 3150 * 4
        assert pay.value == pytest.approx((saved - invested) / (S1 + S2 + 3), rel=1e-6)  # 2.426,3
        assert pay.verified
        net = {r.range.name: r for r in switching_values(i5, Threshold("net_permanent", 0)).rows}["varig_driftsudgift"]
        assert net.value == pytest.approx(3150, rel=1e-6)  # D − 3.150 ≤ 0

    def test_switching_value_in_the_other_direction(self, i5):
        rows = {r.range.name: r for r in switching_values(i5, Threshold("npv", 0)).rows}
        # Fewer citizens: the saving 8.870 h shrinks by 104 h per citizen; NPV 0 where
        # (80 − n) × 104 × 0,35513 × (0,531746/1,035 + Σ_{t=2}^{9} 1,035^-t) = NPV(base)
        per_citizen = 104 * RATE_I5 * ((1675 / 3150) * discount(1) + annuity(2, 9))
        assert rows["borgere_en_medarbejder"].value == pytest.approx(80 - I5_BASE_NPV / per_citizen, rel=1e-6)
        assert rows["borgere_en_medarbejder"].change < 0


# --- Ranges ------------------------------------------------------------------------------------


def _case(assumptions: str, lines: str, first: int = 2020, last: int = 2024) -> object:
    head = f"id: T\ntitle: Test\nprice_level: 2020\nfirst_year: {first}\nlast_year: {last}\n"
    text = f"{head}assumptions:\n{assumptions}\nlines:\n{lines}"
    return parse_case(text)


LINEAR = _case(
    "  - {name: a, label: Gevinst, value: 100, unit: t.kr., source: s, low: 70, high: 130}\n"
    "  - {name: b, label: Investering, value: 50, unit: t.kr., source: s, low: 40, high: 60}\n"
    "  - {name: c, label: Drift, value: 20, unit: t.kr., source: s}\n",
    "  - {name: Gevinst, kind: permanent, area: service, formula: '-a'}\n"
    "  - {name: Drift, kind: permanent, area: service, formula: 'c'}\n"
    "  - {name: Investering, kind: one_off, area: anlaeg, amounts: {2020: 'b * 4'}}\n",
)


class TestRanges:
    def test_default_is_twenty_percent_and_flagged(self):
        r = {r.name: r for r in ranges(LINEAR)}
        assert (r["c"].low, r["c"].base, r["c"].high) == pytest.approx((16, 20, 24))
        assert r["c"].is_default and r["c"].low_is_default and r["c"].high_is_default
        assert not r["a"].is_default
        assert DEFAULT_SHARE == 0.20

    def test_default_respects_minimum_and_maximum(self):
        case = _case(
            "  - {name: s, label: Andel, value: 0.9, unit: andel, source: s, maximum: 1}\n"
            "  - {name: m, label: Minus, value: -10, unit: t.kr., source: s, minimum: -11}\n",
            "  - {name: L, kind: permanent, area: service, formula: '-s * 100 + m'}\n",
        )
        r = {r.name: r for r in ranges(case)}
        assert (r["s"].low, r["s"].high) == pytest.approx((0.72, 1.0))
        assert r["s"].clipped and "maximum" in r["s"].note
        # negative value: ±20 % of the magnitude, low clipped to the minimum −11
        assert (r["m"].low, r["m"].high) == pytest.approx((-11, -8))
        assert r["m"].clipped and "minimum" in r["m"].note

    def test_vary_false_is_held_fixed_and_left_out(self):
        case = _case(
            "  - {name: a, label: A, value: 10, unit: x, source: s}\n"
            "  - {name: b, label: B, value: 5, unit: x, source: s, vary: false}\n",
            "  - {name: L, kind: permanent, area: service, formula: '-a - b'}\n",
        )
        r = {r.name: r for r in ranges(case)}
        assert r["b"].fixed and r["b"].width == 0 and not r["b"].is_default
        assert [b.range.name for b in tornado(case, kpi="net_permanent").bars] == ["a"]
        assert [row.range.name for row in switching_values(case, Threshold("net_permanent", -12)).rows] == ["a"]
        with pytest.raises(UncertaintyError, match="vary: false"):
            with_ranges(case, {"b": (4, 6)})

    @pytest.mark.parametrize(
        ("low", "high", "message"),
        [
            (130, 70, "greater than"),
            (110, 130, "greater than the base"),
            (70, 90, "less than the base"),
            (-5, 130, "below the smallest"),
            (float("nan"), 130, "finite"),
        ],
    )
    def test_bad_ranges_are_refused_with_a_message(self, low, high, message):
        with pytest.raises(UncertaintyError, match=message):
            with_ranges(LINEAR, {"a": (low, high)})

    def test_unknown_assumption(self):
        with pytest.raises(UncertaintyError, match="unknown"):
            with_ranges(LINEAR, {"zz": (1, 2)})

    def test_none_restores_the_default(self):
        case = with_ranges(LINEAR, {"a": (None, None)})
        r = {r.name: r for r in ranges(case)}["a"]
        assert r.is_default and (r.low, r.high) == pytest.approx((80, 120))


# --- Tornado and switching values: properties and bad input ------------------------------------


class TestTornado:
    def test_linear_swings(self):
        # net permanent = −a + c: swing of a is 130 − 70 = 60, of c 24 − 16 = 8, b none.
        bars = {b.range.name: b for b in tornado(LINEAR, kpi="net_permanent").bars}
        assert bars["a"].swing == pytest.approx(60)
        assert bars["c"].swing == pytest.approx(8)
        assert bars["b"].swing == 0

    def test_division_by_zero_is_reported_not_raised(self):
        case = _case(
            "  - {name: n, label: Antal, value: 10, unit: stk., source: s, low: 0, high: 12}\n",
            "  - {name: L, kind: permanent, area: service, formula: '-100 / n'}\n",
        )
        result = tornado(case, kpi="npv")
        bar = result.bars[0]
        assert np.isnan(bar.kpi_low) and np.isfinite(bar.kpi_high)
        assert "division by zero" in bar.note
        assert np.isnan(bar.swing)

    def test_unknown_kpi(self):
        with pytest.raises(UncertaintyError, match="unknown key figure"):
            tornado(LINEAR, kpi="irr")

    def test_frame_has_one_row_per_assumption(self):
        frame = tornado(LINEAR, kpi="npv").frame()
        assert set(frame["name"]) == {"a", "b", "c"}
        assert frame["is_default"].tolist().count(True) == 1


class TestSwitchingValues:
    def test_threshold_no_value_can_meet(self):
        # Payback ≤ 0 years: only a case that spends nothing meets it, and this one
        # always spends a fixed 100 in its first year.
        case = _case(
            "  - {name: a, label: Gevinst, value: 100, unit: t.kr., source: s}\n",
            "  - {name: G, kind: permanent, area: service, formula: '-a'}\n"
            "  - {name: I, kind: one_off, area: anlaeg, amounts: {2020: 300}}\n",
        )
        result = switching_values(case, Threshold("payback", 0))
        assert not result.meets_at_base
        assert not result.any_found
        assert {r.reason for r in result.rows} <= {"no_crossing", "no_effect"}

    def test_crossing_before_a_division_by_zero(self):
        case = _case(
            "  - {name: n, label: Antal, value: 10, unit: stk., source: s}\n",
            "  - {name: L, kind: permanent, area: service, formula: '-100 / n + 50'}\n",
        )
        # net = 50 − 100/n = 40 at base; ≤ −5 once 100/n ≥ 55, i.e. n ≤ 100/55, found
        # before the scan reaches n = 0, where the formula breaks down.
        result = switching_values(case, Threshold("net_permanent", -5))
        row = result.rows[0]
        assert not result.meets_at_base
        assert row.value == pytest.approx(100 / 55, rel=1e-9)
        assert row.verified

    def test_na_reason_for_division_by_zero(self):
        case = _case(
            "  - {name: n, label: Antal, value: 10, unit: stk., source: s}\n",
            "  - {name: L, kind: permanent, area: service, formula: '-100 / n'}\n",
        )
        # −100/n ≤ −1e9 needs n ≤ 1e-7: the scan (steps of 0,05) reaches n = 0 first.
        row = switching_values(case, Threshold("net_permanent", -1e9)).rows[0]
        assert row.value is None
        assert row.reason == "non_finite" and row.non_finite_at == 0
        assert "division by zero" in row.describe()

    @pytest.mark.parametrize("limit", [float("nan"), float("inf"), -1, 500])
    def test_bad_threshold(self, limit):
        with pytest.raises(UncertaintyError):
            Threshold("payback", limit)

    def test_bad_kpi(self):
        with pytest.raises(UncertaintyError):
            Threshold("irr", 0)  # type: ignore[arg-type]


# --- Monte Carlo -------------------------------------------------------------------------------


class TestMonteCarlo:
    def test_same_seed_same_result(self):
        case = load_case(CASES / "i4.yaml")
        a = monte_carlo(case, n=2000, seed=7)
        b = monte_carlo(case, n=2000, seed=7)
        c = monte_carlo(case, n=2000, seed=8)
        for key in ("net_permanent", "payback", "npv"):
            np.testing.assert_array_equal(a.kpis[key], b.kpis[key])
        assert not np.array_equal(a.kpis["npv"], c.kpis["npv"])

    def test_blocks_do_not_depend_on_n(self):
        case = load_case(CASES / "i5.yaml")
        small = monte_carlo(case, n=BLOCK, seed=3)
        big = monte_carlo(case, n=BLOCK + 3000, seed=3)
        np.testing.assert_array_equal(small.kpis["npv"], big.kpis["npv"][:BLOCK])
        second = monte_carlo_block(case, block=1, size=3000, seed=3)
        np.testing.assert_array_equal(second["npv"], big.kpis["npv"][BLOCK:])
        joined = MonteCarlo.from_blocks(
            case, [monte_carlo_block(case, block=0, size=BLOCK, seed=3), second], seed=3, distribution="pert"
        )
        np.testing.assert_array_equal(joined.kpis["payback"], big.kpis["payback"])

    def test_progress_is_reported_per_block(self):
        calls = []
        monte_carlo(LINEAR, n=25_000, seed=1, progress=lambda done, n: calls.append((done, n)))
        assert calls == [(10_000, 25_000), (20_000, 25_000), (25_000, 25_000)]

    @pytest.mark.parametrize("distribution", ["pert", "triangular"])
    def test_linear_symmetric_mean_within_one_percent(self, distribution):
        # Net permanent = −a + c and NPV are linear in a, b, c; every range is symmetric,
        # so the mean of the draws estimates the deterministic value.
        result = monte_carlo(LINEAR, n=10_000, seed=2024, distribution=distribution)
        k = evaluate(LINEAR).kpis
        assert result.mean("net_permanent") == pytest.approx(k.net_permanent, rel=0.01)
        assert result.mean("npv") == pytest.approx(k.npv, rel=0.01)
        assert result.n_invalid == 0

    def test_percentiles_and_probability(self):
        result = monte_carlo(LINEAR, n=10_000, seed=5)
        p10, p50, p90 = result.percentiles("net_permanent")
        assert p10 < p50 < p90
        assert p50 == pytest.approx(-80, abs=2)  # −100 + 20, symmetric
        assert 0 <= result.probability(Threshold("payback", 3)) <= 1

    def test_never_paying_back_is_inf_and_counted(self):
        case = _case(
            "  - {name: g, label: Gevinst, value: 2, unit: t.kr., source: s, low: -10, high: 10, minimum: -10}\n",
            "  - {name: G, kind: permanent, area: service, formula: '-g'}\n"
            "  - {name: I, kind: one_off, area: anlaeg, amounts: {2020: 100}}\n",
        )
        result = monte_carlo(case, n=5000, seed=1)
        never = result.share_never()
        # g ≤ 0 never pays back: PERT(−10, 2, 10) = −10 + 20·Beta(3,4; 2,6) puts 33 % there
        assert 0.3 < never < 0.37
        p10, _, p90 = result.percentiles("payback")
        assert np.isinf(p90) and np.isfinite(p10)
        within = result.probability(Threshold("payback", 200))
        assert within == pytest.approx(np.mean(result.values("payback_years") <= 200))
        assert 0.5 < within < 1 - never  # 0 < g < 0,5 takes more than 200 years
        hist = result.histogram("payback")
        assert hist["share"].sum() == pytest.approx(1 - never)

    def test_non_finite_draws_are_counted_not_raised(self):
        case = _case(
            "  - {name: n, label: Antal, value: 2, unit: stk., source: s, low: 0, high: 4}\n",
            "  - {name: L, kind: permanent, area: service, formula: '-100 / round(n, 0)'}\n"
            "  - {name: I, kind: one_off, area: anlaeg, amounts: {2020: 100}}\n",
        )
        result = monte_carlo(case, n=4000, seed=1, distribution="triangular")
        # round(n) = 0 for n < 0,5: triangular(0, 2, 4) puts 0,5²/8 = 3,1 % there
        assert 0.01 < result.n_invalid / result.n < 0.06
        assert np.isfinite(result.percentiles("npv")).all()

    @pytest.mark.parametrize("n", [0, -1, MAX_DRAWS + 1, 10**8, 2.5, True])
    def test_bad_n(self, n):
        with pytest.raises(UncertaintyError, match="number of draws"):
            monte_carlo(LINEAR, n=n)

    @pytest.mark.parametrize("seed", [-1, 2**40, 1.5])
    def test_bad_seed(self, seed):
        with pytest.raises(UncertaintyError, match="seed"):
            monte_carlo(LINEAR, n=10, seed=seed)

    def test_bad_distribution(self):
        with pytest.raises(UncertaintyError, match="distribution"):
            monte_carlo(LINEAR, n=10, distribution="normal")

    def test_point_ranges_stay_constant(self):
        case = _case(
            "  - {name: z, label: Nul, value: 0, unit: t.kr., source: s}\n",
            "  - {name: L, kind: permanent, area: service, formula: '-10 + z'}\n",
        )
        result = monte_carlo(case, n=100, seed=0)
        assert set(result.kpis["net_permanent"]) == {-10.0}


def test_kpi_values_agree_with_evaluate_for_every_case():
    for path in sorted(CASES.glob("i*.yaml")):
        case = load_case(path)
        k = evaluate(case, Settings(discount_rate=0.04, horizon=12)).kpis
        v = kpi_values(case, None, Settings(discount_rate=0.04, horizon=12))
        assert float(v["net_permanent"]) == pytest.approx(k.net_permanent)
        assert float(v["npv"]) == pytest.approx(k.npv)
        expected = np.inf if k.payback_years is None else k.payback_years
        assert float(v["payback_years"]) == expected


# --- Properties --------------------------------------------------------------------------------

three_points = st.tuples(
    st.floats(-1e6, 1e6, allow_nan=False), st.floats(0, 1e5, allow_nan=False), st.floats(0, 1e5, allow_nan=False)
).map(lambda t: (t[0] - t[1], t[0], t[0] + t[2]))


@given(three_points, st.sampled_from(["pert", "triangular"]), st.integers(0, 2**32 - 1))
@settings(max_examples=60, deadline=None)
def test_draws_stay_within_the_range(points, distribution, seed):
    from model.uncertainty import Range

    low, base, high = points
    if high - low <= 1e-9 * max(1.0, abs(base)):
        return
    r = Range(name="x", label="x", unit="", low=low, base=base, high=high)
    draws = _draw(np.random.default_rng(seed), r, distribution, 500)
    assert draws.min() >= low - 1e-9 * abs(low) and draws.max() <= high + 1e-9 * abs(high)


@given(st.floats(1, 1e4), st.floats(0.01, 0.9), st.floats(0.01, 2.0))
@settings(max_examples=40, deadline=None)
def test_linear_swing_is_slope_times_width(value, down, up):
    low, high = value * (1 - down), value * (1 + up)
    case = with_ranges(LINEAR.with_values({"a": value}), {"a": (low, high)})
    bar = {b.range.name: b for b in tornado(case, kpi="net_permanent").bars}["a"]
    assert bar.swing == pytest.approx(high - low, rel=1e-9)


@given(st.floats(-400, 400))
@settings(max_examples=40, deadline=None)
def test_switching_value_of_a_linear_case(limit):
    # net permanent = −a + 20 ≤ limit holds for a ≥ 20 − limit; base a = 100.
    result = switching_values(LINEAR, Threshold("net_permanent", limit))
    row = {r.range.name: r for r in result.rows}["a"]
    root = 20 - limit
    if 0 < root < 100 * 11:
        assert row.value == pytest.approx(root, rel=1e-9, abs=1e-9)
        assert row.verified
    elif root <= 0:
        assert row.value is None  # a cannot go below its minimum 0
