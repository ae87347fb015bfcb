"""``python -m model memo``: the decision memo of one case, a variant or a portfolio choice, as DOCX (and PDF).

    python -m model memo [PATH...] [--case ID]... [--scenario ID [--version N]] [--choice] --docx FILE [--pdf FILE]
        [--set CASE.ASSUMPTION=VALUE [--note TEXT] [--author NAME]]... [--draws N] [--seed S]

PATH is case files or folders (default ``cases/``); ``--case`` picks cases
(repeat it for a portfolio choice; default: every case loaded, or the
scenario's included cases). ``--scenario`` builds the memo from a saved
scenario (the store of ``WORKBENCH_DATABASE_URL``, as ``summary
--scenario``): its changed assumptions with their notes, authors and
times, its own case files and its settings (``--rate``, ``--horizon``,
``--hours-per-fte`` given on the command line win). ``--choice`` makes it
the memo of the portfolio choice among those cases (:func:`model.choose`
under the scenario's budgets, objective, payback limit, prerequisites and
alternatives; none without ``--scenario``): the funded cases, and why each
other is out. ``--set``
changes an assumption (a decimal point, as on every command line); the
``--note`` and ``--author`` after it say why and who, and the memo lists the
change with them. ``--draws`` runs a Monte Carlo simulation of each case for
the P10/P50/P90. The PDF needs LibreOffice; without it the DOCX is still
written, the PDF's absence is said on stderr and the exit status is 1.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from dataclasses import replace
from datetime import UTC, datetime

from ..choice import Choice, choose
from ..choice_scenario import PortfolioScenario, pool_need
from ..evaluate import EvaluationError, Settings, evaluate
from ..loader import load_paths
from ..schema import Case
from ..uncertainty import UncertaintyError, monte_carlo
from .content import ChangeNote, memo_content
from .pdf import PdfUnavailable, memo_pdf
from .writer import memo_docx

__all__ = ["add_parser", "run"]

_VARIANT = re.compile(r"-v[0-9]+\Z")


class _SetAction(argparse.Action):
    """``--set CASE.ASSUMPTION=VALUE``; a following ``--note``/``--author`` attaches to the last ``--set``."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, value: object, option: str | None = None
    ) -> None:
        changes = list(getattr(namespace, "changes", None) or [])
        text = str(value)
        if self.dest == "changes":
            where, _, number = text.partition("=")
            case_id, _, name = where.partition(".")
            try:
                amount = float(number)
            except ValueError:
                amount = math.nan
            if not (case_id and name and math.isfinite(amount)):
                parser.error(f"--set {text!r}: write CASE.ASSUMPTION=VALUE with a finite number, e.g. I4.minutter_plejecenter=15")
            changes.append({"case": case_id, "name": name, "value": amount, "note": "", "author": ""})
        else:
            if not changes:
                parser.error(f"{option} must follow a --set")
            changes[-1] = {**changes[-1], self.dest: text}
        namespace.changes = changes


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``memo`` on the command line's subcommands."""
    sub = commands.add_parser("memo", help="the decision memo (Beslutningsnotat) as DOCX and PDF")
    sub.add_argument("paths", nargs="*", default=["cases"], metavar="PATH", help="case files or folders (default: cases/)")
    sub.add_argument("--case", action="append", dest="case_ids", metavar="ID", help="a case to cover (repeat for a portfolio)")
    sub.add_argument("--scenario", metavar="ID", help="a saved scenario: its changes with their notes, case files, settings")
    sub.add_argument("--version", type=int, metavar="N", help="the scenario's version (default: the latest)")
    sub.add_argument(
        "--choice",
        action="store_true",
        help="the portfolio choice among the cases (the scenario's budgets and links): the funded ones and why the rest is out",
    )
    sub.add_argument("--docx", required=True, metavar="FILE", help="where to write the Word document")
    sub.add_argument("--pdf", metavar="FILE", help="where to write the PDF (needs LibreOffice)")
    sub.add_argument("--set", action=_SetAction, dest="changes", metavar="CASE.ASSUMPTION=VALUE", help="change an assumption")
    sub.add_argument("--note", action=_SetAction, dest="note", metavar="TEXT", help="why (after its --set)")
    sub.add_argument("--author", action=_SetAction, dest="author", metavar="NAME", help="who (after its --set)")
    sub.add_argument(
        "--draws", type=int, default=0, metavar="N", help="Monte Carlo draws per case for P10/P50/P90 (default: none)"
    )
    sub.add_argument("--seed", type=int, default=0, help="Monte Carlo seed (default 0)")
    sub.add_argument("--title", help="the memo's title (default: the case's title)")
    sub.add_argument("--rate", type=float, help="real discount rate (default 0.035, or the scenario's)")
    sub.add_argument("--horizon", type=int, help="years in NPV and IRR (default 10, or the scenario's)")
    sub.add_argument("--hours-per-fte", type=float, help="hours in one årsværk (default 1924, or the scenario's)")


def _error(message: str) -> int:
    print("error: " + message.replace("\r", "\\r").replace("\n", "\\n"), file=sys.stderr)
    return 2


def _scenario(
    args: argparse.Namespace, documents: dict[str, Case]
) -> tuple[dict[str, Case], dict[str, Case], list[str] | None, Settings, dict[str, dict[str, ChangeNote]], PortfolioScenario]:
    """The saved scenario's cases (changed), their documents, included ids, settings, notes and portfolio
    settings; ``StoreError``."""
    from ..store.apply import scenario_cases
    from ..store.cli import stored_document

    document = stored_document(args.scenario, args.version)
    applied = scenario_cases(document, documents)
    for problem in applied.errors:
        print(f"warning: {problem}".replace("\n", "\\n"), file=sys.stderr)
    # A variant (I4-v1) is measured against the case it was made from, as in the app.
    origins = {cid: documents.get(cid) or documents.get(_VARIANT.sub("", cid)) or case for cid, case in applied.cases.items()}
    notes: dict[str, dict[str, ChangeNote]] = {}
    for change in document.changes:
        notes.setdefault(change.case, {})[change.assumption] = ChangeNote(change.note, change.author, change.at.isoformat())
    portfolio = document.section("portfolio") or PortfolioScenario()
    return applied.cases, origins, list(applied.included), applied.settings, notes, portfolio  # type: ignore[return-value]


def _choose(cases: list[Case], settings: Settings, portfolio: PortfolioScenario) -> Choice:
    """The portfolio choice among ``cases`` under the scenario's budgets, objective and links (ChoiceError, ValueError)."""
    results = [evaluate(case, settings) for case in cases]
    requires, groups = portfolio.links(results)
    return choose(results, portfolio.options(pool_need(results)), requires=requires, groups=groups)


def run(args: argparse.Namespace) -> int:
    """Write the memo; 0 done, 1 a file, the scenario or the PDF could not be read or made (the DOCX is), 2 bad arguments."""
    loaded = load_paths(args.paths)
    for problem in loaded.errors:
        print(f"error: {problem}".replace("\n", "\\n"), file=sys.stderr)
    documents = {case.id: case for case in loaded.cases}
    current, origins, included, base, notes = dict(documents), dict(documents), None, Settings(), {}
    portfolio = PortfolioScenario()
    if args.scenario:
        from ..store.errors import StoreError

        try:
            current, origins, included, base, notes, portfolio = _scenario(args, documents)
        except StoreError as exc:
            print(f"error: {exc}".replace("\n", "\\n"), file=sys.stderr)
            return 1
    given = {"discount_rate": args.rate, "horizon": args.horizon, "hours_per_fte": args.hours_per_fte}
    try:
        settings = replace(base, **{k: v for k, v in given.items() if v is not None})
    except ValueError as exc:
        return _error(str(exc))
    ids = args.case_ids or included or list(documents)
    unknown = [cid for cid in ids if cid not in current]
    if unknown or not ids:
        return _error(f"no case {', '.join(unknown) or 'at all'} in {', '.join(map(str, args.paths))}")
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    values: dict[str, dict[str, float]] = {}
    for change in getattr(args, "changes", None) or []:
        if change["case"] not in ids:
            return _error(f"--set {change['case']}.{change['name']}: the memo does not cover case {change['case']}")
        values.setdefault(change["case"], {})[change["name"]] = change["value"]
        notes.setdefault(change["case"], {})[change["name"]] = ChangeNote(change["note"], change["author"], stamp)
    try:
        cases = [current[cid].with_values(values[cid]) if cid in values else current[cid] for cid in ids]
        choice = _choose(cases, settings, portfolio) if args.choice else None
        if choice is not None:
            if not choice.chosen:
                return _error("the choice funds no case: " + "; ".join(f"{e.id}: {e.text}" for e in choice.not_chosen))
            cases = [case for case in cases if case.id in choice.chosen]
            ids = [case.id for case in cases]
        runs = {c.id: monte_carlo(c, settings, n=args.draws, seed=args.seed) for c in cases} if args.draws > 0 else None
        memo = memo_content(cases, origins, settings=settings, notes=notes, monte_carlo=runs, title=args.title, choice=choice)
        data = memo_docx(memo)
    except (KeyError, ValueError, EvaluationError, UncertaintyError) as exc:  # ChoiceError, PrerequisiteError too
        return _error(str(exc).strip("'\""))
    try:
        with open(args.docx, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        print(f"error: {args.docx}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {args.docx} ({', '.join(ids)})")
    status = 1 if loaded.errors else 0
    if args.pdf:
        try:
            pdf = memo_pdf(data)
            with open(args.pdf, "wb") as handle:
                handle.write(pdf)
        except PdfUnavailable as exc:
            print(f"error: no PDF: {exc}", file=sys.stderr)
            return 1
        except OSError as exc:
            print(f"error: {args.pdf}: {exc.strerror}", file=sys.stderr)
            return 1
        print(f"wrote {args.pdf}")
    return status
