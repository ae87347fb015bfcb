"""The Portefølje page's answer: tables, the budget-use chart and the Excel export, in the user's language.

Pure views of a :class:`model.Choice` (no widgets): amounts in 1.000 kr.
with Danish number format, costs +, savings −.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import altair as alt
import pandas as pd

from model import POOLS, Choice, Exclusion, choice_xlsx, format_amount, format_number

from .charts import DANISH_LOCALE
from .i18n import t
from .tables import payback_text

__all__ = ["answer_frame", "budget_chart", "budget_frame", "bundles_frame", "next_million_frame", "reason_text", "xlsx"]


# --- The answer ----------------------------------------------------------------------------------------


def _value(choice: Choice, value: float) -> str:
    return format_number(value, 1) if choice.options.objective == "fte" else format_amount(value)


def reason_text(exclusion: Exclusion, objective: str) -> str:
    """Why a case is out, in the user's language, with Danish numbers."""
    p = exclusion.params
    with_cases = (
        t("portfolio.reason.with", cases=p["cases"]) if p.get("cases") and exclusion.code in ("budget", "no_value") else ""
    )
    if exclusion.code == "payback":
        years = t("portfolio.reason.never") if p["years"] is None else payback_text(p["years"])
        return t("portfolio.reason.payback", years=years, limit=p["limit"]) + (
            t("portfolio.reason.with", cases=p["cases"]) if p.get("cases") else ""
        )
    if exclusion.code in ("alternative", "prerequisite"):
        return t(f"portfolio.reason.{exclusion.code}", cases=p["cases"])
    if exclusion.code == "no_value":
        value = format_number(p["value"], 1) if objective == "fte" else format_amount(p["value"])
        return t("portfolio.reason.no_value", objective=t(f"portfolio.objective.{objective}"), value=value) + with_cases
    where = t(f"portfolio.pool.{p['pool']}") + (f" {p['year']}" if p["year"] is not None else "")
    return (
        t("portfolio.reason.budget", where=where, needed=format_amount(p["needed"]), limit=format_amount(p["limit"])) + with_cases
    )


def answer_frame(choice: Choice) -> pd.DataFrame:
    """One row per case: funded or not, its figures, and why it is out."""
    chosen = set(choice.chosen)
    reasons = {e.id: reason_text(e, choice.options.objective) for e in choice.not_chosen}
    rows = [
        {
            t("col.case"): f.id,
            t("col.title"): textwrap.shorten(f.title, width=34, placeholder=" …"),
            t("portfolio.col.chosen"): t("portfolio.yes") if f.id in chosen else t("portfolio.no"),
            t("portfolio.col.reason"): reasons.get(f.id, ""),
            t("portfolio.col.npv_base", year=choice.base_year): format_amount(f.npv_base),
            t("col.drift"): format_amount(f.drift),
            t("portfolio.col.innovation"): format_amount(f.innovation),
            t("col.anlaeg"): format_amount(f.anlaeg),
            t("col.net_permanent"): format_amount(f.net_permanent),
            t("col.fte"): format_number(f.fte, 1),
            t("col.payback"): payback_text(f.payback_years),
        }
        for f in choice.cases
    ]
    return pd.DataFrame(rows)


def budget_frame(choice: Choice) -> pd.DataFrame:
    """Per pool: the limit (total or per year), the use, what is left, and which limits bind."""
    rows = []
    for use in choice.budget:
        if isinstance(use.limit, Mapping):
            limit = ", ".join(f"{y}: {format_amount(v)}" for y, v in sorted(use.limit.items()))
            left = min(v - use.used_by_year.get(y, 0.0) for y, v in use.limit.items()) if use.limit else None
        else:
            limit = t("portfolio.no_limit") if use.limit is None else format_amount(use.limit)
            left = None if use.limit is None else use.limit - use.used
        binding = ", ".join(t("total") if b == "total" else b for b in use.binding)
        rows.append(
            {
                t("portfolio.col.pool"): t(f"portfolio.pool.{use.pool}"),
                t("portfolio.col.limit"): limit,
                t("portfolio.col.used"): format_amount(use.used),
                t("portfolio.col.left"): "" if left is None else format_amount(left),
                t("portfolio.col.binding"): binding,
            }
        )
    return pd.DataFrame(rows)


def budget_chart(choice: Choice) -> alt.LayerChart:
    """Use per pool and year (bars) against the per-year limits (black ticks), 1.000 kr."""
    pools = {pool: t(f"portfolio.pool.{pool}") for pool in POOLS}
    # the years in which a pool is used or limited
    shown = {y for u in choice.budget for y, v in u.used_by_year.items() if abs(v) > 1e-9}
    shown |= {y for u in choice.budget if isinstance(u.limit, Mapping) for y in u.limit}
    used = pd.DataFrame(
        [
            {"pool": pools[u.pool], "year": str(y), "value": v}
            for u in choice.budget
            for y, v in u.used_by_year.items()
            if y in shown
        ],
        columns=["pool", "year", "value"],
    )
    limits = pd.DataFrame(
        [
            {"pool": pools[u.pool], "year": str(y), "value": v}
            for u in choice.budget
            if isinstance(u.limit, Mapping)
            for y, v in u.limit.items()
        ],
        columns=["pool", "year", "value"],
    )
    amount = t("chart.amount")
    x = alt.X("year:O", title=t("chart.year"), axis=alt.Axis(labelAngle=0))
    color = alt.Color("pool:N", title=t("portfolio.col.pool"), legend=alt.Legend(orient="bottom"))
    bars = (
        alt.Chart(used)
        .mark_bar()
        .encode(
            x=x,
            xOffset="pool:N",
            y=alt.Y("value:Q", title=amount, axis=alt.Axis(format=",.0f")),
            color=color,
            tooltip=[
                alt.Tooltip("pool:N", title=t("portfolio.col.pool")),
                "year:O",
                alt.Tooltip("value:Q", title=amount, format=",.0f"),
            ],
        )
    )
    ticks = (
        alt.Chart(limits)
        .mark_tick(color="#1f2933", thickness=3, size=18)
        .encode(
            x=x,
            xOffset="pool:N",
            y="value:Q",
            tooltip=[alt.Tooltip("pool:N"), "year:O", alt.Tooltip("value:Q", title=t("portfolio.col.limit"), format=",.0f")],
        )
    )
    return alt.layer(bars, ticks).properties(height=300).configure(locale=DANISH_LOCALE)


def bundles_frame(choice: Choice) -> pd.DataFrame:
    """Each funded case with its prerequisites, as one flow series."""
    return pd.DataFrame(
        [
            {
                t("portfolio.col.bundle"): " + ".join(b.ids),
                t("col.payback"): payback_text(b.payback_years),
                t("portfolio.col.npv_base", year=choice.base_year): format_amount(b.npv),
                t("col.net_permanent"): format_amount(b.net_permanent),
            }
            for b in choice.bundles
        ]
    )


def next_million_frame(choice: Choice) -> pd.DataFrame:
    """What 1 mio. kr. more in each limit would change."""
    rows = []
    for m in choice.next_million:
        change = ", ".join([*(f"+{c}" for c in m.added), *(f"−{c}" for c in m.removed)]) or t("portfolio.no_change")
        rows.append(
            {
                t("portfolio.col.pool"): t(f"portfolio.pool.{m.pool}") + (f" {m.year}" if m.year is not None else ""),
                t("portfolio.col.change"): change,
                t("portfolio.col.value"): _value(choice, m.value),
                t("portfolio.col.gain"): _value(choice, m.gain),
            }
        )
    return pd.DataFrame(rows)


def xlsx(choice: Choice) -> bytes:
    """The choice as an Excel workbook, with this language's reasons."""
    reasons = {e.id: reason_text(e, choice.options.objective) for e in choice.not_chosen}
    return choice_xlsx(choice, reasons=reasons)
