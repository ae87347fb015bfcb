"""Truer drivers from the documents' text (I3, I5, I6) and honest ranges, checked by hand."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import CASES

from model import Labour, Settings, evaluate, labour_figures, line_index, load_case, ranges, vary_anyway
from model.correlated import portfolio_variables
from model.monte_carlo import monte_carlo


def _case(case_id: str):
    return load_case(CASES / f"{case_id}.yaml")


class TestI6:
    def test_aarsvaerk_kept_by_hand(self):
        # "125 medarbejdere årligt … udskudt tilbagetrækning med ét år": each works one more year.
        # årsværk kept = 125 × hours per year / hours per årsværk = 125 × 1.924 / 1.924 = 125 (2020 on);
        # phased in like the saving: 30 % in 2018 (37,5), 70 % in 2019 (87,5).
        figures = labour_figures(evaluate(_case("i6")))
        assert figures.fte_kept == pytest.approx(125 * 1924 / 1924)
        assert figures.fte_kept_yearly == pytest.approx((0.0, 37.5, 87.5, 125.0, 125.0, 125.0))
        # Part-time: 1.500 hours a year each → 125 × 1.500 / 1.924 = 97,453 årsværk.
        part_time = labour_figures(evaluate(_case("i6").with_values({"timer_pr_fastholdt": 1500})))
        assert part_time.fte_kept == pytest.approx(125 * 1500 / 1924)
        assert part_time.fte_kept == pytest.approx(97.453, abs=1e-3)
        # Another årsværk: 125 × 1.924 / 1.600 = 150,31 (gross; the net figure is gross × presence share).
        other = labour_figures(evaluate(_case("i6"), Settings(hours_per_fte=1600.0)), Labour(hours_per_fte=1600.0))
        assert other.fte_kept == pytest.approx(125 * 1924 / 1600)

    def test_target_group_and_share_drive_the_saving(self):
        case = _case("i6")
        values = {a.name: a.value for a in case.assumptions}
        assert values["maalgruppe"] * values["andel_udskudt"] == pytest.approx(125)  # 6.250 × 2 %
        line = "Udskudt tilbagetrækning"
        assert evaluate(case).flows.lines[line].tolist() == pytest.approx([0, -1200, -2800, -4000, -4000, -4000])
        # 1 % of the target group: half the saving (62,5 × 32 = 2.000 at full effect).
        half = evaluate(case.with_values({"andel_udskudt": 0.01})).flows.lines[line]
        assert half.tolist() == pytest.approx([0, -600, -1400, -2000, -2000, -2000])

    def test_the_two_readings_of_the_recruitment_saving(self):
        case = _case("i6")
        document = evaluate(case)
        strict = evaluate(case.with_values({"rekruttering_varig": 0}))
        correction = "Udskudt tilbagetrækning, kun én gang pr. årgang"
        assert document.flows.lines[correction].tolist() == pytest.approx([0] * 6)  # the document's reading
        # Per cohort: the saving follows the increase of the staff retiring later, 30/40/30 % of 4.000, then 0.
        saving = strict.flows.lines["Udskudt tilbagetrækning"] + strict.flows.lines[correction]
        assert saving.tolist() == pytest.approx([0, -1200, -1600, -1200, 0, 0])
        assert saving.sum() == pytest.approx(-4000)  # 125 × 32 t.kr., once
        # What is left for good is the running cost: 1.900 a year, no payback.
        assert strict.kpis.net_permanent == pytest.approx(1900)
        assert strict.kpis.payback_years is None
        # The staff kept in work do not depend on the reading.
        assert labour_figures(strict).fte_kept == pytest.approx(125)

    def test_recruitment_lines_follow_the_wage_index(self):
        lines = {line.name: line_index(line) for line in _case("i6").lines}
        assert lines["Udskudt tilbagetrækning"] == "wage"
        assert lines["Investering, plejecentre (anlæg)"] == "price"


class TestI5:
    def test_benefit_halves_when_citizens_with_lifts_halve(self):
        case = _case("i5")
        line = "Effektivisering, tidsmæssig gevinst"
        full = evaluate(case).flows
        # 180 citizens with a ceiling hoist (100 today + 80 new) → 90 (50 today + 40 new).
        half = evaluate(case.with_values({"borgere_loftlift_i_dag": 50, "antal_loftlifte": 40})).flows
        mobile_hours = 3000 * 0.5 * 22 / 60  # 550 hours from the mobile hoists, which do not change
        assert full.hours[-1] == pytest.approx(8870)
        assert half.hours[-1] - mobile_hours == pytest.approx((full.hours[-1] - mobile_hours) / 2)  # 4.160 = 8.320 / 2
        rate = 355.129650507328 / 1000
        assert half.lines[line][-1] == pytest.approx(-(4160 + 550) * rate)
        assert full.lines[line][-1] == pytest.approx(-3150, abs=1e-6)

    def test_fewer_hoists_installed_lose_benefit_and_save_cost(self):
        case = _case("i5").with_values({"antal_loftlifte": 40})
        result = evaluate(case)
        # 140 of the plan's 180 citizens have a hoist: 80/180 × 140 × 2 × 52 = 6.471,1 hours + 550.
        assert result.flows.hours[-1] == pytest.approx(80 / 180 * 140 * 2 * 52 + 550)
        assert result.flows.lines["Indkøb af loftlifte og ekstraudstyr"][1] == pytest.approx(40 * 15 + 280)

    def test_the_documents_value_is_the_low_end_of_its_range(self):
        r = {x.name: x for x in ranges(_case("i5"))}
        assert (r["borgere_en_medarbejder"].low, r["borgere_en_medarbejder"].high) == (80, 100)
        assert r["borgere_en_medarbejder"].base_at_end == "low"
        assert r["timer_pr_uge"].base_at_end is None  # a default range: the base in the middle


class TestI3:
    def test_citizens_per_year_drive_the_saving(self):
        case = _case("i3")
        line = "Besparelse som følge af øget selvhjulpenhed"
        # 2.500 citizens × 1.400 kr. = 3.500 t.kr. (4/7 of it in 2017).
        assert evaluate(case).flows.lines[line].tolist() == pytest.approx([0, -2000, -3500, -3500, -3500])
        fewer = evaluate(case.with_values({"borgere_aarligt": 1250})).flows.lines[line]
        assert fewer.tolist() == pytest.approx([0, -1000, -1750, -1750, -1750])


class TestHonestRanges:
    def test_weeks_per_year_is_not_drawn_by_default(self):
        case = _case("i5")
        r = {x.name: x for x in ranges(case)}
        assert r["uger_pr_aar"].fixed and r["uger_pr_aar"].width == 0
        drawn = {v.key for v in portfolio_variables([case])}
        assert "uger_pr_aar" not in drawn
        assert {"antal_loftlifte", "borgere_loftlift_i_dag", "borgere_loftlift_plan"}.isdisjoint(drawn)
        # Monte Carlo draws exactly the ranges with width: with weeks varied anyway, the spread grows.
        plain = monte_carlo(case, n=4000, seed=2).values("net_permanent")
        freed = vary_anyway(case, ["uger_pr_aar"])
        weeks = {x.name: x for x in ranges(freed)}["uger_pr_aar"]
        assert (weeks.low, weeks.high) == pytest.approx((0.8 * 52, 53))  # the default ±20 %, cut at 53 weeks a year
        wider = monte_carlo(freed, n=4000, seed=2).values("net_permanent")
        assert np.std(wider) > np.std(plain)

    @pytest.mark.parametrize(
        ("case_id", "names"),
        [("i3", ["antal_laeringslejligheder"]), ("i6", ["hjemmeplejeomraader", "antal_plejecentre", "plejecentre_i_drift"])],
    )
    def test_counts_fixed_by_the_plan_are_held(self, case_id, names):
        r = {x.name: x for x in ranges(_case(case_id))}
        assert all(r[name].fixed for name in names)

    def test_default_ranges_stay_marked(self):
        r = {x.name: x for x in ranges(_case("i5"))}
        assert r["timer_pr_uge"].is_default and (r["timer_pr_uge"].low, r["timer_pr_uge"].high) == pytest.approx((1.6, 2.4))

    def test_vary_anyway_names_an_unknown_assumption(self):
        from model import UncertaintyError

        with pytest.raises(UncertaintyError, match="unknown assumption"):
            vary_anyway(_case("i5"), ["ugerne"])
