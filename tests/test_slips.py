"""The audit's findings grouped by cause (model.slips): five slips and three text notes in I1–I6, each once."""

from __future__ import annotations

import pytest
from conftest import CASES

from model import audit_findings, evaluate_paths
from model.slips import group_findings


@pytest.fixture(scope="module")
def groups():
    portfolio = evaluate_paths([CASES])
    findings = audit_findings(portfolio)
    assert len(findings) == 40  # what the ungrouped audit reports (the Kontrol page said "Fund i alt 40")
    return group_findings(findings, {r.case.id: r.case for r in portfolio.results}), findings


def test_five_slips_each_once_with_all_their_cells(groups):
    grouped, _ = groups
    # Read off the printed tables (seeds/003): I2 section 1 prints 0 in 2018-2020 where the licence line gives 50;
    # I3 section 1 leaves 2016 blank where 2.600 is spent; I5 table 2 Projektledelse I alt 675 = 325 + 650 + 75 = 1.050,
    # which also makes the table's own total (1.900) differ from its printed rows (1.525); I5 table 3
    # Mobile lifte I alt 835 (780 + 50 = 830) and the anlæg total 2.465 (2.260 + 200 = 2.460).
    got = {(s.case, s.table, s.line, s.printed, s.correct, s.cells) for s in grouped.slips}
    assert got == {
        ("I2", "section1", "Samlet økonomisk påvirkning", 0.0, 50.0,
         tuple(("section1", "Samlet økonomisk påvirkning", y) for y in (2018, 2019, 2020))),
        ("I3", "section1", "Samlet økonomisk påvirkning", 0.0, 2600.0, (("section1", "Samlet økonomisk påvirkning", 2016),)),
        ("I5", "table2", "Projektledelse", 675.0, 1050.0,
         (("table2", "Projektledelse", None), ("table2", "Investeringer totalt, service", None))),
        ("I5", "table3", "Mobile lifte (inkl. ekstra udstyr mm.)", 835.0, 830.0,
         (("table3", "Mobile lifte (inkl. ekstra udstyr mm.)", None),)),
        ("I5", "table3", "Investeringer totalt, anlæg", 2465.0, 2460.0, (("table3", "Investeringer totalt, anlæg", None),)),
    }  # fmt: skip
    assert len(grouped.slips) == 5
    i5 = next(s for s in grouped.slips if s.line == "Projektledelse")
    assert i5.difference == -375.0
    assert sorted(f.check for f in i5.findings) == ["column_sum", "row_total", "value"]


def test_three_text_notes_apart_from_the_slips(groups):
    grouped, _ = groups
    notes = {(n.case, n.assumptions, n.stated): n for n in grouped.notes}
    # I4: the text's "75 pct. af de 4.730 medarbejdere" against the 79,87 % table 3 implies (34.000 / 9 / 4.730);
    # I6: "de 33 resterende plejecentre" against the 40 that table 1's running costs need (1.900 = 40 × 35 + 5 × 100),
    # and "123 t. kr. pr. plejecenter" against 4.052 / 33 = 122,79.
    assert set(notes) == {("I4", ("licensandel",), (0.75,)), ("I6", ("plejecentre_i_drift",), (33.0,)),
                          ("I6", ("pris_plejecenter",), (123.0,))}  # fmt: skip
    i4 = notes[("I4", ("licensandel",), (0.75,))]
    assert i4.implied[0] == pytest.approx(34000 / 9 / 4730, abs=1e-6)
    # maintenance in section 1 and table 1 (2017-2020), licences, set-up and implementation in table 3 (2017 and I alt)
    assert len(i4.cells) == 14
    assert {line for _, line, _ in i4.cells} == {
        "Årlige vedligeholdelsesomkostninger",
        "Årlige vedligeholdelsesudgifter",
        "Licenser",
        "Opsætning og snitflader",
        "Implementeringspakke, inkl. udd. fra leverandør",
    }
    i6_price = notes[("I6", ("pris_plejecenter",), (123.0,))]
    assert i6_price.cells == tuple(("table2", "Investering, plejecentre", y) for y in (2017, 2018, 2019, None))


def test_every_finding_in_exactly_one_group(groups):
    grouped, findings = groups
    placed = [f for s in grouped.slips for f in s.findings] + [f for n in grouped.notes for f in n.findings]
    assert sorted(map(repr, placed)) == sorted(map(repr, findings))
    assert grouped.findings == 40
    assert {n.case for n in grouped.for_case("I6").notes} == {"I6"}
    assert grouped.for_case("I1").slips == () and grouped.for_case("I1").notes == ()
