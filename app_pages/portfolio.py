"""Portefølje: which cases to fund under the pools' budgets, respecting what depends on what."""

from __future__ import annotations

import streamlit as st

from model import ChoiceError, PrerequisiteError, check_prerequisites, choose, format_amount, format_number
from ui import portfolio, portfolio_view, state
from ui.i18n import t
from ui.keys import PORTFOLIO
from ui.memo import case_memo
from ui.widgets import download, evaluate_all, show_problems, show_table

st.title(t("portfolio.title"))
st.caption(t("portfolio.intro"))

ids = portfolio.candidates()
if not ids:
    st.info(t("portfolio.none"))
    st.stop()
results = list(evaluate_all({cid: state.current_case(cid) for cid in ids}, state.settings()).values())
if not results:
    st.stop()
ids = [r.case.id for r in results]
changed = [cid for cid in state.changed_case_ids() if cid in ids]
if changed:
    st.caption(t("portfolio.changed", cases=", ".join(changed)))

portfolio.objective_inputs()
st.subheader(t("portfolio.budgets"))
st.caption(t("portfolio.budgets.help"))
portfolio.budget_inputs(results)

requires, groups = portfolio.requirements(ids), portfolio.alternative_groups(ids)
try:
    check_prerequisites(requires)
    problem = None
except PrerequisiteError as exc:
    problem = str(exc)
portfolio.prerequisite_editor(ids, expanded=problem is not None)
if problem is not None:
    show_problems(t("portfolio.prerequisite_error"), problem)
    st.stop()

try:
    answer = choose(results, portfolio.options(results), requires=requires, groups=groups)
except ChoiceError as exc:  # cases at different price levels
    show_problems(t("portfolio.choice_error"), str(exc))
    st.stop()

st.subheader(t("portfolio.answer"))
value = format_number(answer.value, 1) if answer.options.objective == "fte" else format_amount(answer.value)
left, middle, right = st.columns(3)
left.metric(t(f"portfolio.objective.{answer.options.objective}"), value)
middle.metric(t("portfolio.chosen"), ", ".join(answer.chosen) or "–")
right.metric(t("portfolio.base_year"), str(answer.base_year))
if not answer.chosen:
    st.info(t("portfolio.empty"))
frame = portfolio_view.answer_frame(answer)
text_columns = {t("col.case"), t("col.title"), t("portfolio.col.chosen"), t("portfolio.col.reason")}
show_table(
    frame,
    right=[c for c in frame.columns if c not in text_columns],
    widths={t("col.title"): 190, t("portfolio.col.reason"): 300},
    pin_first=True,
    key="portfolio_view.answer",
)
st.caption(t("portfolio.answer.caption", year=answer.base_year))

st.subheader(t("portfolio.budget_use"))
show_table(portfolio_view.budget_frame(answer), key="portfolio_view.budget")
st.altair_chart(portfolio_view.budget_chart(answer), width="stretch", key="portfolio_view.chart")

if answer.bundles:
    st.subheader(t("portfolio.bundles"))
    show_table(portfolio_view.bundles_frame(answer), key="portfolio_view.bundles")
    st.caption(t("portfolio.bundles.caption"))
if answer.next_million:
    st.subheader(t("portfolio.next_million"))
    show_table(portfolio_view.next_million_frame(answer), key="portfolio_view.next_million")

download(
    t("portfolio.download"),
    lambda: portfolio_view.xlsx(answer),
    "portefoelje.xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="portfolio_view.download",
)

if answer.chosen:
    case_memo(answer.chosen, key=PORTFOLIO.memo, file_stem="beslutningsnotat-portefoelje", choice=answer)
