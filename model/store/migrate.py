"""Alembic migrations of the store, applied from code (at start, and by ``python -m model db upgrade``).

The scripts live in ``model/store/migrations/``. :func:`upgrade` runs them
inside one transaction that first takes a lock (PostgreSQL: an advisory
lock; SQLite: ``BEGIN IMMEDIATE``), so several app processes starting at
once migrate the database once, and a failed migration leaves it as it was.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from .errors import translate_error

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported where it is used: the command line and the engine stay quick to start.

__all__ = ["MIGRATIONS", "current_revision", "ensure_schema", "head_revision", "upgrade"]

#: Folder of the Alembic environment and its ``versions/``.
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_LOCK_ID = 720_2026_09  # any constant: one advisory lock for the store's migrations


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@cache
def head_revision() -> str:
    """The newest migration's revision id."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The database's revision (None for an empty database); ``StoreError`` if it cannot be read."""
    from alembic.runtime.migration import MigrationContext

    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    except SQLAlchemyError as exc:
        raise translate_error(exc, engine.url) from None


def upgrade(engine: Engine, revision: str = "head") -> str | None:
    """Apply the migrations up to ``revision`` in one locked transaction; returns the revision reached."""
    from alembic import command

    config = _config()
    try:
        with engine.begin() as connection:
            if engine.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _LOCK_ID})
            config.attributes["connection"] = connection
            try:
                command.upgrade(config, revision)
            finally:
                config.attributes.pop("connection", None)
    except SQLAlchemyError as exc:
        raise translate_error(exc, engine.url) from None
    return current_revision(engine)


def ensure_schema(engine: Engine) -> None:
    """Upgrade to the newest revision unless the database is there already (a cheap check first)."""
    if current_revision(engine) != head_revision():
        upgrade(engine)
