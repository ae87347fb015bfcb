"""The translation table: every key the workbench uses exists in Danish and English, with the same placeholders."""

from __future__ import annotations

import re
import string

import pytest
from conftest import ROOT

from ui.i18n import LANGUAGES, TEXTS
from ui.widgets import md

#: Files whose labels all come from TEXTS (the Følsomhed page keeps its own keys there too).
MY_PAGES = ("overview", "case", "compare", "audit", "labour")
SOURCES = [ROOT / "app.py", *sorted((ROOT / "ui").glob("*.py")), *(ROOT / "app_pages" / f"{p}.py" for p in MY_PAGES)]
LITERAL = re.compile(r"""\bt\(\s*["']([a-z0-9_.]+)["']""")
#: Keys built at run time: the prefix and every value the code can put after it.
DYNAMIC = {
    "language.": LANGUAGES,
    "chart.": ("year", "amount", "current", "document", "payback", "costs", "savings", "net"),
    "area.": ("Service", "Anlæg"),
    "row.": ("permanent", "service_investment", "capital_investment", "implementation", "total_impact", "cumulative"),
    "case.table": ("1", "2", "3"),
    "case.table.total": ("1", "2", "3"),
    "overview.csv_": ("danish", "plain"),
    "compare.axis.": ("calendar", "relative"),
    "audit.check.": ("value", "row_total", "column_sum", "same_rows", "drivers", "payback", "overview"),
    "audit.table.": ("section1", "table1", "table2", "table3", "overview"),
}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_literal_key_exists():
    used = {key for path in SOURCES for key in LITERAL.findall(path.read_text(encoding="utf-8"))}
    assert used, "the scan found no keys"
    missing = sorted(used - set(TEXTS))
    assert not missing, missing


@pytest.mark.parametrize(("prefix", "values"), DYNAMIC.items())
def test_every_dynamic_key_exists(prefix, values):
    missing = [prefix + v for v in values if prefix + v not in TEXTS]
    assert not missing


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_both_languages_with_the_same_placeholders(key):
    entry = TEXTS[key]
    assert set(entry) >= set(LANGUAGES) and all(entry[lang].strip() for lang in LANGUAGES)
    assert _fields(entry["da"]) == _fields(entry["en"])


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("[klik](javascript:alert(1))", r"\[klik\](javascript\:alert(1))"),
        ("*fed* og _kursiv_", r"\*fed\* og \_kursiv\_"),
        (":red[rød] :smile:", r"\:red\[rød\] \:smile\:"),
        ("<b>html</b>", r"\<b\>html\</b\>"),
        ("- liste\n1. punkt", "\\- liste\n1\\. punkt"),
        ("12 stk. à 7.796 kr.", "12 stk. à 7.796 kr."),
        ("-14.565", "-14.565"),
    ],
)
def test_markdown_escaping_of_case_text(text, shown):
    assert md(text) == shown
