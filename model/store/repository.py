"""The scenario store: create, open, save (optimistically), history, restore, copy, soft delete, drafts.

Every write is one transaction: a new version row and the scenario's
pointer to it are written together or not at all, so a crash mid-save
leaves the previous version intact. Versions are never changed once
written. Saves queue on a lock of the scenario's row (PostgreSQL
``SELECT ... FOR UPDATE``; SQLite ``BEGIN IMMEDIATE``), so concurrent
savers each get their own version number and nothing is lost; a save
based on an older version than the latest is refused
(:class:`StaleVersionError`) unless the caller passes no base version.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import URL, Engine, delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from .diff import diff
from .document import ScenarioDocument
from .engine import make_store_engine
from .errors import ScenarioNotFound, StaleVersionError, StoreError, translate_error
from .migrate import ensure_schema
from .tables import DraftRow, ScenarioRow, VersionRow

__all__ = ["Draft", "Scenario", "ScenarioInfo", "ScenarioStore", "Version", "parse_scenario_id"]

_MAX_NAME = 200


@dataclass(frozen=True)
class ScenarioInfo:
    """A scenario as the list shows it: id, name, latest version, when and by whom it was last saved."""

    id: str
    name: str
    description: str
    version: int
    created_at: datetime
    updated_at: datetime
    author: str
    deleted_at: datetime | None


@dataclass(frozen=True)
class Version:
    """One saved, immutable version: its number, author, time and document."""

    scenario_id: str
    version: int
    author: str
    created_at: datetime
    document: ScenarioDocument


@dataclass(frozen=True)
class Scenario:
    """A scenario opened at one version (``info.version`` is the latest, ``version.version`` the one opened)."""

    info: ScenarioInfo
    version: Version


@dataclass(frozen=True)
class Draft:
    """Unsaved changes of one browser tab (``token``) on top of ``base_version``."""

    scenario_id: str
    token: str
    base_version: int
    updated_at: datetime
    document: ScenarioDocument


def parse_scenario_id(text: str) -> str:
    """The canonical form of a scenario id (a UUID); ``ScenarioNotFound`` naming the text when it is not one."""
    try:
        return str(uuid.UUID(str(text).strip()))
    except ValueError:
        shown = str(text)[:60]
        msg = f"{shown!r} is not a scenario id (expected a UUID such as 3f2b8c1e-5d4a-4c3b-9a1f-0e6d7c8b9a10)"
        raise ScenarioNotFound(msg, code="bad_id", id=shown) from None


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _now() -> datetime:
    # Whole microseconds in UTC: the same value round-trips through SQLite and PostgreSQL.
    return datetime.now(UTC)


def _text(value: str, what: str, limit: int = _MAX_NAME, required: bool = False) -> str:
    value = " ".join(str(value).split())
    if required and not value:
        msg = f"the {what} is empty"
        raise StoreError(msg, code="empty", field=what)
    if len(value) > limit:
        msg = f"the {what} is longer than {limit} characters"
        raise StoreError(msg, code="too_long", field=what, limit=limit)
    return value


def _info(row: ScenarioRow) -> ScenarioInfo:
    return ScenarioInfo(
        row.id,
        row.name,
        row.description,
        row.latest_version,
        _utc(row.created_at),
        _utc(row.updated_at),
        row.updated_by,
        _utc(row.deleted_at) if row.deleted_at else None,
    )


def _version(row: VersionRow) -> Version:
    return Version(row.scenario_id, row.version, row.author, _utc(row.created_at), ScenarioDocument.from_json(row.document))


class ScenarioStore:
    """Scenarios in one database (any SQLAlchemy engine; see :func:`model.store.make_store_engine`).

    The schema is brought to the newest migration when the store is made
    (``migrate=False`` skips that). Every method raises :class:`StoreError`
    (or a subclass) with a clear message; database errors never leak.
    """

    def __init__(self, engine: Engine, migrate: bool = True) -> None:
        self.engine = engine
        if migrate:
            ensure_schema(engine)

    @classmethod
    def connect(cls, url: URL | str | None = None) -> ScenarioStore:
        """A store on ``url`` (default: :func:`model.store.resolve_url`), migrated."""
        return cls(make_store_engine(url))

    @contextmanager
    def _session(self, write: bool = False) -> Iterator[Session]:
        try:
            with Session(self.engine, expire_on_commit=False) as session:
                if write:
                    with session.begin():
                        yield session
                else:
                    yield session
        except SQLAlchemyError as exc:
            raise translate_error(exc, self.engine.url) from None

    # --- reading ------------------------------------------------------------------------------

    def _row(self, session: Session, scenario_id: str, lock: bool = False, deleted: bool = False) -> ScenarioRow:
        query = select(ScenarioRow).where(ScenarioRow.id == scenario_id)
        if lock:
            query = query.with_for_update()
        row = session.scalars(query).one_or_none()
        if row is None or (row.deleted_at is not None and not deleted):
            msg = f"no scenario with id {scenario_id}" + (" (it was deleted)" if row is not None else "")
            raise ScenarioNotFound(msg, code="not_found", id=scenario_id, deleted=row is not None)
        return row

    def _version_row(self, session: Session, scenario_id: str, version: int) -> VersionRow:
        row = session.get(VersionRow, (scenario_id, version))
        if row is None:
            msg = f"scenario {scenario_id} has no version {version}"
            raise ScenarioNotFound(msg, code="no_version", id=scenario_id, version=version)
        return row

    def open(self, scenario_id: str, version: int | None = None, deleted: bool = False) -> Scenario:
        """The scenario at ``version`` (default: the latest); ``ScenarioNotFound`` for an unknown id or version.

        A deleted scenario opens only with ``deleted=True``.
        """
        scenario_id = parse_scenario_id(scenario_id)
        with self._session() as session:
            row = self._row(session, scenario_id, deleted=deleted)
            number = row.latest_version if version is None else version
            return Scenario(_info(row), _version(self._version_row(session, scenario_id, number)))

    def list(self, deleted: bool = False) -> list[ScenarioInfo]:
        """Scenarios, last saved first; ``deleted=True`` lists only the deleted ones (to undo)."""
        with self._session() as session:
            condition = ScenarioRow.deleted_at.is_not(None) if deleted else ScenarioRow.deleted_at.is_(None)
            rows = session.scalars(select(ScenarioRow).where(condition).order_by(ScenarioRow.updated_at.desc(), ScenarioRow.id))
            return [_info(row) for row in rows]

    def history(self, scenario_id: str) -> list[Version]:
        """Every version of the scenario, oldest first."""
        scenario_id = parse_scenario_id(scenario_id)
        with self._session() as session:
            self._row(session, scenario_id, deleted=True)
            rows = session.scalars(select(VersionRow).where(VersionRow.scenario_id == scenario_id).order_by(VersionRow.version))
            return [_version(row) for row in rows]

    # --- writing ------------------------------------------------------------------------------

    def create(self, name: str, document: ScenarioDocument, author: str = "", description: str = "") -> Scenario:
        """A new scenario whose version 1 is ``document``; its id is a fresh UUID4."""
        name = _text(name, "scenario name", required=True)
        author = _text(author, "author name")
        description = str(description)[:5000]
        now = _now()
        scenario_id = str(uuid.uuid4())
        with self._session(write=True) as session:
            row = ScenarioRow(
                id=scenario_id,
                name=name,
                description=description,
                latest_version=1,
                created_at=now,
                updated_at=now,
                updated_by=author,
                deleted_at=None,
            )
            session.add(row)
            session.flush()
            version = VersionRow(scenario_id=scenario_id, version=1, author=author, created_at=now, document=document.to_json())
            session.add(version)
        return Scenario(_info(row), Version(scenario_id, 1, author, now, document))

    def update(
        self,
        scenario_id: str,
        edit: Callable[[ScenarioDocument], ScenarioDocument],
        author: str = "",
        base_version: int | None = None,
    ) -> Version:
        """Save ``edit(latest document)`` as a new version, reading and writing under the row lock.

        With ``base_version`` given and not the latest, nothing is written and
        :class:`StaleVersionError` says what the newer versions changed.
        """
        scenario_id = parse_scenario_id(scenario_id)
        author = _text(author, "author name")
        with self._session(write=True) as session:
            row = self._row(session, scenario_id, lock=True)
            latest = self._version_row(session, scenario_id, row.latest_version)
            latest_document = ScenarioDocument.from_json(latest.document)
            if base_version is not None and base_version != row.latest_version:
                if not 1 <= base_version < row.latest_version:
                    msg = f"scenario {scenario_id} has no version {base_version} (latest is {row.latest_version})"
                    raise ScenarioNotFound(msg, code="no_version", id=scenario_id, version=base_version)
                base = ScenarioDocument.from_json(self._version_row(session, scenario_id, base_version).document)
                authors = session.scalars(
                    select(VersionRow.author).where(VersionRow.scenario_id == scenario_id, VersionRow.version > base_version)
                )
                raise StaleVersionError(scenario_id, base_version, row.latest_version, diff(base, latest_document), list(authors))
            document = edit(latest_document)
            now = _now()
            number = row.latest_version + 1
            stored = document.to_json()
            session.add(VersionRow(scenario_id=scenario_id, version=number, author=author, created_at=now, document=stored))
            row.latest_version = number
            row.updated_at = now
            row.updated_by = author
        return Version(scenario_id, number, author, now, document)

    def save(self, scenario_id: str, document: ScenarioDocument, author: str = "", base_version: int | None = None) -> Version:
        """Save ``document`` as the next version (see :meth:`update` for ``base_version``)."""
        return self.update(scenario_id, lambda _latest: document, author, base_version)

    def restore(self, scenario_id: str, version: int, author: str = "") -> Version:
        """Save an old version's document as the newest version (the versions in between stay)."""
        old = self.open(scenario_id, version).version.document
        return self.save(scenario_id, old, author)

    def copy(self, scenario_id: str, name: str, author: str = "", version: int | None = None) -> Scenario:
        """A new scenario whose version 1 is this one's ``version`` (default latest)."""
        source = self.open(scenario_id, version)
        return self.create(name, source.version.document, author, source.info.description)

    def rename(self, scenario_id: str, name: str) -> None:
        """Give the scenario a new name (not a new version: the name is not part of the document)."""
        scenario_id = parse_scenario_id(scenario_id)
        name = _text(name, "scenario name", required=True)
        with self._session(write=True) as session:
            self._row(session, scenario_id, lock=True).name = name

    def delete(self, scenario_id: str) -> None:
        """Soft delete: the scenario leaves the list and cannot be opened until :meth:`undelete`."""
        scenario_id = parse_scenario_id(scenario_id)
        with self._session(write=True) as session:
            row = self._row(session, scenario_id, lock=True)
            row.deleted_at = _now()

    def undelete(self, scenario_id: str) -> None:
        """Undo :meth:`delete`: every version is back."""
        scenario_id = parse_scenario_id(scenario_id)
        with self._session(write=True) as session:
            row = self._row(session, scenario_id, lock=True, deleted=True)
            row.deleted_at = None

    # --- drafts -------------------------------------------------------------------------------

    def save_draft(self, scenario_id: str, token: str, base_version: int, document: ScenarioDocument) -> None:
        """Keep ``document`` as the unsaved work of draft ``token`` (replacing the earlier draft)."""
        scenario_id = parse_scenario_id(scenario_id)
        token = parse_scenario_id(token)
        with self._session(write=True) as session:
            self._row(session, scenario_id)
            row = session.get(DraftRow, (scenario_id, token))
            if row is None:
                row = DraftRow(scenario_id=scenario_id, token=token)
                session.add(row)
            row.base_version = base_version
            row.updated_at = _now()
            row.document = document.to_json()

    def load_draft(self, scenario_id: str, token: str) -> Draft | None:
        """The unsaved work of draft ``token``, or None."""
        scenario_id = parse_scenario_id(scenario_id)
        token = parse_scenario_id(token)
        with self._session() as session:
            row = session.get(DraftRow, (scenario_id, token))
            if row is None:
                return None
            document = ScenarioDocument.from_json(row.document)
            return Draft(row.scenario_id, row.token, row.base_version, _utc(row.updated_at), document)

    def discard_draft(self, scenario_id: str, token: str) -> None:
        """Forget draft ``token`` (after a save, or when the user goes back to the saved version)."""
        scenario_id = parse_scenario_id(scenario_id)
        token = parse_scenario_id(token)
        with self._session(write=True) as session:
            session.execute(delete(DraftRow).where(DraftRow.scenario_id == scenario_id, DraftRow.token == token))
