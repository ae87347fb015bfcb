"""What keeps a rerun fast, checked by the work it does (the seconds are benchmarks/ui_latency.py's)."""

from __future__ import annotations

import gc
import importlib
import sys

import pytest
from conftest import CASES

from model import evaluate, load_paths, overview
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
    shown = at.dataframe[0].value
    table = overview([evaluate(case) for case in load_paths([CASES]).cases], allow_mixed_price_levels=True)
    expected, bold = overview_frame(table, {})
    assert bold == [len(expected) - 1]
    # The table's own columns exactly as ui.tables built them, then the Σ column that marks "I alt" alone.
    assert list(shown.columns) == [*expected.columns, TOTAL_MARK]
    assert list(shown[TOTAL_MARK]) == [""] * (len(expected) - 1) + [TOTAL_MARK]
    figures = list(expected.columns[3:])  # after Case, Titel and Status (the status is the app's own)
    assert shown[figures].values.tolist() == expected[figures].values.tolist()
    assert list(shown["Case"]) == list(expected["Case"])


def test_the_app_start_does_not_import_scipy():
    """scipy (~0,3 s, ~40 MB) is imported where it is used: the switching values, Monte Carlo's and the copula's runs."""
    import subprocess

    from conftest import ROOT

    probe = "import sys, model, ui.tables, ui.widgets, ui.cache; print(sorted(m for m in sys.modules if m.startswith('scipy')))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "[]", out.stdout
