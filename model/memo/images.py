"""The memo's charts as PNG images: the app's chart specs (``model.charts``) rendered with vl-convert.

``vl-convert-python`` bundles the Vega-Lite and Vega engines and a
JavaScript runtime in its wheel, so rendering needs neither a browser nor the
network. The charts are those of the Business case page: the cumulative
impact with the payback year marked, and costs against savings per year.
"""

from __future__ import annotations

from collections.abc import Mapping

import vl_convert

from .. import charts
from ..evaluate import CaseResult

__all__ = ["CHART_LABELS", "chart_png", "cumulative_png", "flows_png"]

#: The charts' Danish labels (the memo is a Danish document).
CHART_LABELS = {
    "year": "År",
    "amount": "1.000 kr.",
    "current": "Forslaget med de aktuelle forudsætninger",
    "document": "Dokumentets forudsætninger",
    "payback": "Tilbagebetalt {year}",
    "costs": "Udgifter",
    "savings": "Besparelser",
    "net": "Samlet økonomisk påvirkning",
}
#: Width of a chart in pixels (before the 2× scale for print).
WIDTH = 620


def chart_png(spec: Mapping[str, object], scale: float = 2.0) -> bytes:
    """A Vega-Lite ``spec`` rendered to PNG bytes, ``WIDTH`` pixels wide, at ``scale`` for print."""
    return bytes(vl_convert.vegalite_to_png({**spec, "width": WIDTH}, scale=scale))


def cumulative_png(result: CaseResult, document: CaseResult | None = None) -> bytes:
    """Cumulative Samlet økonomisk påvirkning (1.000 kr., all funding) with the payback year marked.

    ``document``, when given, is drawn dashed beside it.
    """
    labels = tuple(CHART_LABELS.items())
    template = charts.cumulative_template(labels, document is not None)
    return chart_png(charts.spec(template, charts.cumulative_data(result, document, CHART_LABELS)))


def flows_png(result: CaseResult) -> bytes:
    """Costs (positive) and savings (negative) per year as bars, the net impact as a line (1.000 kr.)."""
    template = charts.flows_template(tuple(CHART_LABELS.items()))
    return chart_png(charts.spec(template, charts.flows_data(result, CHART_LABELS)))
