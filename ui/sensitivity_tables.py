"""The Følsomhed page's results as text, tables and charts: Danish figures, built from model results.

Pure functions of the analyses' results (no widgets, no session state):
:func:`ui.widgets.show_table` draws the tables, :mod:`ui.charts` the charts.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import altair as alt
import pandas as pd

from model import KPIs, MonteCarlo, SwitchingValues, Tornado, format_amount, format_fixed, format_number, format_percent_da

from .charts import histogram_chart, tornado_chart
from .i18n import t
from .sensitivity_state import KPIS, value_text

__all__ = [
    "SWITCHING_NUMBERS",
    "TORNADO_NUMBERS",
    "axis",
    "histogram",
    "kpi_frame",
    "limit_text",
    "percentile_frame",
    "show",
    "switching_frame",
    "tornado_figure",
    "tornado_frame",
    "years_text",
]

#: Right-aligned (number) columns of the page's tables, by their i18n key.
TORNADO_NUMBERS = ("sens.col.low", "sens.col.high", "sens.col.at_low", "sens.col.at_high", "sens.col.swing")
SWITCHING_NUMBERS = ("sens.col.base", "sens.col.switch", "sens.col.change")
_MAX_BARS = 15
_LABEL_CHARS = 42  # long assumption labels would squeeze the tornado's bars


def years_text(value: float | None, decimals: int = 1) -> str:
    """Payback years: whole (``decimals=0``, ``6 år``) or with exactly one decimal (``4,0 år`` beside ``2,9 år``).

    "aldrig" for inf; "-" for none. One decimal is the rule for every interpolated or simulated year figure.
    """
    if value is None or math.isnan(value):
        return "-"
    if math.isinf(value):
        return t("sens.never")
    return t("years", years=format_number(value, 0) if decimals == 0 else format_fixed(value, 1))


def show(kpi: str, value: float | None) -> str:
    """A key figure as text: years for payback, 1.000 kr. otherwise."""
    return years_text(value) if kpi.startswith("payback") else format_amount(value)


def limit_text(kpi: str, limit: float) -> str:
    """The threshold in words: ``tilbagebetalingstid ≤ 6 år``."""
    shown = t("years", years=format_number(limit, 1)) if kpi == "payback" else format_amount(limit)
    return t(f"sens.threshold.{kpi}", limit=shown)


def axis(kpi: str) -> tuple[str, str]:
    """A chart axis for ``kpi``: its title with the unit, and its d3 number format."""
    if kpi == "payback":
        return f"{t('col.payback')} ({t('sens.unit.years')})", ",.1f"
    return f"{t(f'col.{kpi}')} ({t('unit.tkr')})", ",.0f"


def kpi_frame(plain: KPIs, adjusted: KPIs) -> pd.DataFrame:
    """The key figures without and with optimism bias, side by side."""
    rows = [
        (t("kpi.net_permanent"), format_amount(plain.net_permanent), format_amount(adjusted.net_permanent)),
        (t("col.payback"), years_text(plain.payback_years, 0), years_text(adjusted.payback_years, 0)),
        (t("kpi.payback_exact"), years_text(plain.payback_exact), years_text(adjusted.payback_exact)),
        (t("kpi.npv"), format_amount(plain.npv), format_amount(adjusted.npv)),
    ]
    return pd.DataFrame(rows, columns=[t("compare.kpi"), t("sens.without_bias"), t("sens.with_bias")])


def _short(label: str) -> str:
    return label if len(label) <= _LABEL_CHARS else label[: _LABEL_CHARS - 1].rstrip() + "…"


def tornado_figure(result: Tornado, kpi: str) -> alt.LayerChart | None:
    """The tornado chart of the bars that swing (largest first, at most 15); None when none does."""
    bars = [b for b in result.bars if not math.isnan(b.swing) and b.swing > 0][:_MAX_BARS]
    if not bars:
        return None
    finite = [v for b in bars for v in (b.kpi_low, b.kpi_high) if math.isfinite(v)] + [result.base]
    spread = (max(finite) - min(finite)) or 1.0
    cap = max(finite) + 0.25 * spread  # where a payback that never comes is drawn
    title, axis_format = axis(kpi)
    labels = {
        "low": t("sens.end.at_low"),
        "high": t("sens.end.at_high"),
        "assumption": t("sens.col.assumption"),
        "end": t("sens.col.end"),
        "value": t("sens.col.value"),
        "title": title,
    }
    rows = [
        {
            "label": _short(b.range.label) + (" *" if b.range.is_default else ""),
            "full": b.range.label,
            "end": labels[end],
            "start": result.base,
            "stop": cap if math.isinf(figure) else figure,
            "figure": show(result.kpi, figure),
            "input": f"{value_text(x)} {b.range.unit}",
        }
        for b in bars
        for end, figure, x in (("low", b.kpi_low, b.range.low), ("high", b.kpi_high, b.range.high))
    ]
    return tornado_chart(pd.DataFrame(rows), result.base, labels, axis_format)


def tornado_frame(result: Tornado, whole: Tornado | None) -> pd.DataFrame:
    """The tornado as a table; ``whole`` (payback in whole years) adds the documents' years in brackets."""
    whole_by_name = {b.range.name: b for b in whole.bars} if whole is not None else {}
    rows = []
    for b in result.bars:
        at_low, at_high = show(result.kpi, b.kpi_low), show(result.kpi, b.kpi_high)
        if b.range.name in whole_by_name:
            w = whole_by_name[b.range.name]
            at_low += f" ({years_text(w.kpi_low, 0)})"
            at_high += f" ({years_text(w.kpi_high, 0)})"
        if math.isnan(b.swing):
            swing = t("sens.na")
        elif math.isinf(b.swing):
            swing = t("sens.never")
        else:
            swing = format_fixed(b.swing, 1) if result.kpi == "payback" else format_amount(b.swing)
        rows.append(
            {
                t("sens.col.assumption"): b.range.label + (" *" if b.range.is_default else ""),
                t("sens.col.swing"): swing,
                t("sens.col.at_low"): at_low,
                t("sens.col.at_high"): at_high,
                t("sens.col.low"): value_text(b.range.low),
                t("sens.col.high"): value_text(b.range.high),
                t("sens.col.note"): t("sens.tornado.no_finite") if b.note else "",
            }
        )
    return pd.DataFrame(rows)


# --- Switching values ------------------------------------------------------------------------------------------


def switching_frame(result: SwitchingValues) -> pd.DataFrame:
    """Switching values as a table: the value, its change from base, and how it was checked (or why there is none)."""
    rows = []
    for row in result.rows:
        if row.value is None:
            low, high = row.bracket
            bad = "-" if row.non_finite_at is None else value_text(row.non_finite_at)
            note = t(f"sens.reason.{row.reason}", low=value_text(low), high=value_text(high), at=bad)
        else:
            note = t("sens.switch.checked") if row.verified else t("sens.switch.unchecked")
            if row.other is not None:
                note += " · " + t("sens.switch.other", value=value_text(row.other))
        rows.append(
            {
                t("sens.col.assumption"): row.range.label,
                t("sens.col.unit"): row.range.unit,
                t("sens.col.base"): value_text(row.range.base),
                t("sens.col.switch"): t("sens.na") if row.value is None else value_text(row.value),
                t("sens.col.change"): "" if row.change is None else format_percent_da(row.change, 1),
                t("sens.col.note"): note,
            }
        )
    return pd.DataFrame(rows)


def percentile_frame(mc: MonteCarlo, base: Mapping[str, float | None]) -> pd.DataFrame:
    """P10, P50, P90 and mean of every key figure, beside the deterministic figure ``base``."""
    never = mc.share_never()
    rows = []
    for key in KPIS:
        p10, p50, p90 = mc.percentiles(key)
        rows.append(
            {
                t("compare.kpi"): t(f"col.{key}"),
                "P10": show(key, p10),
                "P50": show(key, p50),
                "P90": show(key, p90),
                t("sens.mc.mean"): show(key, mc.mean(key)) if key != "payback" or never == 0 else "-",
                t("sens.mc.deterministic"): show(key, base[key]),  # "-" where there is no payback, as in the documents
            }
        )
    return pd.DataFrame(rows)


def histogram(mc: MonteCarlo, kpi: str, base: float | None) -> alt.LayerChart | None:
    """The draws of ``kpi`` as a histogram with P10, P50, P90 and the deterministic figure ``base`` marked."""
    hist = mc.histogram(kpi)
    if hist.empty:
        return None
    p10, p50, p90 = mc.percentiles(kpi)
    marks = {"P10": p10, "P50": p50, "P90": p90, t("sens.mc.deterministic"): math.inf if base is None else base}
    labels = {"title": t(f"col.{kpi}"), "share": t("sens.mc.share"), "from": t("sens.mc.from"), "to": t("sens.mc.to")}
    return histogram_chart(hist, marks, labels, axis(kpi)[1])
