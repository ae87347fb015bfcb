"""Altair charts of evaluated cases, with Danish number format on the axes.

Each chart comes in two parts, both pure (no streamlit):

- a *template*, built with altair from labels alone and turned into a
  Vega-Lite spec whose data are named (``"curve"``, ``"payback"``, ...);
- the *data*, a DataFrame per name, computed from model results.

:func:`spec` joins them. Building and validating an altair chart takes tens
of milliseconds, the data a fraction of one, so the pages build each
template once per language (cached) and only the data when an assumption
changes. Amounts in 1.000 kr., costs positive, savings negative, as in the
documents; years are shown as categories so they never get a thousands
separator.

The Følsomhed page's tornado and histogram change shape with their data, so
:func:`tornado_chart` and :func:`histogram_chart` build them whole from a
DataFrame and their labels (``ui.sensitivity`` prepares both).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import altair as alt
import numpy as np
import pandas as pd

from model import CaseResult, extend_flows

__all__ = [
    "DANISH_LOCALE",
    "MAX_EXTRA_YEARS",
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

#: Years a chart runs past the case's table to reach the payback year, at most.
MAX_EXTRA_YEARS = 15
#: Vega's number locale for Danish: ``1.234,5``.
DANISH_LOCALE = {"number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " kr."]}}
_AMOUNT = ",.0f"
_HEIGHT = 320
_ZERO = pd.DataFrame({"value": [0.0]})
_LOW, _HIGH, _BASE = "#c0392b", "#1f5fa8", "#1f2933"
_LABEL_PX = 250  # room for the tornado's assumption labels


def spec(template: Mapping[str, object], data: Mapping[str, pd.DataFrame]) -> dict[str, object]:
    """The Vega-Lite spec of ``template`` with its named data filled in (records)."""
    named = {name: frame.to_dict("records") for name, frame in data.items()}
    return {**template, "datasets": {**template.get("datasets", {}), **named}}


def _finish(chart: alt.LayerChart) -> dict[str, object]:
    return chart.properties(height=_HEIGHT).configure(locale=DANISH_LOCALE).to_dict()


def _zero_line() -> alt.Chart:
    return alt.Chart(_ZERO).mark_rule(color="#555", strokeWidth=1).encode(y="value:Q")


def _by_year(field: str, title: str, amount: str, series: str, series_title: str) -> tuple[alt.X, alt.Y, list[alt.Tooltip]]:
    """x (``field``, years as categories), y (``value``, amounts) and the tooltip of a chart of amounts per year."""
    x = alt.X(f"{field}:O", title=title, axis=alt.Axis(labelAngle=0))
    y = alt.Y("value:Q", title=amount, axis=alt.Axis(format=_AMOUNT))
    tooltip = [
        alt.Tooltip(f"{series}:N", title=series_title),
        alt.Tooltip(f"{field}:O", title=title),
        alt.Tooltip("value:Q", title=amount, format=_AMOUNT),
    ]
    return x, y, tooltip


# --- Cumulative impact of one case ---------------------------------------------------------------


def payback_year(result: CaseResult) -> int | None:
    """The calendar year in which the case has paid back (None: never, or no spending)."""
    years = result.kpis.payback_years
    if years is None or years == 0:
        return None
    spends = np.asarray(result.flows.gross_costs) > 1e-9
    start = int(spends.argmax()) if spends.any() else 0
    return result.years[0] + start + years - 1


def cumulative_series(result: CaseResult, years: int | None = None) -> pd.DataFrame:
    """Cumulative Samlet økonomisk påvirkning (all funding) per year, continued after the table.

    After the last year of the table the permanent level goes on, as in the
    payback rule. Columns ``year``, ``since_start`` (0 in the case's first
    year) and ``value``; ``years`` rows (default: the table, or up to the
    payback year and one more if that is later, but at most
    :data:`MAX_EXTRA_YEARS` past the table).
    """
    flows = result.flows
    count = len(result.years)
    if years is None:
        years = count
        payback = payback_year(result)
        if payback is not None:
            years = max(years, min(payback - result.years[0] + 2, count + MAX_EXTRA_YEARS))
    series = np.cumsum(extend_flows(flows.total_impact_all, flows.net_permanent, years))
    first = result.years[0]
    return pd.DataFrame({"year": [first + i for i in range(years)], "since_start": range(years), "value": series})


def cumulative_template(labels: tuple[tuple[str, str], ...], with_document: bool) -> dict[str, object]:
    """The cumulative-impact chart: the user's curve, the document's dashed, the payback year marked.

    ``labels``: pairs for ``year``, ``amount``, ``current``, ``document``;
    ``with_document``: whether the legend lists the document's curve. Data
    ``curve`` (``year``, ``value``, ``series``) and ``payback`` (``year``,
    ``label``; empty when there is nothing to mark).
    """
    text = dict(labels)
    order = [text["current"], text["document"]] if with_document else [text["current"]]
    x, y, tooltip = _by_year("year", text["year"], text["amount"], "series", " ")
    color = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=order, range=["#1f5fa8", "#9aa5b1"][: len(order)]),
        legend=alt.Legend(orient="bottom", labelLimit=300),
    )
    dash = alt.StrokeDash("series:N", scale=alt.Scale(domain=order, range=[[1, 0], [6, 4]][: len(order)]), legend=None)
    curve = alt.Chart(alt.NamedData(name="curve"))
    mark = alt.Chart(alt.NamedData(name="payback"))
    return _finish(
        alt.layer(
            _zero_line(),
            curve.mark_line(point=True, strokeWidth=2.5).encode(x=x, y=y, color=color, strokeDash=dash, tooltip=tooltip),
            mark.mark_rule(color="#2e7d32", strokeDash=[4, 3], strokeWidth=2).encode(x="year:O"),
            mark.mark_text(align="right", dx=-6, dy=-6, color="#2e7d32", fontWeight="bold").encode(
                x="year:O", y=alt.value(12), text="label:N"
            ),
        )
    )


def cumulative_data(result: CaseResult, document: CaseResult | None, labels: Mapping[str, str]) -> dict[str, pd.DataFrame]:
    """Data for :func:`cumulative_template`: the curves over one span, and the payback year.

    ``document`` (the case as its file gives it) is drawn when given.
    ``labels``: ``current``, ``document``, ``payback`` (with ``{year}``).
    A payback year beyond the span (see :func:`cumulative_series`) is not
    marked; the key figures give it.
    """
    span = len(cumulative_series(result))
    if document is not None:
        span = max(span, len(cumulative_series(document)))
    frames = [cumulative_series(result, span).assign(series=labels["current"])]
    if document is not None:
        frames.append(cumulative_series(document, span).assign(series=labels["document"]))
    payback = payback_year(result)
    marked = payback is not None and payback <= result.years[0] + span - 1
    mark = pd.DataFrame(
        {"year": [payback] if marked else [], "label": [labels["payback"].format(year=payback)] if marked else []}
    )
    return {"curve": pd.concat(frames, ignore_index=True), "payback": mark}


# --- Costs and savings of one case -----------------------------------------------------------------


def flows_template(labels: tuple[tuple[str, str], ...]) -> dict[str, object]:
    """Costs above zero and savings below as bars per year, the net as a line.

    ``labels``: pairs for ``year``, ``amount``, ``costs``, ``savings``,
    ``net``. Data ``bars`` and ``net`` (``year``, ``series``, ``value``).
    """
    text = dict(labels)
    domain = [text["costs"], text["savings"], text["net"]]
    color = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=domain, range=["#c0392b", "#2e7d32", "#1f2933"]),
        legend=alt.Legend(orient="bottom", labelLimit=300),
    )
    x, y, tooltip = _by_year("year", text["year"], text["amount"], "series", " ")
    return _finish(
        alt.layer(
            alt.Chart(alt.NamedData(name="bars")).mark_bar(opacity=0.85).encode(x=x, y=y, color=color, tooltip=tooltip),
            _zero_line(),
            alt.Chart(alt.NamedData(name="net"))
            .mark_line(point=True, strokeWidth=2)
            .encode(x=x, y=y, color=color, tooltip=tooltip),
        )
    )


def flows_data(result: CaseResult, labels: Mapping[str, str]) -> dict[str, pd.DataFrame]:
    """Data for :func:`flows_template`.

    Costs are every line's positive amounts per year (innovation pool
    included), savings the negative ones, net their sum (Samlet økonomisk
    påvirkning, all funding). ``labels``: ``costs``, ``savings``, ``net``.
    """
    flows = result.flows
    costs = np.asarray(flows.gross_costs, dtype=float)
    net = np.asarray(flows.total_impact_all, dtype=float)
    years = list(result.years)
    bars = pd.DataFrame(
        {
            "year": years * 2,
            "series": [labels["costs"]] * len(years) + [labels["savings"]] * len(years),
            "value": [*costs, *(net - costs)],
        }
    )
    return {"bars": bars, "net": pd.DataFrame({"year": years, "series": labels["net"], "value": net})}


# --- Several cases overlaid ---------------------------------------------------------------------------


def compare_template(labels: tuple[tuple[str, str], ...], names: tuple[str, ...], relative: bool) -> dict[str, object]:
    """Cumulative curves of several cases, by calendar year or by years since each case's start.

    ``labels``: pairs for ``year``, ``since_start``, ``amount``, ``variant``;
    ``names``: the curves, in legend order. Data ``curves`` (``year``,
    ``since_start``, ``value``, ``variant``).
    """
    text = dict(labels)
    field, title = ("since_start", text["since_start"]) if relative else ("year", text["year"])
    x, y, tooltip = _by_year(field, title, text["amount"], "variant", text["variant"])
    color = alt.Color("variant:N", title=text["variant"], scale=alt.Scale(domain=list(names)), sort=list(names))
    return _finish(
        alt.layer(
            _zero_line(),
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
