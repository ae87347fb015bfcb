"""A scenario-store problem said in the user's language: from the error's ``code`` and ``params``, never its English text.

:class:`model.StoreError` carries what went wrong as a code (``locked``,
``damaged``, ``not_found``, ...) and plain details (the database without
credentials, the scenario id, the field); :func:`problem_text` turns them
into one sentence through ``ui.i18n``. A code this module does not know
gives a general sentence naming the database when there is one.
"""

from __future__ import annotations

from model import StoreError

from .i18n import t

__all__ = ["problem_text"]

_WHERE_CODES = ("locked", "damaged", "read_only", "unreachable", "refused", "failed")
_PLAIN_CODES = ("bad_id", "no_version", "configuration", "document")


def _where(params: dict[str, object]) -> str:
    backend, database, host = (str(params.get(k, "")) for k in ("backend", "database", "host"))
    if backend == "sqlite":
        return t("store.where.sqlite", database=database or ":memory:")
    return t("store.where.server", backend=backend, database=database, host=host)


def _field(name: object) -> str:
    key = f"store.field.{str(name).replace(' ', '_')}"
    text = t(key)
    return str(name) if text == key else text


def problem_text(exc: StoreError) -> str:
    """One sentence, in the session's language, for what went wrong in the store (no library text)."""
    code = getattr(exc, "code", "other")
    params = dict(getattr(exc, "params", {}))
    if code in _WHERE_CODES:
        return t(f"store.error.{code}", where=_where(params))
    if code == "not_found":
        return t("store.error.deleted" if params.get("deleted") else "store.error.not_found", id=params.get("id", ""))
    if code in _PLAIN_CODES:
        return t(f"store.error.{code}", **{k: str(v) for k, v in params.items()})
    if code in ("empty", "too_long"):
        return t(f"store.error.{code}", field=_field(params.get("field", "")), limit=str(params.get("limit", "")))
    if code == "section":
        return t("store.error.section", section=t(f"store.section.{params.get('name', '')}"), field=str(params.get("field", "")))
    if code == "conflict":
        return t("store.error.conflict", latest=str(params.get("latest", "")))
    return t("store.error.other")
