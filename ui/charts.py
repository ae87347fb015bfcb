"""Altair charts of the pages, with Danish number format on the axes.

The charts of one case (cumulative impact, costs against savings) live in
``model.charts``, streamlit-free, because the decision memo draws them too;
this module re-exports them and adds the charts only the app draws: several
cases overlaid (a template, like those of ``model.charts``), and the
Følsomhed page's tornado and histogram, which change shape with their data
and so are built whole from a DataFrame and their labels
(``ui.sensitivity`` prepares both).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from model import CaseResult, charts

__all__ = [
    "DANISH_LOCALE",
    "MAX_EXTRA_YEARS",
    "PALETTE",
    "TEMPLATES",
    "compare_data",
    "compare_template",
    "cumulative_data",
    "cumulative_series",
    "cumulative_template",
    "flows_data",
    "flows_template",
    "histogram_chart",
    "payback_year",
    "spec",
    "tornado_chart",
]

DANISH_LOCALE = charts.DANISH_LOCALE
MAX_EXTRA_YEARS = charts.MAX_EXTRA_YEARS
cumulative_data = charts.cumulative_data
cumulative_series = charts.cumulative_series
cumulative_template = charts.cumulative_template
flows_data = charts.flows_data
flows_template = charts.flows_template
payback_year = charts.payback_year
spec = charts.spec
finish, zero_line, by_year = charts.finish, charts.zero_line, charts.by_year
_LOW, _HIGH, _BASE = "#c0392b", "#1f5fa8", "#1f2933"
#: Categorical colours of cases drawn together (Okabe-Ito: distinct, also for colour-blind readers), in legend order.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
_LABEL_PX = 250  # room for the tornado's assumption labels


# --- Several cases overlaid ---------------------------------------------------------------------------


def compare_template(labels: tuple[tuple[str, str], ...], names: tuple[str, ...], relative: bool) -> dict[str, object]:
    """Cumulative curves of several cases, by calendar year or by years since each case's start.

    ``labels``: pairs for ``year``, ``since_start``, ``amount``, ``variant``;
    ``names``: the curves, in legend order. Data ``curves`` (``year``,
    ``since_start``, ``value``, ``variant``).
    """
    text = dict(labels)
    field, title = ("since_start", text["since_start"]) if relative else ("year", text["year"])
    x, y, tooltip = by_year(field, title, text["amount"], "variant", text["variant"])
    color = alt.Color(
        "variant:N",
        title=text["variant"],
        scale=alt.Scale(domain=list(names), range=list(PALETTE[: len(names)])),
        sort=list(names),
        legend=alt.Legend(orient="bottom", columns=2, labelLimit=360),
    )
    return finish(
        alt.layer(
            zero_line(),
            alt.Chart(alt.NamedData(name="curves"))
            .mark_line(point=True, strokeWidth=2.5)
            .encode(x=x, y=y, color=color, tooltip=tooltip),
        )
    )


def compare_data(results: Sequence[tuple[str, CaseResult]]) -> dict[str, pd.DataFrame]:
    """Data for :func:`compare_template`: every curve over the same span (the longest table or payback)."""
    span = max(len(cumulative_series(result)) for _, result in results)
    curves = pd.concat([cumulative_series(result, span).assign(variant=name) for name, result in results], ignore_index=True)
    return {"curves": curves}


# --- Sensitivity: tornado and Monte Carlo histogram ------------------------------------------------------------
# Their data change with every setting and their size with the data, so they are built whole, not as templates.


def tornado_chart(bars: pd.DataFrame, base: float, labels: Mapping[str, str], axis_format: str) -> alt.LayerChart:
    """A tornado: per assumption a bar from the base figure to the figure at its low end, and one to its high end.

    ``bars``, largest swing first: ``label`` (the axis), ``full`` (the
    tooltip's label), ``end`` (``labels["low"]`` or ``labels["high"]``),
    ``start`` (the base figure), ``stop``, and the tooltip's texts ``figure``
    and ``input``. ``labels``: ``low``, ``high``, ``assumption``, ``end``,
    ``value`` and ``title`` (the key figure with its unit).
    """
    order = list(dict.fromkeys(bars["label"]))
    title = labels["title"]
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=_LABEL_PX))
    x = alt.X("start:Q", title=title, axis=alt.Axis(format=axis_format), scale=alt.Scale(zero=False, nice=True))
    color = alt.Color(
        "end:N",
        title=None,
        scale=alt.Scale(domain=[labels["low"], labels["high"]], range=[_LOW, _HIGH]),
        legend=alt.Legend(orient="bottom"),
    )
    tooltip = [
        alt.Tooltip("full:N", title=labels["assumption"]),
        alt.Tooltip("end:N", title=labels["end"]),
        alt.Tooltip("input:N", title=labels["value"]),
        alt.Tooltip("figure:N", title=title),
    ]
    chart = alt.Chart(bars).mark_bar(opacity=0.85).encode(y=y, x=x, x2="stop:Q", color=color, tooltip=tooltip)
    rule = alt.Chart(pd.DataFrame({"base": [base]})).mark_rule(color=_BASE, strokeWidth=2).encode(x="base:Q")
    return alt.layer(chart, rule).properties(height=26 * len(order) + 60, width="container").configure(locale=DANISH_LOCALE)


def histogram_chart(
    hist: pd.DataFrame, marks: Mapping[str, float], labels: Mapping[str, str], axis_format: str
) -> alt.LayerChart:
    """Draws as a histogram (``hist``: ``start``, ``end``, ``share``) with dashed rules at ``marks``.

    ``marks``: P10, P50, P90 and the deterministic figure, by name, in that
    order (the last in red); a mark that is not finite is left out.
    ``labels``: ``title`` (the key figure), ``share``, ``from``, ``to``.
    """
    title = labels["title"]
    bars = (
        alt.Chart(hist)
        .mark_bar(color="#7a9cc6", opacity=0.85, binSpacing=0)
        .encode(
            x=alt.X("start:Q", bin="binned", title=title, axis=alt.Axis(format=axis_format)),
            x2="end:Q",
            y=alt.Y("share:Q", title=labels["share"], axis=alt.Axis(format=".0%")),
            tooltip=[
                alt.Tooltip("start:Q", title=labels["from"], format=axis_format),
                alt.Tooltip("end:Q", title=labels["to"], format=axis_format),
                alt.Tooltip("share:Q", title=labels["share"], format=".1%"),
            ],
        )
    )
    shown = pd.DataFrame([{"mark": name, "value": value} for name, value in marks.items() if math.isfinite(value)])
    rules = (
        alt.Chart(shown)
        .mark_rule(strokeWidth=2, strokeDash=[5, 3])
        .encode(
            x="value:Q",
            color=alt.Color(
                "mark:N",
                title=None,
                scale=alt.Scale(domain=list(marks), range=["#9aa5b1", "#1f2933", "#9aa5b1", _LOW]),
                legend=alt.Legend(orient="bottom", columns=2),
            ),
            tooltip=[alt.Tooltip("mark:N", title=""), alt.Tooltip("value:Q", title=title, format=axis_format)],
        )
    )
    return alt.layer(bars, rules).properties(height=240, width="container").configure(locale=DANISH_LOCALE)


#: The chart templates by name, for callers that cache them by name.
TEMPLATES = {"cumulative": cumulative_template, "flows": flows_template, "compare": compare_template}
