"""Opfølgning: the funded cases against their plans, as the strategy's status reports follow them."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from model import EvaluationError, StatusItem, actuals_template_csv, format_amount, status_report_xlsx
from ui import followup_state as fs
from ui import state
from ui.followup import (
    BOARD_NUMBERS,
    STATUS_COLORS,
    VARIANCE_KEYS,
    board_frame,
    criteria_frame,
    editor_frame,
    history_frame,
    plan_actual_chart,
    plan_frame,
    reasons_text,
    show_message,
    status_form,
    variance_frame,
)
from ui.i18n import t
from ui.keys import FOLLOWUP
from ui.tables import payback_text
from ui.widgets import bound, case_ids_or_stop, case_names, download, md, pick_case, show_table, stored

st.title(t("followup.title"))
st.caption(t("followup.caption"))

ids = case_ids_or_stop()
funded = st.multiselect(
    t("followup.funded"),
    ids,
    format_func=case_names(ids, 40).__getitem__,
    help=t("followup.funded.help"),
    **bound(fs.FUNDED, fs.funded_case_ids(), fs.set_funded),
)
items, problems = [], []
for cid in funded:
    try:
        items.append((state.current_case(cid), fs.realisation_cached(cid), fs.follow_up_data().of(cid)))
    except EvaluationError as exc:
        problems.append(str(exc))
if problems:
    st.error("\n\n".join(md(p) for p in problems))
show_message()

# --- Status board -------------------------------------------------------------------------------------------
st.subheader(t("followup.board"))
if not items:
    st.info(t("followup.none"))
    st.stop()
show_table(
    board_frame(items),
    right=[t(k) for k in BOARD_NUMBERS],
    pin_first=True,
    key="followup.board",
)
st.caption(t("followup.board.note"))
cols = st.columns(3)
with cols[0]:
    report = status_report_xlsx([StatusItem(z, case, own) for case, z, own in items])
    download(
        t("followup.report"),
        report,
        "statusrapport.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="followup.report",
        help=t("followup.report.help"),
    )
with cols[1]:
    template = actuals_template_csv(
        [state.evaluate_cached(case, state.settings()) for case, _, _ in items], fs.actuals(), state.settings().horizon
    )
    download(
        t("followup.template"),
        template,
        "faktiske-tal.csv",
        "text/csv",
        key="followup.template",
        help=t("followup.template.help"),
    )
with cols[2]:
    download(
        t("followup.file.download"), fs.follow_up_yaml(), "opfoelgning.yaml", "application/x-yaml", key="followup.file.download"
    )
uploads = st.columns(2)
actuals_file = uploads[0].file_uploader(
    t("followup.import"), type=["csv", "xlsx"], key=FOLLOWUP.import_upload, help=t("followup.import.help")
)
if actuals_file is not None and st.session_state.get(FOLLOWUP.imported) != actuals_file.file_id:
    st.session_state[FOLLOWUP.imported] = actuals_file.file_id
    fs.import_actuals(actuals_file.getvalue(), actuals_file.name)
    st.rerun()
data_file = uploads[1].file_uploader(t("followup.file.upload"), type=["yaml", "yml"], key=FOLLOWUP.file_upload)
if data_file is not None and st.session_state.get(FOLLOWUP.file_loaded) != data_file.file_id:
    st.session_state[FOLLOWUP.file_loaded] = data_file.file_id
    fs.import_follow_up(data_file.getvalue(), data_file.name)
    st.rerun()

# --- One case -----------------------------------------------------------------------------------------------
st.divider()
shown = [case.id for case, _, _ in items]
case_id = pick_case(FOLLOWUP.case, shown, 60)
case, z, own = next(item for item in items if item[0].id == case_id)
st.subheader(f"{md(case.id)} · {md(case.title)}")
figures = (
    ("followup.col.payback_forecast", payback_text(z.forecast_payback_years), payback_text(z.planned_payback_years)),
    ("followup.col.npv_forecast", format_amount(z.forecast_npv), format_amount(z.planned_npv)),
    ("followup.metric.realised", format_amount(z.realised_to_date) if z.as_of else "-", format_amount(z.planned_to_date)),
)
metrics = st.columns(4)
for column, (key, value, plan) in zip(metrics, figures, strict=False):
    column.metric(t(key), value, delta=t("followup.metric.plan", value=plan), delta_color="off", delta_arrow="off", border=True)
with metrics[3].container(border=True, height="stretch"):
    st.caption(t("followup.metric.suggested"))
    st.badge(z.suggested, color=STATUS_COLORS[z.suggested])
    st.caption(reasons_text(z))

st.altair_chart(plan_actual_chart(z), width="stretch")
st.caption(t("followup.chart.note"))

tab_actuals, tab_status, tab_criteria = st.tabs([t("followup.tab.actuals"), t("followup.tab.status"), t("followup.tab.criteria")])
with tab_actuals:
    frame = variance_frame(z)
    if frame.empty:
        st.info(t("followup.no_actuals"))
    else:
        show_table(frame, right=[t(k) for k in VARIANCE_KEYS], key="followup.variances")
    st.caption(t("followup.variance.note"))
    with st.form(FOLLOWUP.actual_form(case_id), border=True):
        cols = st.columns([3, 1, 2])
        line = cols[0].selectbox(t("col.line"), [ln.name for ln in z.lines], key=FOLLOWUP.entry_line)
        year = cols[1].selectbox(t("chart.year"), z.years, index=z.years.index(z.as_of or z.years[0]), key=FOLLOWUP.entry_year)
        amount = cols[2].text_input(t("followup.entry.amount"), key=FOLLOWUP.entry_amount, help=t("followup.entry.amount.help"))
        if st.form_submit_button(t("followup.entry.save"), icon=":material/edit:", key=FOLLOWUP.entry_save):
            fs.set_actual(case_id, line, int(year), amount)
            st.rerun()
    with st.expander(t("followup.editor"), expanded=False):
        st.caption(t("followup.editor.caption"))
        show_table(plan_frame(z), right=[str(y) for y in z.years], key="followup.plan")
        version = stored(FOLLOWUP.editor_version(case_id), 0)
        edited = st.data_editor(editor_frame(z), key=FOLLOWUP.editor(case_id, version), width="stretch")
        if st.button(t("followup.editor.save"), key=FOLLOWUP.editor_save(case_id), icon=":material/save:"):
            cells = {(name, int(y)): edited.loc[name, y] for name in edited.index for y in edited.columns}
            fs.set_actuals_table(case_id, cells)
            st.session_state[FOLLOWUP.editor_version(case_id)] = version + 1
            st.rerun()
with tab_status:
    if own.status:
        show_table(history_frame(own), key="followup.history")
    status_form(case_id, z, own)
with tab_criteria:
    if case.follow_up is None:
        st.info(t("followup.no_criteria"))
    else:
        if case.follow_up.note:
            st.caption(md(case.follow_up.note))
        show_table(criteria_frame(case, own), key="followup.criteria")
        with st.form(FOLLOWUP.measure_form(case_id), border=True):
            cols = st.columns([3, 1, 1, 1])
            names = {c.id: c.criterion for c in case.follow_up.criteria}
            criterion = cols[0].selectbox(t("followup.col.criterion"), list(names), format_func=names.__getitem__)
            value = cols[1].text_input(t("followup.measure.value"))
            kind = cols[2].selectbox(
                t("followup.measure.kind"), ["measurement", "baseline"], format_func=lambda k: t(f"followup.kind.{k}")
            )
            date = cols[3].date_input(t("followup.date"), value=dt.date.today(), format="DD.MM.YYYY")
            note = st.text_input(t("followup.comment"))
            if st.form_submit_button(t("followup.measure.save"), icon=":material/add:", key=FOLLOWUP.measure_save):
                fs.add_measurement(case_id, criterion, value, kind, note, date)
                st.rerun()
