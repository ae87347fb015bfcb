"""Price levels: the index file, re-indexing by hand, and the overview at a common level."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from model import (
    DEFAULT_INDEX_FILE,
    CaseFileError,
    MissingIndexError,
    PriceIndex,
    evaluate,
    line_index,
    load_paths,
    load_price_index,
    parse_case,
    parse_price_index,
    reindex_case,
)
from model.cli import main

ROOT = Path(__file__).resolve().parents[1]

# One wage line (staff hours valued at an hourly rate) and one price line (equipment), 2020 p/l.
CASE = """
id: P1
title: Prisniveau
price_level: 2020
first_year: 2020
last_year: 2021
assumptions:
  - {name: timer_sparet, label: Timer, value: 1000, unit: timer/år, source: test}
  - {name: timepris, label: Timepris, value: 400, unit: kr./time, source: test}
lines:
  - {name: Tid sparet, kind: permanent, area: service, formula: "-timer_sparet * timepris / 1000", hours: timer_sparet}
  - {name: Udstyr, kind: one_off, area: anlaeg, amounts: {2020: 500}}
  - {name: Projektleder, kind: one_off, area: service, amounts: {2020: 100}, price_index: wage}
"""

# Test figures, NOT real index values: wage +2 % (2021) and +3 % (2022); prices +1 % and -0,5 %.
TEST_INDEX = """
source: "Testindeks (ikke rigtige tal)"
years:
  2021: {wage: 2.0, price: 1.0}
  2022: {wage: 3.0, price: -0.5}
"""


@pytest.fixture
def index() -> PriceIndex:
    return parse_price_index(TEST_INDEX, "test")


class TestIndex:
    def test_factors_by_hand(self, index):
        # wage 2020 → 2022: 1,02 × 1,03 = 1,0506; price: 1,01 × 0,995 = 1,00495.
        assert index.factor("wage", 2020, 2022) == pytest.approx(1.0506)
        assert index.factor("price", 2020, 2022) == pytest.approx(1.00495)
        assert index.factor("price", 2022, 2020) == pytest.approx(1 / 1.00495)
        assert index.factor("wage", 2021, 2021) == 1.0

    def test_missing_year_is_named(self, index):
        with pytest.raises(MissingIndexError, match=r"no wage \(løn\) change for 2023, 2024; enter it from") as caught:
            index.factor("wage", 2020, 2024)
        assert caught.value.years == (2023, 2024)

    def test_round_trip_through_yaml(self, index):
        again = parse_price_index(index.with_years({2023: (4.0, None)}).to_yaml(), "again")
        assert again.wage == {2021: 2.0, 2022: 3.0, 2023: 4.0}
        assert again.price == {2021: 1.0, 2022: -0.5}
        assert again.source == "Testindeks (ikke rigtige tal)"

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("years: {}", "'source'"),
            ("source: x\nyears: [1, 2]", "years: give one entry per year"),
            ("source: x\nyears: {2021: {wage: 70}}", "outside ±50 %"),
            ("source: x\nyears: {2021: {wage: abc}}", "must be a number"),
            ("source: x\nyears: {2021: {loen: 1}}", "years.2021: give wage, price"),
            ("source: ''\nyears: {}", "must name its source"),
            ("source: x\nyears: {2021: {wage: 0x10}}", "ambiguous"),
        ],
    )
    def test_bad_index_files_one_message(self, text, message):
        with pytest.raises(CaseFileError, match=message) as caught:
            parse_price_index(text, "idx.yaml")
        assert str(caught.value).startswith("idx.yaml: ")

    def test_shipped_index_names_its_source_and_invents_nothing(self):
        shipped = load_price_index(DEFAULT_INDEX_FILE)
        assert "KL" in shipped.source and "PL-oversigt" in shipped.source
        # No figure could be checked against the publication when the file was written (see its comments).
        assert shipped.years() == ()


class TestReindex:
    def test_line_index_defaults_and_override(self):
        case = parse_case(CASE)
        kinds = {line.name: line_index(line) for line in case.lines}
        assert kinds == {"Tid sparet": "wage", "Udstyr": "price", "Projektleder": "wage"}

    def test_one_wage_line_and_one_price_line_by_hand(self, index):
        case, used = reindex_case(parse_case(CASE), index, 2022)
        result = evaluate(case)
        # Tid sparet: -1.000 h × 400 kr. = -400 t.kr.; × 1,0506 = -420,24 t.kr. (a wage line).
        assert result.flows.lines["Tid sparet"].tolist() == pytest.approx([-420.24, -420.24])
        # Udstyr: 500 t.kr. × 1,00495 = 502,475 t.kr. (a price line).
        assert result.flows.lines["Udstyr"].tolist() == pytest.approx([502.475, 0.0])
        # Projektleder: 100 × 1,0506 = 105,06 (wage by override).
        assert result.flows.lines["Projektleder"].tolist() == pytest.approx([105.06, 0.0])
        assert result.flows.hours.tolist() == pytest.approx([1000.0, 1000.0])  # hours are not re-indexed
        assert case.price_level == 2022
        assert case.reported is None
        assert (used.year, used.from_year, used.source) == (2022, 2020, "Testindeks (ikke rigtige tal)")
        assert used.wage_factor == pytest.approx(1.0506)
        assert used.price_factor == pytest.approx(1.00495)

    def test_back_in_time(self, index):
        case = parse_case(CASE.replace("price_level: 2020", "price_level: 2022"))
        moved, _ = reindex_case(case, index, 2020)
        assert evaluate(moved).flows.lines["Udstyr"][0] == pytest.approx(500 / 1.00495)

    def test_missing_years_named_with_the_case(self, index):
        with pytest.raises(
            MissingIndexError, match=r"case P1: the price index has no wage \(løn\) and price \(priser\) change for 2023"
        ):
            reindex_case(parse_case(CASE), index, 2023)

    def test_bad_year(self, index):
        with pytest.raises(ValueError, match="must be a year"):
            reindex_case(parse_case(CASE), index, 99999)


class TestCommonPriceLevel:
    def test_mixed_levels_added_at_a_common_level(self, tmp_path, index, capsys):
        (tmp_path / "p1.yaml").write_text(CASE, encoding="utf-8")
        (tmp_path / "p2.yaml").write_text(
            CASE.replace("id: P1", "id: P2").replace("price_level: 2020", "price_level: 2021"), "utf-8"
        )
        (tmp_path / "idx.yaml").write_text(TEST_INDEX, encoding="utf-8")
        # Without re-indexing the overview refuses to add 2020 and 2021 kroner: a warning (both files are valid).
        assert main(["summary", str(tmp_path / "p1.yaml"), str(tmp_path / "p2.yaml"), "--format", "json"]) == 0
        out, err = capsys.readouterr()
        assert json.loads(out)["overview"]["total"] is None
        assert err.startswith("warning: no 'I alt' row: the cases are at different price levels")
        files = [str(tmp_path / "p1.yaml"), str(tmp_path / "p2.yaml")]
        status = main(["summary", *files, "--format", "json", "--price-level", "2022", "--index", str(tmp_path / "idx.yaml")])
        data = json.loads(capsys.readouterr().out)
        assert status == 0
        p1, p2 = data["cases"]
        assert p1["index"]["price_factor"] == pytest.approx(1.00495)
        assert p2["index"]["price_factor"] == pytest.approx(0.995)  # 2021 → 2022 only
        assert p2["index"]["wage_factor"] == pytest.approx(1.03)
        # anlæg: 500 × 1,00495 + 500 × 0,995 = 999,975.
        assert data["overview"]["price_level"] == 2022
        assert data["overview"]["total"]["anlaeg"] == pytest.approx(999.975)

    def test_all_six_cases_at_a_common_level(self, capsys):
        status = main(["summary", str(ROOT / "cases"), "--format", "json", "--price-level", "2016"])
        data = json.loads(capsys.readouterr().out)
        assert status == 0
        assert [c["id"] for c in data["cases"]] == ["I1", "I2", "I3", "I4", "I5", "I6"]
        for case in data["cases"]:
            assert set(case["index"]) >= {"year", "wage_factor", "price_factor", "source"}
            assert case["index"]["year"] == 2016
            assert "KL, Historisk PL-oversigt" in case["index"]["source"]
        total = data["overview"]["total"]
        assert (total["drift"], total["anlaeg"], total["net_permanent"]) == (11970, 54246, -14565)

    def test_all_six_cases_moved_to_a_user_index(self, tmp_path, capsys):
        # Test figures for 2017-2018 (not real): every price line × 1,02 × 1,01, every wage line × 1,03 × 1,02.
        (tmp_path / "idx.yaml").write_text(
            'source: "Test"\nyears:\n  2017: {wage: 3.0, price: 2.0}\n  2018: {wage: 2.0, price: 1.0}\n', "utf-8"
        )
        status = main(
            [
                "summary",
                str(ROOT / "cases"),
                *("--format", "json", "--price-level", "2018"),
                *("--price-index", str(tmp_path / "idx.yaml")),
            ]
        )
        data = json.loads(capsys.readouterr().out)
        assert status == 0
        by_id = {c["id"]: c for c in data["cases"]}
        # I1 is all price lines (network equipment and its running costs): 5.614 × 1,0302 anlæg.
        i1 = next(r for r in data["overview"]["rows"] if r["id"] == "I1")
        assert i1["anlaeg"] == pytest.approx(5614 * 1.02 * 1.01)
        assert by_id["I1"]["index"]["price_factor"] == pytest.approx(1.0302)
        assert by_id["I4"]["index"]["wage_factor"] == pytest.approx(1.0506)
        rows = data["overview"]["rows"]
        assert data["overview"]["total"]["anlaeg"] == pytest.approx(sum(r["anlaeg"] for r in rows))
        assert len(rows) == 6

    def test_missing_year_one_line(self, capsys):
        assert main(["summary", str(ROOT / "cases"), "--price-level", "2020"]) == 1
        out, err = capsys.readouterr()
        assert out == ""
        assert err.startswith("error: --price-level 2020: case I1: the price index has no")
        assert "2017, 2018, 2019, 2020" in err
        assert len(err.strip().splitlines()) == 1

    def test_bad_index_file_one_line(self, tmp_path, capsys):
        (tmp_path / "idx.yaml").write_text("source: x\nyears: {2017: {wage: 99}}\n", "utf-8")
        assert main(["summary", str(ROOT / "cases"), "--price-level", "2017", "--index", str(tmp_path / "idx.yaml")]) == 1
        err = capsys.readouterr().err
        assert "idx.yaml: wage index 2017: a change of 99 % is outside ±50 %" in err
        assert len(err.strip().splitlines()) == 1

    def test_cases_folder_still_loads(self):
        assert len(load_paths([ROOT / "cases"]).cases) == 6
