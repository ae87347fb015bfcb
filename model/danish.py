"""Danish number format: ``1.234`` is one thousand two hundred and thirty-four, ``12,5`` twelve and a half.

Formatting goes through Babel's CLDR data for ``da_DK``; parsing accepts what
a Danish finance officer types (``1.234,5``, ``23,4``, ``-1.935``, ``12 %``
is not a number here) and refuses what is ambiguous rather than guessing.
"""

from __future__ import annotations

import decimal
import math
import numbers
import re

from babel.numbers import format_decimal, format_percent

__all__ = [
    "UNIT_DECIMALS",
    "format_amount",
    "format_fixed",
    "format_number",
    "format_percent_da",
    "format_value",
    "format_years",
    "parse_number",
    "round_shown",
    "unit_decimals",
]

_LOCALE = "da_DK"


def format_amount(value: float | None) -> str:
    """Whole thousands of kroner as the documents print them: ``-14.565``; "-" for None."""
    if value is None or not math.isfinite(value):
        return "-"
    rounded = int(math.copysign(math.floor(abs(value) + 0.5), value))
    # Whole numbers need no CLDR machinery: da_DK groups thousands with "." and writes "-" (as Babel does,
    # tests/test_hardening.py checks it), and this is ten times faster on a page of tables.
    return f"{rounded:,}".replace(",", ".")


def _no_negative_zero(text: str) -> str:
    """``"-0"`` (a tiny negative rounded away, or -0.0) shown as ``"0"``."""
    if text[:1] in ("-", "\u2212") and not any(c in "123456789" for c in text):
        return text[1:]
    return text


def round_shown(value: float | None, decimals: int = 0) -> float | int | None:
    """``value`` rounded exactly as it is shown, for exports that must hold the figure on screen.

    ``decimals=0`` rounds half away from zero as :func:`format_amount` does and
    gives an ``int``; more decimals round the exact binary value half to even as
    :func:`format_number` does. None (and non-finite) stays None; never ``-0``.

    >>> round_shown(41380.00000001055), round_shown(-0.4), round_shown(27.0637, 1), round_shown(None)
    (41380, 0, 27.1, None)
    """
    if value is None or not math.isfinite(value):
        return None
    if decimals == 0:
        return int(math.copysign(math.floor(abs(value) + 0.5), value)) + 0
    step = decimal.Decimal(1).scaleb(-decimals)
    return float(decimal.Decimal(value).quantize(step, rounding=decimal.ROUND_HALF_EVEN)) + 0.0


def format_number(value: float | None, decimals: int = 1) -> str:
    """A number with up to ``decimals`` decimals in Danish: ``1.234,5``; "-" for None; never ``-0``."""
    if value is None or not math.isfinite(value):
        return "-"
    pattern = "#,##0" + ("." + "#" * decimals if decimals > 0 else "")
    with decimal.localcontext() as ctx:
        ctx.prec = 400
        return _no_negative_zero(format_decimal(value, format=pattern, locale=_LOCALE))


def format_fixed(value: float | None, decimals: int = 1) -> str:
    """A number with exactly ``decimals`` decimals in Danish: ``4`` → ``4,0``; "-" for None.

    For figures read side by side in one column or sentence (Monte Carlo
    years, årsværk), so ``4,0 år`` stands beside ``2,9 år``, not ``4 år``.
    """
    if value is None or not math.isfinite(value):
        return "-"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    with decimal.localcontext() as ctx:
        ctx.prec = 400
        return _no_negative_zero(format_decimal(value, format=pattern, locale=_LOCALE))


#: Decimals an assumption is shown with, by its unit (the stored value keeps every digit):
#: kroner to the øre, thousands of kroner to the hundred kroner, shares to a tenth of a percent point.
UNIT_DECIMALS = {"kr.": 2, "kr./time": 2, "t.kr.": 1, "andel": 3, "stk.": 1, "stk./år": 1, "min.": 1, "dage": 1, "uger": 1}


def unit_decimals(unit: str) -> int:
    """Decimals an assumption in ``unit`` is shown with (:data:`UNIT_DECIMALS`; 2 for other units)."""
    return UNIT_DECIMALS.get(unit, 2)


def format_value(value: float | None, unit: str) -> str:
    """An assumption's value rounded to its unit's precision (:func:`unit_decimals`): ``355,13`` kr./time.

    For display only: the stored value keeps every digit.
    """
    return format_number(value, unit_decimals(unit))


def format_percent_da(value: float | None, decimals: int = 1) -> str:
    """A share as a Danish percentage with exactly ``decimals`` decimals: ``0.035`` → ``3,5 %``, ``0.26`` → ``26,0 %``.

    "-" for None; never ``-0,0 %``. Fixed decimals, so an IRR of 26,0 % stands beside 62,4 % in one column.
    """
    if value is None or not math.isfinite(value):
        return "-"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "") + " %"
    with decimal.localcontext() as ctx:
        ctx.prec = 400
        return _no_negative_zero(format_percent(value, format=pattern, locale=_LOCALE))


def format_years(value: int | float | None) -> str:
    """Years as the documents print them: a whole number of years (``int``) as ``5 år``, any other figure
    (interpolated, a Monte Carlo percentile) with one decimal, ``4,0 år`` beside ``2,9 år``; "-" for none.
    """
    if value is None or not math.isfinite(value):
        return "-"
    if isinstance(value, numbers.Integral):
        return f"{format_number(value, 0)} år"
    return f"{format_fixed(value, 1)} år"


# ASCII digits only: ``\d`` would read an Arabic-Indic "٣" as 3. Matched whole (``\Z``, not ``$``).
_DANISH = re.compile(r"[-+−]?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?")


def parse_number(text: str) -> float:
    """Read a number typed the Danish way.

    ``"23,4"`` → 23.4; ``"1.234,5"`` → 1234.5; ``"1.234"`` → 1234.0;
    ``"-1.935"`` → -1935.0. A lone dot that is not a thousands separator
    (``"23.4"``) is refused rather than read as 234, as are empty text,
    letters, digits other than 0-9 and non-finite values; ``"-0"`` is 0.
    Raises ``ValueError`` with a message in
    plain words.

    >>> parse_number("23,4"), parse_number("1.234,5"), parse_number(" -1.935 ")
    (23.4, 1234.5, -1935.0)
    """
    cleaned = re.sub(r"(?<=[0-9])[ \u00a0](?=[0-9]{3}(?:[^0-9]|$))", "", str(text).strip())
    if not cleaned:
        msg = "enter a number"
        raise ValueError(msg)
    if not _DANISH.fullmatch(cleaned):
        msg = f"{text!r} is not a number in Danish format (e.g. 1.234,5 or 23,4)"
        raise ValueError(msg)
    value = float(cleaned.replace("−", "-").replace(".", "").replace(",", "."))
    if not math.isfinite(value):
        msg = f"{text!r} is too large"
        raise ValueError(msg)
    return value + 0.0  # -0 is 0
