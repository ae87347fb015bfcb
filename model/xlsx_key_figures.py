"""Section 1 of a case sheet and the key figures' workings: payback and NPV as live formulas.

Section 1's rows are :data:`model.layout.SECTION1_ROWS` below the permanent
lines, positioned by :class:`Section1Rows`; each refers to the tables and
workings written below it. Payback: whole years from the first year with
gross costs > 0 to the first year the cumulative Samlet økonomisk
påvirkning (alle midler) is ≤ 0, continued at the permanent level after
the table; NPV of the net savings, t = 0 undiscounted (see
``docs/excel-export.md``). Amounts in 1.000 kr., costs +, savings -.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from xlsxwriter.format import Format

from .evaluate import CaseResult
from .kpi import extend_flows
from .layout import AGGREGATES, AREA_LABELS, SECTION1_ROWS
from .xlsx_style import ASSUMPTIONS_SHEET, EPS, FTE_NAME, RATE_NAME, has_innovation, payback_value

if TYPE_CHECKING:  # the case sheet imports this module
    from .xlsx_case_sheet import CaseSheet

__all__ = ["Section1Rows", "write_key_figures", "write_section1"]

_LABEL, _FIRST = 0, 2  # as model.xlsx_case_sheet's _LABEL and _FIRST
_INNOVATION_NOTE = "Jf. tabel 2 søges der også om midler fra innovationspuljen, i alt (1.000 kr.):"
#: Labels of the key figures on a case sheet, by overview key.
_KEY_LABELS = {
    "payback_years": "Tilbagebetalingstid (hele år; alle midler)",
    "net_permanent": "Varig effektivisering, netto (1.000 kr.)",
    "drift": "Drift: serviceinvesteringer fra investeringspuljen i alt (1.000 kr.)",
    "anlaeg": "Anlæg: anlægsinvesteringer i alt (1.000 kr.)",
    "innovation": "Innovationspuljen i alt (1.000 kr.)",
    "npv": "Nutidsværdi af nettobesparelser, {horizon} år (1.000 kr.; + når det betaler sig)",
    "fte_full": "Årsværk frigjort, fuldt indfaset",
}


@dataclass(frozen=True)
class Section1Rows:
    """Row numbers (0-based) of section 1, computed from the layout; section 1 refers to blocks written after it.

    ``heading``: "Varige ændringer"; ``lines``: the permanent lines' rows
    by name; ``rows``: each of :data:`model.layout.SECTION1_ROWS` by its
    series (a row with a ``heading`` has it just above); then the payback,
    the NPV and, with an innovation pool, its footnote.
    """

    heading: int
    lines: Mapping[str, int]
    rows: Mapping[str, int]
    payback: int
    npv: int
    footnote: int
    has_innovation: bool

    @classmethod
    def below(cls, heading: int, result: CaseResult) -> Section1Rows:
        """Section 1 of ``result`` starting at row ``heading``."""
        permanent = [ln.name for ln in result.case.lines if ln.table == "table1"]
        lines = {name: heading + 1 + index for index, name in enumerate(permanent)}
        row = heading + 1 + len(permanent)
        rows = {}
        for spec in SECTION1_ROWS:
            row += 1 if spec.heading else 0
            rows[spec.series] = row
            row += 1
        return cls(heading, lines, rows, row, row + 1, row + 2, has_innovation(result))

    @property
    def end(self) -> int:
        """The first row after section 1."""
        return self.footnote + (1 if self.has_innovation else 0)


def write_key_figures(self: CaseSheet, section: Section1Rows, fte_row: int | None) -> dict[str, str]:
    """The payback and NPV workings, then the key figures; returns their cells (absolute) by overview key."""
    result, flows, kpis = self.result, self.result.flows, self.result.kpis
    n, horizon = len(self.years), result.settings.horizon
    tables = self.tables
    self.sheet.write_string(self.row, _LABEL, "Tilbagebetalingstid og nutidsværdi: beregning", self.formats.heading)
    self.header(self.row + 1, f"1.000 kr. {result.case.price_level} p/l", "")
    flow_row, gross_row, active_row, cum_row, paid_row = range(self.row + 2, self.row + 7)
    self.flow_row = flow_row
    innovation_row = next((t.innovation for t in tables.values() if t.innovation is not None), 0)

    self.label(flow_row, "Samlet økonomisk påvirkning, alle midler (inkl. innovationspuljen)")
    flow = flows.total_impact_all
    self.year_row(
        flow_row,
        flow,
        lambda col, _: f"{self.cell(section.rows['total_impact'], col)}+{self.cell(innovation_row, col)}",
        self.formats.amount,
    )

    def gross(col: int, _: int) -> str:
        ranges = [self.column(t.first, t.last, col) for t in tables.values() if t.has_lines]
        return "+".join(f'SUMIF({r},">0")' for r in ranges)

    self.label(gross_row, "Bruttoudgifter (summen af linjer > 0)")
    self.year_row(gross_row, flows.gross_costs, gross, self.formats.amount)
    active = np.maximum.accumulate((flows.gross_costs > 1e-9).astype(float))
    self.label(active_row, "Talt med (1 fra det første år med udgifter)")

    def counted(col: int, index: int) -> str:
        spends = f"{self.cell(gross_row, col)}>{EPS}"
        return f"IF({spends},1,0)" if index == 0 else f"IF(OR({self.cell(active_row, col - 1)}=1,{spends}),1,0)"

    self.year_row(active_row, active, counted, self.formats.flag)
    cumulative = np.cumsum(active * flow)
    self.label(cum_row, "Akkumuleret fra det første år med udgifter")
    self.year_row(
        cum_row,
        cumulative,
        lambda col, i: (
            ("" if i == 0 else f"{self.cell(cum_row, col - 1)}+") + f"{self.cell(active_row, col)}*{self.cell(flow_row, col)}"
        ),
        self.formats.amount,
    )
    paid = ((active > 0) & (cumulative <= 1e-9)).astype(float)
    self.label(paid_row, "Tilbagebetalt (1 når det akkumulerede er ≤ 0)")
    self.year_row(
        paid_row,
        paid,
        lambda col, _: f"IF(AND({self.cell(active_row, col)}=1,{self.cell(cum_row, col)}<={EPS}),1,0)",
        self.formats.flag,
    )

    # The NPV's flows: the table's years, then the permanent level (Samlet varig ændring, last year).
    npv_row = paid_row + 3
    self.header(
        npv_row - 1,
        f"Til nutidsværdien ({result.case.price_level} p/l): {horizon} år, t = 0 i {self.years[0]}",
        "",
        years=[self.years[0] + t for t in range(horizon)],
    )
    level = self.cell(section.rows["permanent"], self.last_col, absolute=True)
    self.label(npv_row, "Samlet påvirkning, alle midler; efter tabellen den varige ændring fuldt indfaset")
    extended = extend_flows(flow, flows.net_permanent, horizon)
    for t in range(horizon):
        self.formula(npv_row, _FIRST + t, self.cell(flow_row, _FIRST + t) if t < n else level, extended[t], self.formats.amount)

    start = f"MATCH(1,{self.span(active_row)},0)"
    payback = (
        f"IF(COUNTIF({self.span(active_row)},1)=0,0,"
        f"IF(COUNTIF({self.span(paid_row)},1)>0,MATCH(1,{self.span(paid_row)},0)-{start}+1,"
        f"IF({level}<-{EPS},{n}-{start}+1+ROUNDUP(MAX({self.cell(cum_row, self.last_col)}/(-{level})-{EPS},0),0),"
        '"-")))'
    )
    rest = f"+NPV({RATE_NAME},{self.cell(npv_row, _FIRST + 1)}:{self.cell(npv_row, _FIRST + horizon - 1)})" if horizon > 1 else ""
    figures: list[tuple[str, str, str, float | str, Format]] = [
        ("payback_years", _KEY_LABELS["payback_years"], payback, payback_value(kpis.payback_years), self.formats.years),
        ("net_permanent", _KEY_LABELS["net_permanent"], level, kpis.net_permanent, self.formats.amount),
        ("drift", _KEY_LABELS["drift"], f"SUM({self.span(section.rows['service_investment'])})", kpis.drift, self.formats.amount),
        (
            "anlaeg",
            _KEY_LABELS["anlaeg"],
            f"SUM({self.span(section.rows['capital_investment'])})",
            kpis.anlaeg,
            self.formats.amount,
        ),
        (
            "innovation",
            _KEY_LABELS["innovation"],
            self.cell(innovation_row, self.last_col + 1),
            kpis.innovation,
            self.formats.amount,
        ),
        (
            "npv",
            _KEY_LABELS["npv"].format(horizon=horizon),
            f"-({self.cell(npv_row, _FIRST)}{rest})",
            kpis.npv,
            self.formats.amount,
        ),
        (
            "fte_full",
            _KEY_LABELS["fte_full"],
            self.cell(fte_row, self.last_col) if fte_row else "0",
            kpis.fte_full,
            self.formats.decimal,
        ),
    ]
    heading = npv_row + 2
    self.sheet.write_string(heading, _LABEL, "Nøgletal", self.formats.heading)
    cells = {}
    for row, (key, text, formula, value, fmt) in enumerate(figures, start=heading + 1):
        self.label(row, text)
        self.formula(row, _FIRST, formula, value, fmt)
        cells[key] = self.cell(row, _FIRST, absolute=True)
    self.sheet.write_string(
        heading + len(figures) + 1,
        _LABEL,
        f"Diskonteringsrenten ({RATE_NAME}) og timer pr. årsværk ({FTE_NAME}) står på arket {ASSUMPTIONS_SHEET}.",
        self.formats.note,
    )
    self.row = heading + len(figures) + 3
    return cells


def _section1_formulas(sheet: CaseSheet, section: Section1Rows) -> dict[str, Callable[[int, int], str]]:
    """Per series of section 1, the formula of its cell in column ``col`` (year ``index``).

    The document's own rows refer to the tables' total rows; any other
    aggregate of :data:`model.layout.AGGREGATES` is the sum of its lines' cells.
    """
    tables, rows, cell = sheet.tables, section.rows, sheet.cell
    innovation = next((t for t in tables.values() if t.innovation is not None), None)

    def service(col: int, _: int) -> str:
        total = tables["table2"].total
        return f"{cell(total, col)}-{cell(innovation.innovation, col)}" if innovation else cell(total, col)

    formulas: dict[str, Callable[[int, int], str]] = {
        "permanent": lambda col, _: cell(tables["table1"].total, col),
        "service_investment": service,
        "service_investment_all": lambda col, _: cell(tables["table2"].total, col),
        "capital_investment": lambda col, _: cell(tables["table3"].total, col),
        "implementation": lambda col, _: f"{cell(rows['service_investment'], col)}+{cell(rows['capital_investment'], col)}",
        "total_impact": lambda col, _: f"{cell(rows['permanent'], col)}+{cell(rows['implementation'], col)}",
        "cumulative": lambda col, i: ("" if i == 0 else f"{cell(rows['cumulative'], col - 1)}+") + cell(sheet.flow_row, col),
    }
    for key, aggregate in AGGREGATES.items():
        if key not in formulas:
            members = [sheet.line_rows[ln.name] for ln in sheet.result.case.lines if aggregate.includes(ln)]
            formulas[key] = lambda col, _, m=tuple(members): "+".join(cell(r, col) for r in m) or "0"
    return formulas


def write_section1(self: CaseSheet, section: Section1Rows, cells: Mapping[str, str]) -> None:
    """Section 1 as the document lays it out; every cell refers to tables 1-3 or the workings below them."""
    flows, kpis = self.result.flows, self.result.kpis
    self.label(section.heading, "Varige ændringer", self.formats.subheading)
    for line in self.result.case.lines:
        if line.name in section.lines:
            row, source = section.lines[line.name], self.line_rows[line.name]
            self.label(row, line.name, area=AREA_LABELS[line.area])
            self.year_row(row, flows.lines[line.name], lambda col, _, r=source: self.cell(r, col), self.formats.amount)
    formulas = _section1_formulas(self, section)
    for spec in SECTION1_ROWS:
        row = section.rows[spec.series]
        if spec.heading:
            self.label(row - 1, spec.heading, self.formats.subheading)
        if spec.bold:
            self.label(row, spec.label, self.formats.text_bold)
        else:
            self.label(row, spec.label, area=AREA_LABELS.get(spec.area, ""))
        fmt: Format = self.formats.amount_total if spec.bold else self.formats.amount
        self.year_row(row, getattr(flows, spec.series), formulas[spec.series], fmt)
    self.label(section.payback, "Tilbagebetalingstid (alle midler)")
    self.formula(section.payback, _FIRST, cells["payback_years"], payback_value(kpis.payback_years), self.formats.years)
    self.label(section.npv, f"Nutidsværdi af nettobesparelser, {self.result.settings.horizon} år")
    self.formula(section.npv, _FIRST, cells["npv"], kpis.npv, self.formats.amount)
    if section.has_innovation:
        self.label(section.footnote, _INNOVATION_NOTE, self.formats.note)
        self.formula(section.footnote, _FIRST, cells["innovation"], kpis.innovation, self.formats.amount)
