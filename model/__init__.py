"""The business-case engine: pure Python, no user interface.

Every figure is computed from named assumptions through the lines of a case
file. Amounts are in 1.000 kr. at the case's price level, costs positive,
savings negative. Typical use::

    from model import load_case, evaluate
    result = evaluate(load_case("cases/i4.yaml"))
    result.kpis.payback_years      # 6
    result.section1()              # the document's section-1 table

See ``docs/`` for the case-file format and the conventions.
"""

import importlib

from . import charts
from .actuals import ACTUALS_COLUMNS, Actuals, ActualsImport, actuals_template_csv, follow_up_years, parse_actuals, read_actuals
from .audit import TOLERANCE, Finding, audit_case, audit_overview
from .bundle import BundleFigures, bundle_figures, rebase_npv, summed_flows
from .choice import (
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
from .choice_report import choice_data, choice_table, limit_text
from .choice_scenario import PoolBudget, PortfolioScenario
from .correlated import CorrelatedRun, Variable, correlated_monte_carlo, portfolio_variables
from .criteria import FollowUpPlan, SuccessCriterion
from .danish import (
    format_amount,
    format_fixed,
    format_number,
    format_percent_da,
    format_value,
    format_years,
    parse_number,
    round_shown,
    unit_decimals,
)
from .discount import DISCOUNT_PRESETS, DiscountPreset
from .document import Row
from .domain_summary import evaluate_paths_at, reindex_cases, summary_with_domain
from .evaluate import (
    CaseResult,
    EvaluationError,
    Flows,
    KPIs,
    Settings,
    assumption_values,
    compute_flows,
    evaluate,
)
from .export_choice_xlsx import CHOICE_LABELS, choice_xlsx
from .export_csv import csv_bytes, overview_csv, safe_text
from .export_overview_xlsx import overview_xlsx
from .export_shown import shown_xlsx
from .export_xlsx import workbook_bytes
from .followup import (
    CaseFollowUp,
    FollowUpData,
    FollowUpScenario,
    Measurement,
    StatusEntry,
    follow_up_to_yaml,
    load_follow_up,
    parse_follow_up,
)
from .formula import Formula, FormulaError
from .key_figures import KeyFigures, key_figures
from .kpi import IRRResult, Payback, discounted_payback, extend_flows, irr, npv, payback
from .labour import (
    DEFAULT_ABSENCE_DAYS,
    SHORTAGE_REFERENCES,
    Labour,
    LabourFigures,
    ShortageReference,
    kept_hours,
    labour_figures,
    portfolio_labour,
)
from .layout import AGGREGATES, OVERVIEW_COLUMNS, SECTION1_AGGREGATES, SECTION1_ROWS, TABLES
from .loader import MAX_FILE_BYTES, CaseFileError, LoadResult, case_to_yaml, load_case, load_overview, load_paths, parse_case
from .memo import ChangeNote, Memo, PdfUnavailable, memo_content, memo_docx, memo_pdf, memo_pdf_available
from .optimism import DEFAULT_OPTIMISM_BIAS, GRADES, GREEN_BOOK_SOURCE, OptimismBias, apply_optimism_bias
from .overview import Overview, OverviewLine, PriceLevelError, npv_total, overview
from .portfolio import Portfolio, audit_findings, evaluate_cases, evaluate_paths, summary_data
from .prerequisites import (
    PrerequisiteError,
    all_prerequisites,
    alternative_groups,
    check_prerequisites,
    prerequisites_of,
)
from .price_index import (
    DEFAULT_INDEX_FILE,
    INDEX_KINDS,
    IndexFactors,
    MissingIndexError,
    PriceIndex,
    line_index,
    load_price_index,
    parse_price_index,
    reindex_case,
)
from .ranges import vary_anyway
from .realisation import PHASES, STATUSES, LineRealisation, LineYear, Realisation, Thresholds, realisation
from .schema import Assumption, Case, Line, OverviewReport, OverviewRow, Reported, ReportedRow, ReportedTable
from .slips import AuditGroups, Slip, TextNote, group_findings
from .status_report import StatusItem, status_report_xlsx
from .uncertainty import (
    DEFAULT_DRAWS,
    DISTRIBUTIONS,
    MAX_DRAWS,
    MAX_SEED,
    RANGE_PROBLEMS,
    MonteCarlo,
    Range,
    SwitchingValue,
    SwitchingValues,
    Threshold,
    Tornado,
    TornadoBar,
    UncertaintyError,
    block_sizes,
    kpi_values,
    monte_carlo,
    monte_carlo_block,
    range_problem,
    ranges,
    switching_values,
    tornado,
    with_ranges,
)

__all__ = [
    "ACTUALS_COLUMNS",
    "AGGREGATES",
    "DEFAULT_DRAWS",
    "DEFAULT_OPTIMISM_BIAS",
    "DISTRIBUTIONS",
    "GRADES",
    "MAX_DRAWS",
    "MAX_FILE_BYTES",
    "MAX_SEED",
    "OVERVIEW_COLUMNS",
    "PHASES",
    "RANGE_PROBLEMS",
    "SECTION1_AGGREGATES",
    "SECTION1_ROWS",
    "STATUSES",
    "TABLES",
    "TOLERANCE",
    "Actuals",
    "ActualsImport",
    "AppliedScenario",
    "Assumption",
    "AuditGroups",
    "Case",
    "CaseFile",
    "CaseFileError",
    "CaseFollowUp",
    "CaseResult",
    "Change",
    "ChangeNote",
    "Difference",
    "DocumentChange",
    "EvaluationError",
    "Finding",
    "Flows",
    "FollowUpData",
    "FollowUpPlan",
    "FollowUpScenario",
    "Formula",
    "FormulaError",
    "IRRResult",
    "KPIs",
    "KeyFigures",
    "Line",
    "LineRealisation",
    "LineYear",
    "LoadResult",
    "Measurement",
    "Memo",
    "MonteCarlo",
    "OptimismBias",
    "Overview",
    "OverviewLine",
    "OverviewReport",
    "OverviewRow",
    "Payback",
    "PdfUnavailable",
    "Portfolio",
    "PriceLevelError",
    "Range",
    "Realisation",
    "Reported",
    "ReportedRow",
    "ReportedTable",
    "Row",
    "Scenario",
    "ScenarioDocument",
    "ScenarioInfo",
    "ScenarioNotFound",
    "ScenarioStore",
    "Settings",
    "Slip",
    "StaleVersionError",
    "StatusEntry",
    "StatusItem",
    "StoreError",
    "StoreUnavailable",
    "SuccessCriterion",
    "SwitchingValue",
    "SwitchingValues",
    "TextNote",
    "Threshold",
    "Thresholds",
    "Tornado",
    "TornadoBar",
    "UncertaintyError",
    "Version",
    "actuals_template_csv",
    "against_documents",
    "apply_optimism_bias",
    "apply_value",
    "assumption_values",
    "audit_case",
    "audit_findings",
    "audit_overview",
    "block_sizes",
    "case_to_yaml",
    "charts",
    "compute_flows",
    "configure_engine",
    "csv_bytes",
    "describe_url",
    "diff",
    "discounted_payback",
    "evaluate",
    "evaluate_cases",
    "evaluate_paths",
    "extend_flows",
    "follow_up_to_yaml",
    "follow_up_years",
    "format_amount",
    "format_fixed",
    "format_number",
    "format_percent_da",
    "format_value",
    "format_years",
    "group_findings",
    "import_case_file",
    "irr",
    "key_figures",
    "kpi_values",
    "load_case",
    "load_follow_up",
    "load_overview",
    "load_paths",
    "memo_content",
    "memo_docx",
    "memo_pdf",
    "memo_pdf_available",
    "monte_carlo",
    "monte_carlo_block",
    "npv",
    "overview",
    "overview_csv",
    "overview_xlsx",
    "parse_actuals",
    "parse_case",
    "parse_follow_up",
    "parse_number",
    "parse_scenario_id",
    "payback",
    "range_problem",
    "ranges",
    "read_actuals",
    "realisation",
    "register_section",
    "resolve_url",
    "round_shown",
    "safe_text",
    "scenario_cases",
    "scenario_portfolio",
    "scenario_settings",
    "shown_xlsx",
    "status_report_xlsx",
    "summary_data",
    "switching_values",
    "tornado",
    "unit_decimals",
    "with_ranges",
    "workbook_bytes",
]

# --- portfolio choice (issue 12) ---
__all__ += [
    "CHOICE_LABELS",
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
    "PoolBudget",
    "PoolUse",
    "PortfolioScenario",
    "PrerequisiteError",
    "all_prerequisites",
    "alternative_groups",
    "bundle_figures",
    "check_prerequisites",
    "choice_data",
    "choice_table",
    "choice_xlsx",
    "choose",
    "limit_text",
    "npv_total",
    "prerequisites_of",
    "rebase_npv",
    "summed_flows",
]

# --- domain depth: labour, price levels, discount presets, correlated uncertainty (issue 13) ---
__all__ += [
    "DEFAULT_ABSENCE_DAYS",
    "DEFAULT_INDEX_FILE",
    "DISCOUNT_PRESETS",
    "GREEN_BOOK_SOURCE",
    "INDEX_KINDS",
    "SHORTAGE_REFERENCES",
    "CorrelatedRun",
    "DiscountPreset",
    "IndexFactors",
    "Labour",
    "LabourFigures",
    "MissingIndexError",
    "PriceIndex",
    "ShortageReference",
    "Variable",
    "correlated_monte_carlo",
    "evaluate_paths_at",
    "kept_hours",
    "labour_figures",
    "line_index",
    "load_price_index",
    "parse_price_index",
    "portfolio_labour",
    "portfolio_variables",
    "reindex_case",
    "reindex_cases",
    "summary_with_domain",
    "vary_anyway",
]

# The scenario store (SQLAlchemy, Alembic) loads on first use of one of its names, so the commands and
# pages that do not use it start as quickly as before.
_LAZY = {
    "CaseFile": "store",
    "Change": "store",
    "Difference": "store",
    "DocumentChange": "store",
    "Scenario": "store",
    "ScenarioDocument": "store",
    "ScenarioInfo": "store",
    "ScenarioNotFound": "store",
    "ScenarioStore": "store",
    "StaleVersionError": "store",
    "StoreError": "store",
    "StoreUnavailable": "store",
    "Version": "store",
    "against_documents": "store",
    "configure_engine": "store",
    "describe_url": "store",
    "diff": "store",
    "parse_scenario_id": "store",
    "register_section": "store",
    "resolve_url": "store",
    "AppliedScenario": "store.apply",
    "apply_value": "store.apply",
    "import_case_file": "store.apply",
    "scenario_cases": "store.apply",
    "scenario_portfolio": "store.apply",
    "scenario_settings": "store.apply",
}


def __getattr__(name: str) -> object:
    """``model.ScenarioStore`` and the other scenario-store names, imported when first used."""
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'model' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
