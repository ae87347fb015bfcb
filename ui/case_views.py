"""The Business case page's results: one view at a time (a chart, section 1 or one of tables 1-3), chosen by the user.

An assumption change redraws what the page shows, and every element drawn
costs the browser time on every change (``docs/speed.md``): drawing both
charts and all four tables took more than half of a change's time. So the
results are views of one case result, the user picks one with a segmented
control (kept across cases and pages), and only that one is drawn. The
control is drawn with the page (:func:`view_choice`), the view by the
page's fragment on every change (:func:`draw_view`). The choice of view
never changes a figure: each view reads the same :class:`model.CaseResult`.
"""

from __future__ import annotations

import streamlit as st

from model import CaseResult, format_amount

from .charts import cumulative_data, flows_data
from .i18n import t
from .keys import CASE
from .tables import has_table, section1_frame, table_frame
from .widgets import chart, choice, show_table

__all__ = ["VIEWS", "draw_view", "view_choice", "views_of"]

#: Every view, in the order the control shows them: the two charts, section 1, tables 1-3.
VIEWS = ("cumulative", "flows", "section1", "table1", "table2", "table3")
#: The chart labels the templates are built with (``chart.<key>`` of the translation table).
_CHART_KEYS = ("year", "amount", "current", "document", "payback", "costs", "savings", "net")


def views_of(result: CaseResult) -> tuple[str, ...]:
    """The views ``result`` has: both charts and section 1 always; a table only if the case has lines for it."""
    return tuple(v for v in VIEWS if not v.startswith("table") or has_table(result, int(v[-1])))


def view_choice(views: tuple[str, ...]) -> str:
    """The view control (a segmented control over ``views``, kept across cases and pages); the chosen view."""
    return choice(
        st.segmented_control,
        t("case.view"),
        views,
        key=CASE.view,
        default=views[0],
        labels={v: t(f"case.view.{v}") for v in views},
        required=True,
        label_visibility="collapsed",
        width="stretch",
    )


def draw_view(view: str, result: CaseResult, compare: CaseResult | None) -> None:
    """Draw ``view`` of ``result`` (``compare``: the document's result, drawn beside it in the cumulative chart when
    the user changed an assumption)."""
    if view in ("cumulative", "flows"):
        labels = {key: t(f"chart.{key}") for key in _CHART_KEYS}
        title = t(f"case.chart.{view}")
        if view == "cumulative":
            chart("cumulative", (tuple(labels.items()), compare is not None), cumulative_data(result, compare, labels), title)
        else:
            chart("flows", (tuple(labels.items()),), flows_data(result, labels), title)
    elif view == "section1":
        st.subheader(t("case.section1"))
        frame, bold = section1_frame(result)
        show_table(frame, right=[str(y) for y in result.years], bold_rows=bold, widths={"": 250}, pin_first=True)
        note = t("case.section1_note", unit=t("unit.tkr_pl", level=result.case.price_level))
        if result.kpis.innovation > 0:
            note = t("case.innovation_footnote", amount=format_amount(result.kpis.innovation)) + " " + note
        st.caption(note)
    else:
        number = int(view[-1])
        st.subheader(t(f"case.table{number}"))
        frame, bold = table_frame(result, number)  # type: ignore[misc]  # views_of offers only tables the case has
        show_table(
            frame,
            right=[c for c in frame.columns if c[:1].isdigit() or c == t("total")],
            bold_rows=bold,
            widths={t("col.line"): 250},
            pin_first=True,
        )
