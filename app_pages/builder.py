"""Ny case: build a business case in tables, checked as it is typed, previewed, downloaded or added to the session."""

from __future__ import annotations

import streamlit as st

from ui.builder import actions, head_section, preview, show_problems, start_section, table_section
from ui.builder_draft import TABLES
from ui.builder_state import build, draft
from ui.i18n import t

st.header(t("builder.title"))
st.caption(t("builder.intro"))
start_section()
head_place = head_section()
places = {table: table_section(table) for table in TABLES}
built = build(draft())
show_problems(head_place, built.at("head"), quiet=True)
for table, place in places.items():
    show_problems(place, built.at(table))
st.divider()
preview(built)
actions(built)
