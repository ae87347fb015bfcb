"""Public names: evaluating a case (the layout, flows, typed rows, the key figures, KPIs of a series)."""

from ..document import Row
from ..evaluate import (
    CaseResult,
    EvaluationError,
    Flows,
    KPIs,
    Settings,
    assumption_values,
    case_values,
    compute_flows,
    evaluate,
    hours_per_fte,
    settings_for,
)
from ..key_figures import KeyFigures, key_figures
from ..kpi import IRRResult, Payback, discounted_payback, extend_flows, irr, npv, payback
from ..layout import AGGREGATES, OVERVIEW_COLUMNS, SECTION1_AGGREGATES, SECTION1_ROWS, TABLES, TableSpec

__all__ = [
    "AGGREGATES",
    "OVERVIEW_COLUMNS",
    "SECTION1_AGGREGATES",
    "SECTION1_ROWS",
    "TABLES",
    "CaseResult",
    "EvaluationError",
    "Flows",
    "IRRResult",
    "KPIs",
    "KeyFigures",
    "Payback",
    "Row",
    "Settings",
    "TableSpec",
    "assumption_values",
    "case_values",
    "compute_flows",
    "discounted_payback",
    "evaluate",
    "extend_flows",
    "hours_per_fte",
    "irr",
    "key_figures",
    "npv",
    "payback",
    "settings_for",
]
