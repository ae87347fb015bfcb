"""Labour supply: årsværk freed (gross and net) and kept, checked by hand."""

from __future__ import annotations

import json

import pytest

from model import Labour, evaluate, labour_figures, parse_case
from model.cli import main

# Staff hours freed 1.000 a year at full effect (50 % in 2021), and 10 employees a
# year kept in work one year longer at 1.500 paid hours each, phased in 50 % / 100 %.
LABOUR_CASE = """
id: L1
title: Arbejdskraft
price_level: 2020
first_year: 2020
last_year: 2022
assumptions:
  - {name: timer_sparet, label: Timer sparet, value: 1000, unit: timer/år, source: test}
  - {name: timepris, label: Timepris, value: 400, unit: kr./time, source: test}
  - {name: fastholdte, label: Medarbejdere fastholdt, value: 10, unit: stk./år, source: test}
  - {name: timer_pr_medarbejder, label: Timer pr. medarbejder, value: 1500, unit: timer/år, source: test}
lines:
  - name: Tid sparet
    kind: permanent
    area: service
    formula: "-timer_sparet * timepris / 1000"
    hours: timer_sparet
    phase_in: {2021: 0.5, 2022: 1}
  - name: Udskudt tilbagetrækning
    kind: permanent
    area: service
    formula: "-fastholdte * 32"
    kept_hours: "fastholdte * timer_pr_medarbejder"
    phase_in: {2021: 0.5, 2022: 1}
  - {name: Investering, kind: one_off, area: service, amounts: {2020: 500}}
"""


@pytest.fixture
def result():
    return evaluate(parse_case(LABOUR_CASE))


class TestLabour:
    def test_net_hours_per_fte_by_hand(self):
        # 1.924 / 260 = 7,4 hours a day; 21,9 days × 7,4 = 162,06 hours; 1.924 − 162,06 = 1.761,94.
        labour = Labour()
        assert labour.hours_per_day == pytest.approx(7.4)
        assert labour.absence_hours == pytest.approx(162.06)
        assert labour.net_hours_per_fte == pytest.approx(1761.94)

    def test_freed_gross_and_net_by_hand(self, result):
        figures = labour_figures(result)
        # 1.000 paid hours / 1.924 = 0,519751 gross årsværk. Presence share 1.761,94 / 1.924 = 0,915769
        # (1 − 21,9 / 260); net = 0,519751 × 0,915769 = 0,475972 årsværk at work (checked with a calculator).
        assert Labour().presence_share == pytest.approx(1 - 21.9 / 260)
        assert figures.fte_freed == pytest.approx(1000 / 1924)
        assert figures.fte_freed == pytest.approx(0.519751, abs=1e-6)
        assert figures.fte_freed_net == pytest.approx(1000 * 1761.94 / 1924**2)
        assert figures.fte_freed_net == pytest.approx(0.475972, abs=1e-6)
        assert figures.fte_freed_net < figures.fte_freed  # sick days are paid, not worked: fewer hands on the floor
        assert figures.fte_freed_net_yearly == pytest.approx((0.0, 0.475972 / 2, 0.475972), abs=1e-6)
        assert figures.fte_freed_yearly == pytest.approx((0.0, 500 / 1924, 1000 / 1924))
        assert figures.fte_freed == pytest.approx(result.kpis.fte_full)

    def test_net_with_no_absence_is_gross(self, result):
        figures = labour_figures(result, Labour(absence_days=0))
        assert figures.fte_freed_net == pytest.approx(figures.fte_freed)

    def test_kept_by_hand(self, result):
        figures = labour_figures(result)
        # 10 employees × 1.500 hours = 15.000 hours / 1.924 = 7,796258 årsværk (half in 2021).
        assert figures.hours_kept == pytest.approx((0.0, 7500.0, 15000.0))
        assert figures.fte_kept == pytest.approx(15000 / 1924)
        assert figures.fte_kept == pytest.approx(7.796258, abs=1e-6)
        assert figures.fte_kept_yearly[1] == pytest.approx(7500 / 1924)
        # The kept staff are absent like any other: net = 7,796258 × 0,915769 = 7,139573 at work.
        assert figures.fte_kept_net == pytest.approx(7.139573, abs=1e-6)
        assert figures.fte_kept_net_yearly[1] == pytest.approx(7.139573 / 2, abs=1e-6)
        # The total adds the net figures: 0,475972 + 7,139573 = 7,615545.
        assert figures.fte_total_net == pytest.approx(7.615545, abs=1e-6)

    def test_hours_per_fte_setting_is_used(self):
        from model import Settings

        figures = labour_figures(evaluate(parse_case(LABOUR_CASE), Settings(hours_per_fte=1500.0)))
        assert figures.fte_kept == pytest.approx(10.0)  # 15.000 / 1.500

    @pytest.mark.parametrize(
        ("values", "word"),
        [
            ({"absence_days": -1}, "absence days"),
            ({"absence_days": 260}, "absence days"),
            ({"absence_days": float("nan")}, "absence days"),
            ({"hours_per_fte": 0}, "hours per fte"),
            ({"days_per_fte": 400}, "days per fte"),
        ],
    )
    def test_bad_settings_named(self, values, word):
        with pytest.raises(ValueError, match=word):
            Labour(**values)

    def test_kept_hours_cannot_use_timer(self):
        from model import CaseFileError

        bad = LABOUR_CASE.replace('kept_hours: "fastholdte * timer_pr_medarbejder"', 'kept_hours: "timer * 2"')
        with pytest.raises(CaseFileError, match=r"kept_hours: 'timer' is no formula name in case format 2"):
            parse_case(bad)


class TestSummaryJson:
    def test_fte_keys_per_case_and_total(self, tmp_path, capsys):
        (tmp_path / "l1.yaml").write_text(LABOUR_CASE, encoding="utf-8")
        assert main(["summary", str(tmp_path), "--format", "json", "--absence-days", "0"]) == 0
        data = json.loads(capsys.readouterr().out)
        case = data["cases"][0]
        assert case["fte_freed"] == pytest.approx(0.519751, abs=1e-6)
        assert case["fte_freed_net"] == pytest.approx(0.519751, abs=1e-6)  # no absence: net = gross
        assert case["fte_kept"] == pytest.approx(7.796258, abs=1e-6)
        assert case["fte_kept_net"] == pytest.approx(7.796258, abs=1e-6)  # no absence: net = gross
        assert case["index"] is None
        assert data["labour"]["absence_days"] == 0
        assert data["labour"]["total"]["fte_kept"] == pytest.approx(7.796258, abs=1e-6)

    def test_bad_absence_days_one_line(self, tmp_path, capsys):
        (tmp_path / "l1.yaml").write_text(LABOUR_CASE, encoding="utf-8")
        assert main(["summary", str(tmp_path), "--absence-days", "300"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: absence days 300")
        assert len(err.strip().splitlines()) == 1
