"""``python -m model realisation``: each case's plan against the actuals of a CSV or XLSX file.

    python -m model realisation [PATH...] --actuals FILE [--format table|json]

PATH is case files or folders (default ``cases/``); FILE is an actuals file
(``case;line;year;actual``, see :mod:`model.actuals`). A bad case file or a
bad row of the actuals file is one line on stderr naming the file (and row);
the other rows still count, and the exit status is 1. JSON::

    {"cases": [{"id", "years", "plan", "actual", "forecast", "planned_payback_years",
                "forecast_payback_years", "planned_npv", "forecast_npv",
                "lines": [{"name", "years": {"2017": {"plan", "actual", "variance"}}}]}]}
"""

from __future__ import annotations

import argparse
import json
import sys

from .actuals import read_actuals
from .danish import format_amount, format_years
from .evaluate import Settings
from .portfolio import evaluate_paths
from .realisation import Realisation, realisation
from .text import printable

__all__ = ["add_parser", "run"]


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``realisation`` subcommand."""
    sub = subparsers.add_parser("realisation", help="plan against actuals, forecast payback and NPV")
    sub.add_argument("paths", nargs="*", default=["cases"], metavar="PATH", help="case files or folders (default: cases/)")
    sub.add_argument("--actuals", required=True, metavar="FILE", help="actuals, CSV (case;line;year;actual) or XLSX")
    sub.add_argument("--format", choices=("table", "json"), default="table")
    sub.add_argument("--rate", type=float, default=0.035, help="real discount rate (default 0.035)")
    sub.add_argument("--horizon", type=int, default=10, help="years in NPV and follow-up (default 10)")


def _table(items: list[Realisation]) -> str:
    header = (
        f"{'Case':<6} {'Til og med':>10} {'Plan til dato':>14} {'Faktisk til dato':>17} {'Tilb.tid':>9} {'Prognose':>9} "
        f"{'NPV':>9} {'Prognose':>9}  Foreslået status"
    )
    out = [header, "-" * len(header)]
    for z in items:
        to_date = (format_amount(z.planned_to_date), format_amount(z.realised_to_date)) if z.as_of else ("-", "-")
        out.append(
            f"{z.case_id:<6} {z.as_of or '-':>10} {to_date[0]:>14} {to_date[1]:>17} "
            f"{format_years(z.planned_payback_years):>9} {format_years(z.forecast_payback_years):>9} "
            f"{format_amount(z.planned_npv):>9} {format_amount(z.forecast_npv):>9}  {z.suggested}"
        )
    out.append("1.000 kr.; costs +, savings -; to date = up to the last year with an actual; forecast = actuals, plan after.")
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    """Run the subcommand; 0 fine, 1 a case file or an actuals row was bad, 2 bad settings."""
    try:
        settings = Settings(discount_rate=args.rate, horizon=args.horizon)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    portfolio = evaluate_paths(args.paths, settings)
    imported = read_actuals(args.actuals, {r.case.id: r.case for r in portfolio.results}, settings.horizon)
    for message in (*portfolio.errors, *imported.errors):
        print("error: " + printable(message), file=sys.stderr)
    items = [realisation(result, imported.actuals) for result in portfolio.results]
    if args.format == "json":
        print(json.dumps({"cases": [z.to_dict() for z in items]}, ensure_ascii=False, indent=2, allow_nan=False))
    else:
        print(_table(items))
    return 1 if portfolio.errors or imported.errors else 0
