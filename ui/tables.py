"""Tables and figures of the pages as text in Danish number format, built from model results.

Each function returns a DataFrame of pre-formatted strings (``1.160``,
``-14.565``, ``5 år``) for :func:`ui.widgets.show_table`, plus the positions
of the rows to show in bold. Numbers go through ``model.danish``; labels
through :func:`ui.i18n.t`; names from case files are kept as written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import pandas as pd

from model import (
    OVERVIEW_COLUMNS,
    SECTION1_ROWS,
    TABLES,
    Assumption,
    Case,
    CaseResult,
    Finding,
    Overview,
    OverviewLine,
    Row,
    TableSpec,
    format_amount,
    format_fixed,
    format_number,
    format_percent_da,
    npv_total,
)

from .i18n import TEXTS, t

__all__ = [
    "FINDING_NUMBERS",
    "OPTIMISM_NUMBERS",
    "OVERVIEW_NUMBERS",
    "assumption_groups",
    "findings_frame",
    "has_table",
    "kpi_delta",
    "kpi_rows",
    "overview_frame",
    "payback_text",
    "section1_frame",
    "table_frame",
    "yearly_rows",
]

#: The overview's columns of figures (:data:`model.OVERVIEW_COLUMNS` less Case and Titel).
_FIGURES = tuple(column for column in OVERVIEW_COLUMNS if column.kind != "text")
#: Overview columns holding numbers (right-aligned), by their i18n key.
OVERVIEW_NUMBERS = tuple(column.i18n for column in _FIGURES)


def payback_text(years: int | float | None) -> str:
    """A payback time as the documents print it: ``5 år`` (``5 years``); "-" for none."""
    if years is None:
        return "-"
    return t("years", years=format_number(years, 1))


def _figure(kind: str, value: float | None) -> str:
    """A figure shown by its layout kind: ``1.234`` (amount), ``5 år`` (years), ``1,5`` (decimal)."""
    if kind == "years":
        return payback_text(value)
    if kind == "decimal":
        return format_number(value, 1)
    return format_amount(value)


def _overview_cells(line: OverviewLine, total: bool = False) -> list[str]:
    return ["" if total and not column.summed else _figure(column.kind, getattr(line, column.key)) for column in _FIGURES]


#: Columns added with the optimism bias, by their i18n key.
OPTIMISM_NUMBERS = ("optimism.payback", "optimism.net", "optimism.npv")


def overview_frame(
    table: Overview, status: Mapping[str, str], adjusted: Mapping[str, CaseResult] | None = None
) -> tuple[pd.DataFrame, list[int]]:
    """The overview as on the document's first page, plus NPV, årsværk and a status column.

    ``status``: text per case id (e.g. "ændret"). ``adjusted``: per case id
    the case evaluated with optimism bias, which adds its payback, net
    permanent effect and NPV as three more columns. The "I alt" row comes
    last, in bold, when the cases share a price level.
    """
    header = [t("col.case"), t("col.title"), t("col.status"), *(t(key) for key in OVERVIEW_NUMBERS)]
    rows = [[line.id, line.title, status.get(line.id, ""), *_overview_cells(line)] for line in table.rows]
    if adjusted is not None:
        header += [t(key) for key in OPTIMISM_NUMBERS]
        for row, line in zip(rows, table.rows, strict=True):
            k = adjusted[line.id].kpis
            row += [payback_text(k.payback_years), format_amount(k.net_permanent), format_amount(k.npv)]
    bold = []
    if table.total is not None:
        bold.append(len(rows))
        total = [t("total"), "", "", *_overview_cells(table.total, total=True)]
        if adjusted is not None:
            kpis = [adjusted[line.id].kpis for line in table.rows]
            common = npv_total([adjusted[line.id] for line in table.rows])
            total += ["", format_amount(sum(k.net_permanent for k in kpis)), format_amount(common)]
        rows.append(total)
    return pd.DataFrame(rows, columns=header), bold


def section1_frame(result: CaseResult) -> tuple[pd.DataFrame, list[int]]:
    """Section 1 in the document's layout: lines and totals down, years across, Styringsområde first.

    Rows as :meth:`model.CaseResult.section1_rows` gives them (the layout's
    ``SECTION1_ROWS`` below the permanent lines); the totals are translated,
    the sum rows in bold.
    """
    rows = result.section1_rows()
    columns = {
        "": [row.label if row.kind == "line" else t(_SECTION1_I18N[row.key]) for row in rows],
        t("case.area"): [_area(row.area) for row in rows],
        **_year_columns(result.years, rows),
    }
    return pd.DataFrame(columns), [i for i, row in enumerate(rows) if row.bold]


def _year_columns(years: Sequence[int], rows: Sequence[Row]) -> dict[str, list[str]]:
    """One column of formatted amounts per year (``"2025"``: the rows' values that year)."""
    cells = [[format_amount(value) for value in row.values] for row in rows]
    return {str(year): [row[index] for row in cells] for index, year in enumerate(years)}


_SECTION1_I18N = {spec.series: spec.i18n for spec in SECTION1_ROWS}
_AREA_I18N = {"service": "area.Service", "anlaeg": "area.Anlæg"}


def _area(area: str) -> str:
    return t(_AREA_I18N[area]) if area else ""


def has_table(result: CaseResult, number: int) -> bool:
    """Whether table ``number`` (1-3) of ``result`` has lines (its rows are more than the total)."""
    return len(result.table_rows(_table_spec(number).key)) > 1


def _table_spec(number: int) -> TableSpec:
    return next(spec for spec in TABLES if spec.number == number)


def table_frame(result: CaseResult, number: int) -> tuple[pd.DataFrame, list[int]] | None:
    """Table 1 (varige ændringer), 2 (serviceinvesteringer) or 3 (anlæg); None when it has no lines."""
    spec = _table_spec(number)
    rows = result.table_rows(spec.key)
    if len(rows) <= 1:
        return None
    columns = {t("col.line"): [row.label if row.kind == "line" else t(spec.total_i18n) for row in rows]}
    if spec.innovation_marker:
        columns[t("col.innovation")] = ["X" if row.innovation else "" for row in rows]
    columns |= _year_columns(result.years, rows)
    if spec.row_totals:
        columns[t("total")] = [format_amount(row.total) for row in rows]
    return pd.DataFrame(columns), [len(rows) - 1]


def kpi_rows(results: Sequence[tuple[str, CaseResult]]) -> pd.DataFrame:
    """Key figures side by side: one row per figure, one column per (name, result)."""
    spec = [
        ("kpi.price_level", lambda r: str(r.case.price_level)),
        ("kpi.years", lambda r: f"{r.years[0]}-{r.years[-1]}"),
        ("kpi.drift", lambda r: format_amount(r.kpis.drift)),
        ("kpi.anlaeg", lambda r: format_amount(r.kpis.anlaeg)),
        ("kpi.innovation", lambda r: format_amount(r.kpis.innovation)),
        ("col.payback", lambda r: payback_text(r.kpis.payback_years)),
        ("kpi.payback_exact", lambda r: format_fixed(r.kpis.payback_exact, 1)),
        ("kpi.discounted_payback", lambda r: payback_text(r.kpis.discounted_payback_years)),
        ("kpi.net_permanent", lambda r: format_amount(r.kpis.net_permanent)),
        ("kpi.npv", lambda r: format_amount(r.kpis.npv)),
        ("kpi.irr", lambda r: format_percent_da(r.kpis.irr)),
        ("kpi.fte", lambda r: format_number(r.kpis.fte_full, 1)),
    ]
    data = {t("compare.kpi"): [t(key) for key, _ in spec]}
    for name, result in results:
        data[name] = [show(result) for _, show in spec]
    return pd.DataFrame(data)


def yearly_rows(results: Sequence[tuple[str, CaseResult]], relative: bool) -> pd.DataFrame:
    """The yearly totals of several cases aligned on one set of year columns.

    Per case: Samlet varig ændring, Samlede implementeringsomkostninger
    (investment pool), Samlet økonomisk påvirkning and its cumulative sum
    with all funding. Columns are calendar years, or years since each case's
    start (``relative``); blank where a case has no such year.
    """
    rows = []
    for name, result in results:
        flows = result.flows
        series = [
            ("row.permanent", flows.permanent),
            ("row.implementation", flows.implementation),
            ("row.total_impact", flows.total_impact),
            ("row.cumulative", flows.cumulative),
        ]
        for key, values in series:
            cells = {
                (str(i) if relative else str(year)): format_amount(float(v))
                for i, (year, v) in enumerate(zip(result.years, values, strict=True))
            }
            rows.append({t("chart.variant"): name, t("compare.row"): t(key), **cells})
    frame = pd.DataFrame(rows)
    fixed = [t("chart.variant"), t("compare.row")]
    years = sorted((c for c in frame.columns if c not in fixed), key=int)
    return frame[fixed + years].fillna("")


def assumption_groups(case: Case) -> list[tuple[str, list[Assumption]]]:
    """The case's assumptions by ``group``, groups in the order they first appear in the file."""
    groups: dict[str, list[Assumption]] = {}
    for assumption in case.assumptions:
        groups.setdefault(assumption.group, []).append(assumption)
    return list(groups.items())


def kpi_delta(current: float | None, document: float | None, show: Callable[[float], str], changed: bool) -> str | int | None:
    """The change of a key figure against the document, for ``st.metric``'s delta.

    None when the case is unchanged or either figure is missing (no payback);
    the number 0 (shown grey) when the change rounds away; otherwise the
    formatted difference with its sign, ``+1.000`` or ``-1 år``.
    """
    if not changed or current is None or document is None:
        return None
    difference = current - document
    text = show(difference)
    if text.lstrip("+-−") in ("0", "0 år", "0 years", "0,0"):
        return 0
    return text if difference < 0 else f"+{text}"


def _table_name(table: str) -> str:
    return " / ".join(t(f"audit.table.{part}") if f"audit.table.{part}" in TEXTS else part for part in table.split(" vs "))


#: Findings columns holding numbers (right-aligned), by their i18n key.
FINDING_NUMBERS = ("audit.col.reported", "audit.col.computed", "audit.col.difference")


def findings_frame(findings: Sequence[Finding], with_case: bool = False) -> pd.DataFrame:
    """Audit findings as a table: where, printed, computed, difference (printed − computed), which check."""
    rows = []
    for finding in findings:
        row = {t("col.case"): finding.case} if with_case else {}
        row |= {
            t("audit.col.table"): _table_name(finding.table),
            t("col.line"): finding.line,
            t("audit.col.year"): str(finding.year) if finding.year is not None else t("total"),
            t("audit.col.reported"): format_number(finding.reported, 1),
            t("audit.col.computed"): format_number(finding.computed, 1),
            t("audit.col.difference"): format_number(finding.difference, 1),
            t("audit.col.check"): t(f"audit.check.{finding.check}"),
        }
        rows.append(row)
    return pd.DataFrame(rows)
