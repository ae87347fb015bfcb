"""The *Arbejdskraft* page's parts: årsværk freed and kept per case, against a shortage the user sets.

Pure helpers (``labour_frame``, ``labour_chart``) build the table and the
chart from model results; ``labour_inputs`` draws the absence and shortage
inputs and keeps what the user set in ``ui.domain.LABOUR``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd
import streamlit as st

from model import SHORTAGE_REFERENCES, Labour, LabourFigures, format_number, portfolio_labour
from ui.charts import DANISH_LOCALE
from ui.domain import LABOUR, labour, shortage
from ui.i18n import t
from ui.keys import DOMAIN
from ui.widgets import md, number_input

__all__ = ["COLUMNS", "explain", "labour_chart", "labour_frame", "labour_inputs", "shortage_chart"]

#: The table's number columns, by i18n key.
COLUMNS = (
    "labour.col.freed",
    "labour.col.freed_net",
    "labour.col.kept",
    "labour.col.kept_net",
    "labour.col.total",
    "labour.col.share",
)


def _set(field: str, value: float) -> None:
    changed = {**st.session_state.get(LABOUR, {}), field: value}
    if field == "absence_days":
        Labour(hours_per_fte=labour().hours_per_fte, absence_days=value)  # ValueError: the input shows it
    st.session_state[LABOUR] = changed


def _use_reference(persons: float) -> None:
    _set("shortage", persons)


def labour_inputs() -> tuple[Labour, float]:
    """The absence days and the shortage figure (with the seeds' references as one-click choices)."""
    current = labour()
    cols = st.columns(2)
    with cols[0]:
        number_input(
            t("labour.absence_days"),
            key=DOMAIN.absence_days,
            value=current.absence_days,
            commit=lambda v: _set("absence_days", v),
            minimum=0,
            maximum=current.days_per_fte - 1,
            decimals=1,
            help=t("labour.absence_days.help"),
        )
        st.caption(
            t(
                "labour.net_hours",
                gross=format_number(current.hours_per_fte, 0),
                days=format_number(current.absence_days, 1),
                per_day=format_number(current.hours_per_day, 2),
                net=format_number(current.net_hours_per_fte, 2),
            )
        )
    with cols[1]:
        number_input(
            t("labour.shortage"),
            key=DOMAIN.shortage,
            value=shortage(),
            commit=lambda v: _set("shortage", v),
            minimum=1,
            maximum=1_000_000,
            decimals=0,
            help=t("labour.shortage.help"),
        )
        st.caption(t("labour.references"))
        for ref in SHORTAGE_REFERENCES:
            # The quote as text beside a short button: a quote as the button's label was cut at 1.400 px.
            quote, use = st.columns([4, 1], vertical_alignment="center")
            quote.caption(t("labour.reference", persons=format_number(ref.persons, 0), quote=md(ref.quote)))
            use.button(
                t("labour.reference.use", persons=format_number(ref.persons, 0)),
                key=DOMAIN.shortage_reference(ref.key),
                help=ref.source,
                on_click=_use_reference,
                args=(ref.persons,),
                type="tertiary",
            )
    return labour(), shortage()


def labour_frame(figures: Sequence[tuple[str, str, LabourFigures]], persons: float) -> pd.DataFrame:
    """One row per case (id, title, årsværk freed and kept, gross and net, total net, share of the shortage) and "I alt"."""
    keys = ("fte_freed", "fte_freed_net", "fte_kept", "fte_kept_net", "fte_total_net")
    rows = [(case_id, title, *(getattr(f, k) for k in keys)) for case_id, title, f in figures]
    totals = portfolio_labour([f for _, _, f in figures])
    rows.append((t("total"), "", *(totals[k] for k in keys)))
    columns = [t("col.case"), t("col.title"), *(t(key) for key in COLUMNS[:5])]
    frame = pd.DataFrame([[cid, title, *(format_number(v, 1) for v in values)] for cid, title, *values in rows], columns=columns)
    frame[t(COLUMNS[5])] = [format_number(100 * r[6] / persons, 2) + " %" for r in rows]
    return frame


def labour_chart(figures: Sequence[tuple[str, str, LabourFigures]], labels: Mapping[str, str]) -> alt.Chart:
    """Stacked bars per case and for the total: net årsværk freed and net årsværk kept."""
    data = []
    totals = portfolio_labour([f for _, _, f in figures])
    rows = [(case_id, f.fte_freed_net, f.fte_kept_net) for case_id, _, f in figures]
    rows.append((labels["total"], totals["fte_freed_net"], totals["fte_kept_net"]))
    for case, freed, kept in rows:
        data.append({"case": case, "kind": labels["freed"], "value": freed})
        data.append({"case": case, "kind": labels["kept"], "value": kept})
    return _bars(pd.DataFrame(data), [r[0] for r in rows], labels, [labels["freed"], labels["kept"]], ["#1f5fa8", "#2e8b57"])


def shortage_chart(total: float, persons: float, labels: Mapping[str, str]) -> alt.Chart:
    """Two bars on one linear axis: the portfolio's net årsværk (freed + kept) and the shortage the user set."""
    data = pd.DataFrame(
        [
            {"case": labels["total"], "kind": labels["total"], "value": total},
            {"case": labels["shortage"], "kind": labels["shortage"], "value": persons},
        ]
    )
    order = [labels["total"], labels["shortage"]]
    return _bars(data, order, labels, order, ["#1f5fa8", "#c0392b"])


def _bars(frame: pd.DataFrame, order: list[str], labels: Mapping[str, str], kinds: list[str], colours: list[str]) -> alt.Chart:
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("sum(value):Q", title=labels["axis"], axis=alt.Axis(format=",.0f")),
            y=alt.Y("case:N", sort=order, title=None),
            color=alt.Color(
                "kind:N", title=None, scale=alt.Scale(domain=kinds, range=colours), legend=alt.Legend(orient="bottom")
            ),
            tooltip=[
                alt.Tooltip("case:N", title=labels["case"]),
                alt.Tooltip("kind:N", title=" "),
                alt.Tooltip("value:Q", title=labels["axis"], format=",.1f"),
            ],
        )
        .properties(height=36 * len(order) + 60)
        .configure(locale=DANISH_LOCALE)
    )


def explain(persons: float, total: float) -> str:
    """One sentence: the portfolio's net årsværk as a share of the shortage."""
    share = format_number(100 * total / persons, 2)
    return t("labour.summary", total=format_number(total, 1), persons=format_number(persons, 0), share=share)
