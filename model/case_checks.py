"""What only the whole case can tell: the checks of a case file across its fields.

Each field of a case is checked by its pydantic model (:mod:`model.schema`,
:mod:`model.drivers`); what needs the whole case is checked here, once, after
the fields: assumption, derived-item and line names unique; every formula
naming only known names (version 1's ``indfasning``/``timer`` with a message
of their own); derived items without a cycle; every year inside the case;
the reported tables naming real lines; and the work an evaluation would do
within :mod:`model.budget`. Each problem is one message naming where it is.
"""

from __future__ import annotations

from collections import Counter
from graphlib import CycleError, TopologicalSorter
from typing import TYPE_CHECKING

from .budget import MAX_YEARS, check_work
from .drivers import OLD_NAMES
from .formula import Formula, FormulaError
from .validation import problem

if TYPE_CHECKING:  # schema imports this module; Case is only a type here
    from .schema import Case

__all__ = ["check_case", "check_derived", "check_reported"]


def check_case(case: Case) -> None:
    """Check ``case`` across its fields; the first problem raises, naming where it is.

    Names unique and known, derived items without a cycle, years inside the
    case, reported rows naming real lines, the work within budget.
    """
    if case.id in case.requires:
        msg = f"requires: case {case.id} cannot require itself"
        raise ValueError(msg)
    if case.last_year < case.first_year:
        msg = f"last_year {case.last_year} is before first_year {case.first_year}"
        raise ValueError(msg)
    if case.last_year - case.first_year + 1 > MAX_YEARS:
        msg = f"a case may cover at most {MAX_YEARS} years"
        raise ValueError(msg)
    names = [a.name for a in case.assumptions]
    duplicates = sorted(n for n, count in Counter(names).items() if count > 1)
    if duplicates:
        msg = f"assumption names must be unique; repeated: {', '.join(duplicates)}"
        raise ValueError(msg)
    derived_names = [d.name for d in case.derived]
    counts = Counter(derived_names)
    duplicates = sorted(n for n in counts if counts[n] > 1 or n in set(names))
    if duplicates:
        raise problem(
            "derived_duplicate",
            "derived item names must be unique and differ from the assumptions'; repeated: {names}",
            names=", ".join(duplicates),
        )
    line_names = [line.name for line in case.lines]
    duplicates = sorted(n for n, count in Counter(line_names).items() if count > 1)
    if duplicates:
        msg = f"line names must be unique; repeated: {', '.join(duplicates)}"
        raise ValueError(msg)
    known = set(names) | set(derived_names)
    years = set(case.years)
    weight = check_derived(case, known) * len(years)
    for profile, shares in case.phase_in_profiles.items():
        where = f"phase_in_profiles.{profile}"
        _check_years(where, shares, years, case)
        for year, share in shares.items():
            if isinstance(share, str):
                formula = _parsed(f"{where}.{year}", share)
                _check_names(f"{where}.{year}", formula, known)
                weight += len(share)
    for index, line in enumerate(case.lines):
        where = f"lines[{index}] ({line.name!r})"
        _check_years(f"{where}.amounts", line.amounts or {}, years, case)
        if isinstance(line.phase_in, dict):
            _check_years(f"{where}.phase_in", line.phase_in, years, case)
        elif line.phase_in is not None and line.phase_in not in case.phase_in_profiles:
            raise problem(
                "unknown_profile",
                "{where}.phase_in: no phase-in profile named {name!r} (profiles: {known})",
                where=where,
                name=line.phase_in,
                known=", ".join(sorted(case.phase_in_profiles)) or "none",
            )
        if line.year is not None and line.year not in years:
            raise problem(
                "year_outside",
                "{where}.year: {year} is outside the case ({first}-{last})",
                where=where,
                year=line.year,
                first=case.first_year,
                last=case.last_year,
            )
        try:
            formulas = line.formulas()
        except FormulaError as exc:
            msg = f"{where}: {exc}"
            raise ValueError(msg) from None
        for place, formula in formulas.items():
            _check_names(f"{where}.{place}", formula, known)
        weight += sum(len(f.text) for f in formulas.values()) * len(years)
    rows = sum(len(table.rows) for table in case.reported.tables) if case.reported else 0
    check_work(weight, rows, len(years))
    check_reported(case, years, set(line_names))


def check_derived(case: Case, known: set[str]) -> int:
    """Derived items name only known names and form no cycle; returns their formulas' length."""
    graph: dict[str, set[str]] = {}
    derived_names = {d.name for d in case.derived}
    for index, item in enumerate(case.derived):
        where = f"derived[{index}] ({item.name!r})"
        formula = _parsed(f"{where}.formula", item.formula)
        _check_names(f"{where}.formula", formula, known)
        graph[item.name] = set(formula.names & derived_names)
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as exc:
        cycle = exc.args[1]
        raise problem(
            "derived_cycle",
            "derived items refer to each other in a circle: {cycle}",
            cycle=" → ".join(cycle),
        ) from None
    return sum(len(d.formula) for d in case.derived)


def check_reported(case: Case, years: set[int], line_names: set[str]) -> None:
    """The reported tables cover only the case's years and name only its lines."""
    if case.reported is None:
        return
    for table in case.reported.tables:
        stray = sorted(set(table.years) - years)
        if stray:
            msg = f"reported {table.id}: years {stray} are outside the case ({case.first_year}-{case.last_year})"
            raise ValueError(msg)
        for row in table.rows:
            unknown = sorted(set(row.lines or []) - line_names)
            if unknown:
                msg = f"reported {table.id} row {row.label!r} names unknown line(s): {', '.join(unknown)}"
                raise ValueError(msg)


def _parsed(where: str, text: str) -> Formula:
    try:
        return Formula.parse(text)
    except FormulaError as exc:
        msg = f"{where}: {exc}"
        raise ValueError(msg) from None


def _check_names(where: str, formula: Formula, known: set[str]) -> None:
    """``formula`` at ``where`` names only ``known`` names; version 1's magic names get their own message."""
    old = sorted(formula.names & OLD_NAMES)
    if old:
        raise problem(
            "old_name",
            "{where}: {names} is no formula name in case format 2; use the line's phase_in, round_to and hours "
            "(docs/case-format.md)",
            where=where,
            names=", ".join(repr(n) for n in old),
        )
    unknown = sorted(formula.names - known)
    if unknown:
        raise problem(
            "unknown_name",
            "{where}: formula {formula!r} names unknown assumption(s): {names}",
            where=where,
            formula=formula.text,
            names=", ".join(unknown),
        )


def _check_years(where: str, keys: dict[int, object], years: set[int], case: Case) -> None:
    stray = sorted(set(keys) - years)
    if stray:
        raise problem(
            "years_outside",
            "{where}: years {years} are outside the case ({first}-{last})",
            where=where,
            years=str(stray),
            first=case.first_year,
            last=case.last_year,
        )
