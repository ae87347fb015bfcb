"""Kontrol: the audit's findings per case, printed figures against computed ones."""

from __future__ import annotations

import streamlit as st

from model import audit_overview, overview
from ui import state
from ui.i18n import t
from ui.tables import FINDING_NUMBERS, findings_frame
from ui.widgets import evaluate_all, md, show_table, toggle

st.title(t("audit.title"))
st.caption(t("audit.caption"))

use_current = toggle(t("audit.use_current"), key="audit.use_current", help=t("audit.use_current.help"))
settings = state.settings()
cases = {cid: state.current_case(cid) if use_current else state.document_case(cid) for cid in state.case_ids()}
results = evaluate_all(cases, settings)
audited = [(cases[cid], state.audit_cached(cases[cid], settings)) for cid in results]

report = state.overview_report()
page_findings = []
if report is not None:
    base = [r for r in results.values() if r.case.id in {row.case for row in report.rows}]
    if base:
        page_findings = audit_overview(report, overview(base, allow_mixed_price_levels=True))

total = sum(len(findings) for _, findings in audited) + len(page_findings)
counts = st.columns(min(len(audited) + 1, 8))
counts[0].metric(t("audit.summary"), total, border=True)
for column, (case, findings) in zip(counts[1:], audited, strict=False):
    column.metric(case.id, len(findings), border=True)

for case, findings in audited:
    title = f"{md(case.id)} · {md(case.title)} — {t('audit.count', count=len(findings))}"
    with st.expander(title, expanded=bool(findings), icon=":material/warning:" if findings else ":material/check_circle:"):
        if case.reported is None:
            st.caption(t("audit.no_reported"))
        elif not findings:
            st.success(t("audit.none"))
        else:
            show_table(findings_frame(findings), right=[t(key) for key in FINDING_NUMBERS])

st.subheader(t("audit.overview"))
if report is None:
    st.caption(t("audit.no_overview"))
elif not page_findings:
    st.success(t("audit.none"))
else:
    show_table(findings_frame(page_findings, with_case=True), right=[t(key) for key in FINDING_NUMBERS])
