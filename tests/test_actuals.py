"""Actuals files: Danish Excel CSV (decimal comma, thousands dots, BOM, CRLF), XLSX, the template, and broken files.

Each bad row is one message naming the file and the row (row 1 is the
header); the good rows still count.
"""

from __future__ import annotations

import io

import pytest
from conftest import CASES
from openpyxl import Workbook

from model import evaluate, load_case
from model.actuals import Actuals, actuals_template_csv, parse_actuals, read_actuals

CASE_MAP = {case.id: case for case in (load_case(CASES / "i4.yaml"), load_case(CASES / "i5.yaml"))}
HANDOVER = "Reduceret tid ved vagtskifte"


def test_danish_numbers():
    data = (
        "case;line;year;actual\n"
        f"I4;{HANDOVER};2017;-10.200\n"  # thousands dot
        "I4;Indkøb af skærme;2017;7.500,5\n"  # thousands dot and decimal comma
        "I5;Projektledelse;2016;330,25\n"
    ).encode()
    result = parse_actuals(data, "faktisk.csv", CASE_MAP)
    assert result.errors == ()
    assert result.actuals.as_dict() == {
        ("I4", HANDOVER, 2017): -10200.0,
        ("I4", "Indkøb af skærme", 2017): 7500.5,
        ("I5", "Projektledelse", 2016): 330.25,
    }


def test_bom_and_crlf_as_danish_excel_saves():
    data = "\ufeffcase;line;year;actual\r\nI4;Licenser;2017;8.000\r\nI4;Licenser;2018;\r\n".encode()
    result = parse_actuals(data, "excel.csv", CASE_MAP)
    assert result.errors == ()  # the empty actual (2018) is "not yet", not an error
    assert result.actuals.as_dict() == {("I4", "Licenser", 2017): 8000.0}


def test_windows_1252_from_excel_csv_semikolonsepareret():
    data = f"case;line;year;actual\r\nI4;{HANDOVER};2018;-14.000\r\n".encode("cp1252")
    assert parse_actuals(data, "ansi.csv", CASE_MAP).actuals.as_dict() == {("I4", HANDOVER, 2018): -14000.0}


def test_broken_rows_are_named_and_the_others_count():
    data = (
        "case;line;year;actual\n"
        "I4;Ukendt linje;2017;100\n"  # row 2: unknown line
        f"I4;{HANDOVER};2017;12,3,4\n"  # row 3: not a number
        "I9;Licenser;2017;1\n"  # row 4: unknown case
        "I4;Licenser;2031;1\n"  # row 5: outside 2016-2025
        "I4;Licenser;2017;8.000\n"  # row 6: fine
        "I4;Licenser;2017;9.000\n"  # row 7: repeats row 6
        "I4;Licenser;17;1\n"  # row 8: not a year
    ).encode()
    result = parse_actuals(data, "faktisk.csv", CASE_MAP)
    assert result.errors == (
        "faktisk.csv, row 2: case I4 has no line 'Ukendt linje'",
        "faktisk.csv, row 3: '12,3,4' is not a number in Danish format (e.g. 1.234,5 or 23,4)",
        "faktisk.csv, row 4: unknown case 'I9' (known: I4, I5)",
        "faktisk.csv, row 5: year 2031 is outside I4's follow-up years 2016-2025",
        "faktisk.csv, row 7: repeats I4 / Licenser / 2017 from row 6; the first is kept",
        "faktisk.csv, row 8: year '17' is not a year such as 2017",
    )
    assert result.actuals.as_dict() == {("I4", "Licenser", 2017): 8000.0}


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\r\n  \r\n"])
def test_an_empty_file_is_one_message(data):
    result = parse_actuals(data, "tom.csv", CASE_MAP)
    assert result.errors == ("tom.csv: the file is empty; it needs a header row case;line;year;actual and one row per actual",)
    assert len(result.actuals) == 0


def test_commas_instead_of_semicolons_are_explained():
    result = parse_actuals(b"case,line,year,actual\nI4,Licenser,2017,1\n", "komma.csv", CASE_MAP)
    assert result.errors == (
        "komma.csv, row 1: the header must name the columns case;line;year;actual (the columns must be separated by "
        "semicolons, as Danish Excel saves CSV); found 'case,line,year,actual'",
    )


def test_xlsx_with_numbers_and_danish_text():
    book = Workbook()
    sheet = book.active
    sheet.append(["case", "line", "year", "actual"])
    sheet.append(["I4", HANDOVER, 2017, -10200])
    sheet.append(["I4", "Licenser", 2017.0, "8.000,5"])
    sheet.append(["I4", "Licenser", 2018, "abc"])
    buffer = io.BytesIO()
    book.save(buffer)
    result = parse_actuals(buffer.getvalue(), "faktisk.xlsx", CASE_MAP)
    assert result.errors == ("faktisk.xlsx, row 4: 'abc' is not a number in Danish format (e.g. 1.234,5 or 23,4)",)
    assert result.actuals.as_dict() == {("I4", HANDOVER, 2017): -10200.0, ("I4", "Licenser", 2017): 8000.5}


def test_a_file_that_is_no_workbook():
    result = parse_actuals(b"PK\x03\x04 not really a zip", "odd.xlsx", CASE_MAP)
    assert result.errors == ("odd.xlsx: cannot be read as an Excel workbook (.xlsx)",)


def test_the_template_lists_every_line_and_year_and_reads_back(tmp_path):
    result = evaluate(CASE_MAP["I4"])
    entered = Actuals.from_mapping({("I4", HANDOVER, 2017): -10200.0})
    data = actuals_template_csv([result], entered)
    lines = data.decode("utf-8-sig").splitlines()
    assert data.startswith(b"\xef\xbb\xbf") and lines[0] == "case;line;year;plan;actual"
    assert len(lines) == 1 + 7 * 10  # seven lines, 2016-2025
    assert f"I4;{HANDOVER};2017;-11125;-10200" in lines
    assert f"I4;{HANDOVER};2019;-18540;" in lines
    path = tmp_path / "skabelon.csv"
    path.write_bytes(data)
    back = read_actuals(path, CASE_MAP)
    assert back.errors == () and back.actuals == entered


def test_a_missing_file_is_one_message(tmp_path):
    assert read_actuals(tmp_path / "nope.csv", CASE_MAP).errors == (f"{tmp_path / 'nope.csv'}: no such file",)
