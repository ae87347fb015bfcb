"""Public names: reading case files (the safe loader, the case schema, formulas)."""

from ..formula import Formula, FormulaError
from ..loader import MAX_FILE_BYTES, CaseFileError, LoadResult, case_to_yaml, load_case, load_overview, load_paths, parse_case
from ..schema import Assumption, Case, Line, OverviewReport, OverviewRow, Reported, ReportedRow, ReportedTable

__all__ = [
    "MAX_FILE_BYTES",
    "Assumption",
    "Case",
    "CaseFileError",
    "Formula",
    "FormulaError",
    "Line",
    "LoadResult",
    "OverviewReport",
    "OverviewRow",
    "Reported",
    "ReportedRow",
    "ReportedTable",
    "case_to_yaml",
    "load_case",
    "load_overview",
    "load_paths",
    "parse_case",
]
