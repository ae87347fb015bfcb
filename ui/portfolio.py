"""The Portefølje page's state, inputs and views: budgets, objective, prerequisites, the answer.

What the user sets lives in session state under keys that start with
``portfolio.`` (:class:`Keys`), so it survives page switches and "reset all"
clears it (``ui.state.reset_all``):

- the cases to choose among (default: the overview's), their prerequisites
  and alternative groups (default: the case files'; a variant ``I4-v1`` is an
  alternative to ``I4``), edited here for the session;
- per pool a budget mode (none, a total, per year) and its amounts
  (1.000 kr.; the default amount is what all the cases need, so a new limit
  binds only when the user lowers it);
- the objective and an optional payback limit.

The choice itself is :func:`model.choose` on the cases as the scenario has
them (changed assumptions apply).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial

import streamlit as st

from model import OBJECTIVES, POOLS, CaseResult, ChoiceOptions, PoolBudget, PortfolioScenario, pool_need

from . import state
from .i18n import t
from .keys import PORTFOLIO
from .widgets import bound, case_names, choice, number_input, stored

__all__ = [
    "KEYS",
    "MODES",
    "alternative_groups",
    "budget_inputs",
    "candidates",
    "objective_inputs",
    "options",
    "prerequisite_editor",
    "requirements",
    "restore",
    "scenario",
]

_VARIANT = re.compile(r"^(.+)-v\d+$")
MODES = ("none", "total", "year")


#: The page's session-state keys (``ui.keys.PORTFOLIO``).
KEYS = PORTFOLIO


# --- Which cases, and what depends on what ----------------------------------------------------------


def candidates() -> list[str]:
    """The cases to choose among: the user's pick on this page, else the overview's cases."""
    ids = state.case_ids()
    picked = st.multiselect(
        t("portfolio.cases"),
        ids,
        format_func=case_names(ids, 40).__getitem__,
        help=t("portfolio.cases.help"),
        **bound(KEYS.cases, stored(KEYS.cases, state.included_case_ids(), lambda v: set(v) <= set(ids))),
    )
    return [cid for cid in ids if cid in picked]


def requirements(ids: Sequence[str]) -> dict[str, list[str]]:
    """``{case: [required ids]}`` for ``ids``: the session's edits, else the case files'."""
    edited = st.session_state.get(KEYS.requires, {})
    return {cid: list(edited.get(cid, state.current_case(cid).requires)) for cid in ids}


def _default_group(case_id: str, ids: Sequence[str]) -> str:
    own = state.current_case(case_id).alternative_group
    if own:
        return own
    root = _VARIANT.match(case_id)
    if root and root.group(1) in ids:
        return root.group(1)
    if any(_VARIANT.match(other) and _VARIANT.match(other).group(1) == case_id for other in ids):
        return case_id
    return ""


def alternative_groups(ids: Sequence[str]) -> dict[str, list[str]]:
    """``{group: [case ids]}`` for ``ids``: the session's edits, else the files' (and variants with their case)."""
    edited = st.session_state.get(KEYS.groups, {})
    groups: dict[str, list[str]] = {}
    for cid in ids:
        name = edited.get(cid, _default_group(cid, ids)).strip()
        if name:
            groups.setdefault(name, []).append(cid)
    return {name: members for name, members in groups.items() if len(members) > 1}


def _set_requires(case_id: str, value: list[str]) -> None:
    st.session_state[KEYS.requires] = {**st.session_state.get(KEYS.requires, {}), case_id: list(value)}


def _set_group(case_id: str, value: str) -> None:
    st.session_state[KEYS.groups] = {**st.session_state.get(KEYS.groups, {}), case_id: value.strip()[:100]}


def prerequisite_editor(ids: Sequence[str], expanded: bool) -> None:
    """Per case: the cases it requires and its alternative group, editable for the session."""
    everything = state.case_ids()
    requires = requirements(ids)
    group_of = {cid: name for name, members in alternative_groups(ids).items() for cid in members}
    with st.expander(t("portfolio.prerequisites"), expanded=expanded, icon=":material/account_tree:"):
        st.caption(t("portfolio.prerequisites.help"))
        for cid in ids:
            left, middle, right = st.columns([1, 4, 2], vertical_alignment="bottom")
            left.markdown(f"**{cid}**")
            middle.multiselect(
                t("portfolio.requires", case=cid),
                [other for other in everything if other != cid],
                **bound(KEYS.requires_input(cid), requires[cid], save=partial(_set_requires, cid)),
            )
            right.text_input(
                t("portfolio.group", case=cid),
                max_chars=100,
                **bound(KEYS.group_input(cid), group_of.get(cid, ""), save=partial(_set_group, cid)),
            )
            source = state.current_case(cid).requires_source
            if source and cid not in st.session_state.get(KEYS.requires, {}):
                st.caption(t("portfolio.requires.source", source=source))


# --- Budgets, objective, payback limit ------------------------------------------------------------


def _store(key: str, value: float) -> None:
    st.session_state[key] = float(value)


def budget_inputs(results: Sequence[CaseResult]) -> None:
    """Per pool: no limit, a total, or a limit per year, as Danish numbers (1.000 kr.)."""
    labels = {mode: t(f"portfolio.mode.{mode}") for mode in MODES}
    for column, pool in zip(st.columns(len(POOLS)), POOLS, strict=True):
        with column:
            need = pool_need(results)[pool]
            mode = choice(
                st.segmented_control,
                t(f"portfolio.pool.{pool}"),
                MODES,
                key=KEYS.mode(pool),
                default="none",
                labels=labels,
                required=True,
            )
            if mode == "total":
                number_input(
                    t("portfolio.budget.total"),
                    key=KEYS.total(pool),
                    value=stored(KEYS.total(pool), sum(need.values())),
                    commit=partial(_store, KEYS.total(pool)),
                    minimum=0,
                    decimals=0,
                )
            elif mode == "year":
                for year in sorted(need):
                    number_input(
                        t("portfolio.budget.year", year=year),
                        key=KEYS.year(pool, year),
                        value=stored(KEYS.year(pool, year), need[year]),
                        commit=partial(_store, KEYS.year(pool, year)),
                        minimum=0,
                        decimals=0,
                    )


def scenario() -> PortfolioScenario:
    """What the user set on the page, as :class:`model.PortfolioScenario` (what a saved scenario keeps)."""
    budgets = {}
    session = st.session_state.to_dict()  # once: each pass over the session state copies it
    for pool in POOLS:
        mode = stored(KEYS.mode(pool), "none", lambda v: v in MODES)
        total = session.get(KEYS.total(pool))
        prefix = KEYS.years_prefix(pool)
        years = {
            int(k[len(prefix) :]): float(v) for k, v in session.items() if k.startswith(prefix) and k[len(prefix) :].isdigit()
        }
        if mode != "none" or total is not None or years:
            budgets[pool] = PoolBudget(mode=mode, total=total, years=years)
    payback = stored(KEYS.payback, "none")
    return PortfolioScenario(
        cases=st.session_state.get(KEYS.cases),
        requires=dict(st.session_state.get(KEYS.requires, {})),
        groups=dict(st.session_state.get(KEYS.groups, {})),
        budgets=budgets,
        objective=stored(KEYS.objective, "npv", lambda v: v in OBJECTIVES),
        max_payback=None if payback == "none" else int(payback),
    )


def restore(saved: PortfolioScenario | None) -> None:
    """Put a saved scenario's portfolio settings into the session (None: the page's defaults)."""
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(KEYS.prefix)]:
        del st.session_state[key]
    if saved is None:
        return
    if saved.cases is not None:
        st.session_state[KEYS.cases] = list(saved.cases)
    st.session_state[KEYS.requires] = {c: list(v) for c, v in saved.requires.items()}
    st.session_state[KEYS.groups] = dict(saved.groups)
    st.session_state[KEYS.objective] = saved.objective
    st.session_state[KEYS.payback] = "none" if saved.max_payback is None else str(saved.max_payback)
    for pool, budget in saved.budgets.items():
        st.session_state[KEYS.mode(pool)] = budget.mode
        if budget.total is not None:
            st.session_state[KEYS.total(pool)] = budget.total
        for year, amount in budget.years.items():
            st.session_state[KEYS.year(pool, year)] = amount


def options(results: Sequence[CaseResult]) -> ChoiceOptions:
    """The objective, budgets and payback limit the user set, as :class:`model.ChoiceOptions`."""
    return scenario().options(pool_need(results))


def objective_inputs() -> None:
    """The objective (segmented control) and the payback limit (select box)."""
    left, right = st.columns([3, 1])
    with left:
        choice(
            st.segmented_control,
            t("portfolio.objective"),
            OBJECTIVES,
            key=KEYS.objective,
            default="npv",
            labels={o: t(f"portfolio.objective.{o}") for o in OBJECTIVES},
            required=True,
            help=t("portfolio.objective.help"),
        )
    with right:
        limits = ("none", *(str(n) for n in range(1, 21)))
        choice(
            st.selectbox,
            t("portfolio.max_payback"),
            limits,
            key=KEYS.payback,
            default="none",
            labels={"none": t("portfolio.max_payback.none"), **{str(n): t("years", years=n) for n in range(1, 21)}},
            help=t("portfolio.max_payback.help"),
        )
