"""The scenario store, the same suite on SQLite and on a real PostgreSQL (a throwaway cluster, tests/postgres_server.py).

Every test gets an empty database of its own: a SQLite file in a temporary
folder, or a new database on the session's PostgreSQL cluster.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from conftest import CASES
from pydantic import BaseModel
from sqlalchemy import text

from model import evaluate, load_paths
from model.store import (
    CaseFile,
    ScenarioDocument,
    ScenarioNotFound,
    ScenarioStore,
    StaleVersionError,
    StoreError,
    against_documents,
    current_revision,
    diff,
    head_revision,
    make_store_engine,
    register_section,
    upgrade,
)
from model.store.apply import scenario_portfolio

AT = datetime(2026, 11, 29, 9, 30, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path) -> str:
    """An empty database: a SQLite file, or a fresh database on the PostgreSQL cluster."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return request.getfixturevalue("postgres").create_database()


@pytest.fixture
def store(url: str):
    opened = ScenarioStore.connect(url)
    yield opened
    opened.engine.dispose()


def _i5_three_hours(note: str = "målt i 2024") -> ScenarioDocument:
    return ScenarioDocument().with_change("I5", "timer_pr_uge", 3.0, note=note, author="Anna", at=AT)


class _FollowUp(BaseModel):
    phase: str
    measurements: list[float] = []


register_section("test.follow_up", _FollowUp, version=1)


def test_create_and_open_round_trip(store: ScenarioStore) -> None:
    document = (
        _i5_three_hours()
        .model_copy(update={"settings": {"discount_rate": 0.04, "horizon": 12}, "included": ["I4", "I5"]})
        .model_copy(update={"case_files": (CaseFile(case="X1", kind="upload", text="id: X1\n"),)})
        .with_section("test.follow_up", _FollowUp(phase="Drift", measurements=[1.5]))
    )
    created = store.create("I5 med målte timer", document, author="Anna", description="til udvalget")
    assert str(uuid.UUID(created.info.id)) == created.info.id
    opened = store.open(created.info.id)
    assert opened.version.version == 1 and opened.info.version == 1
    assert opened.version.document == document
    assert opened.version.document.settings == {"discount_rate": 0.04, "horizon": 12}
    assert isinstance(opened.version.document.settings["horizon"], int)
    change = opened.version.document.change("I5", "timer_pr_uge")
    assert (change.value, change.note, change.author, change.at) == (3.0, "målt i 2024", "Anna", AT)
    assert opened.version.document.section("test.follow_up") == _FollowUp(phase="Drift", measurements=[1.5])
    assert (opened.info.name, opened.info.description, opened.info.author) == ("I5 med målte timer", "til udvalget", "Anna")


def test_every_save_is_a_new_immutable_version(store: ScenarioStore) -> None:
    scenario_id = store.create("S", _i5_three_hours(), author="Anna").info.id
    second = _i5_three_hours().with_change("I5", "timer_pr_uge", 4.0, note="Aalborg", author="Bo", at=AT)
    assert store.save(scenario_id, second, author="Bo", base_version=1).version == 2
    assert store.save(scenario_id, ScenarioDocument(), author="Carl").version == 3
    history = store.history(scenario_id)
    assert [(v.version, v.author) for v in history] == [(1, "Anna"), (2, "Bo"), (3, "Carl")]
    assert store.open(scenario_id, 1).version.document == _i5_three_hours()
    assert store.open(scenario_id, 2).version.document.values() == {"I5": {"timer_pr_uge": 4.0}}
    assert store.open(scenario_id).version.document == ScenarioDocument()
    assert store.list()[0].version == 3 and store.list()[0].author == "Carl"


def test_a_stale_base_version_is_refused_and_nothing_written(store: ScenarioStore) -> None:
    scenario_id = store.create("S", _i5_three_hours(), author="Anna").info.id
    theirs = _i5_three_hours().with_change("I5", "timer_pr_uge", 4.0, note="Aalborg", author="Bo", at=AT)
    store.save(scenario_id, theirs, author="Bo", base_version=1)
    mine = _i5_three_hours().with_change("I4", "minutter_plejecenter", 15.0, author="Anna", at=AT)
    with pytest.raises(StaleVersionError) as caught:
        store.save(scenario_id, mine, author="Anna", base_version=1)
    assert (caught.value.base, caught.value.latest, caught.value.authors) == (1, 2, ["Bo"])
    assert [d.describe() for d in caught.value.theirs] == ["I5.timer_pr_uge: 3.0 -> 4.0"]
    assert "Bo saved in between" in str(caught.value) and "nothing was written" in str(caught.value)
    assert [v.version for v in store.history(scenario_id)] == [1, 2]
    assert store.open(scenario_id).version.document == theirs


def test_a_failed_save_leaves_the_previous_version(store: ScenarioStore) -> None:
    scenario_id = store.create("S", _i5_three_hours(), author="Anna").info.id

    def broken(_latest: ScenarioDocument) -> ScenarioDocument:
        raise StoreError("stopped mid-save")

    with pytest.raises(StoreError, match="stopped mid-save"):
        store.update(scenario_id, broken, author="Bo")
    assert store.open(scenario_id).info.version == 1
    assert store.open(scenario_id).version.document == _i5_three_hours()


def test_restore_copy_delete_and_undo(store: ScenarioStore) -> None:
    scenario_id = store.create("Original", _i5_three_hours(), author="Anna").info.id
    store.save(scenario_id, ScenarioDocument(), author="Bo")
    restored = store.restore(scenario_id, 1, author="Carl")
    assert restored.version == 3 and restored.document == _i5_three_hours()
    assert [v.version for v in store.history(scenario_id)] == [1, 2, 3]
    copy = store.copy(scenario_id, "Kopi", author="Dorte", version=2)
    assert copy.info.id != scenario_id and copy.version.version == 1
    assert store.open(copy.info.id).version.document == ScenarioDocument()
    store.delete(scenario_id)
    assert [s.name for s in store.list()] == ["Kopi"]
    assert [s.name for s in store.list(deleted=True)] == ["Original"]
    with pytest.raises(ScenarioNotFound, match="deleted"):
        store.open(scenario_id)
    store.undelete(scenario_id)
    assert sorted(s.name for s in store.list()) == ["Kopi", "Original"]
    assert store.open(scenario_id).version.document == _i5_three_hours()


def test_drafts_are_per_tab_and_replaced_on_each_change(store: ScenarioStore) -> None:
    scenario_id = store.create("S", ScenarioDocument(), author="Anna").info.id
    mine, theirs = str(uuid.uuid4()), str(uuid.uuid4())
    assert store.load_draft(scenario_id, mine) is None
    store.save_draft(scenario_id, mine, 1, _i5_three_hours("første bud"))
    store.save_draft(scenario_id, mine, 1, _i5_three_hours("andet bud"))
    store.save_draft(scenario_id, theirs, 1, ScenarioDocument().with_change("I4", "minutter_plejecenter", 15.0, at=AT))
    draft = store.load_draft(scenario_id, mine)
    assert draft.base_version == 1 and draft.document == _i5_three_hours("andet bud")
    assert store.load_draft(scenario_id, theirs).document.values() == {"I4": {"minutter_plejecenter": 15.0}}
    assert store.open(scenario_id).version.document == ScenarioDocument()  # a draft is not a version
    store.discard_draft(scenario_id, mine)
    assert store.load_draft(scenario_id, mine) is None
    assert store.load_draft(scenario_id, theirs) is not None


@pytest.mark.parametrize(
    ("wrong", "message"),
    [
        ("not-a-uuid", "'not-a-uuid' is not a scenario id"),
        ("'; DROP TABLE scenarios; --", "is not a scenario id"),
        ("00000000-0000-4000-8000-000000000000", "no scenario with id 00000000-0000-4000-8000-000000000000"),
    ],
)
def test_unknown_and_malformed_ids(store: ScenarioStore, wrong: str, message: str) -> None:
    with pytest.raises(ScenarioNotFound, match=message):
        store.open(wrong)
    scenario_id = store.create("S", ScenarioDocument()).info.id
    with pytest.raises(ScenarioNotFound, match=f"scenario {scenario_id} has no version 7"):
        store.open(scenario_id, 7)


def test_migrations_from_an_empty_database(url: str) -> None:
    engine = make_store_engine(url)
    assert current_revision(engine) is None
    assert upgrade(engine) == head_revision() == "0002"
    assert upgrade(engine) == "0002"  # again: nothing to do
    engine.dispose()


def test_migrations_from_the_previous_revision_keep_the_scenarios(url: str) -> None:
    engine = make_store_engine(url)
    assert upgrade(engine, "0001") == "0001"
    scenario_id = str(uuid.uuid4())
    with engine.begin() as connection:  # a scenario as revision 0001 stored it
        connection.execute(
            text(
                "INSERT INTO scenarios (id, name, description, latest_version, created_at, updated_at, updated_by) "
                "VALUES (:id, 'Gammel', '', 1, :at, :at, 'Anna')"
            ),
            {"id": scenario_id, "at": AT},
        )
        connection.execute(
            text(
                "INSERT INTO scenario_versions (scenario_id, version, author, created_at, document) "
                "VALUES (:id, 1, 'Anna', :at, :doc)"
            ),
            {"id": scenario_id, "at": AT, "doc": _i5_three_hours().to_json()},
        )
    store = ScenarioStore(engine)  # migrates to the head
    assert current_revision(engine) == "0002"
    assert store.open(scenario_id).version.document == _i5_three_hours()
    store.delete(scenario_id)  # 0002's column
    store.undelete(scenario_id)
    store.save_draft(scenario_id, str(uuid.uuid4()), 1, ScenarioDocument())  # 0002's table
    engine.dispose()


def test_reopened_store_gives_the_same_figures(url: str) -> None:
    first = ScenarioStore.connect(url)
    scenario_id = first.create("I5 med 3 timer", _i5_three_hours(), author="Anna").info.id
    first.engine.dispose()
    second = ScenarioStore.connect(url)
    document = second.open(scenario_id).version.document
    second.engine.dispose()
    loaded = load_paths([CASES])
    i5 = next(r for r in scenario_portfolio(document, loaded.cases).results if r.case.id == "I5")
    # By hand: 80 citizens × 1 more hour × 52 weeks = 4.160 hours at 3.150.000 kr. / 8.870 hours = 355,13 kr.
    # → 1.477,3 t.kr. more saving: -1.935 - 1.477,3 = -3.412,3; hours 8.870 + 4.160 = 13.030 → 6,77 årsværk.
    assert i5.kpis.net_permanent == pytest.approx(-3412.34, abs=0.01)
    assert i5.kpis.fte_full == pytest.approx(13030 / 1924, abs=1e-9)
    assert evaluate(next(c for c in loaded.cases if c.id == "I5")).kpis.net_permanent == pytest.approx(-1935)


def test_diff_against_previous_version_and_documents() -> None:
    old = _i5_three_hours().model_copy(update={"settings": {"discount_rate": 0.04}})
    new = (
        _i5_three_hours("ny måling")
        .with_change("I4", "minutter_plejecenter", 15.0, note="er det 20?", author="Bo", at=AT)
        .model_copy(update={"included": ["I4"]})
    )
    assert [d.describe() for d in diff(old, new)] == [
        "discount_rate: 0.04 -> document",
        "included: document -> [I4]",
        "I4.minutter_plejecenter: document -> 15.0",
        "I5.timer_pr_uge (note): 'målt i 2024' -> 'ny måling'",
    ]
    assert [d.kind for d in diff(old, new)] == ["setting", "included", "value", "note"]
    rows = against_documents(new, {"I4": {"minutter_plejecenter": 20.0}, "I5": {"timer_pr_uge": 2.0}})
    assert [(r.case, r.assumption, r.document, r.value, r.note) for r in rows] == [
        ("I4", "minutter_plejecenter", 20.0, 15.0, "er det 20?"),
        ("I5", "timer_pr_uge", 2.0, 3.0, "ny måling"),
    ]


def test_unknown_sections_are_kept_and_bad_ones_named() -> None:
    stored = '{"format": 1, "sections": {"someone.else": {"version": 3, "data": {"x": 1}}}}'
    document = ScenarioDocument.from_json(stored)
    assert document.sections["someone.else"].data == {"x": 1}
    assert ScenarioDocument.from_json(document.to_json()) == document
    bad = ScenarioDocument.from_json('{"sections": {"test.follow_up": {"version": 1, "data": {"measurements": []}}}}')
    with pytest.raises(StoreError, match=r"section 'test\.follow_up' of the scenario does not fit version 1: phase: Field"):
        bad.section("test.follow_up")
    with pytest.raises(StoreError, match=r"a stored scenario document does not fit this program: changes\.0\.value"):
        ScenarioDocument.from_json('{"changes": [{"case": "I5", "assumption": "x", "value": "lots", "at": "2026-01-01T00:00Z"}]}')
