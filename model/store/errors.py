"""What can go wrong in the scenario store, each as one clear message.

Every database failure becomes a :class:`StoreError` whose message names
the database (without credentials) and the problem in plain words; the
driver's own text (which may quote the URL) is never shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import URL

    from .diff import Difference

__all__ = ["ScenarioNotFound", "StaleVersionError", "StoreError", "StoreUnavailable", "place", "translate_error"]


class StoreError(Exception):
    """The scenario store cannot do what was asked; the message says what and where (in English).

    ``code`` names the kind of problem and ``params`` its details (plain
    values, never credentials), so an interface can say it in its own
    language: ``locked``, ``damaged``, ``read_only``, ``unreachable``,
    ``refused``, ``failed`` (``where``: :func:`place`), ``bad_id`` (``id``),
    ``not_found`` (``id``, ``deleted``), ``no_version`` (``id``,
    ``version``), ``empty`` / ``too_long`` (``field``, ``limit``),
    ``section`` (``name``, ``field``), ``document`` (``field``),
    ``configuration`` (``detail``), ``conflict`` (a
    :class:`StaleVersionError`); ``other`` when none of these.
    """

    def __init__(self, message: str, *, code: str = "other", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


class StoreUnavailable(StoreError):
    """The database cannot be reached, is locked, or is not a usable database."""


class ScenarioNotFound(StoreError):
    """No scenario (or version) with that id; also for a malformed id."""


class StaleVersionError(StoreError):
    """A save based on version ``base`` while ``latest`` exists: someone saved in between.

    ``theirs`` lists what the newer versions changed against ``base``
    (:class:`model.store.Difference`), ``authors`` who saved them.
    """

    def __init__(self, scenario_id: str, base: int, latest: int, theirs: list[Difference], authors: list[str]) -> None:
        self.scenario_id = scenario_id
        self.base = base
        self.latest = latest
        self.theirs = theirs
        self.authors = authors
        who = ", ".join(dict.fromkeys(a for a in authors if a)) or "someone"
        what = "; ".join(d.describe() for d in theirs) or "no assumption changes"
        super().__init__(
            f"scenario {scenario_id} is at version {latest}, not {base}: {who} saved in between ({what}); nothing was written",
            code="conflict",
            id=scenario_id,
            latest=latest,
        )


def place(url: URL) -> dict[str, str]:
    """The database as ``{"backend", "database", "host"}`` without credentials (``host`` empty for SQLite)."""
    from .engine import describe_url

    backend = url.get_backend_name()
    host = "" if backend == "sqlite" else describe_url(url).rsplit(" on ", 1)[-1]
    return {"backend": backend, "database": str(url.database or ""), "host": host}


def translate_error(exc: BaseException, url: URL) -> StoreError:
    """A database exception as one :class:`StoreError` naming the database (no credentials) and the problem."""
    from sqlalchemy.exc import DatabaseError, DBAPIError, OperationalError

    from .engine import describe_url

    where = describe_url(url)
    at = place(url)
    original = getattr(exc, "orig", None)
    text = str(original if original is not None else exc).lower()
    if "locked" in text or "busy" in text:
        return StoreUnavailable(
            f"the scenario store ({where}) is locked by another program; try again shortly", code="locked", **at
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text or "disk image" in text:
        return StoreUnavailable(
            f"the scenario store ({where}) is not a readable SQLite database (damaged file?)", code="damaged", **at
        )
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return StoreUnavailable(f"the scenario store ({where}) cannot be opened for writing", code="read_only", **at)
    if isinstance(exc, OperationalError) or "connection" in text or "could not connect" in text:
        return StoreUnavailable(f"the scenario store ({where}) cannot be reached", code="unreachable", **at)
    if isinstance(exc, DatabaseError | DBAPIError):
        kind = type(original or exc).__name__
        return StoreUnavailable(f"the scenario store ({where}) refused the request ({kind})", code="refused", **at)
    return StoreError(f"the scenario store ({where}) failed ({type(exc).__name__})", code="failed", **at)
