"""What depends on what between cases: prerequisites and alternative groups.

A case's ``requires`` names the cases that must be funded for it to work
(I4 needs I1's network); cases sharing an ``alternative_group`` are
alternatives, of which at most one is funded. The portfolio choice
(:mod:`model.choice`) takes both as constraints. This module checks them
across the cases loaded together and answers questions about the graph::

    >>> check_prerequisites({"I1": [], "I4": ["I1"]})
    >>> all_prerequisites({"I1": [], "I4": ["I1"], "X": ["I4"]})["X"]
    ('I1', 'I4')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from graphlib import CycleError, TopologicalSorter

from .schema import Case

__all__ = [
    "PrerequisiteError",
    "all_prerequisites",
    "alternative_groups",
    "check_prerequisites",
    "prerequisites_of",
]


class PrerequisiteError(ValueError):
    """The prerequisites cannot be met: one names a case that is not loaded, or they form a cycle."""


def prerequisites_of(cases: Sequence[Case]) -> dict[str, list[str]]:
    """``{case id: [ids it requires]}`` as the case files say, in the cases' order."""
    return {case.id: list(case.requires) for case in cases}


def alternative_groups(cases: Sequence[Case]) -> dict[str, list[str]]:
    """``{group name: [case ids]}`` for every ``alternative_group`` named by two or more cases."""
    groups: dict[str, list[str]] = {}
    for case in cases:
        if case.alternative_group:
            groups.setdefault(case.alternative_group, []).append(case.id)
    return {name: ids for name, ids in groups.items() if len(ids) > 1}


def check_prerequisites(requires: Mapping[str, Sequence[str]]) -> None:
    """Raise :class:`PrerequisiteError` when a prerequisite is missing or they form a cycle.

    ``requires`` is ``{case id: [ids it requires]}`` for every loaded case.
    The one message names every case whose prerequisite is not among the
    keys ("I4 requires I1, which is not loaded"), or the cases of one cycle
    ("I1 → I4 → I1").
    """
    missing = [f"{case} requires {needed}" for case, needs in requires.items() for needed in needs if needed not in requires]
    if missing:
        msg = f"prerequisite(s) not among the loaded cases: {'; '.join(missing)} (load them too, or remove the requirement)"
        raise PrerequisiteError(msg)
    selfish = [case for case, needs in requires.items() if case in needs]
    if selfish:
        msg = f"a case cannot require itself: {', '.join(selfish)}"
        raise PrerequisiteError(msg)
    try:
        tuple(TopologicalSorter({case: list(needs) for case, needs in requires.items()}).static_order())
    except CycleError as exc:
        cycle = list(reversed(exc.args[1]))
        msg = f"the prerequisites form a cycle, so none of these cases can be funded: {' → '.join(cycle)}"
        raise PrerequisiteError(msg) from None


def all_prerequisites(requires: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """Every case's prerequisites, direct and indirect, in an order that funds each before what needs it.

    Checks the graph first (:func:`check_prerequisites`). The order follows
    the keys of ``requires`` among cases with no order between them.
    """
    check_prerequisites(requires)
    order = {case: index for index, case in enumerate(requires)}
    closure: dict[str, set[str]] = {}

    def visit(case: str) -> set[str]:
        if case not in closure:
            found: set[str] = set()
            for needed in requires[case]:
                found |= {needed, *visit(needed)}
            closure[case] = found
        return closure[case]

    sorter = TopologicalSorter({case: list(needs) for case, needs in requires.items()})
    topological = {case: index for index, case in enumerate(sorter.static_order())}
    return {case: tuple(sorted(visit(case), key=lambda c: (topological[c], order[c]))) for case in requires}
