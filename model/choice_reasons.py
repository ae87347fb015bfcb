"""Why a case is not funded: judged by adding it, with what it requires, to the optimal choice.

In this order, the first that applies: ``payback`` (it does not pay back
within the limit, even with its prerequisites, and no funded case carries
it), ``alternative`` (a case of its alternative group is funded),
``prerequisite`` (a case it requires is blocked by an alternative that is
funded), ``no_value`` (it would add nothing to the objective, with its
prerequisites not yet funded), ``budget`` (it would break a budget limit,
named with the use it would reach). Amounts in 1.000 kr.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .danish import format_amount, format_number

if TYPE_CHECKING:  # model.choice imports this module; these are only types here
    from .choice import ChoiceOptions
    from .choice import _Problem as Problem

__all__ = ["Exclusion", "explain"]


@dataclass(frozen=True)
class Exclusion:
    """Why a case is not funded: ``code`` is budget | prerequisite | payback | alternative | no_value.

    ``params`` holds the figures the reason names (for translations);
    ``text`` is the reason in English with Danish-formatted numbers.
    """

    id: str
    code: str
    text: str
    params: Mapping[str, object]


#: A gain this share of the choice's value or less adds nothing (solver round-off).
_NO_GAIN = 1e-9


def _limit_name(pool: str, year: int | None) -> str:
    return f"{pool} {year}" if year is not None else f"{pool} (total)"


def explain(problem: Problem, chosen: np.ndarray, i: int, options: ChoiceOptions) -> Exclusion:
    """Why case ``i`` is out, judged by adding it (and what it requires, if not funded) to the choice."""
    figures = problem.figures
    case = figures[i]
    index = {f.id: k for k, f in enumerate(figures)}
    rescued = dict(problem.only_with)
    if i in rescued:
        years = case.payback_with_prerequisites
        shown = "never pays back" if years is None else f"pays back in {years} years"
        extra = " with its prerequisites" if problem.closure[case.id] else ""
        text = f"payback limit: {shown}{extra} (limit {options.max_payback})"
        params = {"years": years, "limit": options.max_payback, "cases": ", ".join(problem.closure[case.id])}
        return Exclusion(case.id, "payback", text, params)
    for group in problem.groups:
        if i in group:
            rivals = [figures[k].id for k in group if chosen[k] and k != i]
            if rivals:
                return Exclusion(case.id, "alternative", f"alternative chosen: {', '.join(rivals)}", {"cases": ", ".join(rivals)})
    missing = [c for c in problem.closure[case.id] if not chosen[index[c]]]
    adding = np.array(chosen, dtype=bool)
    adding[[i, *(index[c] for c in missing)]] = True
    # i is within the payback limit here, so it would carry its prerequisites past theirs.
    blocked = [c for c in missing if any(index[c] in g and adding[list(g)].sum() > 1 for g in problem.groups)]
    if blocked:
        return Exclusion(case.id, "prerequisite", f"prerequisite not chosen: {', '.join(blocked)}", {"cases": ", ".join(blocked)})
    gain = float(problem.values[adding & ~chosen].sum())
    extra = f" with its prerequisite(s) {', '.join(missing)}" if missing else ""
    if gain <= _NO_GAIN * max(1.0, abs(float(problem.values @ chosen))) or not len(problem.rows):
        sign = -1.0 if options.objective == "net_permanent" else 1.0
        shown = sign * gain
        number = format_number(shown, 1) if options.objective == "fte" else format_amount(shown)
        text = f"adds no value: {options.objective} {number}{extra}"
        return Exclusion(case.id, "no_value", text, {"objective": options.objective, "value": shown, "cases": ", ".join(missing)})
    use = problem.usage @ adding
    over = np.flatnonzero(use > problem.limits + 1e-9 * np.maximum(1.0, problem.limits))
    k = int(over[0]) if over.size else int(np.argmax(use - problem.limits))  # the fullest, if none is over
    pool, year = problem.rows[k]
    text = (
        f"budget: {_limit_name(pool, year)} would be {format_amount(use[k])}{extra}, "
        f"over the limit {format_amount(problem.limits[k])}"
    )
    params = {
        "pool": pool,
        "year": year,
        "needed": float(use[k]),
        "limit": float(problem.limits[k]),
        "cases": ", ".join(missing),
    }
    return Exclusion(case.id, "budget", text, params)
