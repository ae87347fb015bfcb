"""Public names: reading case files (the safe loader, the case schema, formulas)."""

from ..case_draft import case_data, case_file_text, check_case_data
from ..case_schema import case_json_schema, case_schema_text
from ..formula import Formula, FormulaError
from ..loader import (
    MAX_FILE_BYTES,
    CaseFileError,
    CaseFileProblem,
    LoadResult,
    case_to_yaml,
    load_case,
    load_overview,
    load_paths,
    parse_case,
)
from ..schema import (
    CASE_FORMAT_VERSION,
    Assumption,
    Case,
    Derived,
    Line,
    OverviewReport,
    OverviewRow,
    Reported,
    ReportedRow,
    ReportedTable,
)
from ..template import new_case_text

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

__all__ += [
    "CASE_FORMAT_VERSION",
    "CaseFileProblem",
    "Derived",
    "case_data",
    "case_file_text",
    "case_json_schema",
    "case_schema_text",
    "check_case_data",
    "new_case_text",
]
