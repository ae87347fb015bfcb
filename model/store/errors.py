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

__all__ = ["ScenarioNotFound", "StaleVersionError", "StoreError", "StoreUnavailable", "translate_error"]


class StoreError(Exception):
    """The scenario store cannot do what was asked; the message says what and where."""


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
            f"scenario {scenario_id} is at version {latest}, not {base}: {who} saved in between ({what}); nothing was written"
        )


def translate_error(exc: BaseException, url: URL) -> StoreError:
    """A database exception as one :class:`StoreError` naming the database (no credentials) and the problem."""
    from sqlalchemy.exc import DatabaseError, DBAPIError, OperationalError, SQLAlchemyError

    from .engine import describe_url

    where = describe_url(url)
    original = getattr(exc, "orig", None)
    text = str(original if original is not None else exc).lower()
    if "locked" in text or "busy" in text:
        return StoreUnavailable(f"the scenario store ({where}) is locked by another program; try again shortly")
    if "not a database" in text or "malformed" in text or "corrupt" in text or "disk image" in text:
        return StoreUnavailable(f"the scenario store ({where}) is not a readable SQLite database (damaged file?)")
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return StoreUnavailable(f"the scenario store ({where}) cannot be opened for writing")
    if isinstance(exc, OperationalError) or "connection" in text or "could not connect" in text:
        return StoreUnavailable(f"the scenario store ({where}) cannot be reached")
    if isinstance(exc, DatabaseError | DBAPIError):
        return StoreUnavailable(f"the scenario store ({where}) refused the request ({type(original or exc).__name__})")
    if isinstance(exc, SQLAlchemyError):
        return StoreError(f"the scenario store ({where}) failed ({type(exc).__name__})")
    return StoreError(f"the scenario store ({where}) failed ({type(exc).__name__})")
