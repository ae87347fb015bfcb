"""Public names: several cases at once (the overview, the portfolio, the choice of cases and its bundles)."""

from ..bundle import BundleFigures, bundle_figures, rebase_npv, summed_flows
from ..choice import (
    NEXT_MILLION,
    OBJECTIVES,
    POOLS,
    CaseFigures,
    Choice,
    ChoiceError,
    ChoiceOptions,
    Exclusion,
    NextMillion,
    PoolUse,
    choose,
)
from ..choice_report import choice_data, choice_table, limit_text
from ..choice_scenario import PoolBudget, PortfolioScenario, pool_need
from ..overview import Overview, OverviewLine, PriceLevelError, npv_total, overview
from ..portfolio import Portfolio, audit_findings, evaluate_cases, evaluate_paths, summary_data
from ..prerequisites import PrerequisiteError, all_prerequisites, alternative_groups, check_prerequisites, prerequisites_of

__all__ = [
    "NEXT_MILLION",
    "OBJECTIVES",
    "POOLS",
    "BundleFigures",
    "CaseFigures",
    "Choice",
    "ChoiceError",
    "ChoiceOptions",
    "Exclusion",
    "NextMillion",
    "Overview",
    "OverviewLine",
    "PoolBudget",
    "PoolUse",
    "Portfolio",
    "PortfolioScenario",
    "PrerequisiteError",
    "PriceLevelError",
    "all_prerequisites",
    "alternative_groups",
    "audit_findings",
    "bundle_figures",
    "check_prerequisites",
    "choice_data",
    "choice_table",
    "choose",
    "evaluate_cases",
    "evaluate_paths",
    "limit_text",
    "npv_total",
    "overview",
    "pool_need",
    "prerequisites_of",
    "rebase_npv",
    "summary_data",
    "summed_flows",
]
