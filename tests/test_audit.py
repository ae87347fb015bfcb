"""Reconciliation: a small case with one deliberate slip per check finds exactly those slips.

``difference`` is always ``reported - computed``; gaps of at most ±1 (the
documents' rounding to whole thousands) are not findings.
"""

from __future__ import annotations

import pytest

from model import TOLERANCE, OverviewReport, audit_case, audit_overview, evaluate, overview, parse_case

# Lines (1.000 kr.), 2020-2022:
#   Besparelse  permanent  -10, -40, -40
#   Licens      permanent    5,   5,   5
#   Inv         one-off service 100 in 2020
#   Anl         one-off anlæg antal × pris / 1000 = 100 × 500 / 1000 = 50 in 2020;
#               the text states 520 kr., which gives 52.
# With every krone: 145, -35, -35; cumulative 145, 110, 75, then -35 a year:
# 75/35 = 2,1 -> 3 more years, payback 6.
CASE = """
id: A
title: Revision
price_level: 2020
first_year: 2020
last_year: 2022
assumptions:
  - {name: antal, label: Antal, value: 100, unit: stk., source: s}
  - {name: pris, label: Pris, value: 500, unit: kr., source: s, stated: 520}
lines:
  - {name: Besparelse, kind: permanent, area: service, amounts: {2020: -10, 2021: -40, 2022: -40}}
  - {name: Licens, kind: permanent, area: service, amounts: {2020: 5, 2021: 5, 2022: 5}}
  - {name: Inv, kind: one_off, area: service, amounts: {2020: 100}}
  - {name: Anl, kind: one_off, area: anlaeg, amounts: {2020: "antal * pris / 1000"}}
reported:
  payback_service: PAYBACK_SERVICE
  payback_total: 6
  tables:
    - id: section1
      title: 1. Forslagets samlede økonomiske konsekvenser
      years: [2020, 2021, 2022]
      rows:
        - {label: Besparelse, lines: [Besparelse], values: {2020: -10, 2021: -40, 2022: -40}}
    - id: table1
      title: Tabel 1
      years: [2020, 2021, 2022]
      rows:
        - {label: Besparelse, lines: [Besparelse], values: {2020: -10, 2021: -40, 2022: BESPARELSE_2022}}
        - {label: Licens, lines: [Licens], values: {2020: 5, 2021: 5, 2022: 5}}
        - {label: Varige ændringer totalt, aggregate: permanent, values: {2020: -5, 2021: -35, 2022: -35}}
    - id: table2
      title: Tabel 2
      years: [2020, 2021, 2022]
      rows:
        - {label: Inv, lines: [Inv], values: {2020: 100}, total: INV_TOTAL}
    - id: table3
      title: Tabel 3
      years: [2020, 2021, 2022]
      rows:
        - {label: Anl, lines: [Anl], values: {2020: 50}}
"""

SLIPS = {"PAYBACK_SERVICE": "5", "BESPARELSE_2022": "-45", "INV_TOTAL": "110"}
CLEAN = {"PAYBACK_SERVICE": "6", "BESPARELSE_2022": "-40", "INV_TOTAL": "100"}


def _case(values: dict[str, str], text: str = CASE):
    for key, value in values.items():
        text = text.replace(key, value)
    return parse_case(text, "a.yaml")


def _rows(findings):
    return {(f.case, f.table, f.line, f.year, f.reported, f.computed, f.difference, f.check) for f in findings}


def test_one_slip_per_check_finds_exactly_those():
    findings = audit_case(evaluate(_case(SLIPS)))
    assert _rows(findings) == {
        # value: a printed cell against the lines
        ("A", "table1", "Besparelse", 2022, -45.0, -40.0, -5.0, "value"),
        # row_total: the printed "I alt" 110 against its printed years (100), and against the lines
        ("A", "table2", "Inv", None, 110.0, 100.0, 10.0, "row_total"),
        ("A", "table2", "Inv", None, 110.0, 100.0, 10.0, "value"),
        # column_sum: printed total -35 against the printed rows -45 + 5
        ("A", "table1", "Varige ændringer totalt", 2022, -35.0, -40.0, 5.0, "column_sum"),
        # same_rows: section 1 prints -40 where table 1 prints -45
        ("A", "section1 vs table1", "Besparelse vs Besparelse", 2022, -40.0, -45.0, 5.0, "same_rows"),
        # drivers: the printed 50 matches the implied 500 kr.; the text's 520 kr. gives 52
        ("A", "table3", "Anl (tekstens forudsætninger)", 2020, 50.0, 52.0, -2.0, "drivers"),
        # payback: printed 5 years, computed 6
        ("A", "section1", "Tilbagebetalingstid, serviceeffektivisering", None, 5, 6, -1.0, "payback"),
    }
    assert len(findings) == 7


def test_difference_is_reported_minus_computed():
    for finding in audit_case(evaluate(_case(SLIPS))):
        assert finding.difference == pytest.approx(finding.reported - finding.computed)


def test_a_clean_case_has_no_findings():
    clean = _case(CLEAN, CASE.replace(", stated: 520", ""))
    assert audit_case(evaluate(clean)) == []


def test_drivers_only_where_the_text_differs():
    # Without the slips, the stated 520 kr. is the only finding left.
    findings = audit_case(evaluate(_case(CLEAN)))
    assert [(f.check, f.table, f.year, f.reported, f.computed) for f in findings] == [("drivers", "table3", 2020, 50.0, 52.0)]


def test_a_stated_figure_within_rounding_is_not_a_finding():
    # 505 kr. × 100 = 50,5 t.kr.: half a thousand from the printed 50.
    near = _case(CLEAN, CASE.replace("stated: 520", "stated: 505"))
    assert audit_case(evaluate(near)) == []


@pytest.mark.parametrize(("printed", "found"), [("-41", False), ("-39", False), ("-41.5", True), ("-38.5", True)])
def test_tolerance_is_one_thousand(printed, found):
    assert TOLERANCE == 1.0
    case = _case({**CLEAN, "BESPARELSE_2022": printed}, CASE.replace(", stated: 520", ""))
    findings = [f for f in audit_case(evaluate(case)) if f.check == "value"]
    assert bool(findings) is found
    if found:
        assert findings[0].difference == pytest.approx(float(printed) + 40)


def test_payback_printed_as_dash_where_one_is_computed():
    case = _case({**CLEAN, "PAYBACK_SERVICE": "null"}, CASE.replace(", stated: 520", ""))
    findings = audit_case(evaluate(case))
    assert _rows(findings) == {("A", "section1", "Tilbagebetalingstid, serviceeffektivisering", None, None, 6, None, "payback")}


def test_payback_printed_where_none_is_computed():
    foundation = """
id: F
title: Grundinvestering
price_level: 2020
first_year: 2020
last_year: 2021
lines:
  - {name: Drift, kind: permanent, area: service, amounts: {2020: 5, 2021: 10}}
reported:
  payback_service: null
  payback_total: 3
"""
    findings = audit_case(evaluate(parse_case(foundation)))
    assert _rows(findings) == {("F", "section1", "Tilbagebetalingstid, totaløkonomi", None, 3, None, None, "payback")}


def test_no_reported_figures_no_findings():
    text = CASE[: CASE.index("reported:")]
    assert audit_case(evaluate(parse_case(text))) == []


def test_finding_as_json():
    finding = next(f for f in audit_case(evaluate(_case(SLIPS))) if f.check == "drivers")
    assert finding.to_dict() == {
        "case": "A",
        "table": "table3",
        "line": "Anl (tekstens forudsætninger)",
        "year": 2020,
        "reported": 50.0,
        "computed": 52.0,
        "difference": -2.0,
        "check": "drivers",
    }


class TestOverviewAudit:
    @staticmethod
    def _report(drift: float = 100, payback: int | None = 6, total_drift: float = 100) -> OverviewReport:
        return OverviewReport.model_validate(
            {
                "title": "Oversigt",
                "price_level": 2020,
                "rows": [
                    {"case": "A", "label": "R", "drift": drift, "anlaeg": 50, "payback_years": payback, "net_permanent": -35}
                ],
                "total": {"case": "I alt", "label": "I alt", "drift": total_drift, "anlaeg": 50, "net_permanent": -35},
            }
        )

    def test_matching_page_has_no_findings(self):
        computed = overview([evaluate(_case(CLEAN))])
        assert audit_overview(self._report(), computed) == []

    def test_slips_on_the_first_page(self):
        computed = overview([evaluate(_case(CLEAN))])
        findings = audit_overview(self._report(drift=110, payback=5), computed)
        assert _rows(findings) == {
            ("A", "overview", "Drift", None, 110.0, 100.0, 10.0, "overview"),
            ("A", "overview", "Tilbagebetalingstid", None, 5, 6, -1.0, "overview"),
            # the printed "I alt" (100) no longer adds up to its printed rows (110)
            ("I alt", "overview", "Drift (sum of printed rows)", None, 100.0, 110.0, -10.0, "column_sum"),
        }
