"""The portfolio choice as a 0/1 programme, solved exactly with HiGHS (``scipy.optimize.milp``).

This module knows nothing of cases: it takes numbers and index lists, so a
test can compare it with brute force over every subset. With ``x_i ∈ {0, 1}``
(case ``i`` funded or not) it solves::

    maximise    Σ_i value_i · x_i
    subject to  Σ_i usage_ki · x_i ≤ limit_k        for every budget row k
                x_i ≤ x_j                            for every (i, j) in ``requires``
                Σ_{i ∈ G} x_i ≤ 1                    for every alternative group G
                x_i ≤ Σ_{j ∈ R_i} x_j                for every (i, R_i) in ``only_with``
                                                     (x_i = 0 when R_i is empty)

and, among the choices with that optimal value, takes one with the fewest
cases (a second solve): a case that adds nothing is not funded.
HiGHS's relative MIP gap is set to 0, so the answer is the optimum, not a
near one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # scipy is imported where it is used: ``import model`` (and the app's start) stays light
    from scipy.optimize import LinearConstraint

__all__ = ["MilpAnswer", "solve_choice", "subset_value"]

#: A choice whose value is within this share of the optimum counts as optimal
#: in the second solve (fewest cases); well below a krone on any real portfolio.
_RELATIVE_TOLERANCE = 1e-9
_OPTIONS = {"mip_rel_gap": 0.0, "presolve": True}


@dataclass(frozen=True)
class MilpAnswer:
    """``chosen``: a 0/1 vector over the cases; ``value``: Σ value_i over the chosen.

    ``status`` is "optimal", or "infeasible" (then nothing is chosen) with
    ``message`` saying why.
    """

    chosen: np.ndarray
    value: float
    status: str
    message: str = ""


def _matrix(usage: np.ndarray | Sequence[Sequence[float]], n: int) -> np.ndarray:
    """Budget rows as a (k, n) matrix; no rows at all is (0, n)."""
    array = np.asarray(usage, dtype=float)
    return array.reshape(array.shape[0] if array.ndim == 2 else 0, n)


def _constraints(
    n: int,
    usage: np.ndarray,
    limits: np.ndarray,
    requires: Sequence[tuple[int, int]],
    groups: Sequence[Sequence[int]],
    only_with: Sequence[tuple[int, Sequence[int]]],
) -> tuple[list[LinearConstraint], np.ndarray]:
    from scipy.optimize import LinearConstraint

    rows: list[np.ndarray] = []
    upper: list[float] = []
    for i, j in requires:
        row = np.zeros(n)
        row[i], row[j] = 1.0, -1.0
        rows.append(row)
        upper.append(0.0)
    for group in groups:
        row = np.zeros(n)
        row[list(group)] = 1.0
        rows.append(row)
        upper.append(1.0)
    fixed_zero = np.zeros(n, dtype=bool)
    for i, rescuers in only_with:
        if not rescuers:
            fixed_zero[i] = True
            continue
        row = np.zeros(n)
        row[list(rescuers)] = -1.0
        row[i] = 1.0
        rows.append(row)
        upper.append(0.0)
    constraints: list[LinearConstraint] = []
    if len(usage):
        constraints.append(LinearConstraint(np.asarray(usage, dtype=float), -np.inf, np.asarray(limits, dtype=float)))
    if rows:
        constraints.append(LinearConstraint(np.array(rows), -np.inf, np.array(upper)))
    return constraints, fixed_zero


def solve_choice(
    values: Sequence[float] | np.ndarray,
    usage: np.ndarray | Sequence[Sequence[float]] = (),
    limits: Sequence[float] | np.ndarray = (),
    requires: Sequence[tuple[int, int]] = (),
    groups: Sequence[Sequence[int]] = (),
    only_with: Sequence[tuple[int, Sequence[int]]] = (),
) -> MilpAnswer:
    """The best choice of cases (see the module docstring for the programme).

    ``values``: shape (n,), what each case adds to the objective (maximised).
    ``usage``: shape (k, n), what each case takes of budget row k;
    ``limits``: shape (k,), the rows' limits. ``requires``: pairs (i, j),
    "i needs j". ``groups``: index lists, at most one of each funded.
    ``only_with``: pairs (i, R_i), "i only together with one of R_i".
    """
    from scipy.optimize import Bounds, LinearConstraint, milp

    values = np.asarray(values, dtype=float)
    n = values.size
    if n == 0:
        return MilpAnswer(np.zeros(0, dtype=bool), 0.0, "optimal")
    usage = _matrix(usage, n)
    constraints, fixed_zero = _constraints(n, usage, np.asarray(limits, dtype=float), requires, groups, only_with)
    bounds = Bounds(np.zeros(n), np.where(fixed_zero, 0.0, 1.0))
    integrality = np.ones(n)
    first = milp(-values, integrality=integrality, bounds=bounds, constraints=constraints, options=_OPTIONS)
    if first.status == 2:
        return MilpAnswer(np.zeros(n, dtype=bool), 0.0, "infeasible", "no choice meets every constraint")
    if first.x is None:
        msg = f"the solver stopped without an answer: {first.message}"
        raise RuntimeError(msg)
    best = float(values @ np.round(first.x))
    floor = best - _RELATIVE_TOLERANCE * max(1.0, abs(best))
    second = milp(
        np.ones(n),
        integrality=integrality,
        bounds=bounds,
        constraints=[*constraints, LinearConstraint(values[None, :], floor, np.inf)],
        options=_OPTIONS,
    )
    x = second.x if second.x is not None else first.x
    chosen = np.round(x).astype(bool)
    return MilpAnswer(chosen, float(values[chosen].sum()), "optimal")


def subset_value(
    chosen: np.ndarray,
    values: np.ndarray,
    usage: np.ndarray,
    limits: np.ndarray,
    requires: Sequence[tuple[int, int]] = (),
    groups: Sequence[Sequence[int]] = (),
    only_with: Sequence[tuple[int, Sequence[int]]] = (),
    tolerance: float = 1e-9,
) -> float | None:
    """Σ value over a 0/1 ``chosen`` vector, or None when it breaks a constraint (for checking answers)."""
    chosen = np.asarray(chosen, dtype=bool)
    usage = _matrix(usage, chosen.size)
    if len(usage) and np.any(usage @ chosen > np.asarray(limits) + tolerance * np.maximum(1.0, np.abs(limits))):
        return None
    if any(chosen[i] and not chosen[j] for i, j in requires):
        return None
    if any(chosen[list(group)].sum() > 1 for group in groups):
        return None
    if any(chosen[i] and not chosen[list(rescuers)].any() for i, rescuers in only_with):
        return None
    return float(np.asarray(values, dtype=float)[chosen].sum())
