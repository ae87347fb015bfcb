"""Domain settings every page shares: discount-rate presets in the sidebar, labour and price-level state.

Session keys (own values, kept across pages; "reset all" clears the
``scenario.`` ones with the rest):

``scenario.labour``
    ``{"absence_days": float, "shortage": float}``: the absence assumption and
    the shortage figure the labour chart compares with;
``scenario.price_index``
    ``{year: (wage %, price %)}`` the user entered or changed on top of the
    engine's index file;
``scenario.price_level``
    the common price level chosen on the overview (None: the cases' own).
"""

from __future__ import annotations

import streamlit as st

from model import (
    DEFAULT_ABSENCE_DAYS,
    DISCOUNT_PRESETS,
    SHORTAGE_REFERENCES,
    Labour,
    PriceIndex,
    Settings,
    format_percent_da,
    load_price_index,
)
from ui import state
from ui.i18n import t
from ui.keys import DOMAIN, SIDEBAR

__all__ = [
    "LABOUR",
    "PRICE_INDEX",
    "PRICE_LEVEL",
    "discount_presets",
    "labour",
    "price_index",
    "shortage",
]

LABOUR = DOMAIN.labour
PRICE_INDEX = DOMAIN.price_index
PRICE_LEVEL = DOMAIN.price_level


def _use_rate(rate: float) -> None:
    state.set_setting("discount_rate", rate)


def discount_presets(current: Settings) -> None:
    """One button per Finance Ministry rate (with its source as help) under the free entry in the sidebar.

    One under the other: side by side the sidebar cuts their labels.
    """
    for preset in DISCOUNT_PRESETS:
        st.button(
            t("domain.rate_preset", rate=format_percent_da(preset.rate), period=preset.period),
            key=SIDEBAR.rate(preset.key),
            help=preset.source,
            on_click=_use_rate,
            args=(preset.rate,),
            type="primary" if abs(current.discount_rate - preset.rate) < 1e-12 else "secondary",
            width="stretch",
        )


def labour() -> Labour:
    """The labour assumptions: the sidebar's hours per årsværk and the absence days the user set (21,9 until then)."""
    hours = state.settings().hours_per_fte
    days = st.session_state.get(LABOUR, {}).get("absence_days", DEFAULT_ABSENCE_DAYS)
    try:
        return Labour(hours_per_fte=hours, absence_days=days)
    except ValueError:
        return Labour(hours_per_fte=hours)


def shortage() -> float:
    """The shortage figure (persons) the labour chart compares with; the first reference until the user sets one."""
    return float(st.session_state.get(LABOUR, {}).get("shortage", SHORTAGE_REFERENCES[0].persons))


@st.cache_data(show_spinner=False)
def _shipped_index() -> PriceIndex:
    return load_price_index()


def price_index() -> PriceIndex:
    """The engine's index file with the years the user entered or changed in this session."""
    return _shipped_index().with_years(st.session_state.get(PRICE_INDEX, {}))
