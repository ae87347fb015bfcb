"""Altair charts of evaluated cases, with Danish number format on the axes.

Pure functions from model results to ``alt.Chart`` objects (no streamlit),
so they can be built and inspected in tests. Amounts in 1.000 kr., costs
positive, savings negative, as in the documents; years are shown as
categories so they never get a thousands separator.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from model import CaseResult, extend_flows

__all__ = ["DANISH_LOCALE", "compare_chart", "cumulative_chart", "cumulative_series", "flows_chart"]

#: Years a chart runs past the case's table to reach the payback year, at most.
MAX_EXTRA_YEARS = 15
#: Vega's number locale for Danish: ``1.234,5``.
DANISH_LOCALE = {"number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " kr."]}}
_AMOUNT = ",.0f"
_HEIGHT = 320


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


def payback_year(result: CaseResult) -> int | None:
    """The calendar year in which the case has paid back (None: never, or no spending)."""
    years = result.kpis.payback_years
    if years is None or years == 0:
        return None
    spends = np.asarray(result.flows.gross_costs) > 1e-9
    start = int(spends.argmax()) if spends.any() else 0
    return result.years[0] + start + years - 1


def cumulative_chart(result: CaseResult, document: CaseResult | None, labels: dict[str, str]) -> alt.LayerChart:
    """The cumulative impact per year with the payback year marked; the document's curve dashed when given.

    A payback year beyond the chart's span (see :func:`cumulative_series`)
    is not marked; the key figures give it.

    ``labels``: ``year``, ``amount``, ``series``, ``current``, ``document``,
    ``payback`` (with ``{year}``).
    """
    payback = payback_year(result)
    span = len(cumulative_series(result))
    if document is not None:
        span = max(span, len(cumulative_series(document)))
    frames = [cumulative_series(result, span).assign(series=labels["current"])]
    if document is not None:
        frames.append(cumulative_series(document, span).assign(series=labels["document"]))
    data = pd.concat(frames, ignore_index=True)
    order = [labels["current"], labels["document"]]
    x = alt.X("year:O", title=labels["year"], axis=alt.Axis(labelAngle=0))
    y = alt.Y("value:Q", title=labels["amount"], axis=alt.Axis(format=_AMOUNT))
    color = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=order, range=["#1f5fa8", "#9aa5b1"]),
        legend=alt.Legend(orient="bottom", labelLimit=300),
    )
    dash = alt.StrokeDash("series:N", scale=alt.Scale(domain=order, range=[[1, 0], [6, 4]]), legend=None)
    tooltip = [
        alt.Tooltip("series:N", title=labels["series"]),
        alt.Tooltip("year:O", title=labels["year"]),
        alt.Tooltip("value:Q", title=labels["amount"], format=_AMOUNT),
    ]
    lines = alt.Chart(data).mark_line(point=True, strokeWidth=2.5).encode(x=x, y=y, color=color, strokeDash=dash, tooltip=tooltip)
    zero = alt.Chart(pd.DataFrame({"value": [0.0]})).mark_rule(color="#555", strokeWidth=1).encode(y="value:Q")
    layers: list[alt.Chart] = [zero, lines]
    if payback is not None and payback <= result.years[0] + span - 1:
        mark = pd.DataFrame({"year": [payback], "label": [labels["payback"].format(year=payback)]})
        layers.append(alt.Chart(mark).mark_rule(color="#2e7d32", strokeDash=[4, 3], strokeWidth=2).encode(x="year:O"))
        layers.append(
            alt.Chart(mark)
            .mark_text(align="right", dx=-6, dy=-6, color="#2e7d32", fontWeight="bold")
            .encode(x="year:O", y=alt.value(12), text="label:N")
        )
    return alt.layer(*layers).properties(height=_HEIGHT).configure(locale=DANISH_LOCALE)


def flows_chart(result: CaseResult, labels: dict[str, str]) -> alt.LayerChart:
    """Costs (above zero) and savings (below) per year as bars, with the net as a line.

    Costs are every line's positive amounts (innovation pool included),
    savings the negative ones. ``labels``: ``year``, ``amount``, ``series``,
    ``costs``, ``savings``, ``net``.
    """
    flows = result.flows
    costs = np.asarray(flows.gross_costs, dtype=float)
    net = np.asarray(flows.total_impact_all, dtype=float)
    savings = net - costs
    years = list(result.years)
    bars = pd.DataFrame(
        {
            "year": years * 2,
            "series": [labels["costs"]] * len(years) + [labels["savings"]] * len(years),
            "value": [*costs, *savings],
        }
    )
    line = pd.DataFrame({"year": years, "series": labels["net"], "value": net})
    domain = [labels["costs"], labels["savings"], labels["net"]]
    color = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=domain, range=["#c0392b", "#2e7d32", "#1f2933"]),
        legend=alt.Legend(orient="bottom", labelLimit=300),
    )
    x = alt.X("year:O", title=labels["year"], axis=alt.Axis(labelAngle=0))
    y = alt.Y("value:Q", title=labels["amount"], axis=alt.Axis(format=_AMOUNT))
    tooltip = [
        alt.Tooltip("series:N", title=labels["series"]),
        alt.Tooltip("year:O", title=labels["year"]),
        alt.Tooltip("value:Q", title=labels["amount"], format=_AMOUNT),
    ]
    bar_layer = alt.Chart(bars).mark_bar(opacity=0.85).encode(x=x, y=y, color=color, tooltip=tooltip)
    net_layer = alt.Chart(line).mark_line(point=True, strokeWidth=2).encode(x=x, y=y, color=color, tooltip=tooltip)
    zero = alt.Chart(pd.DataFrame({"value": [0.0]})).mark_rule(color="#555", strokeWidth=1).encode(y="value:Q")
    return alt.layer(bar_layer, zero, net_layer).properties(height=_HEIGHT).configure(locale=DANISH_LOCALE)


def compare_chart(results: Sequence[tuple[str, CaseResult]], relative: bool, labels: dict[str, str]) -> alt.LayerChart:
    """Cumulative curves of several cases overlaid, by calendar year or by years since each case's start.

    ``results``: (name, result) pairs; every curve runs over the same span
    (the longest table or payback). ``labels``: ``year``, ``since_start``,
    ``amount``, ``variant``.
    """
    span = max(len(cumulative_series(result)) for _, result in results)
    data = pd.concat([cumulative_series(result, span).assign(variant=name) for name, result in results], ignore_index=True)
    field, title = ("since_start", labels["since_start"]) if relative else ("year", labels["year"])
    x = alt.X(f"{field}:O", title=title, axis=alt.Axis(labelAngle=0))
    y = alt.Y("value:Q", title=labels["amount"], axis=alt.Axis(format=_AMOUNT))
    names = [name for name, _ in results]
    color = alt.Color("variant:N", title=labels["variant"], scale=alt.Scale(domain=names), sort=names)
    tooltip = [
        alt.Tooltip("variant:N", title=labels["variant"]),
        alt.Tooltip(f"{field}:O", title=title),
        alt.Tooltip("value:Q", title=labels["amount"], format=_AMOUNT),
    ]
    lines = alt.Chart(data).mark_line(point=True, strokeWidth=2.5).encode(x=x, y=y, color=color, tooltip=tooltip)
    zero = alt.Chart(pd.DataFrame({"value": [0.0]})).mark_rule(color="#555", strokeWidth=1).encode(y="value:Q")
    return alt.layer(zero, lines).properties(height=_HEIGHT).configure(locale=DANISH_LOCALE)
