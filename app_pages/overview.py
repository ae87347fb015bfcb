"""Oversigt: the overview table of the document's first page, for the user's scenario, with exports."""

from __future__ import annotations

from functools import partial

import streamlit as st

from model import (
    OVERVIEW_COLUMNS,
    Case,
    CaseResult,
    Overview,
    format_amount,
    format_number,
    format_percent_da,
    overview,
    overview_csv,
    workbook_bytes,
)
from ui import state
from ui.i18n import t
from ui.keys import OVERVIEW
from ui.price_level import price_level_section
from ui.tables import OPTIMISM_NUMBERS, OVERVIEW_NUMBERS, overview_frame
from ui.widgets import (
    XLSX_MIME,
    bound,
    case_ids_or_stop,
    case_names,
    choice,
    download,
    evaluate_all,
    lazy_section,
    md,
    show_problems,
    show_static_table,
    toggle,
)

st.title(t("overview.title"))

errors = state.load_errors()
if errors:
    show_problems(t("overview.load_errors", count=len(errors)), errors, warning=True)

ids = case_ids_or_stop()
included = st.multiselect(
    t("overview.include"),
    ids,
    format_func=case_names(ids, 60).__getitem__,
    help=t("overview.include.help"),
    **bound(OVERVIEW.included, state.included_case_ids(), save=state.set_included),
)
if not included:
    st.info(t("overview.none"))
    st.stop()

settings = state.settings()
results = list(evaluate_all({cid: state.current_case(cid) for cid in included}, settings).values())
if not results:
    st.stop()

table = overview(results, allow_mixed_price_levels=True)
adjusted = None
if toggle(t("optimism.show"), key=OVERVIEW.optimism, help=t("overview.optimism.help")):
    bias = state.optimism_bias()
    try:
        adjusted = {r.case.id: state.evaluate_with_optimism(r.case, settings, bias) for r in results}
    except ValueError as exc:  # EvaluationError included
        show_problems(t("overview.eval_errors"), str(exc))
changed = set(state.changed_case_ids())
status = {}
for case_id in included:
    extra = state.is_extra(case_id)
    if case_id in changed:
        status[case_id] = t("status.uploaded_changed" if extra else "status.changed")
    else:
        status[case_id] = t("status.uploaded" if extra else "status.document")
frame, bold = overview_frame(table, status, adjusted)
show_static_table(frame, right=[t(key) for key in (*OVERVIEW_NUMBERS, *OPTIMISM_NUMBERS)], bold_rows=bold)

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


@st.fragment
def _price_level(cases: list[Case]) -> None:
    """The Prisniveau section; choosing a year or typing an index figure reruns this, not the table above."""
    price_level_section(cases, heading=False)


@st.fragment
def _exports(table: Overview, results: tuple[CaseResult, ...], changed_here: list[str]) -> None:
    """The downloads; choosing the CSV dialect reruns this alone. Each file is built when its button is clicked."""
    dialects = ("danish", "plain")
    dialect = choice(
        st.radio,
        t("overview.csv_dialect"),
        dialects,
        key=OVERVIEW.csv_dialect,
        default="danish",
        labels={d: t(f"overview.csv_{d}") for d in dialects},
        horizontal=True,
    )
    # The exports' columns, as the layout declares them, with translated headers.
    headers = {column.key: t(column.export_i18n) for column in OVERVIEW_COLUMNS}
    sheet = {"sheet": t("page.overview"), "sheet_title": t("overview.title"), "unit": t("unit.tkr")}
    labels = {**sheet, **headers, "total": t("total")}
    notes = (t("overview.xlsx_note", cases=", ".join(changed_here)),) if changed_here else ()
    stem = t("overview.file_stem")
    with st.container(horizontal=True):
        download(
            t("overview.download_csv"),
            partial(overview_csv, table, dialect, list(headers.values())),
            f"{stem}.csv",
            "text/csv",
            key="overview.download_csv",
        )
        download(
            t("overview.download_xlsx"),
            partial(state.overview_xlsx_cached, table, tuple(labels.items()), notes),
            f"{stem}.xlsx",
            XLSX_MIME,
            key="overview.download_xlsx",
        )
        download(
            t("overview.download_workbook"),
            partial(workbook_bytes, results),
            f"{stem}-{t('overview.file_formulas')}.xlsx",
            XLSX_MIME,
            key="overview.download_workbook",
            help=t("overview.download_workbook.help"),
        )


# Closed at first: their widgets would otherwise load and draw on the page's first render.
if (box := lazy_section(t("price.title"), key=OVERVIEW.price_open, icon=":material/currency_exchange:")) is not None:
    with box:
        _price_level([r.case for r in results])
if (box := lazy_section(t("overview.export"), key=OVERVIEW.export_open, icon=":material/download:")) is not None:
    with box:
        _exports(table, tuple(results), changed_here)
