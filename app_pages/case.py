"""Business case: one case's assumptions (changeable), key figures, section 1, tables 1-3 and charts."""

from __future__ import annotations

from functools import partial

import streamlit as st

from model import EvaluationError, format_amount, format_number, format_percent_da
from ui import state
from ui.case import assumption_editor, case_file_section
from ui.charts import cumulative_data, flows_data
from ui.i18n import t
from ui.tables import kpi_delta, payback_text, section1_frame, table_frame
from ui.widgets import bound, chart, md, show_table, stored

ids = state.case_ids()
if not ids:
    st.info(t("overview.no_cases", folder=str(state.cases_folder())))
    st.stop()

# Option labels are computed here: AppTest calls format_func outside the script run.
names = {cid: f"{cid} · {state.document_case(cid).title}" for cid in ids}
case_id = st.selectbox(
    t("case.pick"),
    ids,
    format_func=names.__getitem__,
    **bound("case.selected", stored("case.selected", ids[0], lambda cid: cid in ids)),
)
document = state.document_case(case_id)
case = state.current_case(case_id)
changes = state.overrides(case_id)
settings = state.settings()

st.header(md(case.title))
st.caption(
    t(
        "case.meta",
        administration=md(case.administration or "-"),
        level=case.price_level,
        first=case.first_year,
        last=case.last_year,
    )
)
if case.summary:
    st.markdown(md(case.summary))
if state.is_extra(case_id):
    st.caption(t("case.extra"))

try:
    result = state.evaluate_cached(case, settings)
    document_result = state.evaluate_cached(document, settings)
except EvaluationError as exc:
    st.error(t("case.eval_error"))
    st.code(str(exc), language=None, wrap_lines=True)
    st.button(t("case.reset_case"), on_click=state.reset_case, args=(case_id,), key="case.reset_broken")
    st.stop()

# --- Key figures ------------------------------------------------------------------------------------
k, d = result.kpis, document_result.kpis
compare = document_result if changes else None
rate, hours = format_percent_da(settings.discount_rate), format_number(settings.hours_per_fte, 0)
figures = [
    ("net", k.net_permanent, d.net_permanent, format_amount, "inverse", {}),
    ("payback", k.payback_years, d.payback_years, payback_text, "inverse", {}),
    ("npv", k.npv, d.npv, format_amount, "normal", {"horizon": settings.horizon, "rate": rate}),
    ("fte", k.fte_full, d.fte_full, partial(format_number, decimals=1), "normal", {"hours": hours}),
]
for column, (name, now, before, show, colour, fields) in zip(st.columns(4), figures, strict=True):
    column.metric(
        t(f"case.kpi.{name}"),
        show(now),
        kpi_delta(now, before, show, changed=bool(changes)),
        delta_color=colour,
        help=t(f"case.kpi.{name}.help", **fields),
        border=True,
    )

# --- The same key figures with optimism bias (the uplifts are set on the Følsomhed page) -----------------------
if st.toggle(t("optimism.show"), help=t("case.optimism.help"), **bound("case.optimism", stored("case.optimism", False))):
    try:
        a = state.evaluate_with_optimism(case, settings, state.optimism_bias()).kpis
    except ValueError as exc:  # EvaluationError included
        st.error(t("overview.eval_errors"))
        st.code(str(exc), language=None, wrap_lines=True)
    else:
        adjusted = (a.net_permanent, a.payback_years, a.npv)
        columns = st.columns(4, vertical_alignment="center")
        for column, (name, now, _, show, colour, _), after in zip(columns, figures, adjusted, strict=False):
            column.metric(
                t(f"optimism.{name}"),
                show(after),
                kpi_delta(after, now, show, changed=True),
                delta_color=colour,
                help=t("case.optimism.metric_help"),
                border=True,
            )
        columns[3].caption(t("case.optimism.caption"))

left, right = st.columns([5, 8], gap="large")

# --- Assumptions ----------------------------------------------------------------------------------------
with left:
    st.subheader(t("case.assumptions"))
    st.caption(t("case.assumptions.caption"))
    assumption_editor(case_id, case, document, changes)
    with st.expander(t("case.file"), expanded=False, icon=":material/save:"):
        case_file_section(case_id, case)

# --- Results --------------------------------------------------------------------------------------------
with right:
    chart_labels = {
        key: t(f"chart.{key}") for key in ("year", "amount", "current", "document", "payback", "costs", "savings", "net")
    }
    template_labels = tuple(chart_labels.items())
    charts = st.columns(2)
    with charts[0]:
        st.markdown(f"**{t('case.chart.cumulative')}**")
        chart("cumulative", (template_labels, compare is not None), cumulative_data(result, compare, chart_labels))
    with charts[1]:
        st.markdown(f"**{t('case.chart.flows')}**")
        chart("flows", (template_labels,), flows_data(result, chart_labels))

    st.subheader(t("case.section1"))
    frame, bold = section1_frame(result)
    show_table(frame, right=[str(y) for y in result.years], bold_rows=bold, widths={"": 290}, key="case.section1")
    notes = [t("case.section1_note", unit=t("unit.tkr_pl", level=case.price_level))]
    if k.innovation > 0:
        notes.insert(0, t("case.innovation_footnote", amount=format_amount(k.innovation)))
    for note in notes:
        st.caption(note)

    for number in (1, 2, 3):
        table = table_frame(result, number)
        if table is None:
            continue
        st.markdown(f"**{t(f'case.table{number}')}**")
        frame, bold = table
        show_table(
            frame,
            right=[c for c in frame.columns if c[:1].isdigit() or c == t("total")],
            bold_rows=bold,
            widths={t("case.table.line"): 290},
        )
