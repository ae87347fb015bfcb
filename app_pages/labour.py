"""Arbejdskraft: årsværk freed and kept per case and in total, against a shortage figure the user sets."""

from __future__ import annotations

import streamlit as st

from model import labour_figures, portfolio_labour
from ui import state
from ui.i18n import t
from ui.labour import COLUMNS, explain, labour_chart, labour_frame, labour_inputs, shortage_chart
from ui.widgets import case_ids_or_stop, evaluate_all, show_table

st.title(t("labour.title"))
st.caption(t("labour.caption"))

case_ids_or_stop()
assumptions, persons = labour_inputs()
settings = state.settings()
results = evaluate_all({cid: state.current_case(cid) for cid in state.included_case_ids()}, settings)
if not results:
    st.info(t("overview.none"))
    st.stop()
figures = [(r.case.id, r.case.title, labour_figures(r, assumptions)) for r in results.values()]

show_table(
    labour_frame(figures, persons),
    right=[t(key) for key in COLUMNS],
    bold_rows=[len(figures)],
    widths={t("col.case"): 60, t("col.title"): 300},
    key="labour.table",
)
total = portfolio_labour([f for _, _, f in figures])["fte_total_net"]
st.markdown(explain(persons, total))
labels = {
    "freed": t("labour.chart.freed"),
    "kept": t("labour.chart.kept"),
    "total": t("total"),
    "shortage": t("labour.chart.shortage"),
    "axis": t("labour.chart.axis"),
    "case": t("col.case"),
}
cols = st.columns(2)
with cols[0]:
    st.altair_chart(labour_chart(figures, labels), width="stretch", key="labour.chart")
with cols[1]:
    st.altair_chart(shortage_chart(total, persons, labels), width="stretch", key="labour.shortage_chart")
st.caption(t("labour.footnote"))
