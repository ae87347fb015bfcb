"""A scenario applied to the case files: the cases, settings and portfolio it stands for.

The engine never sees a scenario: :func:`scenario_cases` turns a
:class:`ScenarioDocument` and the case folder's cases into plain
:class:`model.Case` objects (changed values applied, the scenario's own
case files parsed) and :class:`model.Settings`, which the usual functions
evaluate. Problems (a change to a case or assumption that no longer
exists, a value out of range, a case file that does not parse) become one
message each; the rest is still used.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import datetime

from ..evaluate import EvaluationError, Settings, assumption_values, evaluate
from ..loader import CaseFileError, parse_case
from ..portfolio import Portfolio, evaluate_cases
from ..schema import Case, OverviewReport
from .document import CaseFile, ScenarioDocument

__all__ = ["AppliedScenario", "apply_value", "import_case_file", "scenario_cases", "scenario_portfolio", "scenario_settings"]


@dataclass(frozen=True)
class AppliedScenario:
    """The cases a scenario stands for: ``cases`` every case (changed), ``included`` the overview's, ``errors`` one line each."""

    cases: dict[str, Case]
    included: tuple[str, ...]
    settings: Settings
    errors: tuple[str, ...]


def scenario_settings(document: ScenarioDocument) -> Settings:
    """:class:`model.Settings` with the scenario's changed fields; ``ValueError`` when they are impossible."""
    known = {f.name for f in fields(Settings)}
    values = {k: (int(v) if k == "horizon" else float(v)) for k, v in document.settings.items() if k in known}
    return Settings(**values)


def scenario_cases(document: ScenarioDocument, base: Mapping[str, Case]) -> AppliedScenario:
    """The scenario's cases: ``base`` (the case folder's, by id) then its own case files, with its changes applied."""
    errors: list[str] = []
    cases = dict(base)
    for case_file in document.case_files:
        try:
            case = parse_case(case_file.text, f"scenario case file {case_file.case}")
        except CaseFileError as exc:
            errors.append(str(exc))
            continue
        cases.setdefault(case.id, case)
    for case_id, values in document.values().items():
        if case_id not in cases:
            errors.append(f"scenario change to case {case_id}: no such case in the case files")
            continue
        usable = {}
        for name, value in values.items():
            try:
                cases[case_id].with_values({name: value})
            except (KeyError, ValueError) as exc:
                problem = exc.args[0] if exc.args else type(exc).__name__
                errors.append(f"scenario change {case_id}.{name} = {value}: {problem}")
                continue
            usable[name] = value
        cases[case_id] = cases[case_id].with_values(usable)
    if document.included is None:
        included = tuple(cid for cid in base if cid in cases)
    else:
        chosen = set(document.included)
        included = tuple(cid for cid in cases if cid in chosen)
    try:
        settings = scenario_settings(document)
    except ValueError as exc:
        errors.append(f"scenario settings: {exc}")
        settings = Settings()
    return AppliedScenario(cases, included, settings, tuple(errors))


def scenario_portfolio(document: ScenarioDocument, base: Sequence[Case], report: OverviewReport | None = None) -> Portfolio:
    """The included cases evaluated with the scenario's settings (what ``summary --scenario`` prints)."""
    applied = scenario_cases(document, {case.id: case for case in base})
    portfolio = evaluate_cases([applied.cases[cid] for cid in applied.included], applied.settings, report)
    return Portfolio(portfolio.results, portfolio.overview, portfolio.report, applied.errors + portfolio.errors)


def apply_value(
    document: ScenarioDocument,
    cases: Mapping[str, Case],
    case_id: str,
    assumption: str,
    value: float,
    note: str = "",
    author: str = "",
    at: datetime | None = None,
) -> ScenarioDocument:
    """``document`` with ``case_id.assumption = value``, checked against the case like the app checks a typed value.

    ``KeyError`` (unknown case or assumption) and ``ValueError`` (outside the
    assumption's minimum/maximum, or a formula then gives no finite amount)
    carry a message naming the case and assumption. The case file's own
    value removes the change (the note with it).
    """
    if case_id not in cases:
        msg = f"no case {case_id!r} (cases: {', '.join(cases) or 'none'})"
        raise KeyError(msg)
    document_case = cases[case_id]
    values = {**document.values().get(case_id, {}), assumption: float(value)}
    try:
        candidate = document_case.with_values(values)
    except KeyError:
        msg = f"case {case_id} has no assumption {assumption!r}"
        raise KeyError(msg) from None
    except ValueError as exc:
        msg = f"{case_id}.{assumption} = {value}: {exc}"
        raise ValueError(msg) from None
    try:
        evaluate(candidate)
    except EvaluationError as exc:
        msg = f"{case_id}.{assumption} = {value}: {exc}"
        raise ValueError(msg) from None
    if assumption_values(document_case)[assumption] == float(value):
        return document.with_change(case_id, assumption, None)
    return document.with_change(case_id, assumption, float(value), note, author, at)


def import_case_file(
    document: ScenarioDocument, case: Case, text: str, base: Mapping[str, Case], author: str = ""
) -> ScenarioDocument:
    """Bring a case file into the scenario, as the app's upload does.

    A file for a case of ``base`` that differs only in assumption values
    becomes changes (each noted as coming from the file); any other case is
    kept as an uploaded case file (its whole ``text``) and included.
    """
    known = base.get(case.id)
    if known is not None:
        theirs, ours = assumption_values(case), assumption_values(known)
        if set(theirs) == set(ours):
            changed = {k: v for k, v in theirs.items() if v != ours[k]}
            if known.with_values(changed) == case:
                for name, value in changed.items():
                    document = document.with_change(case.id, name, value, f"fra filen {case.id}", author)
                return document
        msg = f"case {case.id} is already a case of the case files; give the file another id to add it"
        raise ValueError(msg)
    files = tuple(f for f in document.case_files if f.case != case.id)
    included = None if document.included is None else [c for c in document.included if c != case.id]
    start = list(base) if included is None else included
    return document.model_copy(
        update={"case_files": (*files, CaseFile(case=case.id, kind="upload", text=text)), "included": [*start, case.id]}
    )
