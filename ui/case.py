"""The Business case page's parts: the assumption editor and the case file (download, upload, variants).

Changed values go to ``ui.state`` (``set_override``), so they hold on every
page; the page itself reads the case, calls the model and draws the results.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from model import MAX_FILE_BYTES, Case, CaseFileError, CaseFileProblem, case_to_yaml, format_value, unit_decimals

from . import scenario, state, uploads
from .case_messages import problem_text
from .i18n import t
from .keys import CASE, widget
from .tables import assumption_groups
from .widgets import choice, download, md, number_input

__all__ = [
    "FILE_OPEN",
    "MEMO_OPEN",
    "UPLOAD_MESSAGE",
    "assumption_heading",
    "assumption_inputs",
    "case_file_section",
    "save_variant",
    "upload_case_file",
]

#: Session-state key of the last upload's outcome (see :class:`ui.keys.CaseKeys`).
UPLOAD_MESSAGE = CASE.upload_message
#: Session-state key of the "case file" expander (True: open); its content is drawn only when open.
FILE_OPEN = CASE.file_open
#: Session-state key of the "decision memo" expander (True: open); likewise drawn only when open.
MEMO_OPEN = CASE.memo_open


def assumption_heading(case_id: str, case: Case, changes: dict[str, float]) -> str | None:
    """The parts of the assumption editor drawn with the page: the heading, "reset the case" and the group control.

    One group is shown at a time, chosen with a segmented control (kept per
    case; at first the first group with a change, else the first): every
    input drawn is redrawn on each change, so the other groups' inputs are not
    drawn. "Reset the case" is enabled while the case has changes; it is
    always current, as a case's first change and its last reset rerun the
    whole page (``ui.fragments``). Returns the group shown, None if the case
    has no assumptions.
    """
    st.subheader(t("case.assumptions"), help=t("case.assumptions.caption"))
    groups = assumption_groups(case)
    st.button(
        t("case.reset_case"),
        on_click=state.reset_case,
        args=(case_id,),
        disabled=not changes,
        icon=":material/restart_alt:",
        key="case.reset_case",
    )
    if not groups:
        st.info(t("case.no_assumptions"))
        return None
    names = [group for group, _ in groups]
    return choice(
        st.segmented_control,
        t("case.group"),
        names,
        key=CASE.group(case_id),
        default=(_changed_groups(case, changes) or names)[0],
        labels={group: md(group) for group in names},
        required=True,
        label_visibility="collapsed",
        width="stretch",
    )


def _changed_groups(case: Case, changes: dict[str, float]) -> list[str]:
    """The names of ``case``'s assumption groups holding at least one of ``changes``, in the case's order."""
    return [group for group, assumptions in assumption_groups(case) if any(a.name in changes for a in assumptions)]


def assumption_inputs(case_id: str, case: Case, document: Case, changes: dict[str, float], group: str) -> None:
    """The inputs of assumption group ``group``, each a Danish number input (its source in the help tooltip), under a
    badge naming the groups that hold changes.

    A changed assumption shows the document's value as a button that goes
    back to it, and the "Hvorfor?" note.
    """
    groups = assumption_groups(case)
    if changes:
        badge = t("case.changed_in", count=len(changes), groups=", ".join(md(name) for name in _changed_groups(case, changes)))
        st.markdown(f":orange-badge[{badge}]")
    chosen = group if group in dict(groups) else groups[0][0]
    for assumption in dict(groups)[chosen]:
        original = document.assumption(assumption.name)
        number_input(
            f"{md(assumption.label)} ({md(assumption.unit)})",
            key=CASE.assumption(case_id, assumption.name),
            value=float(assumption.value),
            commit=partial(state.set_override, case_id, assumption.name),
            minimum=original.minimum,
            maximum=original.maximum,
            integer=original.integer,
            decimals=unit_decimals(assumption.unit),  # shown to its unit's precision; the value keeps every digit
            help=t("case.source", source=md(assumption.source)),
        )
        if assumption.name in changes:
            # One element: the document's value is the button that goes back to it.
            document_value = md(f"{format_value(original.value, original.unit)} {original.unit}")
            st.button(
                ":orange[" + t("case.document_value", value=document_value) + "]",
                on_click=state.reset_override,
                args=(case_id, assumption.name),
                help=t("case.reset_one.help"),
                icon=":material/undo:",
                type="tertiary",
                key=CASE.reset(case_id, assumption.name),
            )
            scenario.note_field(case_id, assumption.name)


def case_file_section(case_id: str, case: Case) -> None:
    """Download the case with the user's values, upload one back, save a variant, remove an upload."""
    st.caption(t("case.file.caption"))
    download(t("case.download"), partial(_yaml_bytes, case), f"{case.id}.yaml", "application/x-yaml", key="case.download")
    st.file_uploader(
        t("case.upload"),
        type=["yaml", "yml"],
        key=widget(CASE.upload),
        on_change=upload_case_file,
        args=(widget(CASE.upload),),
        max_upload_size=1,
    )
    message = st.session_state.get(UPLOAD_MESSAGE)
    if message:
        kind, key, fields, detail = message
        (st.success if kind == "success" else st.error)(t(key, **{name: md(value) for name, value in fields.items()}))
        if detail:
            st.code(detail, language=None, wrap_lines=True)
    buttons = (st.container(), st.container())  # one under the other: side by side the labels are cut
    buttons[0].button(
        t("case.variant"),
        help=t("case.variant.help"),
        on_click=save_variant,
        args=(case_id,),
        icon=":material/content_copy:",
        key="case.save_variant",
    )
    if state.is_extra(case_id):
        buttons[1].button(
            t("case.remove"),
            help=t("case.remove.help"),
            on_click=uploads.remove_case,
            args=(case_id,),
            icon=":material/delete:",
            key="case.remove",
        )


def _yaml_bytes(case: Case) -> bytes:
    """The case file's bytes, built only when the user clicks "download" (not on every rerun)."""
    return case_to_yaml(case).encode("utf-8")


# --- Callbacks ------------------------------------------------------------------------------------------------


def upload_case_file(widget_key: str) -> None:
    """Callback of the case-file uploader: validate the file, then restore its values or add it.

    A file that cannot be used (not UTF-8, too large, invalid YAML or case,
    a formula that gives no finite amount) changes nothing; the reason is
    kept for the page to show. On success the page opens the case.
    """
    uploaded = st.session_state.get(widget_key)
    if uploaded is None:
        return
    name = uploaded.name
    try:
        if uploaded.size > MAX_FILE_BYTES:
            text = f"file is larger than {MAX_FILE_BYTES:,} bytes"
            raise CaseFileError(name, text, (CaseFileProblem("", "too_large", {"limit": f"{MAX_FILE_BYTES:,}"}, text),))
        try:
            text = uploaded.getvalue().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CaseFileError(name, t("case.upload.not_text")) from None
        outcome = uploads.import_case(text, name)
    except CaseFileError as exc:
        st.session_state[UPLOAD_MESSAGE] = ("error", "case.upload.failed", {"file": name}, problem_text(exc))
        return
    if outcome.kind == "applied":
        fields = {"file": name, "case": outcome.case_id, "count": str(outcome.count)}
        st.session_state[UPLOAD_MESSAGE] = ("success", "case.upload.applied", fields, "")
    else:
        st.session_state[UPLOAD_MESSAGE] = ("success", "case.upload.added", {"file": name, "case": outcome.case_id}, "")
    st.session_state[CASE.selected] = outcome.case_id


def save_variant(case_id: str) -> None:
    """Callback of "save as a variant": keep the current case as a new one and say so in a toast."""
    try:
        variant = uploads.add_variant(case_id, t("case.variant.label"))
    except ValueError as exc:
        st.toast(t("input.rejected", reason=md(str(exc))), icon=":material/error:")
        return
    st.toast(t("case.variant.saved", case=variant), icon=":material/content_copy:")
