"""The status report as an Excel workbook, in the layout of the strategy's status reports.

Sheet **Status**: one row per funded case, as the status reports list their
initiatives ("Indsatser … Aktuel fase, Overordnet status, Evt. bemærkning")
with the effect goals beside them ("Effekt og mål, Baseline, Status" —
here *Seneste måling*), and the money: realised against planned total
impact to date, payback and NPV planned and forecast (1.000 kr., costs +,
savings -; NPV + when it pays). Sheet **Effektmål**: one row per success
criterion with its target, baseline and latest measurement as numbers.

Every text cell is written as a string (``write_string``, and the workbook
refuses to turn strings into formulas), so a comment such as ``=HYPERLINK(…)``
stays text; numbers are numbers.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import xlsxwriter

from .danish import format_number
from .followup import CaseFollowUp, Measurement
from .realisation import Realisation
from .schema import Case

__all__ = ["CRITERIA_COLUMNS", "STATUS_COLUMNS", "StatusItem", "status_report_xlsx"]

#: Sheet "Status": (header, width), in order.
STATUS_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Case", 7),
    ("Indsats", 34),
    ("Aktuel fase", 15),
    ("Overordnet status", 20),
    ("Foreslået status", 20),
    ("Effektmål", 48),
    ("Baseline", 22),
    ("Seneste måling", 22),
    ("Realiseret til dato (1.000 kr.)", 15),
    ("Planlagt til dato (1.000 kr.)", 15),
    ("Til og med år", 9),
    ("Tilbagebetalingstid, plan (år)", 13),
    ("Tilbagebetalingstid, prognose (år)", 13),
    ("Nutidsværdi, plan (1.000 kr.)", 14),
    ("Nutidsværdi, prognose (1.000 kr.)", 14),
    ("Evt. bemærkning", 40),
)
#: Sheet "Effektmål": (header, width), in order.
CRITERIA_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Case", 7),
    ("Succeskriterium", 48),
    ("Hvordan måles", 34),
    ("Ansvarlig", 26),
    ("Hvornår", 22),
    ("Enhed", 20),
    ("Mål", 10),
    ("Baseline", 10),
    ("Baseline, dato", 12),
    ("Seneste måling", 12),
    ("Seneste måling, dato", 12),
    ("Bemærkning", 34),
)


NOTE = (
    "Beløb i 1.000 kr.; udgifter +, besparelser −; nutidsværdi + når det betaler sig. "
    "Til dato: til og med seneste år med faktiske tal. Prognose: faktiske tal, plan for resten."
)


@dataclass(frozen=True)
class StatusItem:
    """One funded case in the report: its realisation, its case (section 9) and its follow-up data."""

    realisation: Realisation
    case: Case
    follow_up: CaseFollowUp


def _measured(measurement: Measurement | None, unit: str) -> str:
    if measurement is None:
        return "-"
    return f"{format_number(measurement.value, 2)} {unit}".strip() + f" ({measurement.date})"


def _goal(criterion_text: str, target: float | None, unit: str) -> str:
    return criterion_text if target is None else f"{criterion_text} (mål: {format_number(target, 2)} {unit})".replace(" )", ")")


def _text_rows(item: StatusItem) -> tuple[str, str, str]:
    """(effect goals, baselines, latest measurements), one line per criterion."""
    criteria = item.case.follow_up.criteria if item.case.follow_up else []
    goals, baselines, latest = [], [], []
    for c in criteria:
        goals.append("• " + _goal(c.criterion, c.target, c.unit))
        measured = item.follow_up.baseline(c.id)
        if measured is None and c.baseline is not None:
            baselines.append(f"{format_number(c.baseline, 2)} {c.unit}".strip())
        else:
            baselines.append(_measured(measured, c.unit))
        latest.append(_measured(item.follow_up.latest(c.id), c.unit))
    return "\n".join(goals), "\n".join(baselines), "\n".join(latest)


def status_report_xlsx(items: Sequence[StatusItem], title: str = "Status på finansierede business cases") -> bytes:
    """The status report's workbook bytes (sheets "Status" and "Effektmål"; see the module docstring)."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    bold = book.add_format({"bold": True})
    head = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bottom": 1, "bg_color": "#E8EEF4"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    amount = book.add_format({"num_format": "#,##0", "valign": "top"})
    whole = book.add_format({"num_format": "0", "valign": "top"})

    sheet = book.add_worksheet("Status")
    sheet.write_string(0, 0, title, bold)
    sheet.write_string(1, 0, NOTE)
    for col, (header, width) in enumerate(STATUS_COLUMNS):
        sheet.write_string(3, col, header, head)
        sheet.set_column(col, col, width)
    for row, item in enumerate(items, start=4):
        z, current = item.realisation, item.follow_up.current
        goals, baselines, latest = _text_rows(item)
        texts = {
            0: z.case_id,
            1: item.case.title,
            2: current.phase if current else "-",
            3: current.status if current else z.suggested,
            4: z.suggested,
            5: goals,
            6: baselines,
            7: latest,
            15: current.comment if current else "",
        }
        for col, text in texts.items():
            sheet.write_string(row, col, text, wrap)
        sheet.write_number(row, 8, z.realised_to_date, amount)
        sheet.write_number(row, 9, z.planned_to_date, amount)
        numbers = {10: z.as_of, 11: z.planned_payback_years, 12: z.forecast_payback_years}
        for col, value in numbers.items():
            if value is None:
                sheet.write_string(row, col, "-", wrap)
            else:
                sheet.write_number(row, col, value, whole)
        sheet.write_number(row, 13, z.planned_npv, amount)
        sheet.write_number(row, 14, z.forecast_npv, amount)
    sheet.freeze_panes(4, 2)

    criteria = book.add_worksheet("Effektmål")
    for col, (header, width) in enumerate(CRITERIA_COLUMNS):
        criteria.write_string(0, col, header, head)
        criteria.set_column(col, col, width)
    row = 1
    for item in items:
        for c in item.case.follow_up.criteria if item.case.follow_up else []:
            base, last = item.follow_up.baseline(c.id), item.follow_up.latest(c.id)
            base_value = base.value if base else c.baseline
            cells: list[object] = [
                item.case.id, c.criterion, c.measure, c.responsible, c.frequency, c.unit,
                c.target, base_value, base.date if base else None,
                last.value if last else None, last.date if last else None, last.comment if last else "",
            ]  # fmt: skip
            for col, value in enumerate(cells):
                if isinstance(value, (int, float)):
                    criteria.write_number(row, col, value)
                elif value is not None:
                    criteria.write_string(row, col, str(value), wrap)
            row += 1
    criteria.freeze_panes(1, 2)
    book.close()
    return buffer.getvalue()
