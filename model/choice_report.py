"""The portfolio choice as plain data (the command line's JSON) and as a text table.

Amounts in 1.000 kr., costs +, savings −; NPVs on the choice's base year.
"""

from __future__ import annotations

from collections.abc import Mapping

from .choice import Choice, Limit, PoolUse
from .danish import format_amount, format_number, format_years

__all__ = ["choice_data", "choice_table", "limit_text"]


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 6)


def _limit_data(use: PoolUse) -> dict[str, object]:
    if isinstance(use.limit, Mapping):
        return {
            "limit": {str(y): _round(v) for y, v in sorted(use.limit.items())},
            "used": {str(y): _round(use.used_by_year.get(y, 0.0)) for y in sorted(use.limit)},
        }
    return {"limit": _round(use.limit), "used": _round(use.used)}


def choice_data(choice: Choice) -> dict[str, object]:
    """The JSON of ``python -m model portfolio``: exactly the keys the issue names.

    ``budget.<pool>.limit`` is null (no limit), a number (total over the
    years) or ``{year: number}`` (per year, then ``used`` is per year too).
    ``value`` is the objective summed over the chosen cases in its own sign
    (npv: + pays; net_permanent: − saves; fte: årsværk).
    """
    return {
        "objective": choice.options.objective,
        "value": _round(choice.value),
        "base_year": choice.base_year,
        "chosen": list(choice.chosen),
        "prerequisites": {case: list(needs) for case, needs in choice.requires.items() if needs},
        "cases": [
            {
                "id": f.id,
                "npv_base": _round(f.npv_base),
                "drift": _round(f.drift),
                "innovation": _round(f.innovation),
                "anlaeg": _round(f.anlaeg),
                "net_permanent": _round(f.net_permanent),
                "fte": _round(f.fte),
                "payback_years": f.payback_years,
            }
            for f in choice.cases
        ],
        "budget": {use.pool: _limit_data(use) for use in choice.budget},
        "bundles": [
            {"ids": list(b.ids), "payback_years": b.payback_years, "npv": _round(b.npv), "net_permanent": _round(b.net_permanent)}
            for b in choice.bundles
        ],
        "not_chosen": [{"id": e.id, "reason": e.text} for e in choice.not_chosen],
    }


def limit_text(limit: Limit) -> str:
    """A limit as text: "no limit", "5.000" or "2017: 3.000, 2018: 2.000"."""
    if limit is None:
        return "no limit"
    if isinstance(limit, Mapping):
        return ", ".join(f"{y}: {format_amount(v)}" for y, v in sorted(limit.items()))
    return format_amount(limit)


def _value_text(choice: Choice, value: float) -> str:
    return format_number(value, 1) if choice.options.objective == "fte" else format_amount(value)


def choice_table(choice: Choice) -> str:
    """The answer for a terminal: cases, reasons, budgets, bundles, the next million."""
    chosen = set(choice.chosen)
    reasons = {e.id: e.text for e in choice.not_chosen}
    out = [
        f"Objective: {choice.options.objective}; value {_value_text(choice, choice.value)}"
        f"; NPVs on base year {choice.base_year if choice.base_year is not None else '-'}",
        "",
        f"{'Case':<8} {'Funded':<7} {'NPV base':>9} {'Drift':>8} {'Innov.':>7} {'Anlæg':>8} {'Netto':>8} "
        f"{'Årsv.':>6} {'Tilb.':>6}  Why not",
    ]
    for f in choice.cases:
        out.append(
            f"{f.id:<8} {'yes' if f.id in chosen else 'no':<7} {format_amount(f.npv_base):>9} {format_amount(f.drift):>8} "
            f"{format_amount(f.innovation):>7} {format_amount(f.anlaeg):>8} {format_amount(f.net_permanent):>8} "
            f"{format_number(f.fte, 1):>6} {format_years(f.payback_years):>6}  {reasons.get(f.id, '')}"
        )
    if not choice.cases:
        out.append("No cases to choose among.")
    elif not choice.chosen:
        out.append("Nothing is funded: every case is out for the reason shown.")
    out += ["", "Budgets (1.000 kr.):"]
    for use in choice.budget:
        binding = f"; binding: {', '.join(use.binding)}" if use.binding else ""
        years = ", ".join(f"{y}: {format_amount(v)}" for y, v in use.used_by_year.items() if abs(v) > 1e-9)
        out.append(f"  {use.pool:<10} limit {limit_text(use.limit)}; used {format_amount(use.used)} ({years or '-'}){binding}")
    if choice.requires and any(choice.requires.values()):
        needs = "; ".join(f"{c} requires {', '.join(v)}" for c, v in choice.requires.items() if v)
        out += ["", f"Prerequisites: {needs}"]
    if choice.groups:
        out.append("Alternatives (at most one): " + "; ".join(f"{g}: {', '.join(ids)}" for g, ids in choice.groups.items()))
    if choice.bundles:
        out += ["", "Funded with their prerequisites, as one flow series:"]
        for b in choice.bundles:
            out.append(
                f"  {' + '.join(b.ids)}: payback {format_years(b.payback_years)}, NPV {format_amount(b.npv)}, "
                f"net permanent effect {format_amount(b.net_permanent)}"
            )
    if choice.next_million:
        out += ["", "The next 1 mio. kr.:"]
        for more in choice.next_million:
            where = f"{more.pool} {more.year}" if more.year is not None else more.pool
            change = ", ".join([*(f"+{c}" for c in more.added), *(f"-{c}" for c in more.removed)]) or "no change"
            sign = "+" if more.gain >= 0 else ""
            gain = f"{sign}{_value_text(choice, more.gain)}"
            out.append(f"  {where:<16} {change}; value {_value_text(choice, more.value)} ({gain})")
    return "\n".join(out)
