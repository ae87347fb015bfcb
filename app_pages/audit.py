"""Kontrol: the documents' slips, one entry each with the cells it shows up in, and the text-against-tables notes apart."""

from __future__ import annotations

import streamlit as st

from model import audit_overview, group_findings, overview
from ui import state
from ui.audit_view import CELL_NUMBERS, note_frame, note_title, slip_frame, slip_title
from ui.i18n import t
from ui.keys import AUDIT
from ui.widgets import evaluate_all, md, show_table, toggle

st.title(t("audit.title"))
st.caption(t("audit.caption"))

use_current = toggle(t("audit.use_current"), key=AUDIT.use_current, help=t("audit.use_current.help"))
settings = state.settings()
cases = {cid: state.current_case(cid) if use_current else state.document_case(cid) for cid in state.case_ids()}
results = evaluate_all(cases, settings)
findings = [f for cid in results for f in state.audit_cached(cases[cid], settings)]

report = state.overview_report()
if report is not None:
    base = [r for r in results.values() if r.case.id in {row.case for row in report.rows}]
    if base:
        findings += audit_overview(report, overview(base, allow_mixed_price_levels=True))
groups = group_findings(findings, cases)

counts = st.columns([3, 3, *[1] * min(len(results), 6)])  # the two headline counts get room for their labels
counts[0].metric(t("audit.slips"), len(groups.slips), help=t("audit.slips.help"), border=True)
counts[1].metric(t("audit.notes"), len(groups.notes), help=t("audit.notes.help"), border=True)
for column, cid in zip(counts[2:], results, strict=False):
    mine = groups.for_case(cid)
    column.metric(cid, len(mine.slips) + len(mine.notes), border=True)

st.subheader(t("audit.slips"))
if not groups.slips:
    st.success(t("audit.none"))
for slip in groups.slips:
    with st.expander(md(slip_title(slip)), icon=":material/warning:"):
        show_table(slip_frame(slip), right=[t(key) for key in CELL_NUMBERS])

st.subheader(t("audit.notes"))
st.caption(t("audit.notes.caption"))
if not groups.notes:
    st.success(t("audit.none"))
for note in groups.notes:
    with st.expander(md(note_title(note)), icon=":material/notes:"):
        for label, source in zip(note.labels, note.sources, strict=True):
            st.caption(f"{md(label)}: {md(source)}")
        show_table(note_frame(note), right=[t(key) for key in ("audit.col.reported", "audit.col.text", "audit.col.difference")])

quiet = [
    cid for cid in results if cases[cid].reported is not None and not (groups.for_case(cid).slips or groups.for_case(cid).notes)
]
unprinted = [cid for cid in results if cases[cid].reported is None]
if quiet:
    st.caption(t("audit.clean", cases=md(", ".join(quiet))))
if unprinted:
    st.caption(t("audit.no_reported_cases", cases=md(", ".join(unprinted))))
if report is None:
    st.caption(t("audit.no_overview"))
