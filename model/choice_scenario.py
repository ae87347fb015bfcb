"""What a saved scenario keeps of the portfolio choice: prerequisites, alternatives, budgets, objective.

The Portefølje page edits prerequisites and alternative groups for the
session and sets budgets, an objective and a payback limit;
:class:`PortfolioScenario` is that as plain, validated JSON, so the scenario
store can keep it as a section (``docs/store.md``) and the page can restore
it. Amounts in 1.000 kr.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .choice import POOLS, ChoiceOptions
from .evaluate import CaseResult
from .prerequisites import alternative_groups, prerequisites_of

__all__ = ["PoolBudget", "PortfolioScenario", "pool_need"]


def pool_need(results: Sequence[CaseResult]) -> dict[str, dict[int, float]]:
    """``{pool: {year: amount}}``: what all the cases take from each pool (1.000 kr., costs +), years with any use."""
    need: dict[str, dict[int, float]] = {pool: {} for pool in POOLS}
    for r in results:
        series = {"service": r.flows.service_investment, "innovation": r.flows.innovation, "anlaeg": r.flows.capital_investment}
        for pool in POOLS:
            for year, value in zip(r.years, series[pool], strict=True):
                if abs(float(value)) > 1e-9:
                    need[pool][year] = need[pool].get(year, 0.0) + float(value)
    return need


_Id = Field(min_length=1, max_length=64)


class PoolBudget(BaseModel):
    """One pool's budget as the page holds it: the mode, and the amounts typed for a total and per year."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    mode: Literal["none", "total", "year"] = "none"
    total: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    years: dict[int, float] = Field(default_factory=dict)


class PortfolioScenario(BaseModel):
    """The page's settings: ``cases`` to choose among (None: the overview's), ``requires`` and ``groups``
    as edited (cases not named keep their files'), ``budgets`` per pool, ``objective``, ``max_payback``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    cases: list[str] | None = None
    requires: dict[str, list[str]] = Field(default_factory=dict)
    groups: dict[str, str] = Field(default_factory=dict)
    budgets: dict[Literal["service", "innovation", "anlaeg"], PoolBudget] = Field(default_factory=dict)
    objective: Literal["npv", "net_permanent", "fte"] = "npv"
    max_payback: int | None = Field(default=None, ge=0, le=100)

    @property
    def empty(self) -> bool:
        """Nothing set: the page's defaults."""
        return self == PortfolioScenario()

    def options(self, need: dict[str, dict[int, float]]) -> ChoiceOptions:
        """The choice's options; a limit not typed is ``need`` (what all the cases take: no limit in effect)."""
        budgets: dict[str, float | dict[int, float]] = {}
        for pool in POOLS:
            budget = self.budgets.get(pool, PoolBudget())
            wanted = need.get(pool, {})
            if budget.mode == "total":
                budgets[pool] = budget.total if budget.total is not None else sum(wanted.values())
            elif budget.mode == "year":
                budgets[pool] = {year: budget.years.get(year, amount) for year, amount in sorted(wanted.items())}
        return ChoiceOptions(objective=self.objective, budgets=budgets, max_payback=self.max_payback)

    def links(self, results: Sequence[CaseResult]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """``(requires, groups)`` for :func:`model.choose`: the edited ones, else the case files' (variants not
        grouped with their case here; the app does that)."""
        cases = [r.case for r in results]
        requires = {cid: list(self.requires.get(cid, needs)) for cid, needs in prerequisites_of(cases).items()}
        group_of = {cid: name for name, ids in alternative_groups(cases).items() for cid in ids}
        group_of.update({cid: name.strip() for cid, name in self.groups.items()})
        groups: dict[str, list[str]] = {}
        for case in cases:
            if group_of.get(case.id):
                groups.setdefault(group_of[case.id], []).append(case.id)
        return requires, {name: ids for name, ids in groups.items() if len(ids) > 1}
