"""What keeps a rerun fast, checked by the work it does (the seconds are benchmarks/ui_latency.py's)."""

from __future__ import annotations

import gc
import importlib
import sys

import pytest
from conftest import APP, CASES, overview_table

from model import evaluate, load_case, load_paths, overview
from ui import heap
from ui.heap import freeze_imports
from ui.tables import overview_frame
from ui.widgets import TOTAL_MARK


@pytest.fixture
def unfrozen(monkeypatch):
    monkeypatch.setattr(heap, "_frozen", {"modules": 0})  # as in a new server process
    yield
    gc.unfreeze()  # the test process keeps collecting everything, as before


def test_the_heap_is_frozen_again_only_after_new_imports(unfrozen, tmp_path, monkeypatch):
    assert freeze_imports() is True, "the first run freezes what the imports left"
    frozen = gc.get_freeze_count()
    assert frozen > 0
    assert freeze_imports() is False, "nothing imported since: no second freeze"
    (tmp_path / "speed_probe_module.py").write_text("VALUE = [1, 2, 3]\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.import_module("speed_probe_module")
    try:
        assert freeze_imports() is True, "a page's first visit imports its modules: frozen too"
        assert gc.get_freeze_count() > frozen
        assert freeze_imports() is False
    finally:
        sys.modules.pop("speed_probe_module", None)


def test_the_overview_table_is_handed_over_as_built_with_its_total_marked(new_app):
    at = new_app()
    assert not at.dataframe, "a plain HTML table: the data grid's code need not load for the first render"
    shown = at.table[0].value
    table = overview([evaluate(case) for case in load_paths([CASES]).cases], allow_mixed_price_levels=True)
    expected, bold = overview_frame(table, {})
    assert bold == [len(expected) - 1]
    # The Σ column that marks "I alt" alone, then the table's own columns exactly as ui.tables built them.
    assert list(shown.columns) == [TOTAL_MARK, *expected.columns]
    assert list(shown[TOTAL_MARK]) == [""] * (len(expected) - 1) + [TOTAL_MARK]
    figures = list(expected.columns[3:])  # after Case, Titel and Status (the status is the app's own)
    assert overview_table(at)[figures].values.tolist() == expected[figures].values.tolist()
    assert list(shown["Case"]) == list(expected["Case"])
    assert "\\-" in shown["Tilbagebetalingstid"].tolist(), "every cell is Markdown-escaped: '-' is no list bullet"


def test_the_overview_draws_prisniveau_and_the_exports_only_when_opened(downloads):
    from streamlit.testing.v1 import AppTest

    from ui.keys import OVERVIEW

    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    assert [e.label for e in at.expander][-2:] == ["Prisniveau", "Eksport"]
    assert not downloads and not at.selectbox, "closed: no year choice, no download drawn"
    at.session_state[OVERVIEW.export_open] = True  # as a click on "Eksport" would
    at.run()
    assert {"oversigt.csv", "oversigt.xlsx"} <= set(downloads)


def test_the_app_start_does_not_import_scipy():
    """scipy (~0,3 s, ~40 MB) is imported where it is used: the switching values, Monte Carlo's and the copula's runs."""
    import subprocess

    from conftest import ROOT

    probe = "import sys, model, ui.tables, ui.widgets, ui.cache; print(sorted(m for m in sys.modules if m.startswith('scipy')))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_evaluated_cases_are_shared_read_only_and_not_copied():
    from model import EvaluationError, Settings
    from ui.cache import evaluate_cached

    case = load_case(CASES / "i4.yaml").with_values({"minutter_plejecenter": 17.0})
    first = evaluate_cached(case, Settings())
    again = evaluate_cached(case.with_values({"minutter_plejecenter": 17.0}), Settings())
    assert again is first, "a hit hands out the kept object, not a pickled copy"
    assert first.kpis == evaluate(case).kpis
    with pytest.raises(ValueError, match="read-only"):
        first.flows.permanent[0] = 0.0  # a slip in a page cannot change another session's figures
    with pytest.raises(ValueError, match="read-only"):
        next(iter(first.flows.lines.values()))[0] += 1.0
    assert evaluate_cached(case, Settings(discount_rate=0.04)) is not first, "settings are part of the key"
    broken = case.with_values({"timepris": 0.0})  # hours = kroner / hourly rate: a division by zero
    for _ in range(2):  # an error is raised each time, never kept
        with pytest.raises(EvaluationError):
            evaluate_cached(broken, Settings())


def test_the_shared_results_keep_the_most_recently_used():
    from ui.cache import SharedResults

    kept = SharedResults(size=2)
    calls: list[str] = []

    def compute(key: str):
        return lambda: calls.append(key) or key.upper()

    assert kept.get("a", compute("a")) == "A"
    kept.get("b", compute("b"))
    kept.get("a", compute("a"))  # a hit: "a" is now the most recent
    kept.get("c", compute("c"))  # drops "b", the least recently used
    kept.get("a", compute("a"))
    kept.get("b", compute("b"))
    assert calls == ["a", "b", "c", "b"]
