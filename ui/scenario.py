"""The session's scenario in the store: save, save as, open, drafts, and the ``?scenario=`` URL.

The session (``ui.state``) stays the one place pages read; this module
turns it into a :class:`model.ScenarioDocument` and back. The store is
opened with ``st.connection("workbench", type="sql")`` on the URL of
:func:`model.resolve_url` (``WORKBENCH_DATABASE_URL``, the secrets file, or
``data/workbench.db``), once per process.

Session-state keys (``scenario.`` like the rest of the scenario):

``scenario.notes``
    ``{case: {assumption: {"value", "note", "author", "at"}}}``: why, who and
    when for each changed value (stamped when the value changes);
``scenario.current``
    ``{"id", "name", "version"}`` of the saved scenario the session is on
    (``version``: the one the session's work is based on), or absent;
``scenario.draft_token``
    this tab's draft id (in the URL as ``&draft=``), so a reload brings back
    unsaved work while the plain ``?scenario=<id>`` link opens the saved version;
``scenario.problem`` / ``scenario.conflict``
    the last store problem (one line, in the session's language:
    ``ui.store_messages``) and a refused save's details.

When the store cannot be reached the app keeps working on the documents and
the session; nothing is retried until the user saves or presses "try again".
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime

import streamlit as st

from model import (
    CaseFile,
    CaseFileError,
    Change,
    ScenarioDocument,
    ScenarioNotFound,
    ScenarioStore,
    StaleVersionError,
    StoreError,
    case_to_yaml,
    configure_engine,
    parse_case,
    resolve_url,
)

from .i18n import t
from .keys import BUILDER, SCENARIO, STORE
from .scenario_sections import load_sections, reset_everything, with_sections
from .store_messages import problem_text
from .widgets import md

__all__ = [
    "AUTHOR",
    "CURRENT",
    "NOTES",
    "author",
    "current",
    "dirty",
    "load_document",
    "note",
    "note_field",
    "open_scenario",
    "problem",
    "save",
    "save_as",
    "session_document",
    "set_note",
    "store",
    "sync",
]

# The keys (ui.keys.STORE), by the names this module and the sidebar use.
NOTES = STORE.notes
CURRENT = STORE.current
TOKEN = STORE.token
SAVED = STORE.saved
DRAFTED = STORE.drafted
#: The sidebar's author field.
AUTHOR = STORE.author
PROBLEM = STORE.problem
CONFLICT = STORE.conflict
OFFLINE = STORE.offline
STARTED = STORE.started
_VARIANT = re.compile(r"-v\d+$")


# --- The store ---------------------------------------------------------------------------------------------


def _connection(url: str) -> object:
    return st.connection("workbench", type="sql", url=url)


@st.cache_resource(show_spinner=False, max_entries=4)
def _store(url: str) -> ScenarioStore:
    """One store per database and process (migrated on first use); failures are not cached."""
    return ScenarioStore(configure_engine(_connection(url).engine))


def store(retry: bool = False) -> ScenarioStore:
    """The scenario store; ``StoreError`` (one clear line) when it cannot be used.

    After a failure the session does not try again on its own (an
    unreachable server would slow every click) until ``retry`` is set.
    """
    offline = st.session_state.get(OFFLINE)
    if offline and not retry:
        message, code, params = offline
        raise StoreError(message, code=code, **params)
    url = None
    try:
        url = resolve_url().render_as_string(hide_password=False)
        opened = _store(url)
    except StoreError as exc:
        st.session_state[OFFLINE] = (str(exc), exc.code, dict(exc.params))
        if url is not None:  # the next try starts from fresh connections (a mended file, a server back up)
            connection = _connection(url)
            connection.engine.dispose()
            connection.reset()
        raise
    st.session_state.pop(OFFLINE, None)
    return opened


def problem() -> str | None:
    """The last store problem of this session (one line), if any."""
    return st.session_state.get(PROBLEM)


def _report(exc: StoreError | str | None) -> None:
    """Keep the last problem as one line in the session's language (a ``str`` is said already)."""
    if exc is None:
        st.session_state.pop(PROBLEM, None)
    else:
        st.session_state[PROBLEM] = exc if isinstance(exc, str) else problem_text(exc)


# --- Session ↔ document ------------------------------------------------------------------------------------


def author() -> str:
    """The name the user gave in the sidebar ("" until then)."""
    return str(st.session_state.get(AUTHOR) or "").strip()[:200]


def _stamp() -> dict[str, dict[str, dict[str, object]]]:
    """Notes for exactly the changed values; a value that changed gets the current author and time."""
    overrides: dict[str, dict[str, float]] = st.session_state.get(SCENARIO.overrides, {})
    notes = st.session_state.get(NOTES, {})
    stamped: dict[str, dict[str, dict[str, object]]] = {}
    now = datetime.now(UTC).isoformat()
    for case_id, values in overrides.items():
        for name, value in values.items():
            meta = notes.get(case_id, {}).get(name)
            if meta is None or meta["value"] != value:
                meta = {"value": value, "note": meta["note"] if meta else "", "author": author(), "at": now}
            stamped.setdefault(case_id, {})[name] = meta
    st.session_state[NOTES] = stamped
    return stamped


def note(case_id: str, name: str) -> str:
    """The note ("why?") of a changed assumption ("" if none)."""
    return str(st.session_state.get(NOTES, {}).get(case_id, {}).get(name, {}).get("note", ""))


def set_note(case_id: str, name: str, widget_key: str) -> None:
    """Callback of a "Hvorfor?" field: keep its text as the note of ``case_id.name``."""
    stamped = _stamp()
    if name in stamped.get(case_id, {}):
        stamped[case_id][name] = {**stamped[case_id][name], "note": str(st.session_state.get(widget_key, ""))[:2000]}


def note_field(case_id: str, name: str) -> None:
    """The "Hvorfor?" field beside a changed assumption, with who changed it and when."""
    widget_key = STORE.note(case_id, name)
    text = note(case_id, name)
    if st.session_state.get(widget_key) != text:
        st.session_state[widget_key] = text
    st.text_input(
        t("scenario.note"),
        key=widget_key,
        on_change=set_note,
        args=(case_id, name, widget_key),
        placeholder=t("scenario.note.placeholder"),
        max_chars=2000,
    )
    meta = st.session_state.get(NOTES, {}).get(case_id, {}).get(name)
    if meta and meta.get("author"):
        when = datetime.fromisoformat(str(meta["at"])).astimezone().strftime("%d.%m.%Y %H:%M")
        st.caption(t("scenario.note.by", author=md(str(meta["author"])), when=when))


def session_document() -> ScenarioDocument:
    """The session's scenario as a document: settings, included cases, changes with notes, its own case files,
    and the pages' sections (portfolio, follow-up, Følsomhed, labour and price index; ``ui.scenario_sections``)."""
    changes = [
        Change(case=case_id, assumption=name, value=float(meta["value"]), note=meta["note"], author=meta["author"], at=meta["at"])
        for case_id, names in sorted(_stamp().items())
        for name, meta in sorted(names.items())
    ]
    extra = st.session_state.get(SCENARIO.extra, {})
    built = set(st.session_state.get(BUILDER.built, ()))
    files = [CaseFile(case=case_id, kind=_kind(case_id, built), text=case_to_yaml(case)) for case_id, case in extra.items()]
    included = st.session_state.get(SCENARIO.included)
    document = ScenarioDocument(
        settings=dict(st.session_state.get(SCENARIO.settings, {})),
        included=None if included is None else list(included),
        changes=tuple(changes),
        case_files=tuple(files),
    )
    return with_sections(document)


def _kind(case_id: str, built: set[str]) -> str:
    """How a case of the session came: built on Ny case, a saved variant (``I4-v2``), or an upload."""
    if case_id in built:
        return "built"
    return "variant" if _VARIANT.search(case_id) else "upload"


def load_document(document: ScenarioDocument) -> list[str]:
    """Replace the session's scenario by ``document``; returns one message per case file or section that could not be read."""
    reset_everything()
    errors, extra = [], {}
    for case_file in document.case_files:
        try:
            case = parse_case(case_file.text, case_file.case)
        except CaseFileError as exc:
            errors.append(str(exc))
            continue
        extra[case.id] = case
    st.session_state[SCENARIO.extra] = extra
    st.session_state[BUILDER.built] = sorted(f.case for f in document.case_files if f.kind == "built" and f.case in extra)
    st.session_state[SCENARIO.overrides] = document.values()
    st.session_state[SCENARIO.settings] = dict(document.settings)
    st.session_state[SCENARIO.included] = None if document.included is None else list(document.included)
    st.session_state[NOTES] = {}
    for c in document.changes:
        meta = {"value": c.value, "note": c.note, "author": c.author, "at": c.at.isoformat()}
        st.session_state[NOTES].setdefault(c.case, {})[c.assumption] = meta
    return errors + load_sections(document)


# --- Current scenario, URL and drafts --------------------------------------------------------------------------


def current() -> dict[str, object] | None:
    """``{"id", "name", "version"}`` of the saved scenario the session is on, or None ("ikke gemt")."""
    return st.session_state.get(CURRENT)


def dirty() -> bool:
    """Whether the session differs from the saved version it is based on (nothing saved yet: any change)."""
    key = session_document().content_key()
    saved = st.session_state.get(SAVED)
    return key != (saved if saved is not None else ScenarioDocument().content_key())


def _token() -> str:
    return st.session_state.setdefault(TOKEN, str(uuid.uuid4()))


def _on(scenario_id: str, name: str, version: int, document: ScenarioDocument) -> None:
    st.session_state[CURRENT] = {"id": scenario_id, "name": name, "version": version}
    st.session_state[SAVED] = document.content_key()
    st.session_state.pop(CONFLICT, None)


def open_scenario(scenario_id: str, version: int | None = None, draft: str | None = None) -> None:
    """Open a saved scenario into the session (with this tab's unsaved draft when ``draft`` names one)."""
    try:
        opened = store().open(scenario_id, version)
        base, document = opened.version, opened.version.document
        if draft is not None:
            found = store().load_draft(opened.info.id, draft)
            if found is not None:
                document = found.document
                base = store().open(opened.info.id, found.base_version).version
                st.session_state[TOKEN] = found.token
    except StoreError as exc:
        _report(exc)
        return
    errors = load_document(document)
    _on(opened.info.id, opened.info.name, base.version, base.document)
    st.session_state[DRAFTED] = document.content_key()
    _report(t("store.error.parts", details="; ".join(errors)) if errors else None)


def _from_url() -> None:
    """On a session's first run: open ``?scenario=<id>`` (and its ``&draft=``), or say why it cannot be."""
    wanted = st.query_params.get("scenario")
    if not wanted:
        return
    draft = st.query_params.get("draft")
    try:
        draft = str(uuid.UUID(draft)) if draft else None
    except ValueError:
        draft = None
    open_scenario(wanted, draft=draft)
    if current() is None:
        st.query_params.clear()


def sync() -> None:
    """Once per run: open the URL's scenario on a session's first run; keep the URL and this tab's draft current."""
    if not st.session_state.get(STARTED):
        st.session_state[STARTED] = True
        _from_url()
    on = current()
    if on is None:
        return
    if st.query_params.get("scenario") != on["id"] or st.query_params.get("draft") != _token():
        st.query_params.from_dict({"scenario": str(on["id"]), "draft": _token()})
    document = session_document()
    key = document.content_key()
    if key == st.session_state.get(DRAFTED) or st.session_state.get(OFFLINE):
        return
    try:
        store().save_draft(str(on["id"]), _token(), int(on["version"]), document)
    except StoreError as exc:
        _report(exc)
        return
    st.session_state[DRAFTED] = key


# --- Saving -------------------------------------------------------------------------------------------------


def save(on_top: bool = False) -> bool:
    """Save the session as the next version of the current scenario; False (with the reason kept) if refused.

    A save based on an older version than the latest is refused and its
    details kept for the sidebar (:data:`CONFLICT`), unless ``on_top``.
    """
    on = current()
    if on is None:
        return False
    document = session_document()
    try:
        saved = store(retry=True).save(str(on["id"]), document, author(), None if on_top else int(on["version"]))
        store().discard_draft(saved.scenario_id, _token())
    except StaleVersionError as exc:
        st.session_state[CONFLICT] = {
            "latest": exc.latest,
            "authors": exc.authors,
            "theirs": list(exc.theirs),
        }
        _report(None)
        return False
    except StoreError as exc:
        _report(exc)
        return False
    _on(saved.scenario_id, str(on["name"]), saved.version, document)
    _report(None)
    return True


def save_as(name: str) -> bool:
    """Save the session as a new scenario called ``name`` (its version 1) and go on working on it."""
    document = session_document()
    try:
        created = store(retry=True).create(name, document, author())
    except ScenarioNotFound as exc:
        _report(exc)
        return False
    except StoreError as exc:
        _report(exc)
        return False
    _on(created.info.id, created.info.name, 1, document)
    st.session_state[DRAFTED] = document.content_key()
    _report(None)
    return True
