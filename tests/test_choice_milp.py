"""The portfolio choice is exact: the MILP's optimum equals brute force over every subset.

Two levels, both with Hypothesis:

- the 0/1 programme alone (:func:`model.choice_milp.solve_choice`): random
  values, budget rows, prerequisite DAGs, alternative groups and "only with"
  rows, up to 12 cases;
- the whole choice (:func:`model.choose`) on generated cases: evaluated by
  the engine, with budgets per pool (total or per year), prerequisite DAGs,
  alternative groups and a payback limit, up to 12 cases.

The brute force here is written independently of the module: it enumerates
all 2^n subsets as a 0/1 matrix and keeps those that satisfy every
constraint, read straight from the problem's definition.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import ChoiceOptions, Settings, choose, evaluate, parse_case
from model.choice_milp import solve_choice, subset_value


def _subsets(n: int) -> np.ndarray:
    """Every subset of n cases as rows of a (2^n, n) 0/1 matrix."""
    return np.array(list(itertools.product([0, 1], repeat=n)), dtype=bool).reshape(2**n, n)


def _brute_force(values, usage, limits, requires, groups, only_with) -> float:
    x = _subsets(len(values))
    ok = np.ones(len(x), dtype=bool)
    for row, limit in zip(usage, limits, strict=True):
        ok &= x @ np.asarray(row, dtype=float) <= limit + 1e-9
    for i, j in requires:
        ok &= ~x[:, i] | x[:, j]
    for group in groups:
        ok &= x[:, list(group)].sum(axis=1) <= 1
    for i, rescuers in only_with:
        ok &= ~x[:, i] | (x[:, list(rescuers)].any(axis=1) if rescuers else False)
    return float((x[ok] @ np.asarray(values, dtype=float)).max())


@st.composite
def _programmes(draw):
    n = draw(st.integers(0, 12))
    values = draw(st.lists(st.integers(-60, 100), min_size=n, max_size=n))
    rows = draw(st.integers(0, 3))
    usage = [draw(st.lists(st.integers(-10, 60), min_size=n, max_size=n)) for _ in range(rows)]
    limits = [draw(st.integers(0, 150)) for _ in range(rows)]
    order = draw(st.permutations(range(n)))  # a DAG: each case may require cases earlier in a random order
    requires = []
    for position in range(n):
        for earlier in range(position):
            if draw(st.integers(0, 9)) == 0:
                requires.append((order[position], order[earlier]))
    free = draw(st.permutations(range(n)))
    groups, start = [], 0
    while start < n and draw(st.booleans()):
        size = draw(st.integers(2, 3))
        if start + size > n:
            break
        groups.append(tuple(free[start : start + size]))
        start += size
    only_with = []
    for i in range(n):
        if draw(st.integers(0, 7)) == 0:
            only_with.append((i, tuple(j for j in range(n) if j != i and draw(st.integers(0, 4)) == 0)))
    return values, usage, limits, requires, groups, only_with


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_programmes())
def test_the_programme_finds_the_brute_force_optimum(programme):
    values, usage, limits, requires, groups, only_with = programme
    answer = solve_choice(values, usage, limits, requires, groups, only_with)
    best = _brute_force(values, usage, limits, requires, groups, only_with)
    assert answer.status == "optimal"
    assert answer.value == pytest.approx(best, abs=1e-6)
    # the answer itself meets every constraint and has the value it claims
    assert subset_value(answer.chosen, np.array(values), usage, np.array(limits), requires, groups, only_with) == (
        pytest.approx(answer.value)
    )


def test_a_case_that_adds_nothing_is_left_out():
    # Case 1 adds 0: both {0} and {0, 1} are optimal (value 5); the fewest cases win.
    answer = solve_choice([5.0, 0.0])
    assert answer.chosen.tolist() == [True, False]


def test_no_cases_is_an_empty_choice():
    answer = solve_choice([])
    assert (answer.chosen.size, answer.value, answer.status) == (0, 0.0, "optimal")


# --- the whole choice on generated cases -------------------------------------------------------


def _case(index: int, start: int, invest: list[int], anlaeg: int, saving: int, innovation: int) -> str:
    """A small case: service investments per year from ``start``, anlæg in its first year, a permanent saving."""
    years = {start + k: amount for k, amount in enumerate(invest)}
    last = start + max(len(invest), 2)
    return f"""
id: C{index}
title: Case {index}
price_level: 2020
first_year: {start}
last_year: {last}
lines:
  - {{name: Besparelse, kind: permanent, area: service, amounts: {{{last}: {-saving}, {last - 1}: {-saving // 2}}}}}
  - {{name: Investering, kind: one_off, area: service, amounts: {years}}}
  - {{name: Anlaeg, kind: one_off, area: anlaeg, amounts: {{{start}: {anlaeg}}}}}
  - {{name: Innovation, kind: one_off, area: service, funding: innovationspulje, amounts: {{{start}: {innovation}}}}}
"""


@st.composite
def _portfolios(draw):
    n = draw(st.integers(1, 12))
    texts = []
    for index in range(n):
        invest = draw(st.lists(st.integers(0, 400), min_size=1, max_size=3))
        texts.append(
            _case(
                index,
                draw(st.integers(2020, 2022)),
                invest,
                draw(st.integers(0, 300)),
                draw(st.integers(-20, 150)),
                draw(st.sampled_from([0, 0, 50])),
            )
        )
    order = draw(st.permutations(range(n)))
    requires = {f"C{i}": [] for i in range(n)}
    for position in range(n):
        for earlier in range(position):
            if draw(st.integers(0, 7)) == 0:
                requires[f"C{order[position]}"].append(f"C{order[earlier]}")
    free = draw(st.permutations(range(n)))
    groups = {}
    if n >= 4 and draw(st.booleans()):
        groups["A"] = [f"C{free[0]}", f"C{free[1]}"]
        groups["B"] = [f"C{free[2]}", f"C{free[3]}", *([f"C{free[4]}"] if n > 4 else [])]
    budgets = {}
    for pool in ("service", "innovation", "anlaeg"):
        kind = draw(st.sampled_from(["none", "total", "year"]))
        if kind == "total":
            budgets[pool] = float(draw(st.integers(0, 1500)))
        elif kind == "year":
            budgets[pool] = {year: float(draw(st.integers(0, 600))) for year in (2020, 2021, 2022)}
    objective = draw(st.sampled_from(["npv", "net_permanent", "fte"]))
    max_payback = draw(st.sampled_from([None, None, 3, 6, 10]))
    return texts, requires, groups, ChoiceOptions(objective=objective, budgets=budgets, max_payback=max_payback)


def _feasible(figures, requires, groups, options, chosen: set[str]) -> bool:
    """Whether funding exactly ``chosen`` meets every rule, from the definitions in model/choice.py's docstring."""
    closure = {}

    def needs(case):
        if case not in closure:
            closure[case] = set(requires[case]).union(*(needs(c) for c in requires[case]))
        return closure[case]

    if any(not needs(c) <= chosen for c in chosen):
        return False
    if any(sum(c in chosen for c in members) > 1 for members in groups.values()):
        return False
    for pool, limit in options.budgets.items():
        if isinstance(limit, dict):
            for year, amount in limit.items():
                if sum(figures[c].pools[pool].get(year, 0.0) for c in chosen) > amount + 1e-9:
                    return False
        elif sum(sum(figures[c].pools[pool].values()) for c in chosen) > limit + 1e-9:
            return False
    if options.max_payback is not None:

        def within(c):
            years = figures[c].payback_with_prerequisites
            return years is not None and years <= options.max_payback

        for c in chosen:
            if not within(c) and not any(within(d) and c in needs(d) for d in chosen):
                return False
    return True


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(_portfolios())
def test_the_choice_equals_brute_force_over_every_subset(portfolio):
    texts, requires, groups, options = portfolio
    results = [evaluate(parse_case(text), Settings()) for text in texts]
    choice = choose(results, options, requires=requires, groups=groups, next_million=False)
    figures = {f.id: f for f in choice.cases}
    ids = list(figures)
    best = 0.0  # the empty choice is always allowed
    sign = -1.0 if options.objective == "net_permanent" else 1.0
    for subset in _subsets(len(ids)):
        chosen = {c for c, take in zip(ids, subset, strict=True) if take}
        if _feasible(figures, requires, groups, options, chosen):
            best = max(best, sum(sign * figures[c].objective(options.objective) for c in chosen))
    assert sign * choice.value == pytest.approx(best, abs=1e-6)
    assert _feasible(figures, requires, groups, options, set(choice.chosen))
    assert {e.id for e in choice.not_chosen} == set(ids) - set(choice.chosen)
    for exclusion in choice.not_chosen:  # each reason is true of the answer
        figure = figures[exclusion.id]
        if exclusion.code == "payback":
            years = figure.payback_with_prerequisites
            assert years is None or years > options.max_payback
        elif exclusion.code == "alternative":
            assert any(exclusion.id in m and set(m) & set(choice.chosen) for m in groups.values())
        elif exclusion.code == "budget":
            assert exclusion.params["needed"] > exclusion.params["limit"]
        else:
            assert exclusion.code in ("prerequisite", "no_value")
