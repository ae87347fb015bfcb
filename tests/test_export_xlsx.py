"""The Excel export: sheet structure (openpyxl), text that stays text, and live formulas.

The formulas are proved by LibreOffice: every exported workbook is opened by
soffice headless with "recalculate on load" set to always (see
``tests/libreoffice.py``), after its cached results have been overwritten
with a poison value, so a cell only comes out right if its formula computes
it. All workbooks go through one soffice run.
"""

from __future__ import annotations

import csv
import io
import re
import time
import warnings
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import openpyxl
import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st
from libreoffice import LibreOfficeError, read_values, recalculate, soffice
from sample_cases import T1

from model import Case, CaseResult, Settings, case_to_yaml, evaluate, evaluate_paths, overview, overview_csv, parse_case
from model.cli import main
from model.export_csv import OVERVIEW_COLUMNS
from model.export_xlsx import ASSUMPTIONS_SHEET, OVERVIEW_SHEET, workbook_bytes
from model.xlsx_style import defined_name, sheet_names

CASES = Path(__file__).resolve().parent.parent / "cases"
TOLERANCE = 0.01
POISON = "-987654321"
SECTION1 = "1. Forslagets samlede økonomiske konsekvenser"
TABLES = {1: "Tabel 1. Varige ændringer", 2: "Tabel 2. Serviceinvesteringer", 3: "Tabel 3. Anlægsinvesteringer"}
HOSTILE = ('=HYPERLINK("http://example.com/x","klik")', "+1", "@SUM(A1)", "-2+3", "=1+1", "=cmd|' /C calc'!A0")


# --- cases built here -----------------------------------------------------------


def _case(case_id: str, lines: list[dict], assumptions: Sequence[tuple[str, float]] = (), first=2020, last=2023, **extra) -> Case:
    """A small case: assumptions as (name, value); shares (``andel*``) capped at 1."""
    data = {
        "id": case_id,
        "title": extra.pop("title", f"Case {case_id}"),
        "price_level": extra.pop("price_level", 2016),
        "first_year": first,
        "last_year": last,
        "assumptions": [
            {
                "name": name,
                "label": extra.get("label", f"Antagelse {name}"),
                "value": value,
                "unit": extra.get("unit", "t.kr."),
                "source": extra.get("source", "test"),
                **({"maximum": 1} if name.startswith("andel") else {}),
            }
            for name, value in assumptions
        ],
        "lines": lines,
        **{k: v for k, v in extra.items() if k not in {"label", "unit", "source"}},
    }
    return Case.model_validate(data)


def _edge_cases() -> list[Case]:
    """Every way a line can be written, and every payback branch.

    E1 pays back after the table (6 years over a 4-year table), E2 never
    ("-"), E3 spends nothing (0), E4 in its first year (1), E5 has empty
    tables 1 and 2 and no saving ("-").
    """
    e1 = _case(
        "E1",
        [
            {
                "name": "Gevinst",
                "kind": "permanent",
                "area": "service",
                "formula": "-gevinst",
                "phase_in": {2021: "andel_2021", 2023: 1},  # 2022 keeps 2021's share
                "hours": "gevinst * 1000 / timepris",
            },
            {
                "name": "Gevinst fra timer",  # amount and hours from one derived item, a named profile
                "kind": "permanent",
                "area": "service",
                "formula": "-timer_sparet * timepris / 1000 / 2",
                "phase_in": "ramp",
                "hours": "timer_sparet",
            },
            {
                "name": "Afrundet efter indfasning",
                "kind": "permanent",
                "area": "service",
                "formula": "drift * 1.07 + 1",
                "phase_in": "ramp",
                "round_to": 5,
            },
            {"name": "Engang", "kind": "one_off", "area": "anlaeg", "year": 2021, "formula": "dobbelt_pris * antal"},
            {
                "name": "Funktioner",
                "kind": "permanent",
                "area": "anlaeg",
                "formula": "mround(drift * 1.234, 5) - round(pris / 3, 1) + max(antal, 2) - min(antal, 2) + abs(-antal)"
                " + antal ** 2 - round(drift * 0.0125) - -2 ** 2",
            },
            {
                "name": "Innovation",
                "kind": "one_off",
                "area": "service",
                "funding": "innovationspulje",
                "amounts": {2020: "antal * pris"},
            },
            {"name": "Service", "kind": "one_off", "area": "service", "amounts": {2020: 300, 2021: "pris * 2"}},
            {"name": "Anlæg", "kind": "one_off", "area": "anlaeg", "amounts": {2020: 2000, 2022: -50}, "note": "Salg af udstyr"},
        ],
        [("gevinst", 1000), ("andel_2021", 0.4), ("timepris", 400), ("drift", 100), ("pris", 50), ("antal", 4)],
        derived=[
            {"name": "dobbelt_pris", "label": "To gange prisen", "formula": "pris * 2", "unit": "t.kr."},
            {"name": "timer_sparet", "label": "Sparede timer", "formula": "gevinst * 100 / timepris", "unit": "timer"},
        ],
        phase_in_profiles={"ramp": {2021: 0.25, 2022: "andel_2021 + 0.5", 2023: 1}},
        hours_per_fte=1480,
    )
    e2 = _case(
        "E2",
        [
            {"name": "Udgift", "kind": "permanent", "area": "service", "amounts": {2020: 10, 2021: 20, 2022: 20, 2023: 20}},
            {"name": "Lille besparelse", "kind": "permanent", "area": "service", "formula": "-5"},
        ],
    )
    e3 = _case(
        "E3", [{"name": "Ren besparelse", "kind": "permanent", "area": "service", "formula": "-besparelse"}], [("besparelse", 30)]
    )
    e4 = _case(
        "E4",
        [
            {"name": "Besparelse", "kind": "permanent", "area": "service", "formula": "-besparelse"},
            {"name": "Investering", "kind": "one_off", "area": "anlaeg", "amounts": {2020: 100}},
        ],
        [("besparelse", 150)],
        last=2021,
    )
    e5 = _case("E5", [{"name": "Kun anlæg", "kind": "one_off", "area": "anlaeg", "amounts": {2020: 100}}], last=2020)
    return [e1, e2, e3, e4, e5]


def _hostile_cases() -> list[Case]:
    """Text that a spreadsheet would run, and case ids that test sheet and defined names."""
    line = {"kind": "permanent", "area": "service", "formula": "-x"}
    cost = {"kind": "one_off", "area": "service", "amounts": {2020: 10}}
    hostile = _case(
        "H1",
        [
            {**line, "name": HOSTILE[1], "note": HOSTILE[4]},
            {**cost, "name": HOSTILE[2], "funding": "innovationspulje"},
            {**cost, "name": HOSTILE[3], "amounts": {2020: 20}},
        ],
        [("x", 7)],
        title=HOSTILE[0],
        summary=HOSTILE[4],
        label=HOSTILE[5],
        unit=HOSTILE[2],
        source=HOSTILE[1],
    )
    # Ids whose names collide: "a-b" and "a_b" both want the defined name a_b_x;
    # "oversigt" and "History" the sheet names Excel reserves; "2-a" starts with a digit.
    others = [
        _case(case_id, [{**line, "name": "Besparelse"}, {**cost, "name": "Udgift"}], [("x", value)])
        for case_id, value in (("a-b", 1), ("a_b", 2), ("oversigt", 3), ("History", 4), ("2-a", 5), ("X" * 32, 6))
    ]
    return [hostile, *others]


# --- reading workbooks ------------------------------------------------------------


def _book(data: bytes, data_only: bool = False) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data), data_only=data_only)


def _formula_cells(data: bytes) -> dict[tuple[str, str], object]:
    """(sheet, cell) → cached result, for every formula cell of the workbook."""
    formulas, cached = _book(data), _book(data, data_only=True)
    return {
        (sheet.title, cell.coordinate): cached[sheet.title][cell.coordinate].value
        for sheet in formulas.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    }


def _poisoned(data: bytes) -> bytes:
    """The workbook with every formula's cached result replaced by a poison value."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                body, count = re.subn(rb"(</f>)<v>[^<]*</v>", rb"\1<v>" + POISON.encode() + rb"</v>", body)
                assert count or b"<f>" not in body
            target.writestr(item, body)
    return out.getvalue()


def _same(expected: object, got: object) -> bool:
    if isinstance(expected, str) or isinstance(got, str) or expected is None or got is None:
        return expected == got
    return abs(float(expected) - float(got)) <= TOLERANCE


def _row_of(sheet, text: str, start: int = 1) -> int:
    for row in range(start, sheet.max_row + 1):
        if sheet.cell(row, 1).value == text:
            return row
    raise AssertionError(f"{sheet.title}: no row {text!r}")


def _block(sheet, heading: str) -> tuple[list[object], list[tuple[str, object, list[object], object]]]:
    """The table under ``heading``: its years, and per row (label, column B, year values, the value after the years)."""
    top = _row_of(sheet, heading)
    header = [sheet.cell(top + 1, col).value for col in range(3, sheet.max_column + 1)]
    years = [y for y in header if isinstance(y, int)]
    rows = []
    row = top + 2
    while sheet.cell(row, 1).value not in (None, ""):
        values = [sheet.cell(row, 3 + i).value for i in range(len(years))]
        rows.append((sheet.cell(row, 1).value, sheet.cell(row, 2).value, values, sheet.cell(row, 3 + len(years)).value))
        row += 1
    return years, rows


def _key_figures(sheet) -> dict[str, object]:
    top = _row_of(sheet, "Nøgletal")
    figures, row = {}, top + 1
    while sheet.cell(row, 3).value is not None:
        figures[sheet.cell(row, 1).value] = sheet.cell(row, 3).value
        row += 1
    return figures


def _overview_rows(sheet) -> dict[str, dict[str, object]]:
    """The Oversigt sheet as {case id or "I alt": {overview key: value}}."""
    header = _row_of(sheet, "Case")
    rows, row = {}, header + 1
    while sheet.cell(row, 1).value not in (None, ""):
        rows[sheet.cell(row, 1).value] = {key: sheet.cell(row, 1 + col).value for col, (key, _) in enumerate(OVERVIEW_COLUMNS)}
        row += 1
    return rows


def _expected_overview(results: Sequence[CaseResult]) -> dict[str, dict[str, object]]:
    table = overview(results)
    rows = {r.id: r.to_dict() for r in table.rows}
    assert table.total is not None
    rows["I alt"] = table.total.to_dict()
    for row in rows.values():
        row["payback_years"] = "-" if row["payback_years"] is None else row["payback_years"]
    rows["I alt"]["payback_years"] = None
    return rows


def _assert_overview(got: Mapping[str, Mapping[str, object]], expected: Mapping[str, Mapping[str, object]]) -> None:
    assert set(got) == set(expected)
    for case_id, row in expected.items():
        for key, _ in OVERVIEW_COLUMNS[2:]:
            want = row[key]
            if case_id == "I alt" and key == "payback_years":
                continue
            assert _same(want, got[case_id][key]), (case_id, key, want, got[case_id][key])


# --- fixtures ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def documented() -> tuple[CaseResult, ...]:
    """The case files in cases/, evaluated as documented."""
    results = evaluate_paths([CASES]).results
    if not results:
        pytest.fail("no case files in cases/")
    return results


#: Changes a user might make in the app (or in Excel): I4 pays back after the
#: table, I3 never (2.500 citizens × 400 kr. = 1.000 t.kr. a year), I5's hours (the formula drivers) move.
CHANGES = {"I4": {"gevinst_vagtskifte": 12000.0}, "I3": {"besparelse_pr_borger": 400.0}, "I5": {"timer_pr_uge": 2.5}}
CHANGED_SETTINGS = Settings(discount_rate=0.05, horizon=10, hours_per_fte=1600.0)


def _changed(results: Sequence[CaseResult], settings_: Settings | None = None) -> list[CaseResult]:
    return [
        evaluate(
            r.case.with_values(
                {k: v for k, v in CHANGES.get(r.case.id, {}).items() if k in {a.name for a in r.case.assumptions}}
            ),
            settings_,
        )
        for r in results
    ]


def _edit_assumptions(data: bytes, values: Mapping[tuple[str, str], float]) -> bytes:
    """The workbook with some Antagelser values typed over, as a user would (cached results are dropped)."""
    book = _book(data)
    sheet = book[ASSUMPTIONS_SHEET]
    found = set()
    for row in range(1, sheet.max_row + 1):
        key = (sheet.cell(row, 1).value, sheet.cell(row, 2).value)
        if key in values:
            sheet.cell(row, 4).value = values[key]
            found.add(key)
    assert found == set(values)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture(scope="session")
def exported(documented) -> dict[str, bytes]:
    """Every workbook the LibreOffice tests recalculate, as exported (cached values = the engine's)."""
    edge = [evaluate(case) for case in _edge_cases()]
    return {
        "documented": workbook_bytes(documented),
        "changed_in_app": workbook_bytes(_changed(documented)),
        "edge": workbook_bytes(edge),
        "edge_short": workbook_bytes(edge, Settings(discount_rate=0.0, horizon=3, hours_per_fte=1600.0)),
        "edge_one_year": workbook_bytes(edge, Settings(discount_rate=0.1, horizon=1)),
        "hostile": workbook_bytes([evaluate(case) for case in _hostile_cases()]),
    }


@pytest.fixture(scope="session")
def recalculated(exported, tmp_path_factory) -> dict[str, Path]:
    """Each workbook recalculated by LibreOffice, all in one soffice run.

    ``<name>``: the export with its cached results poisoned; ``edited_values``
    and ``edited_settings``: the documented export with assumptions typed over
    in Antagelser (see :data:`CHANGES`, :data:`CHANGED_SETTINGS`).
    """
    if soffice() is None:
        pytest.fail("LibreOffice (soffice) is not installed: run scripts/install-system-deps.sh")
    inputs = {name: _poisoned(data) for name, data in exported.items()}
    inputs["edited_values"] = _edit_assumptions(
        exported["documented"], {(case_id, name): value for case_id, change in CHANGES.items() for name, value in change.items()}
    )
    inputs["edited_settings"] = _edit_assumptions(
        exported["documented"],
        {("Alle", "discount_rate"): CHANGED_SETTINGS.discount_rate, ("Alle", "hours_per_fte"): CHANGED_SETTINGS.hours_per_fte},
    )
    source, target = tmp_path_factory.mktemp("xlsx-in"), tmp_path_factory.mktemp("xlsx-out")
    paths = []
    for name, data in inputs.items():
        paths.append(source / f"{name}.xlsx")
        paths[-1].write_bytes(data)
    started = time.perf_counter()
    outputs = recalculate(paths, target)
    print(f"LibreOffice recalculated {len(paths)} workbooks in {time.perf_counter() - started:.1f} s")
    return dict(zip(inputs, outputs, strict=True))


# --- structure ----------------------------------------------------------------------


class TestStructure:
    def test_sheets_in_order(self, documented):
        book = _book(workbook_bytes(documented))
        assert book.sheetnames == [OVERVIEW_SHEET, ASSUMPTIONS_SHEET, *(r.case.id for r in documented)]

    def test_assumptions_one_row_each_with_a_defined_name(self, documented):
        book = _book(workbook_bytes(documented))
        sheet = book[ASSUMPTIONS_SHEET]
        header = _row_of(sheet, "Case")
        assert [c.value for c in sheet[header]] == ["Case", "Navn", "Beskrivelse", "Værdi", "Enhed", "Kilde", "Navn i formler"]
        rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=header + 1)]
        expected = []
        for r in documented:
            expected += [[r.case.id, a.name, a.label, a.value, a.unit, a.source] for a in r.case.assumptions]
            expected += [[r.case.id, d.name, d.label, None, d.unit, d.source] for d in r.case.derived_in_order()]
        # A derived item's value is a formula over the defined names (cached value: the engine's).
        shown = [[*row[:3], None if isinstance(row[3], str) else row[3], *row[4:6]] for row in rows if row[0] != "Alle"]
        assert shown == expected
        derived = {row[1]: row[3] for row in rows if row[0] == "I4"}
        assert derived["brugere"] == "=(I4_medarbejdere*I4_licensandel)"
        assert derived["implementeringsomkostning"] == "=((I4_brugere*I4_pris_pr_bruger)/1000)"
        assert [row[1] for row in rows if row[0] == "Alle"] == ["discount_rate", "hours_per_fte"]
        for index, row in enumerate(rows, start=header + 1):
            defined = book.defined_names[row[6]]
            assert defined.attr_text.replace("'", "") == f"{ASSUMPTIONS_SHEET}!$D${index}"
        assert "I4_gevinst_vagtskifte" in book.defined_names
        assert sheet.freeze_panes == f"A{header + 1}"

    def test_case_sheets_hold_the_engine_figures(self, documented):
        data = workbook_bytes(documented)
        book, cached = _book(data), _book(data, data_only=True)
        for result in documented:
            sheet, values = book[result.case.id], cached[result.case.id]
            assert result.case.title in sheet["A1"].value
            frame = result.section1()
            years, rows = _block(values, SECTION1)
            assert years == list(result.years)
            assert sheet.cell(_row_of(sheet, SECTION1) + 1, 1).value == f"1.000 kr. {result.case.price_level} p/l"
            shown = {label: (area, cells) for label, area, cells, _ in rows}
            assert [label for label, *_ in rows if label in frame.index] == list(frame.index)
            for label in frame.index:
                area, cells = shown[label]
                assert (area or "").strip() == frame.loc[label, "Styringsområde"]
                np.testing.assert_allclose(cells, frame.loc[label, list(result.years)].to_numpy(dtype=float), atol=1e-9)
            for number, heading in TABLES.items():
                table = result.table(number)
                years, rows = _block(values, heading)
                assert years == list(result.years)
                assert [label for label, *_ in rows][: len(table)] == list(table.index)
                for (label, marker, cells, total), (_, expected) in zip(rows, table.iterrows(), strict=False):
                    np.testing.assert_allclose(cells, expected[list(result.years)].to_numpy(dtype=float), atol=1e-9)
                    if number != 1:
                        assert total == pytest.approx(expected["I alt"])
                    if number == 2 and label != table.index[-1]:
                        assert (marker or "") == expected["Innovationspulje"]
            figures = list(_key_figures(values).values())
            k = result.kpis
            assert figures[0] == ("-" if k.payback_years is None else k.payback_years)
            np.testing.assert_allclose(
                figures[1:], [k.net_permanent, k.drift, k.anlaeg, k.innovation, k.npv, k.fte_full], atol=1e-9
            )

    def test_lines_are_formulas_and_amounts_are_numbers(self, documented):
        book = _book(workbook_bytes(documented))
        for result in documented:
            sheet = book[result.case.id]
            for number, heading in TABLES.items():
                top = _row_of(sheet, heading)
                lines = [ln for ln in result.case.lines if ln.name in result.table(number).index]
                for offset, line in enumerate(lines):
                    row = top + 2 + offset
                    assert sheet.cell(row, 1).value == line.name
                    for index, year in enumerate(result.years):
                        cell = sheet.cell(row, 3 + index)
                        spec, _ = line.spec(year)
                        assert cell.data_type == ("f" if isinstance(spec, str) else "n"), (line.name, year)
                        assert cell.number_format == "#,##0"
        i4 = book["I4"]
        vagtskifte = i4.cell(_row_of(i4, "Reduceret tid ved vagtskifte", _row_of(i4, TABLES[1])), 4).value
        # -gevinst_fuld × the share cell, rounded to 5 (round_to) as the engine does.
        share_row = _row_of(i4, "Reduceret tid ved vagtskifte", _row_of(i4, "Indfasning (andel af fuld effekt)"))
        assert vagtskifte == f"=ROUND(((-(I4_gevinst_fuld))*D{share_row})/5,0)*5"

    def test_totals_cumulative_payback_and_npv_are_formulas(self, documented):
        book = _book(workbook_bytes(documented))
        sheet = book["I4"]
        row = _row_of(sheet, "Samlet varig ændring")
        assert sheet.cell(row, 3).value.startswith("=")
        cumulative = _row_of(sheet, "Akkumuleret, alle midler")
        assert sheet.cell(cumulative, 4).value.startswith("=C")
        figures = _row_of(sheet, "Nøgletal")
        payback, npv = sheet.cell(figures + 1, 3).value, sheet.cell(figures + 6, 3).value
        assert "MATCH(1," in payback
        assert '"-"' in payback
        assert re.fullmatch(r"=-\(C\d+\+NPV\(Diskonteringsrente,D\d+:L\d+\)\)", npv)

    def test_overview_refers_to_the_case_sheets(self, documented):
        data = workbook_bytes(documented)
        book, cached = _book(data), _book(data, data_only=True)
        sheet = book[OVERVIEW_SHEET]
        _assert_overview(_overview_rows(cached[OVERVIEW_SHEET]), _expected_overview(documented))
        header = _row_of(sheet, "Case")
        for offset, result in enumerate(documented, start=1):
            for col in range(3, 3 + len(OVERVIEW_COLUMNS) - 2):
                assert re.fullmatch(rf"='{result.case.id}'!\$C\$\d+", sheet.cell(header + offset, col).value)
        total = header + len(documented) + 1
        assert sheet.cell(total, 1).value == "I alt"
        assert sheet.cell(total, 3).value == f"=SUM(C{header + 1}:C{total - 1})"
        assert f"{documented[0].case.price_level} p/l" in sheet.cell(header, 3).value

    def test_innovation_pool_footnote(self, documented):
        book = _book(workbook_bytes(documented), data_only=True)
        with_pool = [r for r in documented if r.kpis.innovation]
        assert with_pool, "the documents seek innovation-pool money in I3 and I4"
        for result in with_pool:
            sheet = book[result.case.id]
            row = _row_of(sheet, "Jf. tabel 2 søges der også om midler fra innovationspuljen, i alt (1.000 kr.):")
            assert sheet.cell(row, 3).value == pytest.approx(result.kpis.innovation)
        sheet = book[OVERVIEW_SHEET]
        notes = [
            row for row in sheet.iter_rows() if str(row[1].value or "").startswith("Drift er uden midler fra innovationspuljen")
        ]
        assert len(notes) == 1
        assert notes[0][2].value == pytest.approx(sum(r.kpis.innovation for r in documented))

    def test_layout_formats_and_print_setup(self, documented):
        book = _book(workbook_bytes(documented))
        for sheet in book.worksheets:
            assert sheet.page_setup.orientation == "landscape"
            assert int(sheet.page_setup.paperSize) == 9  # A4
            assert sheet.sheet_properties.pageSetUpPr.fitToPage
            assert sheet.page_setup.fitToWidth in (None, 1)  # 1 page wide (1 is the default, left out of the file)
            assert sheet.page_setup.fitToHeight == 0  # as many pages tall as needed
            assert sheet.print_title_rows
            assert sheet.freeze_panes
            assert sheet.column_dimensions["A"].width >= 8
        sheet = book["I4"]
        assert sheet.freeze_panes == "C5"
        assert sheet.print_title_rows == "$1:$4"
        assert sheet.column_dimensions["A"].width > 40
        assert sheet.cell(_row_of(sheet, "Samlet økonomisk påvirkning"), 3).number_format == "#,##0"

    def test_settings_are_applied(self, documented):
        custom = Settings(discount_rate=0.05, horizon=4, hours_per_fte=1600.0)
        book = _book(workbook_bytes(documented, custom), data_only=True)
        for result in documented:
            figures = _key_figures(book[result.case.id])
            again = evaluate(result.case, custom)
            assert figures["Nutidsværdi af nettobesparelser, 4 år (1.000 kr.; + når det betaler sig)"] == pytest.approx(
                again.kpis.npv
            )
            assert figures["Årsværk frigjort, fuldt indfaset"] == pytest.approx(again.kpis.fte_full)
        assumptions = book[ASSUMPTIONS_SHEET]
        assert assumptions.cell(_row_of(assumptions, "Alle"), 4).value == 0.05

    def test_no_cases_gives_a_valid_workbook(self):
        book = _book(workbook_bytes([]))
        assert book.sheetnames == [OVERVIEW_SHEET, ASSUMPTIONS_SHEET]

    def test_mixed_price_levels_have_no_total(self):
        a = evaluate(_case("A", [{"name": "L", "kind": "permanent", "area": "service", "formula": "-1"}]))
        b = evaluate(_case("B", [{"name": "L", "kind": "permanent", "area": "service", "formula": "-1"}], price_level=2020))
        book = _book(workbook_bytes([a, b]), data_only=True)
        rows = _overview_rows(book[OVERVIEW_SHEET])
        assert set(rows) == {"A", "B"}
        assert any(str(c.value).startswith("Ingen I alt") for row in book[OVERVIEW_SHEET].iter_rows() for c in row)
        assert book["B"].cell(_row_of(book["B"], SECTION1) + 1, 1).value == "1.000 kr. 2020 p/l"

    def test_export_command_writes_the_workbook(self, documented, tmp_path, capsys):
        target = tmp_path / "cases.xlsx"
        assert main(["export", str(CASES), "--xlsx", str(target)]) in (0, 1)
        assert f"wrote {target}" in capsys.readouterr().out
        assert _book(target.read_bytes()).sheetnames[:2] == [OVERVIEW_SHEET, ASSUMPTIONS_SHEET]


class TestNames:
    def test_defined_names_are_prefixed_and_unique(self):
        taken: set[str] = set()
        assert defined_name("I4", "gevinst_vagtskifte", taken) == "I4_gevinst_vagtskifte"
        assert defined_name("a-b", "x", taken) == "a_b_x"
        assert defined_name("a_b", "x", taken) == "a_b_x_2"
        assert defined_name("A_B", "x", taken) == "A_B_x_3"  # Excel names ignore case
        assert defined_name("2-a", "x", taken) == "C2_a_x"

    @settings(max_examples=200, deadline=None)
    @given(
        st.lists(
            st.tuples(
                st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}", fullmatch=True),
                st.from_regex(r"[a-z][a-z0-9_]{0,40}", fullmatch=True),
            ),
            max_size=8,
        )
    )
    def test_defined_names_are_valid_excel_names(self, pairs):
        taken: set[str] = set()
        names = [defined_name(case_id, name, taken) for case_id, name in pairs]
        assert len({n.casefold() for n in names}) == len(names)
        book = xlsxwriter.Workbook(io.BytesIO(), {"in_memory": True})
        book.add_worksheet("S")
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # XlsxWriter warns on a name Excel would refuse
            for name in names:
                assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", name)
                assert book.define_name(name, "=S!$A$1") == 0
        book.close()

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}", fullmatch=True), max_size=8))
    def test_sheet_names_are_short_and_unique(self, ids):
        names = sheet_names(ids)
        folded = [n.casefold() for n in names]
        assert len(set(folded)) == len(names)
        assert not {"oversigt", "antagelser", "history"} & set(folded)
        assert all(1 <= len(n) <= 31 for n in names)


class TestTextStaysText:
    def test_hostile_text_is_written_as_strings(self):
        data = workbook_bytes([evaluate(case) for case in _hostile_cases()])
        book = _book(data)
        seen = set()
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f":
                        assert not any(word in cell.value for word in ("HYPERLINK", "cmd", "SUM(A1)")), cell.value
                    elif isinstance(cell.value, str) and any(text in cell.value for text in HOSTILE):
                        assert cell.data_type == "s"
                        seen.add(cell.value)
        assert {HOSTILE[0], HOSTILE[1], HOSTILE[2], HOSTILE[3], HOSTILE[4], HOSTILE[5], f"H1 {HOSTILE[0]}"} <= seen
        overview_sheet = book[OVERVIEW_SHEET]
        assert overview_sheet.cell(_row_of(overview_sheet, "H1"), 2).value == HOSTILE[0]
        xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
        assert "HYPERLINK" not in xml  # the title is a shared string, not a formula

    def test_hostile_text_is_neutralised_in_every_csv(self, tmp_path, capsys):
        results = [evaluate(case) for case in _hostile_cases()[:1]]
        text = overview_csv(overview(results)).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        assert rows[1][1] == "'" + HOSTILE[0]
        plain = list(csv.reader(io.StringIO(overview_csv(overview(results), dialect="plain").decode()), delimiter=","))
        assert plain[1][1] == "'" + HOSTILE[0]
        path = tmp_path / "h1.yaml"
        path.write_text(case_to_yaml(results[0].case), encoding="utf-8")
        assert main(["summary", str(path), "--format", "csv"]) == 0
        summary = list(csv.reader(io.StringIO(capsys.readouterr().out)))
        assert summary[1][1] == "'" + HOSTILE[0]
        for row in [*rows, *plain, *summary]:
            for value in row:
                assert not value.startswith(("=", "+", "@")), value


# --- LibreOffice: the formulas compute the engine's figures --------------------------------


def _assert_recalculated(exported_data: bytes, path: Path) -> int:
    """Every formula cell as LibreOffice computed it equals the engine's value (the export's cached result)."""
    expected = _formula_cells(exported_data)
    values = read_values(path)
    wrong = [
        (sheet, cell, want, values[sheet].get(cell))
        for (sheet, cell), want in expected.items()
        if not _same(want, values[sheet].get(cell))
    ]
    assert not wrong, f"{len(wrong)} of {len(expected)} formula cells differ (sheet, cell, engine, LibreOffice): {wrong[:15]}"
    return len(expected)


@pytest.mark.libreoffice
class TestLibreOffice:
    @pytest.mark.parametrize("name", ["documented", "changed_in_app", "edge", "edge_short", "edge_one_year", "hostile"])
    def test_every_formula_cell_equals_the_engine(self, name, exported, recalculated):
        assert _assert_recalculated(exported[name], recalculated[name]) > 20

    def test_documented_overview(self, documented, recalculated):
        book = openpyxl.load_workbook(recalculated["documented"], data_only=True)
        got = _overview_rows(book[OVERVIEW_SHEET])
        _assert_overview(got, _expected_overview(documented))
        assert {"I1", "I2", "I3", "I4", "I5", "I6", "I alt"} <= set(got)
        assert [got[i]["payback_years"] for i in ("I1", "I2", "I3", "I4", "I5", "I6")] == ["-", "-", 5, 6, 4, 6]
        assert (got["I alt"]["drift"], got["I alt"]["anlaeg"], got["I alt"]["net_permanent"]) == pytest.approx(
            (11970, 54246, -14565)
        )

    def test_changed_in_app(self, documented, recalculated):
        book = openpyxl.load_workbook(recalculated["changed_in_app"], data_only=True)
        _assert_overview(_overview_rows(book[OVERVIEW_SHEET]), _expected_overview(_changed(documented)))

    def test_assumption_typed_over_in_excel_moves_the_overview_as_the_engine_predicts(self, documented, recalculated):
        before = _overview_rows(openpyxl.load_workbook(recalculated["documented"], data_only=True)[OVERVIEW_SHEET])
        after = _overview_rows(openpyxl.load_workbook(recalculated["edited_values"], data_only=True)[OVERVIEW_SHEET])
        engine_before, engine_after = _expected_overview(documented), _expected_overview(_changed(documented))
        _assert_overview(after, engine_after)
        moved = 0
        for case_id in engine_after:
            for key in ("drift", "anlaeg", "net_permanent", "npv", "fte_full"):
                predicted = engine_after[case_id][key] - engine_before[case_id][key]
                assert after[case_id][key] - before[case_id][key] == pytest.approx(predicted, abs=TOLERANCE), (case_id, key)
                moved += abs(predicted) > TOLERANCE
        assert moved >= 4
        assert {"I3", "I4"} <= set(after)
        assert (before["I4"]["payback_years"], after["I4"]["payback_years"]) == (6, engine_after["I4"]["payback_years"])
        assert after["I4"]["payback_years"] > 5  # beyond the table: the permanent level continues
        assert after["I3"]["payback_years"] == "-"

    def test_settings_typed_over_in_excel(self, documented, recalculated):
        book = openpyxl.load_workbook(recalculated["edited_settings"], data_only=True)
        expected = _expected_overview([evaluate(r.case, CHANGED_SETTINGS) for r in documented])
        _assert_overview(_overview_rows(book[OVERVIEW_SHEET]), expected)

    def test_hostile_text_survives_libreoffice_as_text(self, recalculated):
        values = read_values(recalculated["hostile"])
        assert values["H1"]["A1"] == f"H1 {HOSTILE[0]}"
        assert HOSTILE[0] in values[OVERVIEW_SHEET].values()
        assert {HOSTILE[1], HOSTILE[2], HOSTILE[3]} <= set(values["H1"].values())

    def test_recalculate_refuses_to_overwrite_its_input(self, tmp_path):
        if soffice() is None:
            pytest.fail("LibreOffice (soffice) is not installed: run scripts/install-system-deps.sh")
        source = tmp_path / "a.xlsx"
        source.write_bytes(workbook_bytes([]))
        with pytest.raises(LibreOfficeError, match="overwrite"):
            recalculate([source], tmp_path)


def test_a_formula_longer_than_excel_accepts_is_refused_with_its_cell():
    # min() of 990 references to `a` fits the engine's 2.000 characters, but each becomes the
    # defined name "<30-character id>_a" (32 characters) in the workbook: about 33.000 characters.
    case_id = "L" * 30
    text = T1.replace("id: T1", f"id: {case_id}").replace('"-gevinst"', '"min(' + ",".join(["a"] * 990) + ')"')
    text = text.replace("assumptions:\n", "assumptions:\n  - {name: a, label: A, value: 1, unit: stk., source: test}\n", 1)
    with pytest.raises(ValueError, match=r"the formula is [\d,]+ characters; Excel accepts at most 8,192"):
        workbook_bytes([evaluate(parse_case(text))])
