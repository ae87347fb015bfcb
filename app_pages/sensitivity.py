"""Følsomhed: placeholder until the sensitivity page (issue 4) lands; it replaces this file."""

from __future__ import annotations

import streamlit as st

from ui.i18n import t

st.title(t("page.sensitivity"))
st.info(t("sensitivity.placeholder"))
