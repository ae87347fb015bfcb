"""Which database holds the scenarios, and the SQLAlchemy engine that talks to it.

The database is chosen by one URL, looked up in this order:

1. the environment variable ``WORKBENCH_DATABASE_URL``;
2. ``[connections.workbench]`` in ``.streamlit/secrets.toml`` (the project's,
   or the working directory's): either ``url = "..."`` or Streamlit's parts
   ``dialect``, ``driver``, ``host``, ``port``, ``username``, ``password``,
   ``database``;
3. otherwise a SQLite file ``data/workbench.db`` inside the project (the
   folder is created on first use and is git-ignored).

A plain ``postgresql://`` URL uses psycopg 3. Messages never show the
password or the user name: :func:`describe_url` names the backend, host and
database only.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError

from .errors import StoreError

__all__ = ["DATABASE_URL_ENV", "DEFAULT_DATABASE", "configure_engine", "describe_url", "make_store_engine", "resolve_url"]

#: Environment variable holding the store's database URL.
DATABASE_URL_ENV = "WORKBENCH_DATABASE_URL"
_PROJECT = Path(__file__).resolve().parent.parent.parent
#: The SQLite file used when nothing is configured.
DEFAULT_DATABASE = _PROJECT / "data" / "workbench.db"
#: Seconds a SQLite writer waits for another writer before "database is locked".
SQLITE_BUSY_SECONDS = 30
#: SQLite page cache per connection, KiB: holds the indexes of ~100.000 scenarios, so opening one is not a disk read.
SQLITE_CACHE_KIB = 32_000
_URL_PARTS = ("dialect", "driver", "host", "port", "username", "password", "database")


def _secrets_section() -> dict[str, Any] | None:
    for folder in dict.fromkeys((_PROJECT, Path.cwd())):
        path = folder / ".streamlit" / "secrets.toml"
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            msg = f"{path}: cannot read the secrets file ({type(exc).__name__})"
            raise StoreError(msg, code="configuration", detail=str(path)) from None
        section = data.get("connections", {}).get("workbench")
        if isinstance(section, dict):
            return section
    return None


def _from_parts(section: dict[str, Any]) -> URL:
    if "dialect" not in section:
        msg = "[connections.workbench] in .streamlit/secrets.toml needs 'url' or 'dialect'"
        raise StoreError(msg, code="configuration", detail=".streamlit/secrets.toml")
    driver = f"+{section['driver']}" if section.get("driver") else ""
    return URL.create(
        drivername=f"{section['dialect']}{driver}",
        username=section.get("username"),
        password=section.get("password"),
        host=section.get("host"),
        port=int(section["port"]) if section.get("port") else None,
        database=section.get("database"),
    )


def resolve_url(environ: dict[str, str] | None = None) -> URL:
    """The store's database URL: ``$WORKBENCH_DATABASE_URL``, the secrets file, or the default SQLite file.

    Raises :class:`StoreError` (naming where the URL came from, never its
    password) when the URL cannot be read.
    """
    env = os.environ if environ is None else environ
    raw = env.get(DATABASE_URL_ENV, "").strip()
    where = DATABASE_URL_ENV
    url: URL | None = None
    try:
        if raw:
            url = make_url(raw)
        else:
            section = _secrets_section()
            where = "[connections.workbench] in .streamlit/secrets.toml"
            if section is not None:
                url = make_url(section["url"]) if section.get("url") else _from_parts(section)
    except (ArgumentError, ValueError, TypeError):
        msg = f"{where} is not a database URL (expected e.g. postgresql://host/db or sqlite:///file.db)"
        raise StoreError(msg, code="configuration", detail=str(where)) from None
    if url is None:
        url = make_url(f"sqlite:///{DEFAULT_DATABASE}")
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def describe_url(url: URL | str) -> str:
    """The database named without credentials: ``SQLite file data/workbench.db`` or ``PostgreSQL db on host:port``."""
    url = make_url(url) if isinstance(url, str) else url
    if url.get_backend_name() == "sqlite":
        return f"SQLite file {url.database or ':memory:'}"
    where = url.host or "local socket"
    if url.port:
        where += f":{url.port}"
    host_query = url.query.get("host")
    if not url.host and isinstance(host_query, str):
        where = f"socket {host_query}"
    return f"{url.get_backend_name()} database {url.database or ''} on {where}".replace("  ", " ")


def _sqlite_connect(busy_ms: int) -> Any:
    def connect(dbapi_connection: Any, _record: Any) -> None:
        # Own transactions (see _sqlite_begin) instead of pysqlite's implicit ones.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {busy_ms}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        cursor.close()

    return connect


def _sqlite_begin(connection: Any) -> None:
    # Take the write lock at the start: concurrent savers queue instead of failing on upgrade to a write lock.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def configure_engine(engine: Engine) -> Engine:
    """Make an engine fit for the store (idempotent); returns it.

    SQLite: a busy timeout of :data:`SQLITE_BUSY_SECONDS` (or the URL's
    ``?timeout=`` seconds), foreign keys on, and ``BEGIN IMMEDIATE``
    transactions, so concurrent saves queue. Used on engines made here and
    on the one ``st.connection`` makes. The folder of a SQLite file is
    created if missing (``StoreError`` if it cannot be).
    """
    prepare_sqlite_folder(engine.url)
    if engine.dialect.name == "sqlite" and not event.contains(engine, "begin", _sqlite_begin):
        try:
            seconds = float(engine.url.query.get("timeout", SQLITE_BUSY_SECONDS))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            seconds = SQLITE_BUSY_SECONDS
        event.listen(engine, "connect", _sqlite_connect(int(seconds * 1000)))
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def prepare_sqlite_folder(url: URL) -> None:
    """Create the folder of a SQLite file URL (the default ``data/``) if it is missing."""
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        folder = Path(url.database).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            msg = f"cannot create the folder {folder} for the scenario store ({exc.strerror})"
            raise StoreError(msg, code="configuration", detail=str(folder)) from None


def make_store_engine(url: URL | str | None = None) -> Engine:
    """A SQLAlchemy engine on ``url`` (default :func:`resolve_url`), configured by :func:`configure_engine`."""
    url = resolve_url() if url is None else (make_url(url) if isinstance(url, str) else url)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    prepare_sqlite_folder(url)
    kwargs: dict[str, Any] = {"pool_pre_ping": True}
    if url.get_backend_name() == "postgresql":
        kwargs["connect_args"] = {"connect_timeout": 5}
    try:
        engine = create_engine(url, **kwargs)
    except (ArgumentError, ImportError) as exc:
        msg = f"cannot use {describe_url(url)}: {type(exc).__name__}"
        raise StoreError(msg, code="configuration", detail=describe_url(url)) from None
    return configure_engine(engine)
