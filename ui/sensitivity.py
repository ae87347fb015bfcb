"""The Følsomhed page's parts: its session keys, cached analyses, tables, charts and editors.

The analyses are :mod:`model.uncertainty` and :mod:`model.optimism`; this
module caches them on immutable inputs (the case's YAML text, the frozen
settings, plain values), turns their results into tables of Danish text
(:func:`ui.widgets.show_table`) and charts (:mod:`ui.charts`), and draws the
editors whose values the page keeps: the ranges and the optimism table.

Session keys (all ``sens.``): ``sens.ranges`` ``{case id: {assumption:
(low, high)}}`` the ranges the user set (None: the default); ``sens.optimism``
the :class:`model.OptimismBias` fields the user changed (every page reads
them through ``ui.state.optimism_bias``); ``sens.limits`` the threshold per
key figure; ``sens.draws``, ``sens.seed``, ``sens.distribution`` the Monte
Carlo settings. ``ui.state.reset_all`` clears them (``ui.state.SENS_CHANGES``).
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Mapping
from functools import partial

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from model import (
    Case,
    KPIs,
    Settings,
    case_to_yaml,
    format_amount,
    format_fixed,
    format_number,
    format_percent_da,
    parse_case,
    vary_anyway,
)
from model import parse_number as parse_danish
from model.optimism import DEFAULT_OPTIMISM_BIAS, GRADES, OptimismBias
from model.uncertainty import (
    DEFAULT_DRAWS,
    DISTRIBUTIONS,
    MAX_DRAWS,
    MAX_SEED,
    MonteCarlo,
    Range,
    SwitchingValues,
    Threshold,
    Tornado,
    block_sizes,
    monte_carlo_block,
    range_problem,
    ranges,
    switching_values,
    tornado,
    with_ranges,
)

from . import state
from .charts import histogram_chart, tornado_chart
from .i18n import t
from .widgets import bound, choice, md, number_input, show_table, stored

__all__ = [
    "DEFAULT_LIMITS",
    "DEFAULT_SEED",
    "KPIS",
    "SWITCHING_NUMBERS",
    "TORNADO_NUMBERS",
    "USE_OPTIMISM",
    "axis",
    "deterministic",
    "histogram",
    "kpi_frame",
    "limit_text",
    "limits",
    "monte_carlo",
    "monte_carlo_inputs",
    "optimism_section",
    "percentile_frame",
    "ranges_section",
    "show",
    "switching_cached",
    "switching_frame",
    "threshold_input",
    "tornado_cached",
    "tornado_figure",
    "tornado_frame",
    "with_user_ranges",
]

# The keys of what the user changes here; ui.state names them once, as "reset all" clears them.
RANGES, RANGE_ERROR, OPTIMISM, LIMITS, DRAWS, SEED, DISTRIBUTION, VARY_ANYWAY = state.SENS_CHANGES
_LOW_TEXT, _HIGH_TEXT = state.SENS_TYPED
#: A view choice (kept by "reset all"): run the analyses on the case with optimism bias.
USE_OPTIMISM = "sens.use_optimism"

#: The key figures the page analyses, in the order of its picker.
KPIS = ("net_permanent", "payback", "npv")
DEFAULT_LIMITS = {"net_permanent": 0.0, "payback": 6.0, "npv": 0.0}
DEFAULT_SEED = 1
#: Right-aligned (number) columns of the page's tables, by their i18n key.
TORNADO_NUMBERS = ("sens.col.low", "sens.col.high", "sens.col.at_low", "sens.col.at_high", "sens.col.swing")
SWITCHING_NUMBERS = ("sens.col.base", "sens.col.switch", "sens.col.change")
_MAX_BARS = 15
_LABEL_CHARS = 42  # long assumption labels would squeeze the tornado's bars


# --- Cached model calls (immutable inputs: the case's YAML, frozen Settings, plain values) -----------


@st.cache_data(show_spinner=False, max_entries=256)
def tornado_cached(case_yaml: str, settings: Settings, kpi: str) -> Tornado:
    """:func:`model.uncertainty.tornado` of the case in ``case_yaml``, cached."""
    return tornado(parse_case(case_yaml), settings, kpi)


@st.cache_data(show_spinner=False, max_entries=256)
def switching_cached(case_yaml: str, settings: Settings, kpi: str, limit: float) -> SwitchingValues:
    """:func:`model.uncertainty.switching_values` for ``kpi`` against ``limit``, cached."""
    return switching_values(parse_case(case_yaml), Threshold(kpi, limit), settings)


@st.cache_data(show_spinner=False, max_entries=400)
def _mc_block(case_yaml: str, settings: Settings, distribution: str, seed: int, block: int, size: int) -> dict[str, np.ndarray]:
    """One block of 10.000 draws; a run of N draws is its blocks, so each is cached on its own."""
    return monte_carlo_block(parse_case(case_yaml), settings, block=block, size=size, seed=seed, distribution=distribution)


def monte_carlo(case: Case, settings: Settings, distribution: str, seed: int, n: int) -> MonteCarlo:
    """:func:`model.uncertainty.monte_carlo`, block by cached block, with a progress bar for long runs."""
    case_yaml = case_to_yaml(case)
    sizes = block_sizes(n)
    bar = st.progress(0.0, text=t("sens.mc.progress", done=0, n=format_number(n, 0))) if len(sizes) > 1 else None
    parts, done = [], 0
    for block, size in enumerate(sizes):
        parts.append(_mc_block(case_yaml, settings, distribution, seed, block, size))
        done += size
        if bar is not None:
            bar.progress(done / n, text=t("sens.mc.progress", done=format_number(done, 0), n=format_number(n, 0)))
    if bar is not None:
        bar.empty()
    return MonteCarlo.from_blocks(case, parts, seed=seed, distribution=distribution)


# --- Formatting ----------------------------------------------------------------------------------------------


def _years(value: float | None, decimals: int = 1) -> str:
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
    return _years(value) if kpi.startswith("payback") else format_amount(value)


def _value(number: float) -> str:
    return format_number(number, 4)


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
        (t("col.payback"), _years(plain.payback_years, 0), _years(adjusted.payback_years, 0)),
        (t("kpi.payback_exact"), _years(plain.payback_exact), _years(adjusted.payback_exact)),
        (t("kpi.npv"), format_amount(plain.npv), format_amount(adjusted.npv)),
    ]
    return pd.DataFrame(rows, columns=[t("compare.kpi"), t("sens.without_bias"), t("sens.with_bias")])


# --- Thresholds ------------------------------------------------------------------------------------------------


def limits() -> dict[str, float]:
    """The threshold per key figure: the user's, else :data:`DEFAULT_LIMITS`."""
    return {**DEFAULT_LIMITS, **st.session_state.get(LIMITS, {})}


def _set_limit(kpi: str, value: float) -> None:
    Threshold(kpi, float(value))  # refuses what no threshold can be (the widget shows why)
    st.session_state[LIMITS] = {**st.session_state.get(LIMITS, {}), kpi: float(value)}


def threshold_input(kpi: str) -> Threshold:
    """The threshold input of ``kpi`` (whole years for payback); returns the threshold in force."""
    limit = limits()[kpi]
    number_input(
        t(f"sens.threshold.{kpi}.label"),
        key=f"sens.limit.{kpi}",
        value=limit,
        commit=partial(_set_limit, kpi),
        minimum=0 if kpi == "payback" else None,
        maximum=200 if kpi == "payback" else None,
        integer=kpi == "payback",
        help=t(f"sens.threshold.{kpi}.help"),
    )
    return Threshold(kpi, limit)


# --- Ranges --------------------------------------------------------------------------------------------------


def _user_ranges(case_id: str) -> dict[str, tuple[float | None, float | None]]:
    return st.session_state.setdefault(RANGES, {}).get(case_id, {})


def _vary_anyway(case_id: str, case: Case) -> list[str]:
    known = {a.name for a in case.assumptions}
    return [name for name in st.session_state.get(VARY_ANYWAY, {}).get(case_id, []) if name in known]


def _set_vary_anyway(case_id: str, widget_key: str) -> None:
    st.session_state[VARY_ANYWAY] = {**st.session_state.get(VARY_ANYWAY, {}), case_id: list(st.session_state[widget_key])}


def with_user_ranges(case_id: str, case: Case) -> tuple[Case, set[str], list[str]]:
    """The case with the user's ranges, their names, and the labels of those that no longer fit its values (left out).

    Constants the case file holds fixed (``vary: false``) are varied only if
    the user asked for them on this page (:func:`model.vary_anyway`).
    """
    case = vary_anyway(case, _vary_anyway(case_id, case))
    by_name = {a.name: a for a in case.assumptions}
    kept, stale = {}, []
    for name, (low, high) in _user_ranges(case_id).items():
        if name not in by_name or range_problem(by_name[name], low, high):
            stale.append(by_name[name].label if name in by_name else name)
        else:
            kept[name] = (low, high)
    return with_ranges(case, kept), set(kept), stale


def _range_widget_keys(case_id: str, name: str) -> tuple[str, str]:
    return f"{_LOW_TEXT}{case_id}.{name}", f"{_HIGH_TEXT}{case_id}.{name}"


def _save_range(case_id: str, case: Case, name: str) -> None:
    texts = [st.session_state.get(key, "") for key in _range_widget_keys(case_id, name)]
    try:
        low, high = (parse_danish(text) if text.strip() else None for text in texts)
    except ValueError:
        st.session_state[RANGE_ERROR] = t("sens.range.not_number")
        return
    problem = range_problem(case.assumption(name), low, high)
    if problem:
        code, fields = problem
        shown = {k: (t(f"sens.end.{v}") if k == "end" else _value(float(v))) for k, v in fields.items()}
        st.session_state[RANGE_ERROR] = t(f"sens.range.problem.{code}", **shown)
        return
    store = st.session_state.setdefault(RANGES, {})
    st.session_state[RANGES] = {**store, case_id: {**store.get(case_id, {}), name: (low, high)}}
    st.session_state.pop(RANGE_ERROR, None)


def _reset_range(case_id: str, name: str) -> None:
    store = st.session_state.setdefault(RANGES, {})
    st.session_state[RANGES] = {**store, case_id: {k: v for k, v in store.get(case_id, {}).items() if k != name}}
    st.session_state.pop(RANGE_ERROR, None)
    for key in _range_widget_keys(case_id, name):
        st.session_state.pop(key, None)


def _source(r: Range, user: bool) -> str:
    if r.fixed:
        return t("sens.range.fixed")
    text = t("sens.range.user") if user else t("sens.range.default") if r.is_default else t("sens.range.case")
    if r.is_default and not (r.low_is_default and r.high_is_default):
        text = t("sens.range.partly_default")
    text += f" · {t('sens.range.clipped')}" if r.clipped else ""
    return text + (f" · {t(f'domain.range.base_at_{r.base_at_end}')}" if r.base_at_end else "")


def _end(number: float, default: bool) -> str:
    return _value(number) + (" *" if default else "")


def ranges_section(case_id: str, case: Case, applied: set[str]) -> None:
    """The ranges table (``applied``: the assumptions whose range the user set here) and the range editor."""
    rows = [
        {
            t("sens.col.assumption"): r.label,
            t("sens.col.unit"): r.unit,
            t("sens.col.low"): _end(r.low, r.low_is_default and not r.fixed),
            t("sens.col.base"): _value(r.base),
            t("sens.col.high"): _end(r.high, r.high_is_default and not r.fixed),
            t("sens.col.range"): _source(r, r.name in applied),
        }
        for r in ranges(case)
    ]
    show_table(pd.DataFrame(rows), right=[t("sens.col.low"), t("sens.col.base"), t("sens.col.high")], key="sens.ranges_table")
    st.caption(md(t("sens.range.legend")))

    released = _vary_anyway(case_id, case)
    constants = [a.name for a in case.assumptions if not a.vary or a.name in released]
    if constants:
        names = {a.name: a.label for a in case.assumptions}
        widget_key = f"input.sens.vary_anyway.{case_id}"
        st.session_state[widget_key] = released
        st.multiselect(
            t("domain.vary_anyway"),
            constants,
            format_func=names.__getitem__,
            key=widget_key,
            on_change=_set_vary_anyway,
            args=(case_id, widget_key),
            help=t("domain.vary_anyway.help"),
        )
    varying = [r for r in ranges(case) if not r.fixed]
    if not varying:
        return
    labels = {r.name: f"{r.label} ({r.unit})" for r in varying}
    st.markdown(f"**{t('sens.range.edit')}**")
    name = choice(
        st.selectbox, t("sens.range.pick"), list(labels), key=f"sens.range_pick.{case_id}", default=varying[0].name, labels=labels
    )
    r = next(r for r in varying if r.name == name)
    low_key, high_key = _range_widget_keys(case_id, name)
    cols = st.columns([2, 2, 2, 2], vertical_alignment="bottom")
    cols[0].text_input(t("sens.col.low"), value=format_number(r.low, 6), key=low_key, help=t("sens.range.blank_help"))
    cols[1].text_input(t("sens.col.high"), value=format_number(r.high, 6), key=high_key, help=t("sens.range.blank_help"))
    cols[2].button(
        t("sens.range.save"), on_click=_save_range, args=(case_id, case, name), key="sens.range_save", icon=":material/check:"
    )
    cols[3].button(
        t("sens.range.reset"),
        on_click=_reset_range,
        args=(case_id, name),
        key="sens.range_reset",
        disabled=name not in _user_ranges(case_id),
        icon=":material/undo:",
    )
    error = st.session_state.get(RANGE_ERROR)
    if error:
        st.error(error)


# --- Tornado ---------------------------------------------------------------------------------------------------


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
            "input": f"{_value(x)} {b.range.unit}",
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
            at_low += f" ({_years(w.kpi_low, 0)})"
            at_high += f" ({_years(w.kpi_high, 0)})"
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
                t("sens.col.low"): _value(b.range.low),
                t("sens.col.high"): _value(b.range.high),
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
            bad = "-" if row.non_finite_at is None else _value(row.non_finite_at)
            note = t(f"sens.reason.{row.reason}", low=_value(low), high=_value(high), at=bad)
        else:
            note = t("sens.switch.checked") if row.verified else t("sens.switch.unchecked")
            if row.other is not None:
                note += " · " + t("sens.switch.other", value=_value(row.other))
        rows.append(
            {
                t("sens.col.assumption"): row.range.label,
                t("sens.col.unit"): row.range.unit,
                t("sens.col.base"): _value(row.range.base),
                t("sens.col.switch"): t("sens.na") if row.value is None else _value(row.value),
                t("sens.col.change"): "" if row.change is None else format_percent_da(row.change, 1),
                t("sens.col.note"): note,
            }
        )
    return pd.DataFrame(rows)


# --- Monte Carlo -----------------------------------------------------------------------------------------------


def _set(key: str, value: object) -> None:
    st.session_state[key] = value


def _new_seed() -> None:
    st.session_state[SEED] = secrets.randbelow(1_000_000)
    inputs = st.session_state.get(state.INPUTS, {})
    st.session_state[state.INPUTS] = {k: v for k, v in inputs.items() if k != SEED}


def monte_carlo_inputs() -> tuple[str, int, int]:
    """The distribution, number of draws and seed inputs (and "new seed"); returns the three in force."""
    cols = st.columns([3, 2, 2, 1], vertical_alignment="bottom")
    with cols[0]:
        distribution = choice(
            st.segmented_control,
            t("sens.mc.distribution"),
            DISTRIBUTIONS,
            key=DISTRIBUTION,
            default="pert",
            labels={d: t(f"sens.mc.{d}") for d in DISTRIBUTIONS},
            required=True,
            help=t("sens.mc.distribution.help"),
        )
    n, seed = int(stored(DRAWS, DEFAULT_DRAWS)), int(stored(SEED, DEFAULT_SEED))
    inputs = (
        (DRAWS, n, 1, MAX_DRAWS, t("sens.mc.draws"), t("sens.mc.draws.help", most=format_number(MAX_DRAWS, 0))),
        (SEED, seed, 0, MAX_SEED, t("sens.mc.seed"), t("sens.mc.seed.help")),
    )
    for col, (key, value, least, most, label, help_text) in zip(cols[1:], inputs, strict=False):
        with col:
            number_input(
                label,
                key=key,
                value=value,
                commit=partial(_set, key),
                minimum=least,
                maximum=most,
                integer=True,
                decimals=0,
                help=help_text,
            )
    cols[3].button(t("sens.mc.new_seed"), on_click=_new_seed, key="sens.mc.new_seed", icon=":material/casino:")
    return distribution, n, seed


def deterministic(kpis: KPIs) -> dict[str, float | None]:
    """The key figures of the case itself, by :data:`KPIS` name (payback interpolated, as the draws are)."""
    return {"net_permanent": kpis.net_permanent, "payback": kpis.payback_exact, "npv": kpis.npv}


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


# --- Optimism bias -----------------------------------------------------------------------------------------------


def _set_bias(field: str, value: float | str) -> None:
    """Keep one changed :class:`OptimismBias` field; ``ValueError`` (the widget shows it) if impossible."""
    changed = {**st.session_state.get(OPTIMISM, {}), field: value}
    OptimismBias(**changed)
    st.session_state[OPTIMISM] = changed


def _reset_bias() -> None:
    st.session_state.pop(OPTIMISM, None)
    inputs = st.session_state.get(state.INPUTS, {})
    st.session_state[state.INPUTS] = {k: v for k, v in inputs.items() if not k.startswith("sens.bias.")}


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
                    key=f"sens.bias.{kind}_{grade}",
                    value=share(grade),
                    commit=partial(_set_bias, f"{kind}_{grade}"),
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
        **bound("sens.bias.default_grade", bias.default_grade, save=partial(_set_bias, "default_grade")),
    )
    cols[1].button(
        t("sens.bias.reset"),
        on_click=_reset_bias,
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
