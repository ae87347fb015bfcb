"""Følsomhed: ranges, tornado, switching values, Monte Carlo and optimism bias for one case.

Everything runs on the case as the user has changed it (``ui.state.current_case``)
with the ranges set here. The analyses are :mod:`model.uncertainty` and
:mod:`model.optimism`; this page reads the session, calls them (cached on the
case's YAML text and the settings) and draws the results.

Session keys (all ``sens.``): ``sens.ranges`` ``{case id: {assumption:
(low, high)}}`` the ranges the user set (None: the default); ``sens.optimism``
the :class:`model.OptimismBias` fields the user changed (every page reads
them through ``ui.state.optimism_bias``);
``sens.limits`` the threshold per key figure; ``sens.draws``, ``sens.seed``,
``sens.distribution`` the Monte Carlo settings.
"""

from __future__ import annotations

import math
import secrets
from functools import partial

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from model import Case, EvaluationError, Settings, case_to_yaml, format_amount, format_number, format_percent_da, parse_case
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
from ui import state
from ui.charts import DANISH_LOCALE
from ui.i18n import t
from ui.widgets import bound, md, number_input, show_table, stored

RANGES = state.RANGES  # "sens.ranges"; like every user change here, cleared by ui.state.reset_all
RANGE_ERROR = "sens.range_error"
OPTIMISM = state.OPTIMISM  # "sens.optimism": the changed OptimismBias fields, read by ui.state.optimism_bias
USE_OPTIMISM = "sens.use_optimism"
LIMITS = "sens.limits"
DRAWS = "sens.draws"
SEED = "sens.seed"
DISTRIBUTION = "sens.distribution"

KPIS = ("net_permanent", "payback", "npv")
DEFAULT_LIMITS = {"net_permanent": 0.0, "payback": 6.0, "npv": 0.0}
DEFAULT_SEED = 1
_LOW, _HIGH, _BASE = "#c0392b", "#1f5fa8", "#1f2933"
_MAX_BARS = 15
_LABEL_CHARS, _LABEL_PX = 42, 250  # long assumption labels would squeeze the bars


def _short(label: str) -> str:
    return label if len(label) <= _LABEL_CHARS else label[: _LABEL_CHARS - 1].rstrip() + "…"


# --- Cached model calls (immutable inputs: the case's YAML, frozen Settings, plain values) -----------


@st.cache_data(show_spinner=False, max_entries=256)
def _tornado(case_yaml: str, settings: Settings, kpi: str) -> Tornado:
    return tornado(parse_case(case_yaml), settings, kpi)


@st.cache_data(show_spinner=False, max_entries=256)
def _switching(case_yaml: str, settings: Settings, kpi: str, limit: float) -> SwitchingValues:
    return switching_values(parse_case(case_yaml), Threshold(kpi, limit), settings)


@st.cache_data(show_spinner=False, max_entries=400)
def _mc_block(case_yaml: str, settings: Settings, distribution: str, seed: int, block: int, size: int) -> dict[str, np.ndarray]:
    """One block of 10.000 draws; a run of N draws is its blocks, so each is cached on its own."""
    return monte_carlo_block(parse_case(case_yaml), settings, block=block, size=size, seed=seed, distribution=distribution)


# --- Formatting ----------------------------------------------------------------------------------------------


def _years(value: float | None, decimals: int = 1) -> str:
    """Interpolated payback years: ``5,9 år``; "aldrig" for inf; "-" for none."""
    if value is None or math.isnan(value):
        return "-"
    if math.isinf(value):
        return t("sens.never")
    return t("years", years=format_number(value, decimals))


def _show(kpi: str, value: float | None) -> str:
    return _years(value) if kpi.startswith("payback") else format_amount(value)


def _value(number: float) -> str:
    return format_number(number, 4)


def _limit_text(kpi: str, limit: float) -> str:
    shown = t("years", years=format_number(limit, 1)) if kpi == "payback" else format_amount(limit)
    return t(f"sens.threshold.{kpi}", limit=shown)


# --- Ranges --------------------------------------------------------------------------------------------------


def _user_ranges(case_id: str) -> dict[str, tuple[float | None, float | None]]:
    return st.session_state.setdefault(RANGES, {}).get(case_id, {})


def _with_user_ranges(case_id: str, case: Case) -> tuple[Case, set[str], list[str]]:
    """The case with the user's ranges, their names, and the labels of those that no longer fit its values (left out)."""
    by_name = {a.name: a for a in case.assumptions}
    kept, stale = {}, []
    for name, (low, high) in _user_ranges(case_id).items():
        if name not in by_name or range_problem(by_name[name], low, high):
            stale.append(by_name[name].label if name in by_name else name)
        else:
            kept[name] = (low, high)
    return with_ranges(case, kept), set(kept), stale


def _range_widget_keys(case_id: str, name: str) -> tuple[str, str]:
    return f"sens.low.{case_id}.{name}", f"sens.high.{case_id}.{name}"


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
    return text + (f" · {t('sens.range.clipped')}" if r.clipped else "")


def _end(number: float, default: bool) -> str:
    return _value(number) + (" *" if default else "")


def _ranges_section(case_id: str, case: Case, applied: set[str]) -> None:
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

    varying = [r for r in ranges(case) if not r.fixed]
    if not varying:
        return
    labels = {r.name: f"{r.label} ({r.unit})" for r in varying}
    names = list(labels)
    st.markdown(f"**{t('sens.range.edit')}**")
    name = st.selectbox(
        t("sens.range.pick"),
        names,
        format_func=labels.__getitem__,
        **bound(f"sens.range_pick.{case_id}", stored(f"sens.range_pick.{case_id}", names[0], lambda n: n in names)),
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


def _tornado_chart(result: Tornado, title: str, axis_format: str) -> alt.LayerChart | None:
    bars = [b for b in result.bars if not math.isnan(b.swing) and b.swing > 0][:_MAX_BARS]
    if not bars:
        return None
    finite = [v for b in bars for v in (b.kpi_low, b.kpi_high) if math.isfinite(v)] + [result.base]
    spread = (max(finite) - min(finite)) or 1.0
    cap = max(finite) + 0.25 * spread  # where a payback that never comes is drawn
    low_label, high_label = t("sens.end.at_low"), t("sens.end.at_high")
    rows = []
    for b in bars:
        label = _short(b.range.label) + (" *" if b.range.is_default else "")
        for end, figure, x in ((low_label, b.kpi_low, b.range.low), (high_label, b.kpi_high, b.range.high)):
            rows.append(
                {
                    "label": label,
                    "full": b.range.label,
                    "end": end,
                    "start": result.base,
                    "stop": cap if math.isinf(figure) else figure,
                    "figure": _show(result.kpi, figure),
                    "input": f"{_value(x)} {b.range.unit}",
                }
            )
    data = pd.DataFrame(rows)
    order = list(dict.fromkeys(data["label"]))
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=_LABEL_PX))
    x = alt.X("start:Q", title=title, axis=alt.Axis(format=axis_format), scale=alt.Scale(zero=False, nice=True))
    color = alt.Color(
        "end:N",
        title=None,
        scale=alt.Scale(domain=[low_label, high_label], range=[_LOW, _HIGH]),
        legend=alt.Legend(orient="bottom"),
    )
    tooltip = [
        alt.Tooltip("full:N", title=t("sens.col.assumption")),
        alt.Tooltip("end:N", title=t("sens.col.end")),
        alt.Tooltip("input:N", title=t("sens.col.value")),
        alt.Tooltip("figure:N", title=title),
    ]
    chart = alt.Chart(data).mark_bar(opacity=0.85).encode(y=y, x=x, x2="stop:Q", color=color, tooltip=tooltip)
    base = alt.Chart(pd.DataFrame({"base": [result.base]})).mark_rule(color=_BASE, strokeWidth=2).encode(x="base:Q")
    height = 26 * len(order) + 60
    return alt.layer(chart, base).properties(height=height, width="container").configure(locale=DANISH_LOCALE)


def _tornado_frame(result: Tornado, whole: Tornado | None) -> pd.DataFrame:
    whole_by_name = {b.range.name: b for b in whole.bars} if whole is not None else {}
    rows = []
    for b in result.bars:
        at_low, at_high = _show(result.kpi, b.kpi_low), _show(result.kpi, b.kpi_high)
        if b.range.name in whole_by_name:  # payback: the whole years beside the interpolated figure
            w = whole_by_name[b.range.name]
            at_low += f" ({_years(w.kpi_low, 0)})"
            at_high += f" ({_years(w.kpi_high, 0)})"
        if math.isnan(b.swing):
            swing = t("sens.na")
        elif math.isinf(b.swing):
            swing = t("sens.never")
        else:
            swing = format_number(b.swing, 2) if result.kpi == "payback" else format_amount(b.swing)
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


def _switching_frame(result: SwitchingValues) -> pd.DataFrame:
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


def _set_limit(kpi: str, value: float) -> None:
    Threshold(kpi, float(value))  # refuses what no threshold can be (the widget shows why)
    st.session_state[LIMITS] = {**st.session_state.get(LIMITS, {}), kpi: float(value)}


def _new_seed() -> None:
    st.session_state[SEED] = secrets.randbelow(1_000_000)
    inputs = st.session_state.get(state.INPUTS, {})
    st.session_state[state.INPUTS] = {k: v for k, v in inputs.items() if k != SEED}


def _run(case: Case, settings: Settings, distribution: str, seed: int, n: int) -> MonteCarlo:
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


def _histogram(result: MonteCarlo, kpi: str, title: str, axis_format: str, deterministic: float) -> alt.LayerChart | None:
    hist = result.histogram(kpi)
    if hist.empty:
        return None
    p10, p50, p90 = result.percentiles(kpi)
    bars = (
        alt.Chart(hist)
        .mark_bar(color="#7a9cc6", opacity=0.85, binSpacing=0)
        .encode(
            x=alt.X("start:Q", bin="binned", title=title, axis=alt.Axis(format=axis_format)),
            x2="end:Q",
            y=alt.Y("share:Q", title=t("sens.mc.share"), axis=alt.Axis(format=".0%")),
            tooltip=[
                alt.Tooltip("start:Q", title=t("sens.mc.from"), format=axis_format),
                alt.Tooltip("end:Q", title=t("sens.mc.to"), format=axis_format),
                alt.Tooltip("share:Q", title=t("sens.mc.share"), format=".1%"),
            ],
        )
    )
    marks = pd.DataFrame(
        [
            {"mark": name, "value": value}
            for name, value in (("P10", p10), ("P50", p50), ("P90", p90), (t("sens.mc.deterministic"), deterministic))
            if math.isfinite(value)
        ]
    )
    domain = ["P10", "P50", "P90", t("sens.mc.deterministic")]
    rules = (
        alt.Chart(marks)
        .mark_rule(strokeWidth=2, strokeDash=[5, 3])
        .encode(
            x="value:Q",
            color=alt.Color(
                "mark:N",
                title=None,
                scale=alt.Scale(domain=domain, range=["#9aa5b1", "#1f2933", "#9aa5b1", _LOW]),
                legend=alt.Legend(orient="bottom", columns=2),
            ),
            tooltip=[alt.Tooltip("mark:N", title=""), alt.Tooltip("value:Q", title=title, format=axis_format)],
        )
    )
    return alt.layer(bars, rules).properties(height=240, width="container").configure(locale=DANISH_LOCALE)


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


def _optimism_section(case: Case, bias: OptimismBias) -> None:
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
    grade_names = {g: t(f"sens.grade.{g}") for g in GRADES}
    cols = st.columns([3, 2], vertical_alignment="bottom")
    cols[0].selectbox(
        t("sens.bias.default_grade"),
        GRADES,
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
        grade = line.confidence or bias.default_grade
        shown = grade_names[grade] if line.confidence else t("sens.bias.ungraded", grade=grade_names[grade])
        rows.append(
            {
                t("sens.col.line"): line.name,
                t("sens.col.grade"): shown,
                t("sens.bias.cost_factor"): "× " + format_number(1 + bias.cost_uplift(line.confidence), 3),
                t("sens.bias.saving_factor"): "× " + format_number(1 - bias.saving_reduction(line.confidence), 3),
            }
        )
    factors = [t("sens.bias.cost_factor"), t("sens.bias.saving_factor")]
    show_table(pd.DataFrame(rows), right=factors, key="sens.bias.lines")


# --- The page --------------------------------------------------------------------------------------------------

st.title(t("sens.title"))
st.caption(t("sens.caption"))

ids = state.case_ids()
if not ids:
    st.info(t("overview.no_cases", folder=str(state.cases_folder())))
    st.stop()
names = {cid: f"{cid} · {state.document_case(cid).title[:70]}" for cid in ids}
case_id = st.selectbox(
    t("case.pick"), ids, format_func=names.__getitem__, **bound("sens.case", stored("sens.case", ids[0], lambda c: c in ids))
)
settings = state.settings()
current = state.current_case(case_id)
if state.overrides(case_id):
    st.caption(t("sens.changed_values", count=len(state.overrides(case_id))))
bias = state.optimism_bias()
case, applied, stale = _with_user_ranges(case_id, current)
if stale:
    st.warning(t("sens.range.stale", names=md(", ".join(stale))))

try:
    plain = state.evaluate_cached(case, settings).kpis
    adjusted_result = state.evaluate_with_optimism(case, settings, bias)
    adjusted = adjusted_result.kpis
except (EvaluationError, ValueError) as exc:
    st.error(t("case.eval_error"))
    st.code(str(exc), language=None, wrap_lines=True)
    st.stop()

# Key figures, without and with optimism bias
st.subheader(t("sens.kpis"))
kpi_rows = [
    (t("kpi.net_permanent"), format_amount(plain.net_permanent), format_amount(adjusted.net_permanent)),
    (t("kpi.payback"), _years(plain.payback_years, 0), _years(adjusted.payback_years, 0)),
    (t("kpi.payback_exact"), _years(plain.payback_exact, 2), _years(adjusted.payback_exact, 2)),
    (t("kpi.npv"), format_amount(plain.npv), format_amount(adjusted.npv)),
]
show_table(
    pd.DataFrame(kpi_rows, columns=[t("compare.kpi"), t("sens.without_bias"), t("sens.with_bias")]),
    right=[t("sens.without_bias"), t("sens.with_bias")],
    key="sens.kpi_table",
)
use_bias = st.toggle(t("sens.use_bias"), help=t("sens.use_bias.help"), **bound(USE_OPTIMISM, stored(USE_OPTIMISM, False)))
analysed = adjusted_result.case if use_bias else case
analysed_yaml = case_to_yaml(analysed)
base_kpis = adjusted if use_bias else plain

kpi_names = {k: t(f"sens.kpi.{k}") for k in KPIS}
kpi = st.segmented_control(
    t("sens.kpi"),
    KPIS,
    format_func=kpi_names.__getitem__,
    required=True,
    **bound("sens.kpi", stored("sens.kpi", "npv", lambda k: k in KPIS)),
)
limits = {**DEFAULT_LIMITS, **st.session_state.get(LIMITS, {})}
number_input(
    t(f"sens.threshold.{kpi}.label"),
    key=f"sens.limit.{kpi}",
    value=limits[kpi],
    commit=partial(_set_limit, kpi),
    minimum=0 if kpi == "payback" else None,
    maximum=200 if kpi == "payback" else None,
    integer=kpi == "payback",
    help=t(f"sens.threshold.{kpi}.help"),
)
threshold = Threshold(kpi, limits[kpi])
title = kpi_names[kpi] + (f" ({t('sens.unit.years')})" if kpi == "payback" else f" ({t('unit.tkr')})")
axis_format = ",.1f" if kpi == "payback" else ",.0f"

tabs = st.tabs([t("sens.tab.tornado"), t("sens.tab.switching"), t("sens.tab.mc"), t("sens.tab.ranges"), t("sens.tab.bias")])

with tabs[0]:
    result = _tornado(analysed_yaml, settings, kpi)
    whole = _tornado(analysed_yaml, settings, "payback_years") if kpi == "payback" else None
    st.caption(t(f"sens.tornado.caption.{kpi}", base=_show(kpi, result.base)))
    left, right = st.columns([1, 1], gap="large")
    chart = _tornado_chart(result, title, axis_format)
    with left:
        if chart is None:
            st.info(t("sens.tornado.none"))
        else:
            st.altair_chart(chart, width="stretch", key="sens.tornado_chart")
    with right:
        show_table(
            _tornado_frame(result, whole),
            right=[t("sens.col.low"), t("sens.col.high"), t("sens.col.at_low"), t("sens.col.at_high"), t("sens.col.swing")],
            key="sens.tornado_table",
        )
    st.caption(md(t("sens.range.legend")))

with tabs[1]:
    switching = _switching(analysed_yaml, settings, kpi, threshold.limit)
    shown_limit = _limit_text(kpi, threshold.limit)
    base_text = _show(kpi, switching.base_kpi)
    if switching.meets_at_base:
        st.success(t("sens.switch.meets", threshold=shown_limit, value=base_text))
    else:
        st.warning(t("sens.switch.fails", threshold=shown_limit, value=base_text))
    if not switching.any_found:
        st.info(t("sens.switch.none_found", threshold=shown_limit))
    show_table(
        _switching_frame(switching),
        right=[t("sens.col.base"), t("sens.col.switch"), t("sens.col.change")],
        key="sens.switching_table",
    )
    st.caption(t("sens.switch.method"))

with tabs[2]:
    distribution_names = {d: t(f"sens.mc.{d}") for d in DISTRIBUTIONS}
    cols = st.columns([3, 2, 2, 1], vertical_alignment="bottom")
    with cols[0]:
        distribution = st.segmented_control(
            t("sens.mc.distribution"),
            DISTRIBUTIONS,
            format_func=distribution_names.__getitem__,
            required=True,
            help=t("sens.mc.distribution.help"),
            **bound(DISTRIBUTION, stored(DISTRIBUTION, "pert", lambda d: d in DISTRIBUTIONS)),
        )
    n = int(stored(DRAWS, DEFAULT_DRAWS))
    seed = int(stored(SEED, DEFAULT_SEED))
    with cols[1]:
        number_input(
            t("sens.mc.draws"),
            key=DRAWS,
            value=n,
            commit=partial(_set, DRAWS),
            minimum=1,
            maximum=MAX_DRAWS,
            integer=True,
            decimals=0,
            help=t("sens.mc.draws.help", most=format_number(MAX_DRAWS, 0)),
        )
    with cols[2]:
        number_input(
            t("sens.mc.seed"),
            key=SEED,
            value=seed,
            commit=partial(_set, SEED),
            minimum=0,
            maximum=MAX_SEED,
            integer=True,
            decimals=0,
            help=t("sens.mc.seed.help"),
        )
    cols[3].button(t("sens.mc.new_seed"), on_click=_new_seed, key="sens.mc.new_seed", icon=":material/casino:")
    mc = _run(analysed, settings, distribution, seed, n)
    st.caption(t("sens.mc.summary", n=format_number(mc.n, 0), seed=seed, distribution=distribution_names[distribution]))
    if mc.n_invalid:
        st.warning(t("sens.mc.invalid", count=format_number(mc.n_invalid, 0), n=format_number(mc.n, 0)))
    metrics = st.columns(3)
    for col, key in zip(metrics, ("payback", "npv", "net_permanent"), strict=True):
        probability = mc.probability(Threshold(key, limits[key]))
        col.metric(
            t("sens.mc.probability", threshold=_limit_text(key, limits[key])),
            format_percent_da(probability, 1),
            border=True,
        )
    never = mc.share_never()
    if never > 0:
        st.caption(t("sens.mc.never", share=format_percent_da(never, 1)))
    deterministic = {"net_permanent": base_kpis.net_permanent, "payback": base_kpis.payback_exact, "npv": base_kpis.npv}
    rows = []
    for key in KPIS:
        p10, p50, p90 = mc.percentiles(key)
        figure = deterministic[key]
        rows.append(
            {
                t("compare.kpi"): kpi_names[key],
                "P10": _show(key, p10),
                "P50": _show(key, p50),
                "P90": _show(key, p90),
                t("sens.mc.mean"): _show(key, mc.mean(key)) if key != "payback" or never == 0 else "-",
                t("sens.mc.deterministic"): _show(key, figure),  # "-" where there is no payback, as in the documents
            }
        )
    numbers = ["P10", "P50", "P90", t("sens.mc.mean"), t("sens.mc.deterministic")]
    show_table(pd.DataFrame(rows), right=numbers, key="sens.mc_table")
    st.caption(t("sens.mc.percentile_note"))
    charts = st.columns(3)
    for col, key in zip(charts, KPIS, strict=True):
        axis = ",.1f" if key == "payback" else ",.0f"
        figure = deterministic[key]
        histogram = _histogram(mc, key, kpi_names[key], axis, math.inf if figure is None else figure)
        with col:
            if histogram is None:
                st.info(t("sens.mc.no_histogram"))
            else:
                st.altair_chart(histogram, width="stretch", key=f"sens.hist.{key}")

with tabs[3]:
    st.caption(t("sens.range.caption"))
    _ranges_section(case_id, case, applied)

with tabs[4]:
    _optimism_section(case, bias)
