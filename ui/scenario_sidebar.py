"""The sidebar's scenario box: current scenario (or "ikke gemt"), unsaved mark, save / save as / open / history.

Also where a refused save (someone saved in between) and a store problem
are shown, each with what the user can do next; nothing the user typed is
dropped by either.
"""

from __future__ import annotations

import streamlit as st

from model import StoreError

from . import scenario
from .fragments import note_view
from .i18n import t
from .keys import STORE
from .scenario_history import describe
from .widgets import md

__all__ = ["HISTORY_PAGE", "scenario_sidebar"]

#: The page with the list of scenarios and the history (registered in app.py).
HISTORY_PAGE = "app_pages/scenarios.py"
_NAME = STORE.name
_OPEN = STORE.open


def _save() -> None:
    if scenario.save():
        st.toast(t("scenario.saved", version=scenario.current()["version"]), icon=":material/save:")


def _save_on_top() -> None:
    if scenario.save(on_top=True):
        st.toast(t("scenario.saved", version=scenario.current()["version"]), icon=":material/save:")


def _save_as() -> None:
    name = " ".join(str(st.session_state.get(_NAME, "")).split())
    if not name:
        st.toast(t("scenario.name_missing"), icon=":material/error:")
        return
    if scenario.save_as(name):
        st.session_state[_NAME] = ""
        st.toast(t("scenario.saved_as", name=md(name)), icon=":material/save:")


def _open() -> None:
    chosen = st.session_state.get(_OPEN)
    if chosen:
        scenario.open_scenario(chosen)
        if scenario.current() is not None and scenario.current()["id"] == chosen and not scenario.problem():
            st.toast(t("scenario.opened", name=md(str(scenario.current()["name"]))), icon=":material/folder_open:")


def _retry() -> None:
    try:
        scenario.store(retry=True)
    except StoreError:
        return
    st.session_state.pop(scenario.PROBLEM, None)


def _open_box() -> None:
    try:
        listed = scenario.store().list()
    except StoreError:
        st.caption(t("scenario.store_offline"))
        return
    if not listed:
        st.caption(t("scenario.none_saved"))
        return
    names = {s.id: f"{s.name} · v{s.version}" for s in listed}
    st.selectbox(t("scenario.open.choose"), list(names), format_func=names.get, key=_OPEN)
    st.button(t("scenario.open"), on_click=_open, key="scenario.open.button", type="primary", width="stretch")


def _conflict() -> None:
    conflict = st.session_state.get(scenario.CONFLICT)
    if not conflict:
        return
    who = ", ".join(dict.fromkeys(a for a in conflict["authors"] if a)) or t("scenario.someone")
    st.warning(t("scenario.conflict", who=md(who), latest=conflict["latest"]), icon=":material/group:")
    for difference in conflict["theirs"][:8]:
        st.caption("· " + md(describe(difference)))
    left, right = st.columns(2)
    left.button(t("scenario.save_on_top"), on_click=_save_on_top, key="scenario.on_top", width="stretch")
    with right.popover(t("scenario.save_copy"), width="stretch"):
        st.text_input(t("scenario.name"), key=STORE.name_copy)
        st.button(t("scenario.save_as.confirm"), on_click=_save_copy, key="scenario.copy.confirm")


def _save_copy() -> None:
    st.session_state[_NAME] = st.session_state.get(STORE.name_copy, "")
    _save_as()


def scenario_sidebar() -> None:
    """Draw the scenario box (call inside ``st.sidebar``)."""
    st.subheader(t("scenario.title"))
    on = scenario.current()
    if on is None:
        st.markdown(f"**{t('scenario.unsaved_name')}**")
    else:
        st.markdown(f"**{md(str(on['name']))}** · {t('scenario.version', version=on['version'])}")
    unsaved = scenario.dirty()
    note_view(unsaved=unsaved)  # a fragment's change that flips it reruns the app (ui.fragments)
    if unsaved:
        st.markdown(f":orange-badge[● {t('scenario.dirty')}]")
    st.text_input(t("scenario.author"), key=scenario.AUTHOR, placeholder=t("scenario.author.placeholder"), max_chars=200)
    # One button per row: side by side at the sidebar's width, "Gem som" and
    # its popover arrow were cut (the browser test looks for cut labels).
    st.button(
        t("scenario.save"),
        on_click=_save,
        disabled=on is None,
        help=t("scenario.save.help"),
        icon=":material/save:",
        key="scenario.save",
        width="stretch",
    )
    with st.popover(t("scenario.save_as"), icon=":material/add:", width="stretch"):
        st.text_input(t("scenario.name"), key=_NAME, max_chars=200)
        st.button(t("scenario.save_as.confirm"), on_click=_save_as, key="scenario.save_as.confirm", type="primary")
    left, right = st.columns(2)
    with left.popover(t("scenario.open"), icon=":material/folder_open:", width="stretch"):
        _open_box()
    right.page_link(HISTORY_PAGE, label=t("scenario.history"), icon=":material/history:")
    _conflict()
    message = scenario.problem()
    if message:
        st.error(t("scenario.problem", problem=md(message)), icon=":material/cloud_off:")
        st.button(t("scenario.retry"), on_click=_retry, key="scenario.retry", icon=":material/refresh:")
