"""The "Ny case" page's state: the draft in the session, its table editors, and what the page does with a built case.

The draft (``ui.builder_draft``) lives in ``st.session_state[BUILDER.draft]``
and is written back after every run of the page, so what the analyst typed
survives a rerun, a bad cell and a visit to another page. Each table is an
``st.data_editor`` opened on a fixed *base* of rows; Streamlit keeps the
edits as changes against that base, so the base is replaced only when the
editor holds no changes (its first draw, or on coming back to the page) or
when a template or copy starts a new draft (a new editor key).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import streamlit as st

from model import (
    Case,
    CaseFileProblem,
    CaseResult,
    EvaluationError,
    case_file_text,
    check_case_data,
    new_case_text,
    parse_case,
)

from . import scenario, state, uploads
from .builder_draft import COLUMNS, TABLES, Placed, draft_data, draft_from_case, placed
from .keys import BUILDER

__all__ = [
    "BLANK_ROWS",
    "Added",
    "Built",
    "add_built",
    "build",
    "draft",
    "editor_base",
    "new_draft",
    "replace_draft",
    "save_rows",
    "set_head",
]

#: Empty rows a blank draft opens with, per table (an empty row is no item; more can be added).
BLANK_ROWS = {"assumptions": 3, "derived": 2, "profiles": 1, "lines": 3}


def _blank_row(table: str) -> dict[str, Any]:
    row: dict[str, Any] = {column: (False if kind == "bool" else None) for column, kind in COLUMNS[table].items()}
    row["_rest"] = ""
    return row


def new_draft(start: str, copy_of: Case | None = None, case_id: str = "N1", title: str = "Ny business case") -> dict[str, Any]:
    """A draft to start from: ``"blank"`` (the head and empty rows), ``"template"`` (``python -m model new``'s
    example case) or ``"copy"`` (``copy_of``, renamed ``<id>-ny``, without the document's printed figures)."""
    if start == "copy" and copy_of is not None:
        return draft_from_case(copy_of, f"{copy_of.id}-ny"[:32], copy_of.title)
    if start == "template":
        return draft_from_case(parse_case(new_case_text(case_id, title), "template"))
    year = dt.date.today().year
    head = {"id": case_id, "title": title, "administration": "", "price_level": str(year), "first_year": str(year + 1)}
    head["horizon"] = "5"
    blank: dict[str, Any] = {"head": head, "rest": {}}
    for table in TABLES:
        blank[table] = [_blank_row(table) for _ in range(BLANK_ROWS[table])]
    return blank


def draft() -> dict[str, Any]:
    """The session's draft (a blank one until the analyst starts)."""
    if BUILDER.draft not in st.session_state:
        st.session_state[BUILDER.draft] = new_draft("blank")
    return st.session_state[BUILDER.draft]


def replace_draft(new: dict[str, Any]) -> None:
    """Start over from ``new``: the editors open afresh on its rows."""
    st.session_state[BUILDER.draft] = new
    st.session_state[BUILDER.base] = {}
    st.session_state[BUILDER.version] = st.session_state.get(BUILDER.version, 0) + 1
    for name in new["head"]:
        st.session_state.pop(BUILDER.head(name), None)


def set_head(name: str, widget_key: str) -> None:
    """Callback of a head input: keep its text in the draft."""
    draft()["head"][name] = st.session_state[widget_key]


def _frame(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    columns = [*COLUMNS[table], "_rest"]
    frame = pd.DataFrame(rows, columns=columns)
    for column, kind in COLUMNS[table].items():
        frame[column] = frame[column].fillna(False).astype(bool) if kind == "bool" else frame[column].astype("string")
    frame["_rest"] = frame["_rest"].fillna("").astype("string")
    return frame


def _pending(key: str) -> bool:
    """Whether the editor ``key`` holds changes the analyst made against its base."""
    edits = st.session_state.get(key)
    if not isinstance(edits, dict):
        return False
    return bool(edits.get("edited_rows") or edits.get("added_rows") or edits.get("deleted_rows"))


def editor_base(table: str) -> tuple[pd.DataFrame, str]:
    """``(rows, key)`` to open ``table``'s editor on: the draft's rows, unless the editor holds changes against its base."""
    version = st.session_state.get(BUILDER.version, 0)
    key = BUILDER.editor(table, version)
    bases = st.session_state.setdefault(BUILDER.base, {})
    if table not in bases or not _pending(key):
        bases[table] = [dict(row) for row in draft()[table]]
    return _frame(table, bases[table]), key


def save_rows(table: str, frame: pd.DataFrame) -> None:
    """Keep the editor's rows (as the analyst sees them) in the draft."""
    rows = []
    for record in frame.to_dict("records"):
        row = {}
        for column, value in record.items():
            row[str(column)] = None if value is None or (not isinstance(value, str | bool) and pd.isna(value)) else value
        rows.append(row)
    draft()[table] = rows


@dataclass
class Built:
    """What the draft makes: the case (None while it has problems), its problems placed by table, and its evaluation."""

    case: Case | None
    problems: list[Placed] = field(default_factory=list)
    result: CaseResult | None = None
    text: str = ""

    def at(self, table: str) -> list[Placed]:
        """The problems shown beside ``table`` (``"head"`` for the case's head and the file as a whole)."""
        return [p for p in self.problems if p.table == table]


def build(current: dict[str, Any]) -> Built:
    """The draft read, checked by the engine, written as a case file and evaluated at the session's settings."""
    data, unreadable, origin = draft_data(current)
    if unreadable:
        return Built(None, unreadable)
    case, problems = check_case_data(data)
    if case is None:
        return Built(None, placed(problems, origin, data))
    text = case_file_text(case)
    try:
        result = state.evaluate_cached(case, state.settings())
    except EvaluationError as exc:
        return Built(None, placed((CaseFileProblem("", "evaluation", {}, str(exc)),), origin, data))
    return Built(case, [], result, text)


@dataclass(frozen=True)
class Added:
    """What "add to my cases" did: ``kind`` ``"added"``/``"replaced"``/``"taken"``/``"refused"``; ``saved`` the
    scenario version it was saved in (None: no scenario open, or the store refused; see ``problem``)."""

    kind: str
    case_id: str
    saved: int | None = None
    scenario: str = ""
    problem: str = ""


def add_built(case: Case) -> Added:
    """Add the built ``case`` to the session's cases (replacing an earlier build of the same id) and save it
    into the open scenario. A case-folder id (I1-I6) is not taken over: the analyst picks another id."""
    if case.id in state.base_cases():
        return Added("taken", case.id)
    kind = "added"
    if state.is_extra(case.id):
        uploads.remove_case(case.id)
        kind = "replaced"
    try:
        outcome = uploads.import_case(case_file_text(case), case.id)
    except ValueError as exc:  # too many extra cases, or a file the engine refuses
        return Added("refused", case.id, problem=str(exc))
    st.session_state[BUILDER.built] = sorted({*st.session_state.get(BUILDER.built, ()), outcome.case_id})
    on = scenario.current()
    if on is None:
        return Added(kind, outcome.case_id)
    if scenario.save():
        on = scenario.current() or on
        return Added(kind, outcome.case_id, int(on["version"]), str(on["name"]))
    return Added(kind, outcome.case_id, None, str(on["name"]), scenario.problem() or "")
