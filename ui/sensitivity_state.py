"""The Følsomhed page's state and cached analyses: what the user set there, and the model calls on it.

Session keys: :data:`ui.keys.SENS` (ranges, optimism bias, thresholds, Monte
Carlo settings; "reset all" clears them). The analyses are
:mod:`model.uncertainty` and :mod:`model.optimism`, cached in :mod:`ui.cache`
on the case (hashed by its JSON), the frozen settings and plain values.
"""

from __future__ import annotations

import secrets

import streamlit as st

from model import (
    Case,
    KPIs,
    MonteCarlo,
    OptimismBias,
    Settings,
    Threshold,
    block_sizes,
    format_number,
    format_value,
    range_problem,
    ranges,
    vary_anyway,
    with_ranges,
)
from model import parse_number as parse_danish

from . import state
from .cache import mc_block_cached
from .i18n import t
from .keys import SCENARIO, SENS

__all__ = [
    "DEFAULT_LIMITS",
    "DEFAULT_SEED",
    "KPIS",
    "deterministic",
    "limits",
    "monte_carlo",
    "new_seed",
    "released",
    "reset_bias",
    "reset_range",
    "save_range",
    "set_bias",
    "set_limit",
    "set_released",
    "set_value",
    "user_ranges",
    "value_text",
    "with_user_ranges",
]

#: The key figures the page analyses, in the order of its picker.
KPIS = ("net_permanent", "payback", "npv")
DEFAULT_LIMITS = {"net_permanent": 0.0, "payback": 6.0, "npv": 0.0}
DEFAULT_SEED = 1


def monte_carlo(case: Case, settings: Settings, distribution: str, seed: int, n: int) -> MonteCarlo:
    """:func:`model.monte_carlo`, block by cached block, with a progress bar for long runs; kept for the memo."""
    sizes = block_sizes(n)
    bar = st.progress(0.0, text=t("sens.mc.progress", done=0, n=format_number(n, 0))) if len(sizes) > 1 else None
    parts, done = [], 0
    for block, size in enumerate(sizes):
        parts.append(mc_block_cached(case, settings, distribution, seed, block, size))
        done += size
        if bar is not None:
            bar.progress(done / n, text=t("sens.mc.progress", done=format_number(done, 0), n=format_number(n, 0)))
    if bar is not None:
        bar.empty()
    run = MonteCarlo.from_blocks(case, parts, seed=seed, distribution=distribution)
    # The memo reports the last run of each case while the case's values stay as they were (ui.memo).
    runs = st.session_state.get(SENS.mc_runs, {})
    st.session_state[SENS.mc_runs] = {**runs, case.id: (state.current_case(case.id).model_dump_json(), run)}
    return run


def deterministic(kpis: KPIs) -> dict[str, float | None]:
    """The key figures of the case itself, by :data:`KPIS` name (payback interpolated, as the draws are)."""
    return {"net_permanent": kpis.net_permanent, "payback": kpis.payback_exact, "npv": kpis.npv}


def value_text(number: float) -> str:
    """An assumption's value as the page shows it: Danish, up to 4 decimals."""
    return format_number(number, 4)


# --- Thresholds ------------------------------------------------------------------------------------------------


def limits() -> dict[str, float]:
    """The threshold per key figure: the user's, else :data:`DEFAULT_LIMITS`."""
    return {**DEFAULT_LIMITS, **st.session_state.get(SENS.limits, {})}


def set_limit(kpi: str, value: float) -> None:
    """Keep the user's threshold for ``kpi``; ``UncertaintyError`` (the widget shows it) if no threshold can be it."""
    Threshold(kpi, float(value))
    st.session_state[SENS.limits] = {**st.session_state.get(SENS.limits, {}), kpi: float(value)}


# --- Ranges --------------------------------------------------------------------------------------------------


def user_ranges(case_id: str) -> dict[str, tuple[float | None, float | None]]:
    """The ranges the user set for ``case_id``: ``{assumption: (low, high)}``, None for the default end."""
    return st.session_state.setdefault(SENS.ranges, {}).get(case_id, {})


def released(case_id: str, case: Case) -> list[str]:
    """The constants (``vary: false``) of ``case`` the user asked to vary all the same."""
    known = {a.name for a in case.assumptions}
    return [name for name in st.session_state.get(SENS.vary_anyway, {}).get(case_id, []) if name in known]


def set_released(case_id: str, widget_key: str) -> None:
    """Keep the constants picked in ``widget_key`` as those of ``case_id`` to vary all the same."""
    chosen = list(st.session_state[widget_key])
    st.session_state[SENS.vary_anyway] = {**st.session_state.get(SENS.vary_anyway, {}), case_id: chosen}


def with_user_ranges(case_id: str, case: Case) -> tuple[Case, set[str], list[str]]:
    """The case with the user's ranges, their names, and the labels of those that no longer fit its values (left out).

    Constants the case file holds fixed (``vary: false``) are varied only if
    the user asked for them on this page (:func:`model.vary_anyway`).
    """
    case = vary_anyway(case, released(case_id, case))
    by_name = {a.name: a for a in case.assumptions}
    kept, stale = {}, []
    for name, (low, high) in user_ranges(case_id).items():
        if name not in by_name or range_problem(by_name[name], low, high):
            stale.append(by_name[name].label if name in by_name else name)
        else:
            kept[name] = (low, high)
    return with_ranges(case, kept), set(kept), stale


def save_range(case_id: str, case: Case, name: str) -> None:
    """Keep the range typed for ``name`` (blank: the default end), or the reason it cannot be one."""
    texts = [st.session_state.get(key, "") for key in SENS.range_inputs(case_id, name)]
    shown = next(r for r in ranges(case) if r.name == name)
    try:
        # An end shown rounded to its unit's precision and left as it was keeps its exact value.
        low, high = (
            None if not text.strip() else exact if text.strip() == format_value(exact, shown.unit) else parse_danish(text)
            for text, exact in zip(texts, (shown.low, shown.high), strict=True)
        )
    except ValueError:
        st.session_state[SENS.range_error] = t("sens.range.not_number")
        return
    problem = range_problem(case.assumption(name), low, high)
    if problem:
        code, fields = problem
        shown = {k: (t(f"sens.end.{v}") if k == "end" else value_text(float(v))) for k, v in fields.items()}
        st.session_state[SENS.range_error] = t(f"sens.range.problem.{code}", **shown)
        return
    store = st.session_state.setdefault(SENS.ranges, {})
    st.session_state[SENS.ranges] = {**store, case_id: {**store.get(case_id, {}), name: (low, high)}}
    st.session_state.pop(SENS.range_error, None)


def reset_range(case_id: str, name: str) -> None:
    """Back to the default (or the case's) range for ``name``."""
    store = st.session_state.setdefault(SENS.ranges, {})
    st.session_state[SENS.ranges] = {**store, case_id: {k: v for k, v in store.get(case_id, {}).items() if k != name}}
    st.session_state.pop(SENS.range_error, None)
    for key in SENS.range_inputs(case_id, name):
        st.session_state.pop(key, None)


# --- Monte Carlo and optimism bias -------------------------------------------------------------------------------


def set_value(key: str, value: object) -> None:
    """Keep ``value`` under ``key`` (a Monte Carlo setting)."""
    st.session_state[key] = value


def new_seed() -> None:
    """A random seed (and no typed text left in the seed input)."""
    st.session_state[SENS.seed] = secrets.randbelow(1_000_000)
    inputs = st.session_state.get(SCENARIO.inputs, {})
    st.session_state[SCENARIO.inputs] = {k: v for k, v in inputs.items() if k != SENS.seed}


def set_bias(field: str, value: float | str) -> None:
    """Keep one changed :class:`model.OptimismBias` field; ``ValueError`` (the widget shows it) if impossible."""
    changed = {**st.session_state.get(SENS.optimism, {}), field: value}
    OptimismBias(**changed)
    st.session_state[SENS.optimism] = changed


def reset_bias() -> None:
    """Back to the project's optimism bias (and no typed text left in its inputs)."""
    st.session_state.pop(SENS.optimism, None)
    inputs = st.session_state.get(SCENARIO.inputs, {})
    st.session_state[SCENARIO.inputs] = {k: v for k, v in inputs.items() if not k.startswith(SENS.bias_prefix)}
