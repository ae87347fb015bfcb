"""Kontrol: the audit's findings per case, printed figures against computed ones."""

from __future__ import annotations

import streamlit as st

from model import EvaluationError, audit_overview, overview
from ui import state
from ui.i18n import t
from ui.tables import findings_frame
from ui.widgets import bound, md, show_table, stored

st.title(t("audit.title"))
st.caption(t("audit.caption"))

use_current = st.toggle(
    t("audit.use_current"),
    help=t("audit.use_current.help"),
    **bound("audit.use_current", stored("audit.use_current", False)),
)
settings = state.settings()
ids = state.case_ids()
audited, results, problems = [], [], []
for case_id in ids:
    case = state.current_case(case_id) if use_current else state.document_case(case_id)
    try:
        results.append(state.evaluate_cached(case, settings))
        audited.append((case, state.audit_cached(case, settings)))
    except EvaluationError as exc:
        problems.append(str(exc))
if problems:
    st.error(t("overview.eval_errors"))
    st.code("\n".join(problems), language=None, wrap_lines=True)

report = state.overview_report()
page_findings = []
if report is not None:
    base = [r for r in results if r.case.id in {row.case for row in report.rows}]
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
            frame = findings_frame(findings)
            show_table(frame, right=[t("audit.col.reported"), t("audit.col.computed"), t("audit.col.difference")])

st.subheader(t("audit.overview"))
if report is None:
    st.caption(t("audit.no_overview"))
elif not page_findings:
    st.success(t("audit.none"))
else:
    show_table(
        findings_frame(page_findings, with_case=True),
        right=[t("audit.col.reported"), t("audit.col.computed"), t("audit.col.difference")],
    )
