"""The Scenarier page's parts: the list of saved scenarios (open, copy, delete, undo) and one scenario's history.

The history lists every version with its author, time and what changed
against the previous version, and the changed assumptions against the
documents with their notes; any version can be opened or restored (saved
again as the newest version).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pandas as pd
import streamlit as st

from model import (
    Difference,
    ScenarioDocument,
    ScenarioStore,
    StoreError,
    Version,
    against_documents,
    assumption_values,
    diff,
    format_number,
)

from . import scenario, state
from .i18n import t
from .keys import STORE
from .store_messages import problem_text
from .widgets import md

__all__ = ["describe", "history", "saved_list"]


def _when(value: datetime) -> str:
    return value.astimezone().strftime("%d.%m.%Y %H:%M")


def _value(value: object) -> str:
    if value is None:
        return t("scenario.history.document")
    if isinstance(value, float | int) and not isinstance(value, bool):
        return format_number(float(value), 6)
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _label(case_id: str | None, name: str | None) -> str:
    if case_id is None:
        return t(f"settings.{name}") if name else t("scenario.history.included")
    try:
        return f"{case_id}: {state.document_case(case_id).assumption(name).label}" if name else case_id
    except KeyError:
        return f"{case_id}.{name}" if name else case_id


def _section_value(value: object) -> str:
    """A page's section in a version: the page's defaults (absent) or what the user set there."""
    return t("scenario.section.default") if value is None else t("scenario.section.set")


def describe(difference: Difference) -> str:
    """One line in the user's language: ``I5: Uger pr. år: dokumentet → 48``."""
    if difference.kind == "section":
        old, new = _section_value(difference.old), _section_value(difference.new)
        return f"{t(f'store.section.{difference.name}')}: {old} → {t('scenario.section.changed') if old == new else new}"
    where = _label(difference.case, difference.name)
    if difference.kind == "note":
        return f"{where}: {t('scenario.kind.note').lower()} «{difference.new}»"
    return f"{where}: {_value(difference.old)} → {_value(difference.new)}"


def _difference_rows(differences: list[Difference]) -> pd.DataFrame:
    rows = []
    for d in differences:
        what = t(f"scenario.kind.{d.kind}")
        if d.kind == "section":
            before, after = _section_value(d.old), _section_value(d.new)
            after = t("scenario.section.changed") if before == after else after
            row = {t("scenario.col.what"): f"{what} · {t(f'store.section.{d.name}')}", t("scenario.col.before"): before}
            rows.append({**row, t("scenario.col.after"): after, t("scenario.col.note"): ""})
            continue
        old, new = (d.old, d.new) if d.kind != "note" else ("", "")
        rows.append(
            {
                t("scenario.col.what"): f"{what} · {_label(d.case, d.name)}",
                t("scenario.col.before"): _value(old) if d.kind != "note" else "",
                t("scenario.col.after"): _value(new) if d.kind != "note" else "",
                t("scenario.col.note"): d.note,
            }
        )
    return pd.DataFrame(rows)


def _against_documents(document: ScenarioDocument) -> pd.DataFrame:
    values = {}
    for case_id in {c.case for c in document.changes}:
        try:
            values[case_id] = assumption_values(state.document_case(case_id))
        except KeyError:
            continue
    rows = [
        {
            t("scenario.col.assumption"): _label(r.case, r.assumption),
            t("scenario.col.document"): _value(r.document),
            t("scenario.col.scenario"): _value(r.value),
            t("scenario.col.note"): r.note,
            t("scenario.col.author"): r.author,
        }
        for r in against_documents(document, values)
    ]
    return pd.DataFrame(rows)


def _open_version(scenario_id: str, version: int) -> None:
    scenario.open_scenario(scenario_id, version)
    st.toast(t("scenario.history.opened", version=version), icon=":material/folder_open:")


def _restore(scenario_id: str, version: int) -> None:
    try:
        restored = scenario.store(retry=True).restore(scenario_id, version, scenario.author())
    except StoreError as exc:
        st.session_state[scenario.PROBLEM] = problem_text(exc)
        return
    scenario.open_scenario(scenario_id)
    st.toast(t("scenario.history.restored", version=version, new=restored.version), icon=":material/restore:")


def history(scenario_id: str) -> None:
    """Every version of the scenario, newest first, with its changes; open or restore any."""
    try:
        versions: list[Version] = scenario.store().history(scenario_id)
    except StoreError as exc:
        st.error(t("scenario.problem", problem=md(problem_text(exc))), icon=":material/cloud_off:")
        return
    latest = versions[-1]
    st.markdown(f"**{t('scenario.history.against_documents', version=latest.version)}**")
    frame = _against_documents(latest.document)
    if frame.empty:
        st.caption(t("scenario.history.no_changes"))
    else:
        st.dataframe(frame, hide_index=True, width="stretch")
    previous: dict[int, ScenarioDocument | None] = {}
    before: ScenarioDocument | None = None
    for v in versions:
        previous[v.version] = before
        before = v.document
    for v in reversed(versions):
        title = t("scenario.history.version", version=v.version, author=v.author or "-", when=_when(v.created_at))
        with st.expander(md(title), expanded=v.version == latest.version):
            changes = diff(previous[v.version], v.document)
            if changes:
                st.dataframe(_difference_rows(changes), hide_index=True, width="stretch")
            else:
                st.caption(t("scenario.history.same"))
            left, right = st.columns(2)
            left.button(
                t("scenario.history.open"),
                on_click=_open_version,
                args=(scenario_id, v.version),
                key=f"scenario.v.open.{v.version}",
            )
            if v.version != latest.version:
                right.button(
                    t("scenario.history.restore"),
                    on_click=_restore,
                    args=(scenario_id, v.version),
                    key=f"scenario.v.restore.{v.version}",
                )


def _store_action(action: Callable[[ScenarioStore], object], toast: Callable[[object], str], icon: str) -> None:
    """``action`` on the store, then a toast worded from its result; a problem goes to the page's problem line."""
    try:
        result = action(scenario.store(retry=True))
    except StoreError as exc:
        st.session_state[scenario.PROBLEM] = problem_text(exc)
        return
    st.toast(toast(result), icon=icon)


def _copy(scenario_id: str, widget_key: str) -> None:
    name = " ".join(str(st.session_state.get(widget_key, "")).split()) or t("scenario.copy.default")
    _store_action(
        lambda store: store.copy(scenario_id, name, scenario.author()),
        lambda copied: t("scenario.copied", name=md(copied.info.name)),
        ":material/content_copy:",
    )


def _delete(scenario_id: str) -> None:
    _store_action(lambda store: store.delete(scenario_id), lambda _: t("scenario.deleted"), ":material/delete:")


def _undelete(scenario_id: str) -> None:
    _store_action(lambda store: store.undelete(scenario_id), lambda _: t("scenario.undeleted"), ":material/undo:")


def saved_list() -> None:
    """The saved scenarios (newest first) with open, copy and delete; deleted ones with undo."""
    try:
        listed = scenario.store().list()
        deleted = scenario.store().list(deleted=True)
    except StoreError as exc:
        st.error(t("scenario.problem", problem=md(problem_text(exc))), icon=":material/cloud_off:")
        return
    if not listed:
        st.info(t("scenario.none_saved"))
    else:
        frame = pd.DataFrame(
            {
                t("scenario.col.name"): [s.name for s in listed],
                t("scenario.col.version"): [s.version for s in listed],
                t("scenario.col.saved"): [_when(s.updated_at) for s in listed],
                t("scenario.col.author"): [s.author for s in listed],
            }
        )
        st.dataframe(frame, hide_index=True, width="stretch")
        names = {s.id: f"{s.name} · v{s.version}" for s in listed}
        chosen = st.selectbox(t("scenario.open.choose"), list(names), format_func=names.get, key=STORE.chosen)
        columns = st.columns(3)
        columns[0].button(
            t("scenario.open"), on_click=scenario.open_scenario, args=(chosen,), key="scenarios.open", type="primary"
        )
        with columns[1].popover(t("scenario.copy")):
            st.text_input(t("scenario.name"), key=STORE.copy_name)
            st.button(t("scenario.copy"), on_click=_copy, args=(chosen, STORE.copy_name), key="scenarios.copy")
        columns[2].button(
            t("scenario.delete"), on_click=_delete, args=(chosen,), key="scenarios.delete", icon=":material/delete:"
        )
    if deleted:
        with st.expander(t("scenario.deleted_list", count=len(deleted))):
            for s in deleted:
                row = st.columns([3, 1], vertical_alignment="center")
                row[0].markdown(f"{md(s.name)} · v{s.version}")
                row[1].button(t("scenario.undelete"), on_click=_undelete, args=(s.id,), key=f"scenarios.undelete.{s.id}")
