"""The overview's *Prisniveau* section: the cases at a common price level, and the index behind it.

The user picks a year; every included case is re-indexed to it
(:func:`model.reindex_case`: wage lines by the wage index, price lines by the
price index) and the overview is added up at that level, with each case's
factors and the index's source. Where the index lacks a year, the section
says which and asks for it; the figures typed are kept in
``ui.domain.PRICE_INDEX`` and the completed index can be downloaded as a file
like ``model/data/pl_index.yaml``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from model import (
    INDEX_KINDS,
    Case,
    IndexFactors,
    MissingIndexError,
    PriceIndex,
    format_amount,
    format_number,
    overview,
    parse_number,
    reindex_case,
)
from ui import state
from ui.domain import PRICE_INDEX, PRICE_LEVEL, price_index
from ui.i18n import t
from ui.keys import DOMAIN
from ui.widgets import download, evaluate_all, md, show_table

__all__ = ["LAST_YEAR", "factors_frame", "index_inputs", "price_level_section", "reindexed"]

#: The latest year offered as a common price level.
LAST_YEAR = 2030
_ERRORS = DOMAIN.price_index_errors


def reindexed(cases: Sequence[Case], index: PriceIndex, year: int) -> tuple[list[Case], list[IndexFactors]]:
    """Every case at ``year``'s level and the factors used; :class:`model.MissingIndexError` names missing years."""
    moved = [reindex_case(case, index, year) for case in cases]
    return [c for c, _ in moved], [f for _, f in moved]


def factors_frame(cases: Sequence[Case], factors: Sequence[IndexFactors]) -> pd.DataFrame:
    """One row per case: id, its own price level, the target year, the wage and the price factor."""

    def shown(value: float | None) -> str:
        return "–" if value is None else format_number(value, 4)

    return pd.DataFrame(
        [
            {
                t("col.case"): case.id,
                t("price.col.from"): str(f.from_year),
                t("price.col.to"): str(f.year),
                t("price.col.wage"): shown(f.wage_factor),
                t("price.col.price"): shown(f.price_factor),
            }
            for case, f in zip(cases, factors, strict=True)
        ]
    )


def _typed(year: int, kind: str) -> str:
    value = st.session_state.get(PRICE_INDEX, {}).get(year, (None, None))[INDEX_KINDS.index(kind)]
    return "" if value is None else format_number(value, 2)


def _on_change(year: int, kind: str, widget_key: str) -> None:
    text = str(st.session_state[widget_key]).strip()
    errors = {**st.session_state.get(_ERRORS, {})}
    errors.pop(widget_key, None)
    value: float | None = None
    if text:
        try:
            value = parse_number(text)
            PriceIndex("check", **{kind: {year: value}})
        except ValueError:
            errors[widget_key] = text
            st.session_state[_ERRORS] = errors
            return
    store = dict(st.session_state.get(PRICE_INDEX, {}))
    pair = list(store.get(year, (None, None)))
    pair[INDEX_KINDS.index(kind)] = value
    if pair == [None, None]:
        store.pop(year, None)
    else:
        store[year] = tuple(pair)
    st.session_state[PRICE_INDEX] = store
    st.session_state[_ERRORS] = errors


def index_inputs(years: Sequence[int], shipped: PriceIndex) -> None:
    """Wage and price change (percent, Danish numbers) per year; blank: not known. Years from the file are shown too."""
    errors = st.session_state.get(_ERRORS, {})
    for year in years:
        cols = st.columns([1, 2, 2], vertical_alignment="bottom")
        cols[0].markdown(f"**{year}**")
        for col, kind in zip(cols[1:], INDEX_KINDS, strict=True):
            key = f"input.price.{kind}.{year}"
            own = _typed(year, kind)
            from_file = getattr(shipped, kind).get(year)
            text = errors.get(key, own if own or from_file is None else format_number(from_file, 2))
            if st.session_state.get(key) != text:
                st.session_state[key] = text
            col.text_input(
                t(f"price.input.{kind}"),
                key=key,
                on_change=_on_change,
                args=(year, kind, key),
                placeholder=t("price.input.blank"),
            )
            if key in errors:
                col.caption(f":red[{md(t('price.input.bad', text=errors[key]))}]")


def price_level_section(cases: Sequence[Case], heading: bool = True) -> None:
    """The section: year choice, the overview at that level with factors and source, the index inputs.

    ``heading``: False where the section's title is already shown (an expander labelled with it)."""
    if heading:
        st.subheader(t("price.title"))
    st.caption(t("price.caption"))
    if not cases:
        return
    first = min(c.price_level for c in cases)
    options = [None, *range(first, LAST_YEAR + 1)]
    chosen = st.session_state.get(PRICE_LEVEL)
    key = "input.price.level"
    if st.session_state.get(key) != chosen:
        st.session_state[key] = chosen if chosen in options else None
    year = st.selectbox(
        t("price.level"),
        options,
        format_func=lambda y: t("price.level.own") if y is None else str(y),
        key=key,
        on_change=lambda: st.session_state.__setitem__(PRICE_LEVEL, st.session_state[key]),
    )
    if year is None:
        return
    index = price_index()
    try:
        moved, factors = reindexed(cases, index, year)
    except MissingIndexError as exc:
        st.warning(t("price.missing", years=", ".join(str(y) for y in exc.years), case=exc.case or ""), icon=":material/warning:")
        moved, factors = None, None
    if moved is not None and factors is not None:
        settings = state.settings()
        results = list(evaluate_all({c.id: c for c in moved}, settings).values())
        table = overview(results, allow_mixed_price_levels=True)
        rows = [*table.rows, *([table.total] if table.total else [])]
        frame = pd.DataFrame(
            [
                {
                    t("col.case"): r.id,
                    t("kpi.drift"): format_amount(r.drift),
                    t("kpi.anlaeg"): format_amount(r.anlaeg),
                    t("kpi.net_permanent"): format_amount(r.net_permanent),
                    t("kpi.npv"): format_amount(r.npv),
                }
                for r in rows
            ]
        )
        numbers = [t(k) for k in ("kpi.drift", "kpi.anlaeg", "kpi.net_permanent", "kpi.npv")]
        show_table(frame, right=numbers, bold_rows=[len(rows) - 1] if table.total else [], key="price.overview")
        st.caption(t("price.unit", year=year))
        show_table(
            factors_frame(cases, factors),
            right=[t("price.col.wage"), t("price.col.price")],
            key="price.factors",
        )
    st.caption(t("price.source", source=md(index.source)))
    low, high = sorted((first, year))
    with st.expander(t("price.edit"), expanded=moved is None):
        index_inputs(list(range(low + 1, high + 1)), _shipped_only(index))
        download(
            t("price.download"),
            index.to_yaml().encode("utf-8"),
            "pl_index.yaml",
            "application/yaml",
            key="price.download",
            help=t("price.download.help"),
        )


def _shipped_only(index: PriceIndex) -> PriceIndex:
    """The index as the file gives it (the user's own entries are shown from session state)."""
    own = st.session_state.get(PRICE_INDEX, {})
    return index.with_years({year: (None, None) for year in own})
