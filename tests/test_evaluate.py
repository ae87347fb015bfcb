"""Evaluating cases: lines per year, phase-in, hours, aggregates, KPIs, overview, portfolio.

Every figure here is worked out by hand in the comments. Amounts in 1.000 kr.,
costs +, savings -.
"""

from __future__ import annotations

import json
import math
import warnings

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sample_cases import T1

from model import (
    EvaluationError,
    PriceLevelError,
    Settings,
    compute_flows,
    evaluate,
    evaluate_cases,
    extend_flows,
    npv,
    overview,
    parse_case,
    payback,
    summary_data,
)

PROPERTY = settings(max_examples=30, deadline=None)

CASE = T1  # see tests/sample_cases.py for the figures worked out by hand

YEARS = [2020, 2021, 2022, 2023, 2024]
NPV_BY_HAND = -(200 + 10 / 1.035 + sum(-90 / 1.035**t for t in range(2, 10)))


@pytest.fixture(scope="module")
def result():
    return evaluate(parse_case(CASE, "t1.yaml"))


def _case(
    lines: str, assumptions: str = "", first: int = 2020, last: int = 2023, case_id: str = "X", level: int = 2020, extra: str = ""
):
    text = f"""
id: {case_id}
title: Case {case_id}
price_level: {level}
first_year: {first}
last_year: {last}
assumptions: [{assumptions}]
{extra}
lines:
{lines}
"""
    return parse_case(text, f"{case_id}.yaml")


class TestFlows:
    def test_lines(self, result):
        lines = {name: values.tolist() for name, values in result.flows.lines.items()}
        assert lines == {
            "Besparelse": [0, -50, -100, -100, -100],
            "Drift": [0, 10, 10, 10, 10],
            "Investering": [150, 50, 0, 0, 0],
            "Innovation": [30, 0, 0, 0, 0],
            "Anlaeg": [20, 0, 0, 0, 0],
        }

    def test_aggregates(self, result):
        f = result.flows
        assert f.years == tuple(YEARS)
        assert f.permanent.tolist() == [0, -40, -90, -90, -90]
        assert f.service_investment.tolist() == [150, 50, 0, 0, 0]  # investment pool only
        assert f.innovation.tolist() == [30, 0, 0, 0, 0]
        assert f.service_investment_all.tolist() == [180, 50, 0, 0, 0]
        assert f.capital_investment.tolist() == [20, 0, 0, 0, 0]
        assert f.implementation.tolist() == [170, 50, 0, 0, 0]
        assert f.total_impact.tolist() == [170, 10, -90, -90, -90]  # section 1: no innovation pool
        assert f.total_impact_all.tolist() == [200, 10, -90, -90, -90]
        assert f.cumulative.tolist() == [200, 210, 120, 30, -60]
        assert f.gross_costs.tolist() == [200, 60, 10, 10, 10]
        assert float(f.net_permanent) == -90

    def test_section1_leaves_the_innovation_pool_out(self, result):
        frame = result.section1()
        assert list(frame.index) == [
            "Besparelse",
            "Drift",
            "Samlet varig ændring",
            "Serviceinvesteringer",
            "Anlægsinvesteringer",
            "Samlede implementeringsomkostninger",
            "Samlet økonomisk påvirkning",
            "Akkumuleret, alle midler",
        ]
        assert list(frame.columns) == ["Styringsområde", *YEARS]
        assert frame.loc["Serviceinvesteringer", 2020] == 150
        assert frame.loc["Serviceinvesteringer", "Styringsområde"] == "Service"
        assert frame.loc["Anlægsinvesteringer", "Styringsområde"] == "Anlæg"
        assert frame.loc["Samlet økonomisk påvirkning", YEARS].tolist() == [170, 10, -90, -90, -90]
        assert frame.loc["Akkumuleret, alle midler", YEARS].tolist() == [200, 210, 120, 30, -60]
        assert frame.index.name == "1.000 kr. 2020 p/l"

    def test_table2_marks_the_innovation_pool(self, result):
        table = result.table(2)
        assert list(table.index) == ["Investering", "Innovation", "Investeringer totalt, service"]
        assert table["Innovationspulje"].tolist() == ["", "X", ""]
        assert table["I alt"].tolist() == [200, 30, 230]
        assert table.loc["Investeringer totalt, service", YEARS].tolist() == [180, 50, 0, 0, 0]

    def test_tables_1_and_3(self, result):
        t1, t3 = result.table(1), result.table(3)
        assert list(t1.index) == ["Besparelse", "Drift", "Varige ændringer totalt"]
        assert "I alt" not in t1.columns
        assert t1.loc["Varige ændringer totalt", YEARS].tolist() == [0, -40, -90, -90, -90]
        assert t3["I alt"].tolist() == [20, 20]


class TestKPIs:
    def test_hand_checked(self, result):
        k = result.kpis
        assert k.payback_years == 5
        assert k.payback_exact == pytest.approx(4 + 30 / 90, abs=1e-4)
        assert k.net_permanent == -90
        assert k.drift == 200  # investment pool only, as the overview's Drift column
        assert k.anlaeg == 20
        assert k.innovation == 30
        assert k.npv == pytest.approx(NPV_BY_HAND, rel=1e-12)
        assert k.npv == pytest.approx(388.0734283)
        series = extend_flows(np.array([200.0, 10, -90, -90, -90]), -90.0, 10)
        assert k.irr == pytest.approx(npf.irr(-series), abs=1e-9)
        assert k.irr == pytest.approx(0.292140, abs=1e-6)
        assert k.irr_note is None
        assert k.hours_full == 0
        assert k.fte_full == 0

    def test_payback_and_npv_count_the_innovation_pool(self, result):
        without = parse_case(CASE.replace("funding: innovationspulje\n    amounts: {2020: 30}", "amounts: {2020: 0}"))
        k = evaluate(without).kpis
        # 170, 180, 90, 0: paid back in the fourth year, exactly.
        assert k.payback_years == 4
        assert k.payback_exact == 4.0
        assert k.npv == pytest.approx(result.kpis.npv + 30)
        assert k.drift == result.kpis.drift  # Drift never had the innovation pool in it

    def test_discounted_payback(self, result):
        # Discounted at 3,5 %: 200, 9,66, -84,02, -81,17, -78,43; cumulative 44,47 in 2023, -33,96 in 2024.
        assert result.kpis.discounted_payback_years == 5

    def test_settings_change_npv_and_fte(self):
        case = parse_case(CASE)
        short = evaluate(case, Settings(discount_rate=0.0, horizon=3)).kpis
        assert short.npv == -(200 + 10 - 90)
        assert short.payback_years == 5  # payback does not depend on the horizon

    def test_foundation_investment_has_no_payback_and_no_irr(self):
        case = _case(
            """
  - {name: Drift, kind: permanent, area: service, amounts: {2021: 100, 2022: 100, 2023: 100}}
  - {name: Net, kind: one_off, area: anlaeg, amounts: {2020: 500}}
"""
        )
        k = evaluate(case).kpis
        assert k.payback_years is None
        assert k.payback_exact is None
        assert k.discounted_payback_years is None
        assert k.irr is None
        assert "no sign change" in k.irr_note
        assert k.npv == pytest.approx(-(500 + sum(100 / 1.035**t for t in range(1, 10))))


class TestPhaseIn:
    def test_years_before_the_first_key_are_zero_later_keep_the_last_share(self):
        case = _case(
            '  - {name: S, kind: permanent, area: service, formula: "-100", phase_in: {2021: 0.6, 2022: 0.8}}',
            last=2024,
        )
        assert compute_flows(case).lines["S"].tolist() == [0, -60, -80, -80, -80]

    def test_shares_may_be_formulas(self):
        case = _case(
            '  - {name: S, kind: permanent, area: service, formula: "-100", phase_in: {2021: andel, 2023: 1}}',
            "{name: andel, label: a, value: 0.25, unit: andel, source: s}",
        )
        assert compute_flows(case).lines["S"].tolist() == [0, -25, -25, -100]

    def test_round_to_rounds_after_the_phase_in_share(self):
        # 18.540 × 0,6 = 11.124 → 11.125; × 0,8 = 14.832 → 14.830 (rounded after phasing, as I4 prints).
        gevinst = "{name: gevinst, label: g, value: 18540, unit: t.kr., source: s}"
        phase = "{2020: 0.6, 2021: 0.8, 2022: 1}"
        rounded = _case(
            f'  - {{name: S, kind: permanent, area: service, formula: "-gevinst", phase_in: {phase}, round_to: 5}}',
            gevinst,
        )
        plain = _case(f'  - {{name: S, kind: permanent, area: service, formula: "-gevinst", phase_in: {phase}}}', gevinst)
        assert compute_flows(rounded).lines["S"].tolist() == [-11125, -14830, -18540, -18540]
        assert compute_flows(plain).lines["S"].tolist() == pytest.approx([-11124, -14832, -18540, -18540])

    def test_a_named_profile_phases_every_line_that_names_it(self):
        # Profile "ramp": 0 in 2020, 50 % in 2021, 100 % from 2022; 100 and 40 at full effect.
        case = _case(
            '  - {name: A, kind: permanent, area: service, formula: "-100", phase_in: ramp}\n'
            '  - {name: B, kind: permanent, area: service, formula: "40", phase_in: ramp}',
            extra="phase_in_profiles: {ramp: {2021: 0.5, 2022: 1}}",
        )
        flows = compute_flows(case)
        assert flows.lines["A"].tolist() == [0, -50, -100, -100]
        assert flows.lines["B"].tolist() == [0, 20, 40, 40]

    def test_a_one_off_with_year_and_formula_falls_in_that_year_only(self):
        case = _case(
            '  - {name: S, kind: one_off, area: anlaeg, year: 2021, formula: "antal * pris / 1000"}',
            "{name: antal, label: a, value: 245, unit: stk., source: s}, "
            "{name: pris, label: p, value: 30000, unit: kr., source: s}",
        )
        assert compute_flows(case).lines["S"].tolist() == [0, 7350, 0, 0]

    def test_derived_items_build_on_each_other_in_any_order(self):
        # brugere = 4.730 × 0,75 = 3.547,5; omkostning = brugere × 9.000 kr. / 1000 = 31.927,5 t.kr.
        # "omkostning" is listed before "brugere", which it uses: order in the file does not matter.
        case = _case(
            '  - {name: Licens, kind: one_off, area: anlaeg, year: 2020, formula: "omkostning * 0.24"}',
            "{name: medarbejdere, label: m, value: 4730, unit: stk., source: s}, "
            "{name: andel, label: a, value: 0.75, unit: andel, source: s}",
            extra=(
                "derived:\n"
                "  - {name: omkostning, label: o, formula: 'brugere * 9000 / 1000', unit: t.kr.}\n"
                "  - {name: brugere, label: b, formula: 'medarbejdere * andel', unit: stk.}"
            ),
        )
        assert compute_flows(case).lines["Licens"].tolist() == pytest.approx([31927.5 * 0.24, 0, 0, 0])
        # Derived items follow assumption values given to the engine (e.g. Monte Carlo draws).
        drawn = compute_flows(case, {"andel": np.array([0.75, 1.0])}).lines["Licens"]
        assert drawn[:, 0].tolist() == pytest.approx([31927.5 * 0.24, 4730 * 9 * 0.24])

    def test_amounts_are_not_phased(self):
        case = _case('  - {name: S, kind: one_off, area: service, amounts: {2021: "10"}}')
        assert compute_flows(case).lines["S"].tolist() == [0, 10, 0, 0]

    def test_mround_goes_half_away_from_zero_in_a_line(self):
        case = _case(
            '  - {name: S, kind: permanent, area: service, amounts: {2020: "mround(x, 5)", 2021: "mround(-x, 5)", '
            '2022: "round(x / 5)", 2023: "round(-x / 5)"}}',
            "{name: x, label: x, value: 12.5, unit: t.kr., source: s}",
        )
        assert compute_flows(case).lines["S"].tolist() == [15, -15, 3, -3]


HOURS = (
    "{name: antal, label: Medarbejdere, value: 10, unit: stk., source: s}, "
    "{name: timer_pr, label: Timer pr. medarbejder, value: 192.4, unit: timer, source: s}, "
    "{name: timepris, label: Timepris, value: 400, unit: kr., source: s}"
)


class TestHours:
    def test_hours_are_phased_in_and_fte_is_hours_over_1924(self):
        case = _case(
            '  - {name: Tid, kind: permanent, area: service, hours: "antal * timer_pr", '
            'formula: "-antal * timer_pr * timepris / 1000", phase_in: {2021: 0.5, 2022: 1}}',
            HOURS,
        )
        r = evaluate(case)
        assert r.flows.line_hours["Tid"].tolist() == pytest.approx([0, 962, 1924, 1924])
        assert r.flows.hours.tolist() == pytest.approx([0, 962, 1924, 1924])
        assert r.fte.tolist() == pytest.approx([0, 0.5, 1, 1])
        assert r.kpis.hours_full == pytest.approx(1924)
        assert r.kpis.fte_full == pytest.approx(1.0)
        assert r.flows.lines["Tid"].tolist() == pytest.approx([0, -384.8, -769.6, -769.6])
        other = evaluate(case, Settings(hours_per_fte=1500.0))
        assert other.kpis.fte_full == pytest.approx(1924 / 1500)

    def test_hours_from_a_derived_item_value_the_same_quantity_once(self):
        # timer = 10 × 192,4 = 1.924 a year; valued at 400 kr. that is 769,6 t.kr.; half in 2021.
        case = _case(
            '  - {name: Tid, kind: permanent, area: service, hours: timer_sparet, '
            'formula: "-timer_sparet * timepris / 1000", phase_in: {2021: 0.5, 2022: 1}}',
            HOURS,
            extra="derived: [{name: timer_sparet, label: t, formula: 'antal * timer_pr', unit: timer/år}]",
        )
        flows = compute_flows(case)
        assert flows.line_hours["Tid"].tolist() == pytest.approx([0, 962, 1924, 1924])
        assert flows.lines["Tid"].tolist() == pytest.approx([0, -384.8, -769.6, -769.6])

    def test_a_case_files_hours_per_fte_overrides_the_setting(self):
        # 1.924 hours freed: 1 årsværk at the default 1.924; 1.924 / 1.480 = 1,3 at the case's own 1.480,
        # whatever the setting says (the setting is only the default for cases without their own).
        line = '  - {name: Tid, kind: permanent, area: service, hours: "antal * timer_pr", formula: "-1"}'
        own = _case(line, HOURS, extra="hours_per_fte: 1480")
        plain = _case(line, HOURS)
        assert evaluate(plain).kpis.fte_full == pytest.approx(1.0)
        assert evaluate(plain, Settings(hours_per_fte=1500.0)).kpis.fte_full == pytest.approx(1924 / 1500)
        for chosen in (Settings(), Settings(hours_per_fte=1500.0)):
            result = evaluate(own, chosen)
            assert result.kpis.fte_full == pytest.approx(1.3)
            assert result.fte.tolist() == pytest.approx([1.3] * 4)
            assert result.summary()["settings"]["hours_per_fte"] == 1480


class TestRefusals:
    def test_division_by_zero_names_case_line_and_year(self):
        case = _case(
            '  - {name: Knas, kind: one_off, area: service, amounts: {2020: 5, 2022: "1 / nul"}}',
            "{name: nul, label: n, value: 0, unit: stk., source: s}",
            case_id="E1",
        )
        with pytest.raises(EvaluationError, match=r"case E1: line 'Knas', 2022: the formula gives no finite amount"):
            evaluate(case)

    def test_division_by_zero_under_a_phase_in_raises_no_warning(self):
        # inf × share 0 is NaN: numpy must not print a RuntimeWarning to stderr next to the one error line.
        case = _case(
            '  - {name: Knas, kind: permanent, area: service, formula: "1 / nul", phase_in: {2021: 1}}',
            "{name: nul, label: n, value: 0, unit: stk., source: s}",
            case_id="E3",
        )
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(EvaluationError, match=r"case E3: line 'Knas', 2020"):
                evaluate(case)

    def test_non_finite_hours_name_the_hours(self):
        case = _case(
            '  - {name: Tid, kind: permanent, area: service, hours: "1 / nul", formula: "-1"}',
            "{name: nul, label: n, value: 0, unit: stk., source: s}",
            case_id="E2",
        )
        with pytest.raises(EvaluationError, match=r"line 'Tid \(timer\)', 2020"):
            evaluate(case)

    def test_amounts_too_large_to_add_up_give_no_inf_or_nan(self):
        # Each line is finite (1e308), but their sum and the NPV are not. Either the
        # engine refuses the case, or every figure it reports is a finite number.
        case = _case(
            """
  - {name: A, kind: permanent, area: service, formula: "1e308"}
  - {name: B, kind: one_off, area: service, amounts: {2020: "1e308"}}
""",
            case_id="Big",
        )
        try:
            r = evaluate(case)
        except EvaluationError as exc:
            assert "Big" in str(exc)
            return
        json.dumps(r.summary(), allow_nan=False)

    @pytest.mark.parametrize(
        ("kwargs", "fragment"),
        [
            ({"discount_rate": 1.5}, "discount rate 1.5"),
            ({"discount_rate": float("nan")}, "discount rate nan"),
            ({"horizon": 0}, "horizon 0"),
            ({"horizon": 101}, "horizon 101"),
            ({"horizon": True}, "horizon True"),
            ({"horizon": 2.5}, "horizon 2.5"),
            ({"hours_per_fte": 0.0}, "hours per årsværk 0.0"),
            ({"hours_per_fte": float("inf")}, "hours per årsværk inf"),
        ],
    )
    def test_settings_are_validated(self, kwargs, fragment):
        with pytest.raises(ValueError, match=fragment):
            Settings(**kwargs)


class TestVectorised:
    @PROPERTY
    @given(st.lists(st.floats(0, 1000), min_size=1, max_size=8))
    def test_arrays_of_draws_equal_one_evaluation_per_draw(self, draws):
        case = parse_case(CASE)
        batch = compute_flows(case, {"gevinst": np.array(draws)})
        assert batch.lines["Besparelse"].shape == (len(draws), 5)
        assert batch.lines["Investering"].shape == (len(draws), 5)
        assert batch.total_impact_all.shape == (len(draws), 5)
        pay = payback(batch.total_impact_all, batch.net_permanent, batch.gross_costs)
        values = npv(batch.total_impact_all, batch.net_permanent, 0.035, 10)
        for i, draw in enumerate(draws):
            one = evaluate(case.with_values({"gevinst": draw}))
            np.testing.assert_allclose(batch.total_impact_all[i], one.flows.total_impact_all)
            assert values[i] == pytest.approx(one.kpis.npv, rel=1e-12, abs=1e-9)
            expected = one.kpis.payback_years
            assert (math.isnan(pay.years[i]) and expected is None) or pay.years[i] == expected

    @PROPERTY
    @given(st.floats(0.01, 100))
    def test_scaling_every_line_scales_npv_and_keeps_payback(self, k):
        scaled = parse_case(
            CASE.replace('"-gevinst"', '"-gevinst * k"')
            .replace("{2021: 10, 2022: 10, 2023: 10, 2024: 10}", '{2021: "10*k", 2022: "10*k", 2023: "10*k", 2024: "10*k"}')
            .replace("{2020: 150, 2021: 50}", '{2020: "150 * k", 2021: "50 * k"}')
            .replace("{2020: 30}", '{2020: "30 * k"}')
            .replace("{2020: 20}", '{2020: "20 * k"}')
            .replace("assumptions:\n", "assumptions:\n  - {name: k, label: k, value: 1, unit: faktor, source: s}\n")
        )
        r = evaluate(scaled.with_values({"k": k}))
        assert r.kpis.npv == pytest.approx(k * NPV_BY_HAND, rel=1e-9)
        assert r.kpis.payback_years == 5
        assert r.kpis.payback_exact == pytest.approx(4 + 30 / 90, abs=1e-4)


class TestSummary:
    def test_shape_and_alignment(self, result):
        s = result.summary()
        json.dumps(s, allow_nan=False)
        assert s["id"] == "T1"
        assert s["price_level"] == 2020
        assert s["years"] == YEARS
        for key in ("permanent_total", "investment_service", "investment_capital", "total_impact", "cumulative", "hours", "fte"):
            assert len(s[key]) == len(YEARS), key
        assert all(len(v) == len(YEARS) for v in s["lines"].values())
        assert s["service_investment_all"] == [180, 50, 0, 0, 0]  # every krone, innovation pool included
        assert s["investment_service"] == s["service_investment_all"]  # the old name, kept as an alias
        assert s["investment_service_innovation"] == [30, 0, 0, 0, 0]
        assert s["total_impact"] == [200, 10, -90, -90, -90]
        assert s["payback_years"] == 5
        assert s["npv"] == pytest.approx(388.073428, abs=1e-6)
        assert s["settings"] == {"discount_rate": 0.035, "horizon": 10, "hours_per_fte": 1924.0}


OTHER = """
id: T2
title: Anden
price_level: 2020
first_year: 2020
last_year: 2021
lines:
  - {name: Spar, kind: permanent, area: service, amounts: {2020: -5, 2021: -5}}
  - {name: Inv, kind: one_off, area: service, amounts: {2020: 7}}
  - {name: Inno, kind: one_off, area: service, funding: innovationspulje, amounts: {2020: 3}}
  - {name: Bygning, kind: one_off, area: anlaeg, amounts: {2021: 11}}
"""


class TestOverview:
    def test_rows_and_total(self, result):
        other = evaluate(parse_case(OTHER))
        table = overview([result, other])
        assert [r.id for r in table.rows] == ["T1", "T2"]
        assert table.price_level == 2020
        t2 = table.rows[1]
        assert (t2.drift, t2.anlaeg, t2.innovation, t2.net_permanent) == (7, 11, 3, -5)
        # Cumulative 5 (7 + 3 - 5), 11 (+11 - 5), then -5 a year: 11/5 = 2,2, so 3 more years.
        assert t2.payback_years == 5
        total = table.total
        assert total.id == "I alt"
        assert total.drift == 207  # the innovation pool (30 + 3) is left out
        assert total.anlaeg == 31
        assert total.innovation == 33
        assert total.net_permanent == -95
        assert total.payback_years is None
        assert total.npv == pytest.approx(result.kpis.npv + other.kpis.npv)
        frame = table.frame()
        assert list(frame.index) == ["T1", "T2", "I alt"]
        assert frame.loc["I alt", "drift"] == 207

    def test_refuses_to_add_different_price_levels(self, result):
        old = evaluate(parse_case(OTHER.replace("price_level: 2020", "price_level: 2016")))
        with pytest.raises(PriceLevelError) as info:
            overview([result, old])
        message = str(info.value)
        assert "T1: 2020" in message
        assert "T2: 2016" in message
        assert "re-index" in message

    def test_mixed_price_levels_keep_rows_and_drop_the_total(self, result):
        old = evaluate(parse_case(OTHER.replace("price_level: 2020", "price_level: 2016")))
        table = overview([result, old], allow_mixed_price_levels=True)
        assert [r.id for r in table.rows] == ["T1", "T2"]
        assert table.total is None
        assert table.price_level is None
        assert table.to_dict()["total"] is None

    def test_portfolio_records_the_price_level_error(self):
        cases = [parse_case(CASE), parse_case(OTHER.replace("price_level: 2020", "price_level: 2016"))]
        portfolio = evaluate_cases(cases)
        assert [r.case.id for r in portfolio.results] == ["T1", "T2"]
        assert portfolio.overview.total is None
        assert portfolio.errors == ()
        assert len(portfolio.warnings) == 1
        assert "different price levels" in portfolio.warnings[0]
        assert "T1: 2020" in portfolio.warnings[0]
        assert "T2: 2016" in portfolio.warnings[0]
        data = summary_data(portfolio)
        assert [row["id"] for row in data["overview"]["rows"]] == ["T1", "T2"]
        assert data["overview"]["total"] is None

    def test_portfolio_keeps_going_past_a_case_that_cannot_be_evaluated(self):
        bad = _case(
            '  - {name: Knas, kind: one_off, area: service, amounts: {2020: "1 / nul"}}',
            "{name: nul, label: n, value: 0, unit: stk., source: s}",
            case_id="Bad",
        )
        portfolio = evaluate_cases([bad, parse_case(OTHER)])
        assert [r.case.id for r in portfolio.results] == ["T2"]
        assert len(portfolio.errors) == 1
        assert "case Bad: line 'Knas', 2020" in portfolio.errors[0]
        assert portfolio.overview.total.drift == 7

    def test_empty_portfolio(self):
        portfolio = evaluate_cases([])
        assert portfolio.overview is None
        assert summary_data(portfolio) == {"cases": [], "overview": None, "errors": [], "warnings": []}
