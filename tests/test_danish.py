"""Danish numbers: ``1.234,5`` in and out; refuse what is ambiguous rather than guess."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import format_amount, format_number, format_percent_da, format_years, parse_number


class TestParseNumber:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("23,4", 23.4),
            ("1.234,5", 1234.5),
            ("1.234", 1234.0),
            ("-1.935", -1935.0),
            ("\u22121.935", -1935.0),  # the typographic minus sign
            ("+5", 5.0),
            (" 12 ", 12.0),
            ("0,035", 0.035),
            ("1.234.567,89", 1234567.89),
            ("-14.565", -14565.0),
            ("1\u00a0234", 1234.0),  # a no-break space as thousands separator
            ("1 234", 1234.0),
            ("0", 0.0),
        ],
    )
    def test_accepted(self, text, expected):
        assert parse_number(text) == expected

    @pytest.mark.parametrize(
        "text",
        ["23.4", "1.23", "1.2345", "1.234.5", "12 %", "abc", "1e5", "nan", "inf", ",5", "1,2,3", "--5", "1,", "0x1F"],
    )
    def test_refused(self, text):
        with pytest.raises(ValueError, match="is not a number in Danish format"):
            parse_number(text)

    def test_lone_dot_is_not_read_as_a_thousands_separator(self):
        with pytest.raises(ValueError) as info:
            parse_number("23.4")
        assert str(info.value) == "'23.4' is not a number in Danish format (e.g. 1.234,5 or 23,4)"

    @pytest.mark.parametrize("text", ["", "   "])
    def test_empty(self, text):
        with pytest.raises(ValueError, match="enter a number"):
            parse_number(text)

    @pytest.mark.parametrize("text", ["12 5", "2 3", "1 23,4"])
    def test_spaces_that_are_not_thousands_separators_are_refused(self, text):
        # "12 5" is a typo for 12,5 or 125; reading it as 125 is a guess.
        with pytest.raises(ValueError):
            parse_number(text)

    @settings(max_examples=200, deadline=None)
    @given(st.integers(-(10**11), 10**11), st.integers(0, 99))
    def test_reads_back_what_format_number_writes(self, whole, cents):
        value = math.copysign(abs(whole) + cents / 100, whole if whole else 1)
        assert parse_number(format_number(value, 2)) == pytest.approx(value, abs=1e-9)


class TestFormat:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (-14565, "-14.565"),
            (1160, "1.160"),
            (54246.0, "54.246"),
            (0, "0"),
            (-0.4, "0"),  # never "-0"
            (999.6, "1.000"),
            (None, "-"),
            (float("nan"), "-"),
            (float("inf"), "-"),
        ],
    )
    def test_amount(self, value, expected):
        assert format_amount(value) == expected

    @pytest.mark.parametrize(
        ("value", "expected"), [(2.5, "3"), (-2.5, "-3"), (0.5, "1"), (14564.5, "14.565"), (-1934.5, "-1.935")]
    )
    def test_amount_rounds_half_away_from_zero_as_the_documents(self, value, expected):
        assert format_amount(value) == expected

    @pytest.mark.parametrize(
        ("value", "decimals", "expected"),
        [(1234.5, 1, "1.234,5"), (1234.56, 1, "1.234,6"), (23.4, 1, "23,4"), (-0.25, 2, "-0,25"), (5.0, 1, "5"), (None, 1, "-")],
    )
    def test_number(self, value, decimals, expected):
        assert format_number(value, decimals) == expected

    @pytest.mark.parametrize(
        ("value", "expected"),
        [(0.035, "3,5 %"), (0.2921396626, "29,2 %"), (-0.05, "-5,0 %"), (0.26, "26,0 %"), (None, "-"), (float("nan"), "-")],
    )
    def test_percent(self, value, expected):
        assert format_percent_da(value) == expected

    @pytest.mark.parametrize(
        ("value", "expected"), [(5, "5 år"), (4.3333, "4,3 år"), (4.0, "4,0 år"), (None, "-"), (float("nan"), "-")]
    )
    def test_years(self, value, expected):
        assert format_years(value) == expected

    @settings(max_examples=200, deadline=None)
    @given(st.floats(allow_nan=False, allow_infinity=False))
    def test_any_finite_number_formats(self, value):
        for text in (format_amount(value), format_number(value), format_percent_da(value)):
            assert isinstance(text, str)
            assert text
