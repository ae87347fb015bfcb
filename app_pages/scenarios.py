"""Scenarier: the saved scenarios (open, copy, delete, undo) and the history of the one the session is on."""

from __future__ import annotations

import streamlit as st

from ui import scenario
from ui.i18n import t
from ui.scenario_history import history, saved_list
from ui.widgets import md

st.header(t("page.scenarios"))
st.caption(t("scenario.page.caption"))
on = scenario.current()
if on is not None:
    st.subheader(t("scenario.history.title", name=md(str(on["name"]))))
    st.caption(t("scenario.link", link=f"?scenario={on['id']}"))
    history(str(on["id"]))
st.subheader(t("scenario.list.title"))
saved_list()
