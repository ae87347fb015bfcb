"""The memo's Danish sentences and labels, built from its figures (Danish number format)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..danish import format_amount, format_fixed, format_number, format_percent_da, format_value, format_years
from ..slips import Slip
from ..uncertainty import SwitchingValue, Threshold
from .content import CaseMemo, LeftOut, Memo

__all__ = [
    "KPI_LABELS",
    "TABLE_NAMES",
    "TABLE_TITLES",
    "case_summary",
    "left_out_text",
    "portfolio_summary",
    "slip_text",
    "switching_text",
]

#: The key-figure box, in order: Drift, Anlæg, payback, net permanent effect, NPV, årsværk.
KPI_LABELS = (
    "Drift",
    "Anlæg",
    "Tilbagebetalingstid",
    "Varig effektivisering, netto",
    "Nutidsværdi (NPV)",
    "Årsværk frigjort",
)
#: The portfolio choice's pools and objectives as the app names them.
POOL_NAMES = {"service": "Drift (investeringspuljen)", "innovation": "Innovationspuljen", "anlaeg": "Anlæg"}
OBJECTIVE_NAMES = {"npv": "Nutidsværdi", "net_permanent": "Varig effektivisering netto", "fte": "Årsværk frigjort"}
#: Tables 1-3 as the documents title them.
TABLE_TITLES = {1: "Varige ændringer", 2: "Serviceinvesteringer", 3: "Anlægsinvesteringer"}
#: The audit's table ids as a reader names them.
TABLE_NAMES = {
    "section1": "afsnit 1",
    "table1": "tabel 1",
    "table2": "tabel 2",
    "table3": "tabel 3",
    "overview": "oversigten",
}


def case_summary(entry: CaseMemo) -> str:
    """One paragraph: what the case costs, what it saves, when it pays back, what it is worth, what changed."""
    result = entry.result
    k = result.kpis
    parts = [
        f"Forslaget søger {format_amount(k.drift)} t.kr. til serviceinvesteringer og {format_amount(k.anlaeg)} t.kr. "
        f"til anlæg ({result.years[0]}–{result.years[-1]}, {result.case.price_level} p/l)"
        + (f", og {format_amount(k.innovation)} t.kr. fra innovationspuljen." if k.innovation > 0 else ".")
    ]
    if k.net_permanent < 0:
        saving = format_amount(-k.net_permanent)
        parts.append(f"Fuldt indfaset giver det en varig nettoeffektivisering på {saving} t.kr. om året.")
    elif k.net_permanent > 0:
        parts.append(f"Fuldt indfaset giver det varige nettoudgifter på {format_amount(k.net_permanent)} t.kr. om året.")
    if k.payback_years is None:
        parts.append("Investeringen tilbagebetales ikke (en grundinvestering uden egne gevinster).")
    else:
        parts.append(f"Investeringen er tilbagebetalt efter {format_years(k.payback_years)}.")
    s = result.settings
    irr = f", en intern rente på {format_percent_da(k.irr)}" if k.irr is not None else ""
    parts.append(
        f"Nutidsværdien af nettobesparelserne over {s.horizon} år ved {format_percent_da(s.discount_rate)} er "
        f"{format_amount(k.npv)} t.kr.{irr}; forslaget frigør {format_fixed(k.fte_full, 1)} årsværk."
    )
    if entry.changes:
        changed = ", ".join(
            f"{c.label} ({format_value(c.document, c.unit)} → {format_value(c.value, c.unit)} {c.unit})" for c in entry.changes
        )
        d = entry.document.kpis if entry.document is not None else k
        parts.append(
            f"Tallene bygger på ændrede forudsætninger i forhold til dokumentet: {changed}; i dokumentet var "
            f"tilbagebetalingstiden {format_years(d.payback_years)} og den varige effektivisering "
            f"{format_amount(d.net_permanent)} t.kr."
        )
    else:
        parts.append("Tallene er dokumentets egne forudsætninger.")
    return " ".join(parts)


def portfolio_summary(memo: Memo) -> str:
    """One paragraph on a portfolio choice: which cases, what they cost and save together."""
    t = memo.totals
    ids = ", ".join(f"{c.result.case.id} {c.result.case.title}" for c in memo.cases)
    changed = sum(len(c.changes) for c in memo.cases)
    return (
        f"Valget omfatter {len(memo.cases)} forslag: {ids}. Tilsammen søges {format_amount(t['drift'])} t.kr. til "
        f"serviceinvesteringer og {format_amount(t['anlaeg'])} t.kr. til anlæg; den varige effektivisering, netto, er "
        f"{format_amount(t['net_permanent'])} t.kr. om året, nutidsværdien i alt {format_amount(t['npv'])} t.kr. "
        f"(hvert forslags nutidsværdi fra dets første år), og der frigøres {format_fixed(t['fte'], 1)} årsværk. "
        + (f"{changed} forudsætninger er ændret i forhold til dokumenterne (se afsnit 2 under hvert forslag)." if changed
           else "Tallene er dokumenternes egne forudsætninger.")
    )  # fmt: skip


def _cell(table: str, line: str, year: int | None, names: Mapping[str, str]) -> str:
    where = " / ".join(names.get(part, part) for part in table.split(" vs "))
    return f"{where}, {line}, {year if year is not None else 'I alt'}"


def slip_text(slip: Slip, names: Mapping[str, str]) -> str:
    """One slip in a sentence: where, what is printed, what it should be, and the cells it shows up in."""
    printed = format_number(slip.printed, 1) if slip.printed is not None else "-"
    correct = format_number(slip.correct, 1) if slip.correct is not None else "-"
    cells = "; ".join(_cell(table, line, year, names) for table, line, year in slip.cells)
    count = len(slip.cells)
    return (
        f"Regnefejl i {names.get(slip.table, slip.table)}, {slip.line}: trykt {printed}, korrekt {correct}. "
        f"Ses i {count} {'celle' if count == 1 else 'celler'}: {cells}."
    )


def switching_text(threshold: Threshold, meets: bool, found: Sequence[SwitchingValue]) -> str:
    """The switching values of one threshold in a sentence (the three nearest to their base, relatively)."""
    if threshold.kpi == "npv":
        test = "nutidsværdien er positiv" if meets else "nutidsværdien bliver positiv"
    else:
        years = format_number(threshold.limit, 0)
        test = f"tilbagebetalingstiden højst er {years} år" if meets else f"tilbagebetalingstiden bliver højst {years} år"
    if not found:
        return f"Nulpunktsværdier ({test}): ingen enkelt forudsætning ændrer udfaldet inden for det undersøgte spænd."
    nearest = sorted(found, key=lambda r: abs(r.change) if r.change is not None else float("inf"))[:3]
    listed = "; ".join(
        f"{r.range.label} {format_value(r.range.base, r.range.unit)} → {format_value(r.value, r.range.unit)} {r.range.unit}"
        + (f" ({format_percent_da(r.change, 0)})" if r.change is not None else "")
        for r in nearest
    )
    if meets:
        return f"Nulpunktsværdier ({test}): udfaldet vender, hvis én af disse forudsætninger alene når: {listed}."
    return f"Nulpunktsværdier: {test}, hvis én af disse forudsætninger alene når: {listed}."


def left_out_text(case: LeftOut) -> str:
    """Why the choice does not fund ``case``, in Danish, from its own reason (code and figures; 1.000 kr.)."""
    p = case.params
    with_cases = f" med forudsætning(er) {p['cases']}" if p.get("cases") else ""
    if case.code == "payback":
        years = "aldrig" if p["years"] is None else format_years(p["years"])
        return f"Tilbagebetalingstid over grænsen: {years} (grænse {p['limit']} år){with_cases}"
    if case.code == "alternative":
        return f"Alternativ valgt: {p['cases']}"
    if case.code == "prerequisite":
        return f"Forudsætning ikke valgt: {p['cases']}"
    if case.code == "no_value":
        value = format_number(float(p["value"]), 1) if case.objective == "fte" else format_amount(float(p["value"]))
        return f"Tilfører intet: {OBJECTIVE_NAMES[case.objective]} {value}{with_cases}"
    where = POOL_NAMES[str(p["pool"])] + (f" {p['year']}" if p["year"] is not None else "")
    needed, limit = format_amount(float(p["needed"])), format_amount(float(p["limit"]))
    return f"Budget: {where} ville blive {needed} (loft {limit}){with_cases}"
