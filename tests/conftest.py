"""Shared fixtures: the app under AppTest, and the files its download buttons hand over."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
CASES = ROOT / "cases"

#: Page files of the workbench, as app.py registers them.
PAGES = {
    "overview": "app_pages/overview.py",
    "case": "app_pages/case.py",
    "builder": "app_pages/builder.py",
    "compare": "app_pages/compare.py",
    "sensitivity": "app_pages/sensitivity.py",
    "audit": "app_pages/audit.py",
    "portfolio": "app_pages/portfolio.py",
    "followup": "app_pages/followup.py",
    "labour": "app_pages/labour.py",
    "scenarios": "app_pages/scenarios.py",
}


@pytest.fixture(autouse=True, scope="session")
def _scenario_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests never touch the project's ``data/workbench.db``: the scenario store is a throwaway SQLite file."""
    os.environ["WORKBENCH_DATABASE_URL"] = f"sqlite:///{tmp_path_factory.mktemp('store') / 'workbench.db'}"
    yield


@pytest.fixture
def store_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A store of the test's own (an empty SQLite file), which the app under test opens too."""
    url = f"sqlite:///{tmp_path / 'store.db'}"
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", url)
    return url


@pytest.fixture(scope="session")
def postgres() -> Iterator[object]:
    """A throwaway PostgreSQL cluster (``tests/postgres_server.py``), started once per test session, removed after."""
    from postgres_server import PostgresServer

    server = PostgresServer().start()
    try:
        yield server
    finally:
        server.stop()


def open_sections(at) -> None:
    """Open Oversigt's Prisniveau and export sections (drawn only when open), as clicks on them would.

    Set before a session's first run by :func:`new_app`, so tests of those
    sections find their widgets; ``test_app_pages`` checks they start closed.
    """
    from ui.keys import OVERVIEW

    at.session_state[OVERVIEW.price_open] = True
    at.session_state[OVERVIEW.export_open] = True


def show_group(at, case_id: str, group: str) -> None:
    """Show assumption group ``group`` of ``case_id`` on Business case (one group is drawn at a time), and rerun."""
    from ui.keys import CASE, widget

    at.button_group(key=widget(CASE.group(case_id))).set_value(group).run()


def overview_table(at):
    """Oversigt's table as the user reads it: its cells without their Markdown escapes, and no "Σ" column."""
    import re

    frame = at.table[0].value
    frame = frame.drop(columns=[c for c in frame.columns if c == "Σ"])
    return frame.map(lambda cell: re.sub(r"\\(.)", r"\1", cell) if isinstance(cell, str) else cell)


@pytest.fixture
def new_app() -> Callable[..., object]:
    """A factory of fresh app sessions: ``new_app()`` runs app.py (the overview); ``new_app("case")`` opens a page."""
    from streamlit.testing.v1 import AppTest

    def make(page: str | None = None) -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=60)
        open_sections(at)
        at.run()
        if page is not None and page != "overview":
            at.switch_page(PAGES[page]).run()
        return at

    return make


class _Downloads(dict):
    """The downloads by file name: bytes, or the callable of a deferred one (built when the user clicks)."""

    def bytes(self, name: str) -> bytes:
        """What the user gets for ``name``: the bytes, built now if the download is deferred."""
        data = self[name]
        return data() if callable(data) else data


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Downloads]:
    """What every download button hands over, by file name (bytes, or the callable of a deferred download).

    Captured where Streamlit stores the data for the browser, so a test sees
    exactly the bytes a user would get.
    """
    from streamlit.runtime.media_file_manager import MediaFileManager

    captured = _Downloads()
    add, add_deferred = MediaFileManager.add, MediaFileManager.add_deferred

    def capture(self, path_or_data, mimetype, coordinates, file_name=None, is_for_static_download=False):
        if file_name is not None:
            captured[file_name] = path_or_data
        return add(self, path_or_data, mimetype, coordinates, file_name, is_for_static_download)

    def capture_deferred(self, data_callable, mimetype, coordinates, file_name=None, *, element_id=""):
        if file_name is not None:
            captured[file_name] = data_callable
        return add_deferred(self, data_callable, mimetype, coordinates, file_name, element_id=element_id)

    monkeypatch.setattr(MediaFileManager, "add", capture)
    monkeypatch.setattr(MediaFileManager, "add_deferred", capture_deferred)
    yield captured
