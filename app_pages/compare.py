"""Sammenlign: two to six cases, or variants of one case, side by side."""

from __future__ import annotations

import streamlit as st

from model import shown_xlsx
from ui import state
from ui.charts import compare_data
from ui.i18n import t
from ui.keys import COMPARE
from ui.memo import case_memo
from ui.tables import kpi_rows, yearly_rows
from ui.widgets import XLSX_MIME, bound, case_names, chart, choice, download, evaluate_all, show_table, stored

MAX_CHOSEN = 6

st.title(t("compare.title"))

ids = state.case_ids()
changed = state.changed_case_ids()
# "cur:<id>" is a case with the user's values; "doc:<id>" the same case as its file gives it.
options = [option for cid in ids for option in (f"cur:{cid}", *((f"doc:{cid}",) if cid in changed else ()))]
default = [f"cur:{changed[0]}", f"doc:{changed[0]}"] if changed else [f"cur:{cid}" for cid in ids[:MAX_CHOSEN]]


names = case_names(ids, 32)  # "I3 · Velfærdsteknologisk Akademi": the title beside the id


def _name(option: str) -> str:
    kind, case_id = option.split(":", 1)
    return t("compare.document_suffix", case=names[case_id]) if kind == "doc" else names[case_id]


chosen = st.multiselect(
    t("compare.pick"),
    options,
    format_func={option: _name(option) for option in options}.__getitem__,
    max_selections=MAX_CHOSEN,
    help=t("compare.pick.help"),
    **bound(COMPARE.chosen, stored(COMPARE.chosen, default, lambda v: set(v) <= set(options) and len(v) <= MAX_CHOSEN)),
)
st.caption(t("compare.hint"))
if len(chosen) < 2:
    st.info(t("compare.too_few"))
    st.stop()

cases = {}
for option in chosen:
    kind, case_id = option.split(":", 1)
    cases[_name(option)] = state.document_case(case_id) if kind == "doc" else state.current_case(case_id)
results = list(evaluate_all(cases, state.settings()).items())
if len(results) < 2:
    st.stop()

levels = sorted({result.case.price_level for _, result in results})
if len(levels) > 1:
    st.warning(t("compare.levels", levels=", ".join(map(str, levels))), icon=":material/warning:")

st.subheader(t("kpis"))
kpi_table = kpi_rows(results)
show_table(kpi_table, right=[name for name, _ in results], key="compare.kpis")

st.subheader(t("compare.curves"))
axes = ("calendar", "relative")
axis_names = {a: t(f"compare.axis.{a}") for a in axes}
axis = choice(
    st.segmented_control, t("compare.axis"), axes, key=COMPARE.axis, default="calendar", labels=axis_names, required=True
)
relative = axis == "relative"
labels = {
    "year": t("chart.year"),
    "since_start": t("chart.years_since_start"),
    "amount": t("chart.amount"),
    "variant": t("chart.variant"),
}
curves = tuple(name for name, _ in results)
chart("compare", (tuple(labels.items()), curves, relative), compare_data(results))

st.subheader(t("compare.yearly"))
frame = yearly_rows(results, relative)
fixed = {t("chart.variant"), t("compare.row")}
show_table(frame, right=[c for c in frame.columns if c not in fixed], key="compare.yearly")
st.caption(t("unit.tkr"))
download(
    t("export.xlsx_tables"),
    lambda: shown_xlsx([(t("kpis"), kpi_table), (t("compare.yearly"), frame)]),
    f"{t('compare.file_stem')}.xlsx",
    XLSX_MIME,
    key="compare.download_xlsx",
    help=t("export.xlsx_tables.help"),
)

case_memo([option.split(":", 1)[1] for option in chosen], key="compare.memo", file_stem="beslutningsnotat-sammenligning")
