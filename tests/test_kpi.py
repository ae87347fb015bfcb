"""Key figures of a cash-flow series: payback, NPV, IRR (hand-checked and as properties).

Sign convention throughout: flows are costs +, savings -; ``npv`` is the
present value of the net *savings*, i.e. ``-numpy_financial.npv(rate, flows)``.
"""

from __future__ import annotations

import math

import hypothesis.extra.numpy as npst
import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from model import discounted_payback, extend_flows, irr, npv, payback

PROPERTY = settings(max_examples=100, deadline=None)
IRR_PROPERTY = settings(max_examples=60, deadline=None)  # np.roots per example: the slow part


def _nan_equal(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == b


# --- strategies --------------------------------------------------------------
# A case's yearly amounts are whole thousands: integer-valued floats keep sums
# exact, so "cumulative ≤ 0" is decided the same way in the oracle and the engine.
amounts = st.integers(-5000, 5000).map(float)
years = st.integers(1, 12)


@st.composite
def case_flows(draw, max_years: int = 12):
    """(flows, level, gross_costs): costs ≥ 0 plus savings ≤ 0, per year, and a permanent level."""
    n = draw(st.integers(1, max_years))
    costs = draw(npst.arrays(np.float64, n, elements=st.integers(0, 5000).map(float)))
    savings = draw(npst.arrays(np.float64, n, elements=st.integers(-5000, 0).map(float)))
    level = draw(st.integers(-3000, 1000).map(float))
    return costs + savings, level, costs


cashflow_array = npst.arrays(np.float64, years, elements=amounts)
rates = st.floats(-0.4, 0.9)
horizons = st.integers(1, 15)


def _payback_oracle(flows: np.ndarray, level: float, costs: np.ndarray) -> float:
    """First whole year (from the first spending year) with cumulative ≤ 0, by brute force."""
    spends = np.flatnonzero(costs > 0)
    if spends.size == 0:
        return 0.0
    start = int(spends[0])
    long = extend_flows(flows, level, flows.size + 70_000)[start:]
    hits = np.flatnonzero(np.cumsum(long) <= 0)
    return float(hits[0] + 1) if hits.size else math.nan


# --- extend_flows -------------------------------------------------------------
class TestExtendFlows:
    def test_continues_at_level(self):
        assert extend_flows(np.array([5.0, -1.0]), -2.0, 4).tolist() == [5.0, -1.0, -2.0, -2.0]

    def test_truncates_to_horizon(self):
        assert extend_flows(np.array([5.0, -1.0, -3.0]), -2.0, 2).tolist() == [5.0, -1.0]

    def test_batch_with_level_per_row(self):
        out = extend_flows(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([-1.0, -2.0]), 3)
        assert out.tolist() == [[1.0, 2.0, -1.0], [3.0, 4.0, -2.0]]


# --- payback -----------------------------------------------------------------
class TestPayback:
    @pytest.mark.parametrize(
        ("flows", "level", "costs", "years", "exact"),
        [
            # The module's example (I3's shape): cumulative 2950, 4300, 3150, 1450, -250.
            ([2950, 1350, -1150, -1700, -1700], -1700, [2950, 3150, 1250, 0, 0], 5, 4 + 1450 / 1700),
            # Cumulative reaches exactly 0: paid back in that year, no fraction left.
            ([100, -50, -50], -50, [100, 0, 0], 3, 3.0),
            # Interpolated: 100, 60, 20, -20 -> 3 + 20/40.
            ([100, -40, -40, -40], -40, [100, 0, 0, 0], 4, 3.5),
            # After the table: 300, 250, 200, then -60 a year: 200/60 = 3,33 more years.
            ([300, -50, -50], -60, [300, 0, 0], 7, 3 + 200 / 60),
            ([300, -50, -50], -50, [300, 0, 0], 7, 7.0),
            # Counting starts at the first year money is spent; the earlier saving is not counted.
            ([-20, 100, -60, -60], -60, [0, 100, 0, 0], 3, 2 + 40 / 60),
            # Net saving already in the first spending year: one year.
            ([-10, -10], -10, [5, 0], 1, 0.0),
            # No money spent at all: 0.
            ([-10, -10], -10, [0, 0], 0, 0.0),
        ],
    )
    def test_hand_checked(self, flows, level, costs, years, exact):
        result = payback(np.array(flows, float), level, np.array(costs, float))
        assert float(result.years) == years
        assert float(result.exact) == pytest.approx(exact, abs=1e-12)

    @pytest.mark.parametrize("level", [0.0, 10.0])
    def test_never_pays_back_without_a_permanent_saving(self, level):
        result = payback(np.array([100.0, -10.0, level]), level, np.array([100.0, 0.0, 0.0]))
        assert math.isnan(float(result.years))
        assert math.isnan(float(result.exact))

    def test_first_time_counts_even_if_the_cumulative_rises_again(self):
        result = payback(np.array([100.0, -120.0, 50.0]), 10.0, np.array([100.0, 0.0, 50.0]))
        assert float(result.years) == 2.0

    @PROPERTY
    @given(case_flows())
    def test_matches_brute_force(self, data):
        flows, level, costs = data
        assert _nan_equal(float(payback(flows, level, costs).years), _payback_oracle(flows, level, costs))

    @PROPERTY
    @given(case_flows())
    def test_exact_lies_in_the_last_year(self, data):
        flows, level, costs = data
        result = payback(flows, level, costs)
        years, exact = float(result.years), float(result.exact)
        assume(not math.isnan(years))
        assert years - 1 - 1e-9 <= exact <= years + 1e-9

    @PROPERTY
    @given(case_flows(), st.floats(0.01, 100))
    def test_scaling_every_line_leaves_payback_unchanged(self, data, k):
        flows, level, costs = data
        base, scaled = payback(flows, level, costs), payback(k * flows, k * level, k * costs)
        assert _nan_equal(float(scaled.years), float(base.years))
        if not math.isnan(float(base.exact)):
            assert float(scaled.exact) == pytest.approx(float(base.exact), rel=1e-9, abs=1e-9)

    @PROPERTY
    @given(case_flows(), st.data())
    def test_a_one_off_saving_never_lengthens_payback(self, data, draw):
        flows, level, costs = data
        year = draw.draw(st.integers(0, flows.size - 1))
        saving = draw.draw(st.integers(1, 5000))
        more = flows.copy()
        more[year] -= saving
        before, after = payback(flows, level, costs), payback(more, level, costs)
        assert _as_inf(after.years) <= _as_inf(before.years)
        assert _as_inf(after.exact) <= _as_inf(before.exact) + 1e-9

    @PROPERTY
    @given(case_flows(), st.data())
    def test_a_permanent_saving_never_lengthens_payback(self, data, draw):
        flows, level, costs = data
        year = draw.draw(st.integers(0, flows.size - 1))
        saving = draw.draw(st.integers(1, 5000))
        more = flows.copy()
        more[year:] -= saving
        before, after = payback(flows, level, costs), payback(more, level - saving, costs)
        assert _as_inf(after.years) <= _as_inf(before.years)
        assert _as_inf(after.exact) <= _as_inf(before.exact) + 1e-9

    @PROPERTY
    @given(st.lists(case_flows(max_years=8), min_size=1, max_size=6), st.integers(1, 8))
    def test_batch_axis_equals_row_by_row(self, rows, n):
        flows = np.stack([np.resize(f, n) for f, _, _ in rows])
        costs = np.stack([np.resize(c, n) for _, _, c in rows])
        levels = np.array([lv for _, lv, _ in rows])
        batch = payback(flows, levels, costs)
        assert batch.years.shape == (len(rows),)
        for i in range(len(rows)):
            one = payback(flows[i], levels[i], costs[i])
            assert _nan_equal(float(batch.years[i]), float(one.years))
            assert _nan_equal(float(batch.exact[i]), float(one.exact))

    def test_batch_with_one_shared_level(self):
        flows = np.array([[100.0, -50.0, -50.0], [100.0, -10.0, -10.0]])
        costs = np.array([[100.0, 0, 0], [100.0, 0, 0]])
        result = payback(flows, -50.0, costs)
        # Row 2: 100, 90, 80, then -50 a year: two more years.
        assert result.years.tolist() == [3.0, 5.0]
        assert result.exact.tolist() == pytest.approx([3.0, 3 + 80 / 50])


def _as_inf(value: np.ndarray | float) -> float:
    value = float(value)
    return math.inf if math.isnan(value) else value


class TestDiscountedPayback:
    def test_hand_checked(self):
        # 100, -60/1,1 = -54,55, -60/1,21 = -49,59: cumulative 100, 45,45, -4,13.
        result = discounted_payback(np.array([100.0, -60.0, -60.0]), -60.0, np.array([100.0, 0, 0]), 0.10)
        assert float(result.years) == 3.0
        assert float(result.exact) == pytest.approx(2 + (100 - 60 / 1.1) / (60 / 1.21))

    def test_longer_than_undiscounted(self):
        flows, costs = np.array([300.0, -50.0, -50.0]), np.array([300.0, 0, 0])
        assert float(payback(flows, -50.0, costs).years) == 7.0
        assert float(discounted_payback(flows, -50.0, costs, 0.035).years) == 8.0

    def test_never_within_the_limit(self):
        # A saving of 1 a year at 10 % is worth at most 11: it never repays 100.
        result = discounted_payback(np.array([100.0, -1.0]), -1.0, np.array([100.0, 0.0]), 0.10)
        assert math.isnan(float(result.years))

    @PROPERTY
    @given(case_flows())
    def test_at_zero_rate_equals_payback(self, data):
        flows, level, costs = data
        plain = float(payback(flows, level, costs).years)
        assume(math.isnan(plain) or plain <= 90)
        assert _nan_equal(float(discounted_payback(flows, level, costs, 0.0).years), plain)


# --- NPV ---------------------------------------------------------------------
class TestNPV:
    def test_docstring_example(self):
        assert float(npv(np.array([100.0, -60.0, -60.0]), -60.0, 0.0, 3)) == pytest.approx(20.0)

    def test_first_year_is_not_discounted(self):
        assert float(npv(np.array([100.0]), 0.0, 0.5, 1)) == -100.0

    def test_hand_checked_at_35_percent_horizon_10(self):
        # Table 200, 10, -90, -90, -90; the permanent -90 goes on to year 9.
        flows = np.array([200.0, 10.0, -90.0, -90.0, -90.0])
        by_hand = -(200 + 10 / 1.035 + sum(-90 / 1.035**t for t in range(2, 10)))
        assert by_hand == pytest.approx(388.0734283)
        assert float(npv(flows, -90.0, 0.035, 10)) == pytest.approx(by_hand, rel=1e-12)

    def test_horizon_shorter_than_the_table(self):
        flows = np.array([100.0, -30.0, -30.0, -30.0])
        assert float(npv(flows, -30.0, 0.0, 2)) == -70.0

    def test_numpy_financial_convention_not_excel(self):
        flows = np.array([100.0, -60.0, -60.0])
        ours = float(npv(flows, -60.0, 0.1, 3))
        assert ours == pytest.approx(-npf.npv(0.1, flows))
        excel = sum(v / 1.1 ** (t + 1) for t, v in enumerate(flows))  # Excel's NPV() discounts the first value
        assert ours != pytest.approx(-excel)

    @PROPERTY
    @given(cashflow_array, amounts, horizons)
    def test_at_zero_rate_is_minus_the_plain_sum(self, flows, level, horizon):
        expected = -(flows[:horizon].sum() + max(0, horizon - flows.size) * level)
        assert float(npv(flows, level, 0.0, horizon)) == expected

    @PROPERTY
    @given(cashflow_array, amounts, rates, horizons)
    def test_equals_minus_numpy_financial(self, flows, level, rate, horizon):
        series = extend_flows(flows, level, horizon)
        assert float(npv(flows, level, rate, horizon)) == pytest.approx(-npf.npv(rate, series), rel=1e-9, abs=1e-6)

    @PROPERTY
    @given(cashflow_array, amounts, rates, horizons, st.floats(0.01, 100))
    def test_scales_with_every_line(self, flows, level, rate, horizon, k):
        base = float(npv(flows, level, rate, horizon))
        assert float(npv(k * flows, k * level, rate, horizon)) == pytest.approx(k * base, rel=1e-9, abs=1e-6)

    @PROPERTY
    @given(st.lists(st.tuples(npst.arrays(np.float64, 6, elements=amounts), amounts), min_size=1, max_size=5), rates)
    def test_batch_axis_equals_row_by_row(self, rows, rate):
        flows = np.stack([f for f, _ in rows])
        levels = np.array([lv for _, lv in rows])
        batch = npv(flows, levels, rate, 10)
        assert batch.shape == (len(rows),)
        for i, (f, lv) in enumerate(rows):
            assert batch[i] == pytest.approx(float(npv(f, lv, rate, 10)), rel=1e-12, abs=1e-9)

    def test_higher_rate_lowers_the_value_of_a_paying_investment(self):
        flows = np.array([100.0, -30.0, -30.0])
        assert float(npv(flows, -30.0, 0.0, 10)) > float(npv(flows, -30.0, 0.035, 10)) > float(npv(flows, -30.0, 0.1, 10))


# --- IRR ---------------------------------------------------------------------
class TestIRR:
    def test_one_period(self):
        result = irr(np.array([100.0, -110.0]), 0.0, 2)
        assert result.rate == pytest.approx(0.1)
        assert result.reason is None

    def test_two_periods_closed_form(self):
        # 100 = 60x + 60x², x = 1/(1+r): x = (-60 + √(3600 + 24000)) / 120.
        x = (-60 + math.sqrt(3600 + 24000)) / 120
        result = irr(np.array([100.0, -60.0, -60.0]), -60.0, 3)
        assert result.rate == pytest.approx(1 / x - 1, abs=1e-9)
        assert result.rate == pytest.approx(npf.irr([-100.0, 60.0, 60.0]), abs=1e-9)

    def test_zero_rate(self):
        assert irr(np.array([100.0, -50.0, -50.0]), 0.0, 3).rate == 0.0

    def test_negative_rate(self):
        result = irr(np.array([100.0, -40.0, -40.0]), 0.0, 3)
        assert result.rate is not None
        assert result.rate < 0
        assert result.rate == pytest.approx(npf.irr([-100.0, 40.0, 40.0]), abs=1e-9)

    def test_permanent_level_continues_to_the_horizon(self):
        # Table [100, -20]; -20 a year to year 9: nine savings of 20 against 100.
        result = irr(np.array([100.0, -20.0]), -20.0, 10)
        assert result.rate == pytest.approx(npf.irr([-100.0] + [20.0] * 9), abs=1e-9)

    @pytest.mark.parametrize("flows", [[100.0, 50.0, 10.0], [-100.0, -50.0], [0.0, 0.0, 0.0]])
    def test_no_sign_change(self, flows):
        result = irr(np.array(flows), 0.0, len(flows))
        assert result.rate is None
        assert "no sign change" in result.reason

    def test_several_rates(self):
        # Net savings -100, +230, -132: NPV is zero at 10 % and at 20 %.
        result = irr(np.array([100.0, -230.0, 132.0]), 0.0, 3)
        assert result.rate is None
        assert "several rates" in result.reason
        assert "10.0%" in result.reason
        assert "20.0%" in result.reason

    @IRR_PROPERTY
    @given(cashflow_array, amounts, horizons)
    def test_npv_at_the_irr_is_zero(self, flows, level, horizon):
        result = irr(flows, level, horizon)
        assume(result.rate is not None)
        assert math.isfinite(result.rate)
        assert result.rate > -1
        series = extend_flows(flows, level, horizon)
        scale = float((np.abs(series) * (1 + result.rate) ** -np.arange(horizon)).sum())
        # Relative to the discounted amounts; the engine rounds roots to 1e-10, which
        # for absurd rates (thousands of per cent) costs a few parts in 10^7.
        assert abs(float(npv(flows, level, result.rate, horizon))) <= 1e-6 * scale

    @IRR_PROPERTY
    @given(cashflow_array, amounts, horizons)
    def test_agrees_with_numpy_financial(self, flows, level, horizon):
        result = irr(flows, level, horizon)
        theirs = npf.irr(-extend_flows(flows, level, horizon))
        if result.rate is not None and math.isfinite(theirs):
            assert result.rate == pytest.approx(theirs, rel=1e-6, abs=1e-9)
        if result.reason is not None and "no sign change" in result.reason:
            assert math.isnan(theirs)

    @IRR_PROPERTY
    @given(cashflow_array, amounts, horizons)
    def test_never_nan_or_inf(self, flows, level, horizon):
        result = irr(flows, level, horizon)
        assert (result.rate is None) != (result.reason is None)
        if result.rate is not None:
            assert math.isfinite(result.rate)

    @IRR_PROPERTY
    @given(cashflow_array, amounts, horizons, st.floats(0.01, 100))
    def test_scaling_leaves_the_rate_unchanged(self, flows, level, horizon, k):
        base, scaled = irr(flows, level, horizon), irr(k * flows, k * level, horizon)
        assume(base.rate is not None and abs(base.rate) < 10)
        assert scaled.rate == pytest.approx(base.rate, rel=1e-6, abs=1e-8)


def test_irr_finds_a_double_root():
    # Net savings 100, -200, 100 = 100 (1 - x)^2 with x = 1/(1+r): the only rate is 0 %,
    # a double root that np.roots returns with a tiny imaginary part.
    result = irr(np.array([-100.0, 200.0, -100.0]), 0.0, 3)
    assert result.rate == pytest.approx(0.0, abs=1e-9)
    assert result.reason is None
