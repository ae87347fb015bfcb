"""The document's layout, declared once: tables 1-3, the rows of section 1, the overview's columns.

Every business case prints the same tables (see ``docs/case-format.md``):
section 1 (the permanent lines, then the totals), table 1 (permanent
changes), table 2 (service investments, with an X for the innovation pool),
table 3 (capital investments), and a first page with one row per case. This
module says which lines and aggregates each of them shows, what the
document calls them (Danish) and how their figures are formatted. The
evaluator, the audit, the CSV/XLSX exporters and the app's tables iterate
these declarations; none of them lists rows or columns of its own.

Adding an overview column or a section-1 row is one entry here plus its
translation in ``ui/i18n.py`` (see ``docs/architecture.md``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # schema imports this module; Line is only a type here
    from .schema import Line

__all__ = [
    "AGGREGATES",
    "AREA_LABELS",
    "OVERVIEW_COLUMNS",
    "SECTION1_AGGREGATES",
    "SECTION1_ROWS",
    "TABLES",
    "Aggregate",
    "NumberKind",
    "OverviewColumn",
    "Section1Row",
    "TableSpec",
    "table",
]

#: How a figure is shown: an amount in 1.000 kr. (``1.234``), whole years
#: (``5 år``; "-" for none), a number with one decimal (årsværk), or text.
NumberKind = Literal["amount", "years", "decimal", "text"]

#: The document's name of each ``Line.area`` (the column "Styringsområde").
AREA_LABELS: dict[str, str] = {"service": "Service", "anlaeg": "Anlæg"}


@dataclass(frozen=True)
class TableSpec:
    """Table 1, 2 or 3: which lines it shows (``Line.table == key``) and how it is printed.

    ``title`` and ``total_label`` are the document's Danish; ``i18n`` and
    ``total_i18n`` their keys in ``ui/i18n.py``. ``row_totals``: an "I alt"
    column (tables 2 and 3). ``innovation_marker``: the "Innovationspulje"
    column with an X per line sought from the innovation pool (table 2).
    """

    key: str
    number: int
    title: str
    total_label: str
    i18n: str
    total_i18n: str
    row_totals: bool = False
    innovation_marker: bool = False


TABLES: tuple[TableSpec, ...] = (
    TableSpec("table1", 1, "Tabel 1. Varige ændringer", "Varige ændringer totalt", "case.table1", "case.table.total1"),
    TableSpec(
        "table2",
        2,
        "Tabel 2. Serviceinvesteringer",
        "Investeringer totalt, service",
        "case.table2",
        "case.table.total2",
        row_totals=True,
        innovation_marker=True,
    ),
    TableSpec(
        "table3",
        3,
        "Tabel 3. Anlægsinvesteringer",
        "Investeringer totalt, anlæg",
        "case.table3",
        "case.table.total3",
        row_totals=True,
    ),
)


def table(key_or_number: str | int) -> TableSpec:
    """The table spec by key (``"table2"``) or number (``2``); ``KeyError`` if there is none."""
    for spec in TABLES:
        if key_or_number in (spec.key, spec.number):
            return spec
    raise KeyError(key_or_number)


@dataclass(frozen=True)
class Aggregate:
    """A sum of lines the document prints as a row: its key (the case file's ``aggregate``) and members.

    ``includes(line)`` says whether the line counts in it; the sum per year is
    :meth:`model.Flows.aggregate` (1.000 kr., costs +, savings -).
    """

    key: str
    description: str
    includes: Callable[[Line], bool]


def _pool(line: Line) -> bool:
    return line.funding == "investeringspulje"


#: Aggregate rows of section 1 and tables 1-3, as the document prints them (keys as in case files).
AGGREGATES: dict[str, Aggregate] = {
    a.key: a
    for a in (
        Aggregate("permanent", "Samlet varig ændring (all permanent lines)", lambda ln: ln.table == "table1"),
        Aggregate(
            "service_investment",
            "Serviceinvesteringer, investment pool only (as section 1 shows them)",
            lambda ln: ln.table == "table2" and _pool(ln),
        ),
        Aggregate(
            "service_investment_all",
            "Serviceinvesteringer incl. innovation pool (table 2's total)",
            lambda ln: ln.table == "table2",
        ),
        Aggregate("capital_investment", "Anlægsinvesteringer (table 3's total)", lambda ln: ln.table == "table3"),
        Aggregate(
            "implementation",
            "Samlede implementeringsomkostninger (section 1, investment pool only)",
            lambda ln: ln.kind == "one_off" and _pool(ln),
        ),
        Aggregate("total_impact", "Samlet økonomisk påvirkning (section 1, investment pool only)", _pool),
    )
}


@dataclass(frozen=True)
class Section1Row:
    """A total row of section 1, below the permanent lines.

    ``series`` names the :class:`model.Flows` series it shows (an aggregate
    key, or ``cumulative``); ``label`` is the document's Danish, ``i18n``
    its key in ``ui/i18n.py``; ``area`` the Styringsområde it prints (a
    ``Line.area`` or ""); ``bold`` for the document's sum rows; ``heading``
    a subheading the workbook prints just above the row.
    """

    series: str
    label: str
    i18n: str
    area: str = ""
    bold: bool = False
    heading: str = ""


#: Section 1 below its permanent lines, in the document's order.
SECTION1_ROWS: tuple[Section1Row, ...] = (
    Section1Row("permanent", "Samlet varig ændring", "row.permanent", bold=True),
    Section1Row(
        "service_investment",
        "Serviceinvesteringer",
        "row.service_investment",
        area="service",
        heading="Implementeringsomkostninger",
    ),
    Section1Row("capital_investment", "Anlægsinvesteringer", "row.capital_investment", area="anlaeg"),
    Section1Row("implementation", "Samlede implementeringsomkostninger", "row.implementation", bold=True),
    Section1Row("total_impact", "Samlet økonomisk påvirkning", "row.total_impact", bold=True),
    Section1Row("cumulative", "Akkumuleret, alle midler", "row.cumulative"),
)


@dataclass(frozen=True)
class OverviewColumn:
    """A column of the overview (the document's first page).

    ``key``: the field of :class:`model.OverviewLine` (and :class:`model.KPIs`).
    ``name``: the document's Danish name, ``unit`` its unit ("" for none);
    :attr:`label` puts them together, as the CSV and the workbook print the
    header. ``heading``: the short header of the formatted overview sheet,
    which states the unit once above the table. ``i18n``: the app table's
    header key; ``export_i18n``: the key of the translated export header.
    ``kind``: how its figures are shown; ``summed``: "I alt" adds it up.
    """

    key: str
    name: str
    unit: str
    heading: str
    i18n: str
    export_i18n: str
    kind: NumberKind
    summed: bool = True

    @property
    def label(self) -> str:
        """``name (unit)``, or the name alone: ``"Drift (1.000 kr.)"``."""
        return f"{self.name} ({self.unit})" if self.unit else self.name


_TKR = "1.000 kr."

#: The overview's columns in the document's order (Case and Titel, then the figures).
OVERVIEW_COLUMNS: tuple[OverviewColumn, ...] = (
    OverviewColumn("id", "Case", "", "Case", "col.case", "col.case", "text", summed=False),
    OverviewColumn("title", "Titel", "", "Titel", "col.title", "col.title", "text", summed=False),
    OverviewColumn("drift", "Drift", _TKR, "Drift", "col.drift", "kpi.drift", "amount"),
    OverviewColumn("anlaeg", "Anlæg", _TKR, "Anlæg", "col.anlaeg", "kpi.anlaeg", "amount"),
    OverviewColumn(
        "payback_years",
        "Tilbagebetalingstid",
        "år",
        "Tilbagebetalingstid (år)",
        "col.payback",
        "csv.payback",
        "years",
        summed=False,
    ),
    OverviewColumn(
        "net_permanent",
        "Varig effektivisering, netto",
        _TKR,
        "Varig effektivisering netto",
        "col.net_permanent",
        "kpi.net_permanent",
        "amount",
    ),
    OverviewColumn("npv", "Nutidsværdi", _TKR, "Nutidsværdi", "col.npv", "kpi.npv", "amount"),
    OverviewColumn("fte_full", "Årsværk frigjort", "", "Årsværk", "col.fte", "kpi.fte", "decimal"),
)

#: (label, aggregate key) of section 1's aggregate rows; derived from :data:`SECTION1_ROWS`, kept for older callers.
SECTION1_AGGREGATES: tuple[tuple[str, str], ...] = tuple((r.label, r.series) for r in SECTION1_ROWS if r.series in AGGREGATES)
