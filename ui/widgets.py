"""Widgets the pages share: Danish number input, remembered widgets, tables, downloads and charts.

Streamlit drops a widget's state when the widget is not drawn (on another
page, say). The helpers here keep what matters in our own session-state
keys and seed the widget from them, so nothing the user did is lost by
switching pages.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from model import Case, CaseResult, EvaluationError, Settings, format_number, parse_number

from . import state
from .charts import TEMPLATES
from .i18n import t
from .keys import SCENARIO, widget

__all__ = [
    "TOTAL_MARK",
    "XLSX_MIME",
    "bound",
    "case_ids_or_stop",
    "case_names",
    "chart",
    "choice",
    "download",
    "evaluate_all",
    "lazy_section",
    "md",
    "number_input",
    "pick_case",
    "show_problems",
    "show_static_table",
    "show_table",
    "stored",
    "toggle",
]

K = TypeVar("K")

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~$:=])")
_LINE_MARKER = re.compile(r"(?m)^(\s*\d*)([-+.)])(?=\s|$)")


def md(text: str) -> str:
    """``text`` (a title, a label from a case file) escaped so Markdown shows it literally.

    Characters that start emphasis, links, code, HTML, headings, tables,
    maths or Streamlit's ``:color[...]`` and ``:emoji:`` directives get a
    backslash, and so does a list marker at the start of a line; ``[klik](x)``
    shows as written, not as a link.
    """
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LINE_MARKER.sub(r"\1\\\2", escaped)


# --- Remembered widgets ---------------------------------------------------------------------------


def stored(key: str, default: Any, valid: Callable[[Any], bool] | None = None) -> Any:
    """Our own session value ``key`` (``default`` when unset or no longer ``valid``)."""
    value = st.session_state.get(key, default)
    return value if valid is None or valid(value) else default


def _save(widget_key: str, key: str, save: Callable[[Any], None] | None) -> None:
    value = st.session_state[widget_key]
    if save is None:
        st.session_state[key] = value
    else:
        save(value)


def bound(key: str, value: Any, save: Callable[[Any], None] | None = None) -> dict[str, Any]:
    """Keyword arguments that bind a widget to a value kept outside widget state.

    The widget shows ``value``; a change is handed to ``save`` (default: kept
    in ``st.session_state[key]``). Use as ``st.selectbox(label, options,
    **bound("case.selected", current))``.
    """
    widget_key = widget(key)
    if widget_key not in st.session_state or st.session_state[widget_key] != value:
        st.session_state[widget_key] = value
    return {"key": widget_key, "on_change": _save, "args": (widget_key, key, save)}


def choice(
    widget: Callable[..., Any],
    label: str,
    options: Sequence[str],
    *,
    key: str,
    default: str,
    labels: Mapping[str, str],
    **kwargs: Any,
) -> Any:
    """``widget`` (a select box, radio, segmented control) choosing one of ``options``, shown by ``labels``.

    The choice is kept in ``st.session_state[key]`` (``default`` until the
    user chooses, or when it is no longer an option).
    """
    value = stored(key, default, lambda v: v in options)
    return widget(label, options, format_func=labels.__getitem__, **kwargs, **bound(key, value))


def toggle(label: str, *, key: str, help: str | None = None) -> bool:
    """A toggle, off until the user turns it on; kept in ``st.session_state[key]`` across pages."""
    return st.toggle(label, help=help, **bound(key, stored(key, False)))


def lazy_section(label: str, *, key: str, icon: str | None = None) -> DeltaGenerator | None:
    """An expander, closed at first, whose content is drawn only while it is open: the container, or None when closed.

    Every element drawn costs the browser time on every rerun of its page or
    fragment, and a section's widgets load their code on the page's first
    render; a closed section costs one element. Opening or closing it reruns
    the page (``on_change="rerun"``); its state is ``st.session_state[key]``.
    Use as ``if (box := lazy_section(...)) is not None: with box: ...``.
    """
    box = st.expander(label, expanded=False, icon=icon, key=key, on_change="rerun")
    return box if box.open else None


# --- Cases --------------------------------------------------------------------------------------------------


def case_ids_or_stop() -> list[str]:
    """Every case the user can open; when there is none, the page says where case files go and stops."""
    ids = state.case_ids()
    if not ids:
        st.info(t("overview.no_cases", folder=str(state.cases_folder())))
        st.stop()
    return ids


def case_names(ids: Sequence[str], chars: int | None = None) -> dict[str, str]:
    """``"I4 · Skærmteknologi – bedre …"`` per case id, the title shortened at a word to at most ``chars``, to label options.

    Computed before the widget is drawn: AppTest calls ``format_func``
    outside the script run.
    """
    titles = {cid: state.document_case(cid).title for cid in ids}
    if chars is None:
        return {cid: f"{cid} · {title}" for cid, title in titles.items()}
    return {cid: f"{cid} · {textwrap.shorten(title, width=chars, placeholder=' …')}" for cid, title in titles.items()}


def pick_case(key: str, ids: Sequence[str], chars: int | None = None) -> str:
    """The page's case picker, its choice kept in ``st.session_state[key]`` (the first case until the user picks)."""
    return choice(st.selectbox, t("case.pick"), ids, key=key, default=ids[0], labels=case_names(ids, chars))


def show_problems(message: str, details: str | Sequence[str], *, warning: bool = False) -> None:
    """``message`` in an error (or warning) box, the model's ``details`` below it as plain text."""
    (st.warning if warning else st.error)(message)
    st.code(details if isinstance(details, str) else "\n".join(details), language=None, wrap_lines=True)


def evaluate_all(cases: Mapping[K, Case], settings: Settings) -> dict[K, CaseResult]:
    """Every case evaluated (cached); those that cannot be are left out and named in one error box."""
    results, problems = {}, []
    for name, case in cases.items():
        try:
            results[name] = state.evaluate_cached(case, settings)
        except EvaluationError as exc:
            problems.append(str(exc))
    if problems:
        show_problems(t("overview.eval_errors"), problems)
    return results


# --- Danish number input ----------------------------------------------------------------------------


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _problem(text: str, minimum: float | None, maximum: float | None, integer: bool) -> tuple[str, dict[str, str]] | None:
    """Why ``text`` cannot be used (an i18n key and its fields), or None."""
    if not text.strip():
        return "input.empty", {}
    try:
        number = parse_number(text)
    except ValueError:
        return "input.not_number", {}
    if integer and number != int(number):
        return "input.whole", {}
    if minimum is not None and number < minimum:
        return "input.below", {"minimum": format_number(minimum, 6)}
    if maximum is not None and number > maximum:
        return "input.above", {"maximum": format_number(maximum, 6)}
    return None


def _typed(key: str) -> dict[str, Any] | None:
    return st.session_state.get(SCENARIO.inputs, {}).get(key)


def _on_number_change(
    key: str, commit: Callable[[float], None], minimum: float | None, maximum: float | None, integer: bool, scale: float
) -> None:
    text = st.session_state[widget(key)]
    error = _problem(text, minimum, maximum, integer)
    if error is None:
        number = parse_number(text)
        try:
            commit(int(number) if integer else number / scale)
        except EvaluationError:
            error = ("input.no_finite", {})
        except (ValueError, KeyError) as exc:
            error = ("input.rejected", {"reason": str(exc)})
    st.session_state[SCENARIO.inputs] = {**st.session_state.get(SCENARIO.inputs, {}), key: {"text": text, "error": error}}


def number_input(
    label: str,
    *,
    key: str,
    value: float,
    commit: Callable[[float], None],
    minimum: float | None = None,
    maximum: float | None = None,
    integer: bool = False,
    scale: float = 1.0,
    decimals: int = 6,
    help: str | None = None,
    label_visibility: str = "visible",
) -> None:
    """A text input that reads and shows numbers the Danish way (``1.234,5``).

    Shows ``value × scale`` (``scale=100`` shows a share as a percentage).
    When the user types a number that is within ``minimum``/``maximum``
    (on the shown scale), ``commit(number / scale)`` is called; when the text
    is empty, not a number, out of range, or ``commit`` refuses it
    (``ValueError``), a message appears right below the input, the text stays
    for the user to mend, and the calculation keeps the last good value.
    ``"23,4"`` is 23,4; ``"23.4"`` is refused rather than read as 234.

    The typed text lives in ``st.session_state["scenario.inputs"][key]``,
    so it survives page switches; when ``value`` changes elsewhere (a reset,
    an upload) the input shows the new value.
    """
    shown = value * scale
    formatted = format_number(shown, decimals)
    typed = _typed(key)
    text = formatted
    if typed is not None:
        try:
            same = _close(parse_number(typed["text"]), shown)
        except ValueError:
            same = False
        if typed["error"] or same:
            text = typed["text"]
    widget_key = widget(key)
    if st.session_state.get(widget_key) != text:
        st.session_state[widget_key] = text
    st.text_input(
        label,
        key=widget_key,
        on_change=_on_number_change,
        args=(key, commit, minimum, maximum, integer, scale),
        help=help,
        label_visibility=label_visibility,
    )
    if typed is not None and typed["error"]:
        message_key, fields = typed["error"]
        st.caption(f":red[{md(t(message_key, **fields))}] {md(t('input.kept', value=formatted))}")


# --- Tables and downloads --------------------------------------------------------------------------------


#: Header of the narrow first column that marks total rows (see :func:`show_table`).
TOTAL_MARK = "Σ"


def _total_marks(rows: int, bold_rows: Sequence[int]) -> list[str]:
    """The "Σ" column of a table of ``rows`` rows: the mark on the total rows (``bold_rows``), empty elsewhere."""
    totals = set(bold_rows)
    return [TOTAL_MARK if position in totals else "" for position in range(rows)]


def show_table(
    frame: pd.DataFrame,
    *,
    right: Sequence[str] = (),
    bold_rows: Sequence[int] = (),
    widths: Mapping[str, int | str] | None = None,
    pin_first: bool = False,
    key: str | None = None,
) -> None:
    """A read-only table of pre-formatted text; ``right`` columns right-aligned (numbers).

    ``bold_rows`` (positions) are the totals, e.g. the "I alt" row: a narrow
    pinned first column marks them with "Σ". (A pandas Styler could set them
    in bold, but styling every cell costs about 20 ms a table on every rerun;
    a column costs nothing.) ``widths`` sets column widths (pixels or
    "small"/"medium"/"large"); ``pin_first`` keeps the first column in view
    when the table scrolls sideways. Text from case files goes into cells,
    never into Markdown, so it shows as written.
    """
    widths = widths or {}
    config: dict[str, Any] = {}
    order = list(frame.columns)
    for position, column in enumerate(order):
        config[column] = st.column_config.TextColumn(
            width=widths.get(column),
            alignment="right" if column in right else None,
            pinned=True if pin_first and position == 0 else None,
        )
    table = pa.Table.from_pandas(frame, preserve_index=False)  # handed to the browser as is: no copy, no second conversion
    if bold_rows:
        table = table.append_column(TOTAL_MARK, pa.array(_total_marks(len(frame), bold_rows), pa.string()))
        config[TOTAL_MARK] = st.column_config.TextColumn(" ", width=28, pinned=True, help=t("table.total_mark"))
        order.insert(0, TOTAL_MARK)  # shown first; last in the data, so the table's own columns keep their places
    st.dataframe(table, hide_index=True, column_config=config, column_order=order, key=key, width="stretch", height="content")


def show_static_table(frame: pd.DataFrame, *, right: Sequence[str] = (), bold_rows: Sequence[int] = ()) -> None:
    """A small read-only table of pre-formatted text drawn as a plain HTML table (``st.table``), not a data grid.

    For a page's main table shown on its first render (Oversigt): the data
    grid's code (about 750 KB of JavaScript) then need not load before the
    page can show, which took most of the first render. ``st.table`` reads
    every cell as Markdown, so each cell is escaped (:func:`md`): a title
    from a case file shows as written. ``right`` columns are right-aligned
    (numbers); ``bold_rows`` (the totals) are marked "Σ" in a first column,
    as :func:`show_table` does.
    """
    shown = frame.map(md)
    if bold_rows:
        shown.insert(0, TOTAL_MARK, _total_marks(len(frame), bold_rows))
    styled = shown.style.hide(axis="index")
    if right:
        # !important: st.table aligns text cells left in their own style attribute
        styled = styled.set_properties(subset=[c for c in right if c in shown.columns], **{"text-align": "right !important"})
    st.table(styled, border="horizontal")


#: The MIME type of an .xlsx workbook.
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(label: str, data: bytes | Callable[[], bytes], file_name: str, mime: str, key: str, help: str | None = None) -> None:
    """A download button that hands over ``data`` without rerunning the page."""
    st.download_button(
        label, data, file_name=file_name, mime=mime, key=key, help=help, on_click="ignore", icon=":material/download:"
    )


# --- Charts ---------------------------------------------------------------------------------------------


def _arrow(frame: pd.DataFrame) -> bytes:
    """``frame`` as Arrow IPC bytes, the form in which Streamlit hands a chart's data to the browser."""
    table = pa.Table.from_pandas(frame)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


@st.cache_resource(show_spinner=False, max_entries=64)
def _template(name: str, args: tuple[object, ...]) -> dict[str, object]:
    """Template ``name`` for ``args``, its own data (the zero line) already as Arrow bytes; shared, never changed."""
    template = TEMPLATES[name](*args)
    own = {key: _arrow(pd.DataFrame(records)) for key, records in template.get("datasets", {}).items()}
    return {**template, "datasets": own}


def chart(name: str, args: tuple[object, ...], data: Mapping[str, pd.DataFrame], title: str | None = None) -> None:
    """Draw an altair chart: template ``name`` of ``ui.charts.TEMPLATES`` (built once per ``args``) with this run's ``data``.

    The template holds everything but the data, so a changed assumption
    only recomputes the data (see ``ui.charts``), which goes to the browser
    as Arrow bytes straight from its DataFrames. ``title`` is drawn in the
    chart itself (one element fewer than a heading above it).
    """
    template = _template(name, args)
    datasets = {**template["datasets"], **{key: _arrow(frame) for key, frame in data.items()}}
    spec = {**template, "datasets": datasets}
    if title is not None:
        spec["title"] = {"text": title, "anchor": "start", "fontSize": 18, "offset": 14}
    st.vega_lite_chart(spec, width="stretch")
