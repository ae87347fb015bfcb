"""Many cases at once: load, evaluate, overview and audit, errors kept per file.

This is what the command line does, as functions a script or notebook can
call::

    from model import evaluate_paths, summary_data, audit_findings
    portfolio = evaluate_paths(["cases"])
    summary_data(portfolio)["overview"]["total"]["anlaeg"]   # 54246.0
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .audit import Finding, audit_case, audit_overview
from .evaluate import CaseResult, EvaluationError, Settings, evaluate
from .loader import load_paths
from .overview import Overview, overview
from .schema import Case, OverviewReport

__all__ = ["Portfolio", "audit_findings", "evaluate_cases", "evaluate_paths", "summary_data"]


@dataclass(frozen=True)
class Portfolio:
    """Evaluated cases, their overview, the printed overview, and per-file errors.

    ``errors`` are one-line messages naming the file (or case) and the
    problem: an invalid file or a case that cannot be evaluated; the other
    cases are evaluated regardless. ``warnings`` are one-line messages about
    files that are valid but do not go together: cases at different price
    levels (the overview's total is then None). ``overview`` is None when no
    case could be evaluated.
    """

    results: tuple[CaseResult, ...]
    overview: Overview | None
    report: OverviewReport | None
    errors: tuple[str, ...]
    warnings: tuple[str, ...] = ()


def evaluate_cases(
    cases: Sequence[Case],
    settings: Settings | None = None,
    report: OverviewReport | None = None,
    sources: Sequence[str] = (),
) -> Portfolio:
    """Evaluate ``cases`` (already loaded) into a :class:`Portfolio`.

    ``sources``, where given, names the file of each case in its error message.
    """
    results: list[CaseResult] = []
    errors: list[str] = []
    warnings: list[str] = []
    for index, case in enumerate(cases):
        try:
            results.append(evaluate(case, settings))
        except EvaluationError as exc:
            errors.append(f"{sources[index]}: {exc}" if index < len(sources) else str(exc))
    table = overview(results, allow_mixed_price_levels=True) if results else None
    if table is not None and table.total is None:
        levels = ", ".join(f"{r.case.id}: {r.case.price_level}" for r in results)
        warnings.append(f"no 'I alt' row: the cases are at different price levels ({levels})")
    return Portfolio(tuple(results), table, report, tuple(errors), tuple(warnings))


def evaluate_paths(paths: Iterable[str | Path], settings: Settings | None = None) -> Portfolio:
    """Load case files and folders (see :func:`model.load_paths`) and evaluate them."""
    loaded = load_paths(paths)
    portfolio = evaluate_cases(loaded.cases, settings, loaded.overview, loaded.sources)
    file_errors = tuple(str(e) for e in loaded.errors)
    return Portfolio(portfolio.results, portfolio.overview, portfolio.report, file_errors + portfolio.errors, portfolio.warnings)


def summary_data(portfolio: Portfolio) -> dict[str, object]:
    """The command line's summary JSON: every case's yearly figures and KPIs, and the overview."""
    return {
        "cases": [r.summary() for r in portfolio.results],
        "overview": portfolio.overview.to_dict() if portfolio.overview else None,
        "errors": list(portfolio.errors),
        "warnings": list(portfolio.warnings),
    }


def audit_findings(portfolio: Portfolio) -> list[Finding]:
    """Every finding of every case, then the overview page's."""
    findings = [f for r in portfolio.results for f in audit_case(r)]
    if portfolio.report is not None and portfolio.overview is not None:
        findings += audit_overview(portfolio.report, portfolio.overview)
    return findings
