"""The Opfølgning page's parts: status board, plan-vs-actual chart and tables, entry forms, criteria.

Tables are DataFrames of pre-formatted Danish text (``1.234``, ``5 år``);
the chart is altair with Danish number format; entries go through
``ui.followup_state``, which validates before it keeps anything.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from model import (
    PHASES,
    STATUSES,
    Case,
    CaseFollowUp,
    Realisation,
    format_amount,
    format_number,
    format_percent_da,
)

from . import followup_state as fs
from .charts import DANISH_LOCALE
from .i18n import t
from .keys import FOLLOWUP
from .tables import payback_text
from .widgets import md, show_problems

__all__ = [
    "BOARD_NUMBERS",
    "STATUS_COLORS",
    "VARIANCE_KEYS",
    "board_frame",
    "criteria_frame",
    "editor_frame",
    "history_frame",
    "plan_actual_chart",
    "plan_frame",
    "reasons_text",
    "show_message",
    "status_form",
    "status_text",
    "variance_frame",
]

#: Badge colour of each overall status.
STATUS_COLORS = dict(zip(STATUSES, ("green", "orange", "red"), strict=True))

#: Status-board columns holding numbers (right-aligned), by their i18n key.
BOARD_NUMBERS = (
    "followup.board.saved_actual",
    "followup.board.saved_plan",
    "followup.board.to_date",
    "followup.board.payback_plan",
    "followup.board.payback_forecast",
    "followup.board.npv_forecast",
)


def show_message() -> None:
    """The last entry's or import's outcome, with the model's details (bad rows) below it."""
    message = st.session_state.get(fs.MESSAGE)
    if not message:
        return
    kind, key, fields, details = message
    text = t(key, **{name: md(value) for name, value in fields.items()})
    if kind == "success" and not details:
        st.success(text, icon=":material/check_circle:")
    else:
        show_problems(text, details or "-", warning=kind != "error")


def status_text(z: Realisation, own: CaseFollowUp) -> tuple[str, str]:
    """(phase, status) as the board shows them: the latest entry's, else "-" and the suggestion marked as such."""
    current = own.current
    if current is None:
        return "-", t("followup.suggested_mark", status=z.suggested)
    marker = f" ({t('followup.overridden')})" if current.overridden else ""
    return current.phase, current.status + marker


def board_frame(items: list[tuple[Case, Realisation, CaseFollowUp]]) -> pd.DataFrame:
    """The status board: one row per funded case (Danish text; the titles are in the case picker)."""
    rows = []
    for case, z, own in items:
        phase, status = status_text(z, own)
        cells = {
            "col.case": case.id,
            "followup.board.phase": phase,
            "followup.board.status": status,
            "followup.board.saved_actual": format_amount(z.realised_savings_to_date) if z.as_of else "-",
            "followup.board.saved_plan": format_amount(z.planned_savings_to_date) if z.as_of else "-",
            "followup.board.to_date": str(z.as_of) if z.as_of else "-",
            "followup.board.payback_plan": payback_text(z.planned_payback_years),
            "followup.board.payback_forecast": payback_text(z.forecast_payback_years),
            "followup.board.npv_forecast": format_amount(z.forecast_npv),
        }
        rows.append({t(key): value for key, value in cells.items()})
    return pd.DataFrame(rows)


def variance_frame(z: Realisation) -> pd.DataFrame:
    """Every line-year with an actual: plan, actual, variance (kr. and %)."""
    rows = [
        {
            t("col.line"): line.name,
            t("chart.year"): str(c.year),
            t("followup.col.plan"): format_amount(c.plan),
            t("followup.col.actual"): format_number(c.actual, 1),
            t("followup.col.variance"): format_number(c.variance, 1),
            t("followup.col.variance_pct"): format_percent_da(c.variance_pct),
        }
        for line in z.lines
        for c in line.cells
        if c.actual is not None
    ]
    return pd.DataFrame(rows, columns=[t(k) for k in ("col.line", "chart.year", *VARIANCE_KEYS)])


VARIANCE_KEYS = ("followup.col.plan", "followup.col.actual", "followup.col.variance", "followup.col.variance_pct")


def editor_frame(z: Realisation) -> pd.DataFrame:
    """The actuals as text to edit: one row per line, one column per year (empty: no actual, the plan counts)."""
    data = {str(y): [] for y in z.years}
    for line in z.lines:
        for c in line.cells:
            data[str(c.year)].append("" if c.actual is None else format_number(c.actual, 6))
    frame = pd.DataFrame(data, index=[line.name for line in z.lines])
    frame.index.name = t("col.line")
    return frame


def plan_frame(z: Realisation) -> pd.DataFrame:
    """The plan per line and year, as the editor's reference (Danish text)."""
    data = {str(c.year): [] for c in z.lines[0].cells} if z.lines else {}
    for line in z.lines:
        for c in line.cells:
            data[str(c.year)].append(format_amount(c.plan))
    frame = pd.DataFrame(data)
    frame.insert(0, t("col.line"), [line.name for line in z.lines])
    return frame


def plan_actual_chart(z: Realisation) -> alt.LayerChart:
    """Plan and forecast cumulative curves (lines) over the yearly variance (bars: forecast - plan), 1.000 kr."""
    year, amount, series = t("chart.year"), t("chart.amount"), t("chart.variant")
    plan_name, actual_name, variance_name = t("followup.chart.plan"), t("followup.chart.actual"), t("followup.chart.variance")
    curves = pd.DataFrame(
        [{"year": str(y), "series": plan_name, "value": float(v)} for y, v in zip(z.years, z.cumulative_plan, strict=True)]
        + [
            {"year": str(y), "series": actual_name, "value": float(v)}
            for y, v in zip(z.years, z.cumulative_forecast, strict=True)
        ]
    )
    bars = pd.DataFrame(
        {
            "year": [str(y) for y in z.years],
            "series": variance_name,
            "value": [float(f - p) for f, p in zip(z.forecast, z.plan, strict=True)],
        }
    )
    x = alt.X("year:O", title=year, axis=alt.Axis(labelAngle=0))
    y = alt.Y("value:Q", title=amount, axis=alt.Axis(format=",.0f"))
    colors = alt.Scale(domain=[plan_name, actual_name, variance_name], range=["#1f5fa8", "#e67e22", "#c0392b"])
    tooltip = [
        alt.Tooltip("series:N", title=series),
        alt.Tooltip("year:O", title=year),
        alt.Tooltip("value:Q", title=amount, format=",.0f"),
    ]
    bar_layer = (
        alt.Chart(bars)
        .mark_bar(opacity=0.55)
        .encode(x=x, y=y, color=alt.Color("series:N", scale=colors, title=None), tooltip=tooltip)
    )
    line_layer = (
        alt.Chart(curves)
        .mark_line(point=True)
        .encode(x=x, y=y, color=alt.Color("series:N", scale=colors, title=None), strokeDash="series:N", tooltip=tooltip)
    )
    zero = alt.Chart(pd.DataFrame({"value": [0.0]})).mark_rule(color="#555").encode(y="value:Q")
    return (
        (bar_layer + line_layer + zero).properties(height=340).configure(locale=DANISH_LOCALE).configure_legend(orient="bottom")
    )


def criteria_frame(case: Case, own: CaseFollowUp) -> pd.DataFrame:
    """Section 9's criteria with target, baseline and latest measurement (Danish text)."""
    rows = []
    for c in case.follow_up.criteria if case.follow_up else []:
        base, last = own.baseline(c.id), own.latest(c.id)
        base_text = format_number(base.value, 2) + f" ({base.date})" if base else format_number(c.baseline, 2)
        rows.append(
            {
                t("followup.col.criterion"): c.criterion,
                t("followup.col.measure"): c.measure,
                t("followup.col.responsible"): c.responsible,
                t("followup.col.frequency"): c.frequency or "-",
                t("followup.col.unit"): c.unit or "-",
                t("followup.col.target"): format_number(c.target, 2),
                t("followup.col.baseline"): base_text,
                t("followup.col.latest"): format_number(last.value, 2) + f" ({last.date})" if last else "-",
            }
        )
    return pd.DataFrame(rows)


def history_frame(own: CaseFollowUp) -> pd.DataFrame:
    """The case's status entries, latest first."""
    return pd.DataFrame(
        [
            {
                t("followup.date"): e.date,
                t("followup.col.phase"): e.phase,
                t("followup.col.status"): e.status,
                t("followup.col.suggested"): e.suggested or "-",
                t("followup.comment"): e.comment,
            }
            for e in reversed(own.status)
        ]
    )


def reasons_text(z: Realisation) -> str:
    """Why the model suggests its status, in words (amounts in 1.000 kr., shares in %)."""
    parts = []
    for code, values in z.reasons:
        shown = {k: format_percent_da(v) if k == "share" else format_number(v, 0) for k, v in values.items()}
        parts.append(t(f"followup.reason.{code}", **shown))
    return " ".join(parts)


def status_form(case_id: str, z: Realisation, own: CaseFollowUp) -> None:
    """Phase, status (the suggestion preselected), date and comment; an override needs a reason."""
    current = own.current
    with st.form(f"followup.status_form.{case_id}", clear_on_submit=False, border=True):
        cols = st.columns(3)
        phase = cols[0].selectbox(
            t("followup.col.phase"), PHASES, index=PHASES.index(current.phase) if current else 0, key=FOLLOWUP.status_phase
        )
        status = cols[1].selectbox(
            t("followup.col.status"), STATUSES, index=STATUSES.index(z.suggested), key=FOLLOWUP.status_status
        )
        date = cols[2].date_input(t("followup.date"), value=dt.date.today(), format="DD.MM.YYYY", key=FOLLOWUP.status_date)
        comment = st.text_area(
            t("followup.comment"), help=t("followup.comment.help"), max_chars=2000, key=FOLLOWUP.status_comment
        )
        if st.form_submit_button(t("followup.status.save"), icon=":material/flag:", key=FOLLOWUP.status_save):
            fs.add_status(case_id, phase, status, comment, z.suggested, date)
            st.rerun()
