"""CSV export: Danish (BOM, ``;``, decimal comma) or plain, text that never turns into a formula."""

from __future__ import annotations

import csv
import io

import numpy as np
import pytest

from model import csv_bytes, evaluate, overview, overview_csv, parse_case, safe_text

BOM = b"\xef\xbb\xbf"


def _read(data: bytes, dialect: str) -> list[list[str]]:
    if dialect == "danish":
        assert data.startswith(BOM)
        return list(csv.reader(io.StringIO(data[len(BOM) :].decode("utf-8")), delimiter=";"))
    assert not data.startswith(BOM)
    return list(csv.reader(io.StringIO(data.decode("utf-8")), delimiter=","))


class TestSafeText:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ('=HYPERLINK("http://x","klik")', '\'=HYPERLINK("http://x","klik")'),
            ("+1", "'+1"),
            ("-x", "'-x"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("Skærmteknologi", "Skærmteknologi"),
            ("a=b", "a=b"),
            ("", ""),
        ],
    )
    def test_values(self, text, expected):
        assert safe_text(text) == expected


ROWS = (("I4", "Vagtskifte; skærme", 2016, -10040.0, 388.073428310214, None, 0.1 + 0.2),)


class TestCsvBytes:
    def test_danish(self):
        data = csv_bytes(["id", "title", "price_level", "net", "npv", "payback", "x"], ROWS, dialect="danish")
        assert data.startswith(BOM)
        assert b"\r\n" in data
        rows = _read(data, "danish")
        assert rows[0] == ["id", "title", "price_level", "net", "npv", "payback", "x"]
        assert rows[1] == ["I4", "Vagtskifte; skærme", "2016", "-10040", "388,073428", "", "0,3"]

    def test_plain(self):
        rows = _read(csv_bytes(["id", "title", "price_level", "net", "npv", "payback", "x"], ROWS, dialect="plain"), "plain")
        assert rows[1] == ["I4", "Vagtskifte; skærme", "2016", "-10040", "388.073428", "", "0.3"]

    @pytest.mark.parametrize("dialect", ["danish", "plain"])
    def test_negative_numbers_stay_numbers_and_formula_text_is_neutralised(self, dialect):
        rows = _read(csv_bytes(["=cmd", "n"], [["-x", -5], ["@SUM(A1)", -1.5]], dialect=dialect), dialect)
        assert rows[0] == ["'=cmd", "n"]
        assert rows[1] == ["'-x", "-5"]
        assert rows[2] == ["'@SUM(A1)", "-1,5" if dialect == "danish" else "-1.5"]

    @pytest.mark.parametrize("dialect", ["danish", "plain"])
    def test_numpy_numbers_are_numbers(self, dialect):
        rows = _read(csv_bytes(["a", "b", "c"], [[np.int64(-5), np.float64(-1.5), np.float32(2.5)]], dialect=dialect), dialect)
        comma = "," if dialect == "danish" else "."
        assert rows[1] == ["-5", f"-1{comma}5", f"2{comma}5"]


TITLES = ['=HYPERLINK("http://evil.example","klik")', "+1", "-x", "@SUM(A1)"]


def _results():
    results = []
    for number, title in enumerate(TITLES, start=1):
        text = f"""
id: C{number}
title: '{title}'
price_level: 2020
first_year: 2020
last_year: 2021
lines:
  - {{name: Spar, kind: permanent, area: service, amounts: {{2020: -5, 2021: -5}}}}
  - {{name: Inv, kind: one_off, area: service, amounts: {{2020: 7.5}}}}
"""
        results.append(evaluate(parse_case(text)))
    return results


class TestOverviewCsv:
    @pytest.mark.parametrize("dialect", ["danish", "plain"])
    def test_titles_become_text_in_both_dialects(self, dialect):
        rows = _read(overview_csv(overview(_results()), dialect=dialect), dialect)
        assert [row[1] for row in rows[1:5]] == ["'" + title for title in TITLES]
        assert rows[5][:2] == ["I alt", ""]  # the total has an id, not a title a second time

    def test_danish_layout(self):
        rows = _read(overview_csv(overview(_results()), dialect="danish"), "danish")
        assert rows[0] == [
            "Case",
            "Titel",
            "Drift (1.000 kr.)",
            "Anlæg (1.000 kr.)",
            "Tilbagebetalingstid (år)",
            "Varig effektivisering, netto (1.000 kr.)",
            "Nutidsværdi (1.000 kr.)",
            "Årsværk frigjort",
        ]
        # Cumulative 2,5 then -2,5: paid back in the second year.
        assert rows[1][0] == "C1"
        assert rows[1][2:6] == ["8", "0", "2", "-5"]  # figures as the app shows them: 7,5 thousand kr. is 8
        assert rows[5][2:6] == ["30", "0", "", "-20"]

    def test_plain_layout_and_translated_headers(self):
        headers = ["case", "title", "drift", "anlaeg", "payback", "net", "npv", "fte"]
        rows = _read(overview_csv(overview(_results()), dialect="plain", headers=headers), "plain")
        assert rows[0] == headers
        assert rows[1][2:6] == ["8", "0", "2", "-5"]
        npv = -(7.5 - 5 - sum(5 / 1.035**t for t in range(1, 10)))  # 5 × 7,6077 − 2,5 = 35,54: shown (and exported) as 36
        assert rows[1][6] == "36" == str(round(npv))

    def test_mixed_price_levels_have_no_total_row(self):
        results = _results()
        odd = parse_case(
            """
id: OLD
title: Gammel
price_level: 2016
first_year: 2016
last_year: 2016
lines: [{name: Inv, kind: one_off, area: service, amounts: {2016: 1}}]
"""
        )
        rows = _read(overview_csv(overview([*results, evaluate(odd)], allow_mixed_price_levels=True)), "danish")
        assert [row[0] for row in rows[1:]] == ["C1", "C2", "C3", "C4", "OLD"]
