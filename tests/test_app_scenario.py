"""The scenario store in the app (AppTest): save, notes, reopen by URL, drafts, conflicts, a store that is down.

Each test has its own SQLite store (``WORKBENCH_DATABASE_URL``); the same
store code runs on PostgreSQL in tests/test_store.py and the browser tests.
"""

from __future__ import annotations

import uuid

import pytest
from conftest import APP, CASES, PAGES

from model import ScenarioStore, evaluate, format_amount, load_case
from ui.widgets import md

I5_FILE = CASES / "i5.yaml"
HOURS = "input.assumption.I5.timer_pr_uge"
NOTE = "scenario.note.I5.timer_pr_uge"


def _app(query: dict[str, str] | None = None):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=90)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _case_page(at, case_id: str = "I5"):
    at.switch_page(PAGES["case"]).run()
    at.selectbox(key="input.case.selected").set_value(case_id).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _sidebar_text(at) -> str:
    return "\n".join(m.value for m in at.sidebar.markdown)


def _change_with_note(at, value: str = "3", note: str = "målt i 2024"):
    at.sidebar.text_input(key="scenario.author").input("Anna").run()
    at.text_input(key=HOURS).input(value).run()
    at.text_input(key=NOTE).input(note).run()
    assert not at.exception, [e.value for e in at.exception]


def _save_as(at, name: str) -> None:
    at.sidebar.text_input(key="scenario.input.name").input(name).run()
    at.sidebar.button(key="scenario.save_as.confirm").click().run()
    assert not at.exception, [e.value for e in at.exception]


def test_a_fresh_session_is_not_saved(store_url: str) -> None:
    at = _app()
    assert "**ikke gemt**" in _sidebar_text(at)
    assert "ikke gemte ændringer" not in _sidebar_text(at)
    assert at.sidebar.button(key="scenario.save").disabled


def test_change_note_save_and_reopen_by_url(store_url: str) -> None:
    at = _case_page(_app())
    _change_with_note(at)
    assert "ikke gemte ændringer" in _sidebar_text(at)
    _save_as(at, "I5 med 3 timer")
    assert "**I5 med 3 timer** · version 1" in _sidebar_text(at)
    assert "ikke gemte ændringer" not in _sidebar_text(at)
    store = ScenarioStore.connect(store_url)
    (saved,) = store.list()
    change = store.open(saved.id).version.document.change("I5", "timer_pr_uge")
    assert (change.value, change.note, change.author) == (3.0, "målt i 2024", "Anna")
    assert at.query_params["scenario"] == saved.id

    # A new session with the scenario's link: the change, its note and the figures are back.
    again = _case_page(_app({"scenario": saved.id}))
    assert again.text_input(key=HOURS).value == "3"
    assert again.text_input(key=NOTE).value == "målt i 2024"
    expected = evaluate(load_case(I5_FILE).with_values({"timer_pr_uge": 3.0})).kpis
    metric = {m.label: m.value for m in again.metric}
    # By hand: -1.935 - 80 × 1 h × 52 × 355,13 kr. / 1.000 = -3.412,3 → "-3.412".
    assert metric["Varig effektivisering netto"] == format_amount(expected.net_permanent) == "-3.412"
    store.engine.dispose()


def test_unsaved_changes_come_back_with_the_draft_link_only(store_url: str) -> None:
    at = _case_page(_app())
    _change_with_note(at)
    _save_as(at, "S")
    _change_with_note(at, "4", "Aalborg siger 3-6")  # not saved
    scenario_id, draft = at.query_params["scenario"], at.query_params["draft"]
    reloaded = _case_page(_app({"scenario": scenario_id, "draft": draft}))
    assert reloaded.text_input(key=HOURS).value == "4"
    assert reloaded.text_input(key=NOTE).value == "Aalborg siger 3-6"
    assert "ikke gemte ændringer" in _sidebar_text(reloaded)
    shared = _case_page(_app({"scenario": scenario_id}))  # someone else's link: the saved version
    assert shared.text_input(key=HOURS).value == "3"
    assert "ikke gemte ændringer" not in _sidebar_text(shared)


@pytest.mark.parametrize(
    ("wrong", "problem"),
    # In the user's language (ui/store_messages.py), not the store's English.
    [
        ("nonsense", md("»nonsense« er ikke et scenarie-id")),
        (str(uuid.UUID(int=7)), md(f"der er intet scenarie med id {uuid.UUID(int=7)}")),
    ],
)
def test_a_bad_link_gives_the_documents_and_one_message(store_url: str, wrong: str, problem: str) -> None:
    at = _case_page(_app({"scenario": wrong}))
    (error,) = at.sidebar.error
    assert problem in error.value
    assert "**ikke gemt**" in _sidebar_text(at)
    assert at.text_input(key=HOURS).value == "2"  # the document's value


def test_two_people_on_one_scenario(store_url: str) -> None:
    anna = _case_page(_app())
    _change_with_note(anna)
    _save_as(anna, "Fælles")
    scenario_id = anna.query_params["scenario"]
    bo = _case_page(_app({"scenario": scenario_id}))
    bo.sidebar.text_input(key="scenario.author").input("Bo").run()
    bo.text_input(key="input.assumption.I5.uger_pr_aar").input("48").run()
    bo.sidebar.button(key="scenario.save").click().run()
    assert "**Fælles** · version 2" in _sidebar_text(bo)
    _change_with_note(anna, "5", "Anna igen")
    anna.sidebar.button(key="scenario.save").click().run()
    (warning,) = anna.sidebar.warning
    assert warning.value.startswith("Bo har gemt version 2")
    captions = [c.value for c in anna.sidebar.caption]
    assert "· " + md("I5: Uger pr. år: dokumentet → 48") in captions, captions
    assert anna.text_input(key=HOURS).value == "5"  # nothing Anna typed is lost
    anna.sidebar.button(key="scenario.on_top").click().run()
    assert "**Fælles** · version 3" in _sidebar_text(anna)
    store = ScenarioStore.connect(store_url)
    assert [v.author for v in store.history(scenario_id)] == ["Anna", "Bo", "Anna"]
    store.engine.dispose()


def test_a_store_that_is_down_leaves_the_app_working(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a database\n" * 100)
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", f"sqlite:///{broken}")
    at = _case_page(_app())
    _change_with_note(at)
    _save_as(at, "S")
    (error,) = at.sidebar.error
    assert md(f"scenarielageret (SQLite-filen {broken}) er ikke en læsbar SQLite-database") in error.value
    assert "Du arbejder videre" in error.value and "readable" not in error.value
    assert at.text_input(key=HOURS).value == "3" and at.text_input(key=NOTE).value == "målt i 2024"
    assert {m.label: m.value for m in at.metric}["Varig effektivisering netto"] == "-3.412"
    broken.unlink()  # the store is back: "try again", then save
    at.sidebar.button(key="scenario.retry").click().run()
    assert not at.sidebar.error
    _save_as(at, "S")
    assert "**S** · version 1" in _sidebar_text(at)


def test_the_scenarios_page_shows_history_and_restores(store_url: str) -> None:
    at = _case_page(_app())
    _change_with_note(at)
    _save_as(at, "Historik")
    _change_with_note(at, "4", "Aalborg")
    at.sidebar.button(key="scenario.save").click().run()
    at.switch_page("app_pages/scenarios.py").run()
    assert not at.exception, [e.value for e in at.exception]
    expanders = [e.label for e in at.expander]
    assert expanders[0].startswith("Version 2 · Anna ·") and expanders[1].startswith("Version 1 · Anna ·")
    against = at.dataframe[0].value
    assert list(against["Forudsætning"]) == ["I5: Sparet tid pr. borger pr. uge (loftlift)"]
    assert (against["Dokumentet"][0], against["Scenariet"][0], against["Hvorfor"][0]) == ("2", "4", "Aalborg")
    at.button(key="scenario.v.restore.1").click().run()
    assert "version 3" in _sidebar_text(at)
    _case_page(at)
    assert at.text_input(key=HOURS).value == "3"


def test_copy_delete_and_undo_on_the_scenarios_page(store_url: str) -> None:
    at = _app()
    _save_as(at, "Runde 1")
    at.switch_page(PAGES["scenarios"]).run()
    at.text_input(key="scenarios.copy_name").input("Runde 1, kopi").run()
    at.button(key="scenarios.copy").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [toast.value for toast in at.toast] == ["Kopieret som Runde 1, kopi."]
    store = ScenarioStore.connect(store_url)
    try:
        assert sorted(s.name for s in store.list()) == ["Runde 1", "Runde 1, kopi"]
        chosen = at.selectbox(key="scenarios.chosen").value
        (copy,) = [s for s in store.list() if s.id == chosen]
        at.button(key="scenarios.delete").click().run()
        assert [toast.value for toast in at.toast] == ["Scenariet er slettet (kan fortrydes nedenfor)."]
        assert [s.name for s in store.list()] == [name for name in ("Runde 1", "Runde 1, kopi") if name != copy.name]
        assert [s.id for s in store.list(deleted=True)] == [copy.id]
        at.button(key=f"scenarios.undelete.{copy.id}").click().run()
        assert [toast.value for toast in at.toast] == ["Scenariet er tilbage."]
        assert sorted(s.name for s in store.list()) == ["Runde 1", "Runde 1, kopi"]
    finally:
        store.engine.dispose()
