"""Public names: following a case up (actuals, success criteria, realisation, the status report)."""

from ..actuals import ACTUALS_COLUMNS, Actuals, ActualsImport, actuals_template_csv, follow_up_years, parse_actuals, read_actuals
from ..criteria import FollowUpPlan, SuccessCriterion
from ..followup import (
    CaseFollowUp,
    FollowUpData,
    FollowUpScenario,
    Measurement,
    StatusEntry,
    follow_up_to_yaml,
    load_follow_up,
    parse_follow_up,
)
from ..realisation import PHASES, STATUSES, LineRealisation, LineYear, Realisation, Thresholds, realisation
from ..status_report import StatusItem, status_report_xlsx

__all__ = [
    "ACTUALS_COLUMNS",
    "PHASES",
    "STATUSES",
    "Actuals",
    "ActualsImport",
    "CaseFollowUp",
    "FollowUpData",
    "FollowUpPlan",
    "FollowUpScenario",
    "LineRealisation",
    "LineYear",
    "Measurement",
    "Realisation",
    "StatusEntry",
    "StatusItem",
    "SuccessCriterion",
    "Thresholds",
    "actuals_template_csv",
    "follow_up_to_yaml",
    "follow_up_years",
    "load_follow_up",
    "parse_actuals",
    "parse_follow_up",
    "read_actuals",
    "realisation",
    "status_report_xlsx",
]
