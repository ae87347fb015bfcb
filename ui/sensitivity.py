"""The Følsomhed page's editors: threshold, ranges, Monte Carlo settings and the optimism table.

Each widget keeps what the user sets through :mod:`ui.sensitivity_state`
(session keys :data:`ui.keys.SENS`); the results are drawn by
:mod:`ui.sensitivity_tables`.
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from model import (
    DEFAULT_DRAWS,
    DEFAULT_OPTIMISM_BIAS,
    DISTRIBUTIONS,
    GRADES,
    MAX_DRAWS,
    MAX_SEED,
    Case,
    OptimismBias,
    Range,
    Threshold,
    format_number,
    format_value,
    ranges,
)

from .i18n import t
from .keys import SENS, widget
from .sensitivity_state import (
    DEFAULT_SEED,
    limits,
    new_seed,
    released,
    reset_bias,
    reset_range,
    save_range,
    set_bias,
    set_limit,
    set_released,
    set_value,
    user_ranges,
)
from .widgets import bound, choice, md, number_input, show_table, stored

__all__ = ["monte_carlo_inputs", "optimism_section", "ranges_section", "threshold_input"]


def threshold_input(kpi: str) -> Threshold:
    """The threshold input of ``kpi`` (whole years for payback); returns the threshold in force."""
    limit = limits()[kpi]
    number_input(
        t(f"sens.threshold.{kpi}.label"),
        key=SENS.limit(kpi),
        value=limit,
        commit=partial(set_limit, kpi),
        minimum=0 if kpi == "payback" else None,
        maximum=200 if kpi == "payback" else None,
        integer=kpi == "payback",
        help=t(f"sens.threshold.{kpi}.help"),
    )
    return Threshold(kpi, limit)


def _source(r: Range, user: bool) -> str:
    if r.fixed:
        return t("sens.range.fixed")
    text = t("sens.range.user") if user else t("sens.range.default") if r.is_default else t("sens.range.case")
    if r.is_default and not (r.low_is_default and r.high_is_default):
        text = t("sens.range.partly_default")
    text += f" · {t('sens.range.clipped')}" if r.clipped else ""
    return text + (f" · {t(f'domain.range.base_at_{r.base_at_end}')}" if r.base_at_end else "")


def ranges_section(case_id: str, case: Case, applied: set[str]) -> None:
    """The ranges table (``applied``: the assumptions whose range the user set here) and the range editor."""
    rows = [
        {
            t("sens.col.assumption"): r.label,
            t("sens.col.unit"): r.unit,
            t("sens.col.low"): format_value(r.low, r.unit) + (" *" if r.low_is_default and not r.fixed else ""),
            t("sens.col.base"): format_value(r.base, r.unit),
            t("sens.col.high"): format_value(r.high, r.unit) + (" *" if r.high_is_default and not r.fixed else ""),
            t("sens.col.range"): _source(r, r.name in applied),
        }
        for r in ranges(case)
    ]
    show_table(pd.DataFrame(rows), right=[t("sens.col.low"), t("sens.col.base"), t("sens.col.high")], key="sens.ranges_table")
    st.caption(md(t("sens.range.legend")))

    chosen = released(case_id, case)
    constants = [a.name for a in case.assumptions if not a.vary or a.name in chosen]
    if constants:
        names = {a.name: a.label for a in case.assumptions}
        widget_key = widget(SENS.vary_anyway_input(case_id))
        st.session_state[widget_key] = chosen
        st.multiselect(
            t("domain.vary_anyway"),
            constants,
            format_func=names.__getitem__,
            key=widget_key,
            on_change=set_released,
            args=(case_id, widget_key),
            help=t("domain.vary_anyway.help"),
        )
    varying = [r for r in ranges(case) if not r.fixed]
    if not varying:
        return
    labels = {r.name: f"{r.label} ({r.unit})" for r in varying}
    st.markdown(f"**{t('sens.range.edit')}**")
    name = choice(
        st.selectbox, t("sens.range.pick"), list(labels), key=SENS.range_pick(case_id), default=varying[0].name, labels=labels
    )
    r = next(r for r in varying if r.name == name)
    low_key, high_key = SENS.range_inputs(case_id, name)
    cols = st.columns([2, 2, 2, 2], vertical_alignment="bottom")
    cols[0].text_input(t("sens.col.low"), value=format_value(r.low, r.unit), key=low_key, help=t("sens.range.blank_help"))
    cols[1].text_input(t("sens.col.high"), value=format_value(r.high, r.unit), key=high_key, help=t("sens.range.blank_help"))
    cols[2].button(
        t("sens.range.save"), on_click=save_range, args=(case_id, case, name), key="sens.range_save", icon=":material/check:"
    )
    cols[3].button(
        t("sens.range.reset"),
        on_click=reset_range,
        args=(case_id, name),
        key="sens.range_reset",
        disabled=name not in user_ranges(case_id),
        icon=":material/undo:",
    )
    error = st.session_state.get(SENS.range_error)
    if error:
        st.error(error)


def monte_carlo_inputs() -> tuple[str, int, int]:
    """The distribution, number of draws and seed inputs (and "new seed"); returns the three in force."""
    cols = st.columns([3, 2, 2, 1], vertical_alignment="bottom")
    with cols[0]:
        distribution = choice(
            st.segmented_control,
            t("sens.mc.distribution"),
            DISTRIBUTIONS,
            key=SENS.distribution,
            default="pert",
            labels={d: t(f"sens.mc.{d}") for d in DISTRIBUTIONS},
            required=True,
            help=t("sens.mc.distribution.help"),
        )
    n, seed = int(stored(SENS.draws, DEFAULT_DRAWS)), int(stored(SENS.seed, DEFAULT_SEED))
    inputs = (
        (SENS.draws, n, 1, MAX_DRAWS, t("sens.mc.draws"), t("sens.mc.draws.help", most=format_number(MAX_DRAWS, 0))),
        (SENS.seed, seed, 0, MAX_SEED, t("sens.mc.seed"), t("sens.mc.seed.help")),
    )
    for col, (key, value, least, most, label, help_text) in zip(cols[1:], inputs, strict=False):
        with col:
            number_input(
                label,
                key=key,
                value=value,
                commit=partial(set_value, key),
                minimum=least,
                maximum=most,
                integer=True,
                decimals=0,
                help=help_text,
            )
    cols[3].button(t("sens.mc.new_seed"), on_click=new_seed, key="sens.mc.new_seed", icon=":material/casino:")
    return distribution, n, seed


def optimism_section(case: Case, bias: OptimismBias) -> None:
    """The optimism table (uplift per grade, editable), the default grade, and the factor per line of ``case``."""
    st.caption(t("sens.bias.caption"))
    header = st.columns([2, 3, 3])
    header[1].markdown(f"**{t('sens.bias.cost')}**")
    header[2].markdown(f"**{t('sens.bias.saving')}**")
    # (field prefix, label, share on the grade, largest percentage): costs up to the Green Book's 200 %.
    kinds = (("cost", t("sens.bias.cost"), bias.cost_uplift, 200), ("saving", t("sens.bias.saving"), bias.saving_reduction, 100))
    for grade in GRADES:
        cols = st.columns([2, 3, 3], vertical_alignment="center")
        cols[0].markdown(t(f"sens.grade.{grade}"))
        for col, (kind, label, share, most) in zip(cols[1:], kinds, strict=True):
            with col:
                number_input(
                    label,
                    key=SENS.bias(f"{kind}_{grade}"),
                    value=share(grade),
                    commit=partial(set_bias, f"{kind}_{grade}"),
                    minimum=0,
                    maximum=most,
                    scale=100.0,
                    decimals=1,
                    label_visibility="collapsed",
                )
    grade_names: dict[str | None, str] = {None: t("sens.bias.not_graded"), **{g: t(f"sens.grade.{g}") for g in GRADES}}
    cols = st.columns([3, 2], vertical_alignment="bottom")
    cols[0].selectbox(
        t("sens.bias.default_grade"),
        [None, *GRADES],
        format_func=grade_names.__getitem__,
        help=t("sens.bias.default_grade.help"),
        **bound(SENS.bias("default_grade"), bias.default_grade, save=partial(set_bias, "default_grade")),
    )
    cols[1].button(
        t("sens.bias.reset"),
        on_click=reset_bias,
        disabled=bias == DEFAULT_OPTIMISM_BIAS,
        key="sens.bias.reset",
        icon=":material/restart_alt:",
    )
    st.caption(t("sens.bias.source"))
    rows = []
    for line in case.lines:
        if line.confidence:
            shown = grade_names[line.confidence]
        elif bias.default_grade is None:
            shown = t("sens.bias.not_graded")
        else:
            shown = t("sens.bias.ungraded", grade=grade_names[bias.default_grade])
        rows.append(
            {
                t("col.line"): line.name,
                t("sens.col.grade"): shown,
                t("sens.bias.cost_factor"): "× " + format_number(1 + bias.cost_uplift(line.confidence), 3),
                t("sens.bias.saving_factor"): "× " + format_number(1 - bias.saving_reduction(line.confidence), 3),
            }
        )
    factors = [t("sens.bias.cost_factor"), t("sens.bias.saving_factor")]
    show_table(pd.DataFrame(rows), right=factors, key="sens.bias.lines")
