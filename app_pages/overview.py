"""Oversigt: the overview table of the document's first page, for the user's scenario, with exports."""

from __future__ import annotations

import streamlit as st

from model import EvaluationError, format_amount, format_number, format_percent_da, overview, overview_csv
from ui import state
from ui.i18n import t
from ui.tables import OPTIMISM_NUMBERS, OVERVIEW_NUMBERS, overview_frame
from ui.widgets import bound, download, md, show_table, stored

try:  # the live-formula workbook (issue 5) may not be there yet
    from model.export_xlsx import workbook_bytes
except ImportError:
    workbook_bytes = None

st.title(t("overview.title"))

errors = state.load_errors()
if errors:
    st.warning(t("overview.load_errors", count=len(errors)))
    st.code("\n".join(errors), language=None, wrap_lines=True)

ids = state.case_ids()
if not ids:
    st.info(t("overview.no_cases", folder=str(state.cases_folder())))
    st.stop()

# Option labels are computed here: AppTest calls format_func outside the script run.
names = {cid: f"{cid} · {state.document_case(cid).title[:60]}" for cid in ids}
included = st.multiselect(
    t("overview.include"),
    ids,
    format_func=names.__getitem__,
    help=t("overview.include.help"),
    **bound("overview.included", state.included_case_ids(), save=state.set_included),
)
if not included:
    st.info(t("overview.none"))
    st.stop()

settings = state.settings()
results, problems = [], []
for case_id in included:
    try:
        results.append(state.evaluate_cached(state.current_case(case_id), settings))
    except EvaluationError as exc:
        problems.append(str(exc))
if problems:
    st.error(t("overview.eval_errors"))
    st.code("\n".join(problems), language=None, wrap_lines=True)
if not results:
    st.stop()

table = overview(results, allow_mixed_price_levels=True)
with_bias = st.toggle(
    t("optimism.show"), help=t("overview.optimism.help"), **bound("overview.optimism", stored("overview.optimism", False))
)
adjusted = None
if with_bias:
    bias = state.optimism_bias()
    try:
        adjusted = {r.case.id: state.evaluate_with_optimism(r.case, settings, bias) for r in results}
    except ValueError as exc:  # EvaluationError included
        st.error(t("overview.eval_errors"))
        st.code(str(exc), language=None, wrap_lines=True)
changed = set(state.changed_case_ids())
status = {}
for case_id in included:
    extra = state.is_extra(case_id)
    if case_id in changed:
        status[case_id] = t("status.uploaded_changed" if extra else "status.changed")
    else:
        status[case_id] = t("status.uploaded" if extra else "status.document")
frame, bold = overview_frame(table, status, adjusted)
show_table(
    frame,
    right=[t(key) for key in (*OVERVIEW_NUMBERS, *OPTIMISM_NUMBERS)],
    bold_rows=bold,
    widths={t("col.case"): 60, t("col.title"): 320, t("col.status"): 120},
    key="overview.table",
)

if table.total is None:
    levels = ", ".join(f"{r.case.id}: {r.case.price_level}" for r in results)
    st.warning(t("overview.mixed_levels", levels=levels), icon=":material/warning:")
changed_here = [cid for cid in included if cid in changed]
if changed_here:
    st.info(t("overview.changed_note", cases=md(", ".join(changed_here))), icon=":material/edit:")
else:
    st.caption(t("overview.document_note"))
innovation = [(r.case.id, r.kpis.innovation) for r in results if r.kpis.innovation > 0]
if innovation:
    st.caption(
        t(
            "overview.innovation_note",
            amount=format_amount(sum(amount for _, amount in innovation)),
            cases=md(", ".join(f"{cid}: {format_amount(amount)}" for cid, amount in innovation)),
        )
    )
unit = t("unit.tkr_pl", level=table.price_level) if table.price_level else t("unit.tkr")
st.caption(
    f"{unit}. "
    + t(
        "overview.footnote",
        horizon=settings.horizon,
        rate=format_percent_da(settings.discount_rate),
        hours=format_number(settings.hours_per_fte, 0),
    )
)

st.subheader(t("overview.export"))
dialects = ("danish", "plain")
dialect = st.radio(
    t("overview.csv_dialect"),
    dialects,
    format_func={d: t(f"overview.csv_{d}") for d in dialects}.__getitem__,
    horizontal=True,
    **bound("overview.csv_dialect", stored("overview.csv_dialect", "danish", lambda d: d in dialects)),
)
header_keys = ("col.case", "col.title", "csv.drift", "csv.anlaeg", "csv.payback", "csv.net_permanent", "csv.npv", "csv.fte")
headers = [t(key) for key in header_keys]
notes = (t("overview.xlsx_note", cases=", ".join(changed_here)),) if changed_here else ()
labels = {
    "sheet": t("page.overview"),
    "title": t("overview.title"),
    "unit": t("unit.tkr"),
    "id": headers[0],
    "title_col": headers[1],
    "drift": headers[2],
    "anlaeg": headers[3],
    "payback_years": headers[4],
    "net_permanent": headers[5],
    "npv": headers[6],
    "fte_full": headers[7],
    "total": t("total"),
}
stem = t("overview.file_stem")
columns = st.columns(3)
with columns[0]:
    download(
        t("overview.download_csv"),
        overview_csv(table, dialect, headers),
        f"{stem}.csv",
        "text/csv",
        key="overview.download_csv",
    )
with columns[1]:
    download(
        t("overview.download_xlsx"),
        state.overview_xlsx_cached(table, tuple(labels.items()), notes),
        f"{stem}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="overview.download_xlsx",
    )
if workbook_bytes is not None:
    with columns[2]:
        workbook_results = tuple(results)
        download(
            t("overview.download_workbook"),
            lambda: workbook_bytes(workbook_results),
            f"{stem}-{t('overview.file_formulas')}.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="overview.download_workbook",
            help=t("overview.download_workbook.help"),
        )
