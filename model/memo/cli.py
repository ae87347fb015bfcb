"""``python -m model memo``: the decision memo of one case, a variant or a portfolio choice, as DOCX (and PDF).

    python -m model memo [PATH...] [--case ID]... --docx FILE [--pdf FILE]
        [--set CASE.ASSUMPTION=VALUE [--note TEXT] [--author NAME]]... [--draws N] [--seed S]

PATH is case files or folders (default ``cases/``); ``--case`` picks cases
(repeat it for a portfolio choice; default: every case loaded). ``--set``
changes an assumption (a decimal point, as on every command line); the
``--note`` and ``--author`` after it say why and who, and the memo lists the
change with them. ``--draws`` runs a Monte Carlo simulation of each case for
the P10/P50/P90. The PDF needs LibreOffice; without it the DOCX is still
written, the PDF's absence is said on stderr and the exit status is 1.
"""

from __future__ import annotations

import argparse
import math
import sys
from datetime import UTC, datetime

from ..evaluate import EvaluationError, Settings
from ..loader import load_paths
from ..uncertainty import UncertaintyError, monte_carlo
from .content import ChangeNote, memo_content
from .pdf import PdfUnavailable, memo_pdf
from .writer import memo_docx

__all__ = ["add_parser", "run"]


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
    sub.add_argument("--rate", type=float, default=0.035, help="real discount rate (default 0.035)")
    sub.add_argument("--horizon", type=int, default=10, help="years in NPV and IRR (default 10)")
    sub.add_argument("--hours-per-fte", type=float, default=1924.0, help="hours in one årsværk (default 1924)")


def _error(message: str) -> int:
    print("error: " + message.replace("\r", "\\r").replace("\n", "\\n"), file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    """Write the memo; 0 done, 1 a file could not be read or the PDF not made (the DOCX is), 2 bad arguments."""
    try:
        settings = Settings(discount_rate=args.rate, horizon=args.horizon, hours_per_fte=args.hours_per_fte)
    except ValueError as exc:
        return _error(str(exc))
    loaded = load_paths(args.paths)
    for problem in loaded.errors:
        print(f"error: {problem}".replace("\n", "\\n"), file=sys.stderr)
    documents = {case.id: case for case in loaded.cases}
    ids = args.case_ids or list(documents)
    unknown = [cid for cid in ids if cid not in documents]
    if unknown or not ids:
        return _error(f"no case {', '.join(unknown) or 'at all'} in {', '.join(map(str, args.paths))}")
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    values: dict[str, dict[str, float]] = {}
    notes: dict[str, dict[str, ChangeNote]] = {}
    for change in getattr(args, "changes", None) or []:
        if change["case"] not in ids:
            return _error(f"--set {change['case']}.{change['name']}: the memo does not cover case {change['case']}")
        values.setdefault(change["case"], {})[change["name"]] = change["value"]
        notes.setdefault(change["case"], {})[change["name"]] = ChangeNote(change["note"], change["author"], stamp)
    try:
        cases = [documents[cid].with_values(values[cid]) if cid in values else documents[cid] for cid in ids]
        runs = {c.id: monte_carlo(c, settings, n=args.draws, seed=args.seed) for c in cases} if args.draws > 0 else None
        memo = memo_content(cases, documents, settings=settings, notes=notes, monte_carlo=runs, title=args.title)
        data = memo_docx(memo)
    except (KeyError, ValueError, EvaluationError, UncertaintyError) as exc:
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
