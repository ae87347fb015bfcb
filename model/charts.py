"""Altair charts of one evaluated case, shared by the app and the decision memo (no streamlit).

Each chart comes in two parts, both pure:

- a *template*, built with altair from labels alone and turned into a
  Vega-Lite spec whose data are named (``"curve"``, ``"payback"``, ...);
- the *data*, a DataFrame per name, computed from model results.

:func:`spec` joins them. Building and validating an altair chart takes tens
of milliseconds, the data a fraction of one, so the app builds each template
once per language (cached) and only the data when an assumption changes; the
memo (``model.memo``) renders the same spec to a PNG with ``vl-convert``.
Amounts in 1.000 kr., costs positive, savings negative, as in the documents;
years are shown as categories so they never get a thousands separator.

The app's other charts (cases overlaid, tornado, histogram) live in
``ui/charts.py`` and build on :func:`finish`, :func:`zero_line` and
:func:`by_year` here.
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import numpy as np
import pandas as pd

from .evaluate import CaseResult
from .kpi import extend_flows

__all__ = [
    "AMOUNT_FORMAT",
    "DANISH_LOCALE",
    "HEIGHT",
    "MAX_EXTRA_YEARS",
    "by_year",
    "cumulative_data",
    "cumulative_series",
    "cumulative_template",
    "finish",
    "flows_data",
    "flows_template",
    "payback_year",
    "spec",
    "zero_line",
]

#: Years a chart runs past the case's table to reach the payback year, at most.
MAX_EXTRA_YEARS = 15
#: Vega's number locale for Danish: ``1.234,5``.
DANISH_LOCALE = {"number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " kr."]}}
#: d3 format of amounts in whole thousands of kroner.
AMOUNT_FORMAT = ",.0f"
#: Height of a chart in pixels.
HEIGHT = 320
_ZERO = pd.DataFrame({"value": [0.0]})


def spec(template: Mapping[str, object], data: Mapping[str, pd.DataFrame]) -> dict[str, object]:
    """The Vega-Lite spec of ``template`` with its named data filled in (records)."""
    named = {name: frame.to_dict("records") for name, frame in data.items()}
    return {**template, "datasets": {**template.get("datasets", {}), **named}}


def finish(chart: alt.LayerChart) -> dict[str, object]:
    return chart.properties(height=HEIGHT).configure(locale=DANISH_LOCALE).to_dict()


def zero_line() -> alt.Chart:
    return alt.Chart(_ZERO).mark_rule(color="#555", strokeWidth=1).encode(y="value:Q")


def by_year(field: str, title: str, amount: str, series: str, series_title: str) -> tuple[alt.X, alt.Y, list[alt.Tooltip]]:
    """x (``field``, years as categories), y (``value``, amounts) and the tooltip of a chart of amounts per year."""
    x = alt.X(f"{field}:O", title=title, axis=alt.Axis(labelAngle=0))
    y = alt.Y("value:Q", title=amount, axis=alt.Axis(format=AMOUNT_FORMAT))
    tooltip = [
        alt.Tooltip(f"{series}:N", title=series_title),
        alt.Tooltip(f"{field}:O", title=title),
        alt.Tooltip("value:Q", title=amount, format=AMOUNT_FORMAT),
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


def _span(result: CaseResult) -> int:
    """Years a cumulative curve runs by default: the table, or to the payback year and one more (≤ MAX_EXTRA_YEARS past it)."""
    count = len(result.years)
    payback = payback_year(result)
    if payback is None:
        return count
    return max(count, min(payback - result.years[0] + 2, count + MAX_EXTRA_YEARS))


def _cumulative(result: CaseResult, years: int) -> np.ndarray:
    """Cumulative Samlet økonomisk påvirkning (all funding, 1.000 kr.), ``years`` years; the permanent level after the table."""
    flows = result.flows
    return np.cumsum(extend_flows(flows.total_impact_all, flows.net_permanent, years))


def cumulative_series(result: CaseResult, years: int | None = None) -> pd.DataFrame:
    """Cumulative Samlet økonomisk påvirkning (all funding) per year, continued after the table.

    After the last year of the table the permanent level goes on, as in the
    payback rule. Columns ``year``, ``since_start`` (0 in the case's first
    year) and ``value``; ``years`` rows (default: the table, or up to the
    payback year and one more if that is later, but at most
    :data:`MAX_EXTRA_YEARS` past the table).
    """
    years = _span(result) if years is None else years
    since = np.arange(years)
    return pd.DataFrame({"year": result.years[0] + since, "since_start": since, "value": _cumulative(result, years)})


def cumulative_template(labels: tuple[tuple[str, str], ...], with_document: bool) -> dict[str, object]:
    """The cumulative-impact chart: the user's curve, the document's dashed, the payback year marked.

    ``labels``: pairs for ``year``, ``amount``, ``current``, ``document``;
    ``with_document``: whether the legend lists the document's curve. Data
    ``curve`` (``year``, ``value``, ``series``) and ``payback`` (``year``,
    ``label``; empty when there is nothing to mark).
    """
    text = dict(labels)
    order = [text["current"], text["document"]] if with_document else [text["current"]]
    x, y, tooltip = by_year("year", text["year"], text["amount"], "series", " ")
    color = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=order, range=["#1f5fa8", "#9aa5b1"][: len(order)]),
        legend=alt.Legend(orient="bottom", labelLimit=300),
    )
    dash = alt.StrokeDash("series:N", scale=alt.Scale(domain=order, range=[[1, 0], [6, 4]][: len(order)]), legend=None)
    curve = alt.Chart(alt.NamedData(name="curve"))
    mark = alt.Chart(alt.NamedData(name="payback"))
    return finish(
        alt.layer(
            zero_line(),
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
    curves = [(labels["current"], result)] + ([(labels["document"], document)] if document is not None else [])
    span = max(_span(r) for _, r in curves)
    since = np.tile(np.arange(span), len(curves))
    curve = pd.DataFrame(
        {
            "year": since + np.repeat([r.years[0] for _, r in curves], span),
            "since_start": since,
            "value": np.concatenate([_cumulative(r, span) for _, r in curves]),
            "series": np.repeat([label for label, _ in curves], span),
        }
    )
    payback = payback_year(result)
    marked = payback is not None and payback <= result.years[0] + span - 1
    mark = pd.DataFrame(
        {"year": [payback] if marked else [], "label": [labels["payback"].format(year=payback)] if marked else []}
    )
    return {"curve": curve, "payback": mark}


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
    x, y, tooltip = by_year("year", text["year"], text["amount"], "series", " ")
    return finish(
        alt.layer(
            alt.Chart(alt.NamedData(name="bars")).mark_bar(opacity=0.85).encode(x=x, y=y, color=color, tooltip=tooltip),
            zero_line(),
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
