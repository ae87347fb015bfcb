"""Alembic environment of the scenario store.

Used by :func:`model.store.migrate.upgrade` (which hands over an open
connection in ``config.attributes["connection"]``) and, without one, on the
URL of :func:`model.store.engine.resolve_url` (``WORKBENCH_DATABASE_URL``,
the secrets file, or the default SQLite file).
"""

from __future__ import annotations

from alembic import context

from model.store.engine import make_store_engine
from model.store.tables import Base


def _run(connection: object) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_store_engine()
    with engine.begin() as opened:
        _run(opened)
    engine.dispose()


try:
    context.config  # noqa: B018 (only inside Alembic; pytest's doctest collection imports this file too)
except (AttributeError, NameError):
    pass
else:
    _main()
