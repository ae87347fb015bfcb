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
from .danish import format_amount, format_number, format_percent_da, format_years, parse_number
from .evaluate import (
    SECTION1_AGGREGATES,
    CaseResult,
    EvaluationError,
    Flows,
    KPIs,
    Settings,
    assumption_values,
    compute_flows,
    evaluate,
)
from .export_csv import csv_bytes, overview_csv, safe_text
from .export_overview_xlsx import overview_xlsx
from .export_xlsx import workbook_bytes
from .formula import Formula, FormulaError
from .key_figures import KeyFigures, key_figures
from .kpi import IRRResult, Payback, discounted_payback, extend_flows, irr, npv, payback
from .loader import CaseFileError, LoadResult, case_to_yaml, load_case, load_overview, load_paths, parse_case
from .optimism import DEFAULT_OPTIMISM_BIAS, OptimismBias, apply_optimism_bias
from .overview import Overview, OverviewLine, PriceLevelError, npv_total, overview
from .portfolio import Portfolio, audit_findings, evaluate_cases, evaluate_paths, summary_data
from .prerequisites import (
    PrerequisiteError,
    all_prerequisites,
    alternative_groups,
    check_prerequisites,
    prerequisites_of,
)
from .schema import Assumption, Case, Line, OverviewReport, OverviewRow, Reported, ReportedRow, ReportedTable
from .uncertainty import (
    MonteCarlo,
    Range,
    SwitchingValue,
    SwitchingValues,
    Threshold,
    Tornado,
    TornadoBar,
    UncertaintyError,
    kpi_values,
    monte_carlo,
    ranges,
    switching_values,
    tornado,
    with_ranges,
)

__all__ = [
    "DEFAULT_OPTIMISM_BIAS",
    "SECTION1_AGGREGATES",
    "TOLERANCE",
    "Assumption",
    "Case",
    "CaseFileError",
    "CaseResult",
    "EvaluationError",
    "Finding",
    "Flows",
    "Formula",
    "FormulaError",
    "IRRResult",
    "KPIs",
    "KeyFigures",
    "Line",
    "LoadResult",
    "MonteCarlo",
    "OptimismBias",
    "Overview",
    "OverviewLine",
    "OverviewReport",
    "OverviewRow",
    "Payback",
    "Portfolio",
    "PriceLevelError",
    "Range",
    "Reported",
    "ReportedRow",
    "ReportedTable",
    "Settings",
    "SwitchingValue",
    "SwitchingValues",
    "Threshold",
    "Tornado",
    "TornadoBar",
    "UncertaintyError",
    "apply_optimism_bias",
    "assumption_values",
    "audit_case",
    "audit_findings",
    "audit_overview",
    "case_to_yaml",
    "compute_flows",
    "csv_bytes",
    "discounted_payback",
    "evaluate",
    "evaluate_cases",
    "evaluate_paths",
    "extend_flows",
    "format_amount",
    "format_number",
    "format_percent_da",
    "format_years",
    "irr",
    "key_figures",
    "kpi_values",
    "load_case",
    "load_overview",
    "load_paths",
    "monte_carlo",
    "npv",
    "overview",
    "overview_csv",
    "overview_xlsx",
    "parse_case",
    "parse_number",
    "payback",
    "ranges",
    "safe_text",
    "summary_data",
    "switching_values",
    "tornado",
    "with_ranges",
    "workbook_bytes",
]

# --- portfolio choice (issue 12) ---
__all__ += [
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
    "PoolUse",
    "PrerequisiteError",
    "all_prerequisites",
    "alternative_groups",
    "bundle_figures",
    "check_prerequisites",
    "choose",
    "npv_total",
    "prerequisites_of",
    "rebase_npv",
    "summed_flows",
]
