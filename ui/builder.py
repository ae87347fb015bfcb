"""The "Ny case" page's parts: where to start, the case's head, the four table editors with their problems
beside them, the live preview, and the download / "add to my cases" of the built case.

The page (``app_pages/builder.py``) calls these in order; the draft and what
is done with it is :mod:`ui.builder_state`, the reading of the rows
:mod:`ui.builder_draft`, every rule about the case the engine's.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from model import format_amount, format_percent_da

from . import state
from .builder_draft import COLUMNS, HEAD, Placed
from .builder_state import Built, add_built, draft, editor_base, new_draft, replace_draft, save_rows, set_head
from .case_messages import problem_at
from .i18n import t
from .keys import BUILDER
from .tables import payback_text, section1_frame
from .widgets import download, show_table

__all__ = ["actions", "head_section", "preview", "show_problems", "start_section", "table_section"]

#: The order of each table's columns on the page (``_rest`` is kept, not shown).
ORDER = {
    "assumptions": ["name", "label", "value", "unit", "source", "low", "high", "minimum", "maximum", "integer", "group"],
    "derived": ["name", "label", "formula", "unit", "source"],
    "profiles": ["name", "shares"],
    "lines": ["name", "table", "formula", "phase_in", "year", "amounts", "hours", "innovation", "unit", "source"],
}
_WIDTHS = {"name": 170, "label": 220, "formula": 260, "source": 240, "shares": 300, "amounts": 200, "table": 150}
_HELP = ("value", "formula", "phase_in", "year", "amounts", "hours")


def _column(table: str, column: str) -> Any:
    label = t(f"builder.col.{column}")
    help_text = t(f"builder.help.{column}") if column in _HELP or (column in ("low", "high", "minimum", "maximum")) else None
    if help_text is not None and column in ("low", "high", "minimum", "maximum"):
        help_text = t("builder.help.value")
    width = _WIDTHS.get(column, 110)
    if COLUMNS[table][column] == "bool":
        return st.column_config.CheckboxColumn(label, width=width)
    if table == "lines" and column == "table":
        return st.column_config.SelectboxColumn(
            label, width=width, options=["1", "2", "3"], format_func=lambda n: t(f"builder.table.{n}")
        )
    if table == "lines" and column == "unit":
        return st.column_config.SelectboxColumn(label, width=width, options=["1.000 kr.", "t.kr."])
    return st.column_config.TextColumn(label, width=width, help=help_text)


def _restart(start: str, copy_of: str | None) -> None:
    case = state.current_case(copy_of) if start == "copy" and copy_of in state.case_ids() else None
    replace_draft(new_draft(start, case))
    st.session_state.pop(BUILDER.message, None)


def start_section() -> None:
    """Start over: from a blank case, the template, or a copy of any case (the session's values included)."""
    with st.expander(t("builder.start"), icon=":material/restart_alt:"):
        starts = ("blank", "template", "copy")
        start = st.radio(
            t("builder.start.from"), starts, format_func=lambda s: t(f"builder.start.{s}"), horizontal=True, key=BUILDER.start
        )
        copy_of = None
        if start == "copy":
            ids = state.case_ids()
            copy_of = st.selectbox(t("builder.start.copy"), ids, key=BUILDER.copy_of)
        st.button(
            t("builder.start.button"),
            help=t("builder.start.help"),
            on_click=_restart,
            args=(start, copy_of),
            key="builder.restart",
        )


def _place(problem: Placed) -> str:
    """Where a problem is, in the UI's words: "Række 2, Værdi", or a head field's label."""
    if problem.table == "head":
        return t(f"builder.head.{problem.field}") if problem.field in HEAD else t("builder.case_problem")
    column = t(f"builder.col.{problem.field}") if problem.field in COLUMNS[problem.table] else problem.field
    row = t("builder.row", row=problem.row + 1) if problem.row is not None else t(f"builder.{problem.table}")
    return f"{row}, {column}" if column else row


def _sentence(problem: Placed) -> str:
    where = _place(problem)
    own = problem.problem
    if own.code in ("number", "year", "count", "years", "evaluation"):
        return t(f"builder.problem.{own.code}", where=where, text=own.context.get("text", own.text))
    return problem_at(own, where)


def _problems(problems: list[Placed]) -> None:
    if not problems:
        st.caption(t("builder.no_problems"))
        return
    sentences = list(dict.fromkeys(_sentence(p) for p in problems))
    st.error(t("builder.problems"), icon=":material/error:")
    st.code("\n".join(sentences), language=None, wrap_lines=True)


def head_section() -> Any:
    """The case's id, title, administration, price level, first year and number of years; returns the place of its problems."""
    head = draft()["head"]
    st.subheader(t("builder.head"))
    columns = st.columns([1, 3, 2, 1, 1, 1])
    for column, name in zip(columns, HEAD, strict=True):
        key = BUILDER.head(name)
        if key not in st.session_state:
            st.session_state[key] = str(head.get(name) or "")
        help_text = t("builder.head.id.help") if name == "id" else None
        column.text_input(t(f"builder.head.{name}"), key=key, on_change=set_head, args=(name, key), help=help_text)
    return st.container()


def table_section(table: str) -> Any:
    """One table's editor; the rows as typed are kept in the draft. Returns the place beside it for its problems."""
    st.subheader(t(f"builder.{table}"))
    st.caption(t(f"builder.{table}.caption"))
    left, right = st.columns([4, 1], gap="medium")
    frame, key = editor_base(table)
    with left:
        edited = st.data_editor(
            frame,
            key=key,
            num_rows="dynamic",
            placeholder="",
            hide_index=True,
            column_order=ORDER[table],
            column_config={column: _column(table, column) for column in COLUMNS[table]},
            width="stretch",
        )
    save_rows(table, edited)
    return right.container()


def show_problems(place: Any, problems: list[Placed], quiet: bool = False) -> None:
    """The problems of one table (or the head) at ``place``, each naming its row and column."""
    if problems or not quiet:
        with place:
            _problems(problems)


def preview(built: Built) -> None:
    """The built case's key figures and section 1, computed by the engine from the file as downloaded."""
    st.subheader(t("builder.preview"))
    if built.result is None:
        st.info(t("builder.preview.waiting"), icon=":material/pending:")
        return
    settings = state.settings()
    st.caption(t("builder.preview.caption", rate=format_percent_da(settings.discount_rate), horizon=settings.horizon))
    k = built.result.kpis
    figures = (
        (t("col.payback"), payback_text(k.payback_years)),
        (t("col.npv"), format_amount(k.npv)),
        (t("col.net_permanent"), format_amount(k.net_permanent)),
    )
    for column, (label, shown) in zip(st.columns(3), figures, strict=True):
        column.metric(label, shown, border=True)
    st.markdown(f"**{t('case.section1')}**")
    frame, bold = section1_frame(built.result)
    show_table(frame, right=[str(y) for y in built.result.years], bold_rows=bold, widths={"": 290}, key="builder.section1")


def _add(built: Built) -> None:
    if built.case is None:
        return
    added = add_built(built.case)
    fields = {"case": added.case_id, "scenario": added.scenario, "version": added.saved, "problem": added.problem}
    st.session_state[BUILDER.message] = (added.kind, fields)


def actions(built: Built) -> None:
    """Download the case file and add the case to the session's cases (and the open scenario)."""
    if built.case is None:
        return
    left, right = st.columns(2)
    with left:
        download(
            t("builder.download"),
            built.text.encode("utf-8"),
            f"{built.case.id.lower()}.yaml",
            "application/x-yaml",
            key="builder.download",
            help=t("builder.download.help"),
        )
    right.button(
        t("builder.add"), help=t("builder.add.help"), on_click=_add, args=(built,), icon=":material/add:", key="builder.add"
    )
    message = st.session_state.get(BUILDER.message)
    if not message:
        return
    kind, fields = message
    if kind in ("taken", "refused"):
        st.error(t(f"builder.{kind}", **fields))
        return
    st.success(t(f"builder.{kind}", **fields))
    if fields.get("version") is not None:
        st.caption(t("builder.saved", **fields))
    elif fields.get("problem"):
        st.warning(t("builder.not_saved", **fields))
    else:
        st.caption(t("builder.no_scenario"))
