"""The translation table: every key the workbench uses exists in Danish and English, with the same placeholders."""

from __future__ import annotations

import re
import string

import pytest
from conftest import ROOT

from model import DISTRIBUTIONS, GRADES, OVERVIEW_COLUMNS, RANGE_PROBLEMS, SECTION1_ROWS, TABLES
from ui.i18n import LANGUAGES, TEXTS
from ui.widgets import md

#: Every file the app draws from: the entry point, the shared UI code and every page (a page added later too).
SOURCES = [ROOT / "app.py", *sorted((ROOT / "ui").glob("*.py")), *sorted((ROOT / "app_pages").glob("*.py"))]
LITERAL = re.compile(r"""\bt\(\s*["']([a-z0-9_.]+)["']""")
SENS_KPIS = ("net_permanent", "payback", "npv")
#: Keys built at run time: the prefix and every value the code can put after it.
DYNAMIC = {
    "language.": LANGUAGES,
    "chart.": ("year", "amount", "current", "document", "payback", "costs", "savings", "net"),
    "area.": ("Service", "Anlæg"),
    "overview.csv_": ("danish", "plain"),
    "compare.axis.": ("calendar", "relative"),
    "audit.check.": ("value", "row_total", "column_sum", "same_rows", "drivers", "payback", "overview"),
    "audit.table.": ("section1", *(spec.key for spec in TABLES), "overview"),
    "col.": SENS_KPIS,
    "sens.tornado.caption.": SENS_KPIS,
    "sens.threshold.": [f"{k}{suffix}" for k in SENS_KPIS for suffix in ("", ".label", ".help")],
    "sens.reason.": ("base_invalid", "no_effect", "no_crossing", "non_finite", "not_verified"),
    "sens.range.problem.": tuple(RANGE_PROBLEMS),
    "sens.end.": ("low", "high"),
    "sens.mc.": DISTRIBUTIONS,
    "sens.grade.": GRADES,
}
#: Keys the layout spec (model.layout) names for its tables, rows and columns.
LAYOUT = {
    *(key for spec in TABLES for key in (spec.i18n, spec.total_i18n)),
    *(row.i18n for row in SECTION1_ROWS),
    *(key for column in OVERVIEW_COLUMNS for key in (column.i18n, column.export_i18n)),
}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_scan_reads_every_page():
    names = {path.name for path in SOURCES if path.parent.name == "app_pages"}
    assert {"overview.py", "case.py", "compare.py", "audit.py", "sensitivity.py"} <= names


def test_every_key_the_app_uses_exists():
    literal = {key for path in SOURCES for key in LITERAL.findall(path.read_text(encoding="utf-8"))}
    assert len(literal) > 200, "the scan found too few keys"
    dynamic = {prefix + value for prefix, values in DYNAMIC.items() for value in values}
    missing = sorted((literal | dynamic | LAYOUT) - set(TEXTS))
    assert not missing, missing


def test_every_key_has_both_languages_with_the_same_placeholders():
    bad = [
        key
        for key, entry in TEXTS.items()
        if not (set(entry) >= set(LANGUAGES) and all(entry[lang].strip() for lang in LANGUAGES))
        or _fields(entry["da"]) != _fields(entry["en"])
    ]
    assert len(TEXTS) > 300
    assert not bad, bad


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
