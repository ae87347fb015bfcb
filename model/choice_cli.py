"""``python -m model portfolio``: the cases to fund under the pools' budgets, from the shell.

    python -m model portfolio [PATH...] [--budget-service X] [--budget-innovation X]
        [--budget-anlaeg X] [--objective npv|net_permanent|fte] [--max-payback N]
        [--rate R] [--horizon N] --format table|json

Budgets in 1.000 kr. with a decimal point: ``5000`` is a total over the
years, ``2017:3000,2018:2000`` one limit per year (years not named have no
limit); a budget left out means no limit. An empty choice is a valid answer
(exit 0) with the reason for every case. A bad argument (a negative budget,
an unknown objective) or prerequisites that cannot be met (a cycle, a case
required but not loaded) is one line on stderr and exit 2; a bad case file is
reported as ``summary`` does and makes the exit status 1.
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from .choice import OBJECTIVES, ChoiceError, ChoiceOptions, Limit, choose
from .choice_report import choice_data, choice_table
from .evaluate import Settings
from .loader import load_paths
from .portfolio import evaluate_cases
from .prerequisites import PrerequisiteError, check_prerequisites, prerequisites_of

__all__ = ["add_parser", "parse_budget", "run"]

_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)"
_PER_YEAR = re.compile(rf"^\s*(\d{{4}})\s*:\s*({_NUMBER})\s*$", re.ASCII)
_TOTAL = re.compile(rf"^\s*({_NUMBER})\s*$", re.ASCII)


def parse_budget(text: str, option: str) -> Limit:
    """A budget from the command line: ``"5000"`` (total) or ``"2017:3000,2018:2000"`` (per year).

    Raises :class:`model.ChoiceError` naming ``option`` for anything else or
    a negative amount.
    """
    total = _TOTAL.match(text)
    if total:
        value = float(total.group(1))
        if value < 0:
            msg = f"{option} {text}: a budget is 0 or more (1.000 kr.)"
            raise ChoiceError(msg)
        return value
    limits: dict[int, float] = {}
    for part in text.split(","):
        match = _PER_YEAR.match(part)
        if not match:
            msg = f"{option} {text!r}: give a total (5000) or limits per year (2017:3000,2018:2000), in 1.000 kr."
            raise ChoiceError(msg)
        year, value = int(match.group(1)), float(match.group(2))
        if year in limits:
            msg = f"{option}: the year {year} is named twice"
            raise ChoiceError(msg)
        if value < 0:
            msg = f"{option}: the budget for {year} is {match.group(2)}; a budget is 0 or more (1.000 kr.)"
            raise ChoiceError(msg)
        limits[year] = value
    return limits


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``portfolio`` subcommand to the command line's subparsers."""
    sub = subparsers.add_parser("portfolio", help="the cases to fund under the pools' budgets, with prerequisites")
    sub.add_argument("paths", nargs="*", default=["cases"], metavar="PATH", help="case files or folders (default: cases/)")
    for pool, text in (
        ("service", "the investment pool's service money (the overview's Drift)"),
        ("innovation", "the innovation pool"),
        ("anlaeg", "anlæg (capital)"),
    ):
        sub.add_argument(f"--budget-{pool}", metavar="X", help=f"budget for {text}, 1.000 kr.: 5000 or 2017:3000,2018:2000")
    sub.add_argument("--objective", choices=OBJECTIVES, default="npv", help="what to maximise (default npv)")
    sub.add_argument("--max-payback", type=int, metavar="N", help="fund a case only if it pays back within N years")
    sub.add_argument("--rate", type=float, default=0.035, help="real discount rate (default 0.035)")
    sub.add_argument("--horizon", type=int, default=10, help="years in the NPV (default 10)")
    sub.add_argument("--format", choices=("table", "json"), default="table")


def _clean(message: str) -> str:
    return message.replace("\r", "\\r").replace("\n", "\\n")


def run(args: argparse.Namespace) -> int:
    """Run ``portfolio``; returns the exit status (0 fine, 1 some file bad, 2 bad arguments or prerequisites)."""
    try:
        budgets = {
            pool: parse_budget(text, f"--budget-{pool}")
            for pool in ("service", "innovation", "anlaeg")
            if (text := getattr(args, f"budget_{pool}")) is not None
        }
        options = ChoiceOptions(objective=args.objective, budgets=budgets, max_payback=args.max_payback)
        settings = Settings(discount_rate=args.rate, horizon=args.horizon)
    except ValueError as exc:
        print(f"error: {_clean(str(exc))}", file=sys.stderr)
        return 2
    loaded = load_paths(args.paths)
    for error in loaded.errors:
        print(f"error: {_clean(str(error))}", file=sys.stderr)
    try:
        check_prerequisites(prerequisites_of(loaded.cases))
    except PrerequisiteError as exc:
        print(f"error: {_clean(str(exc))}", file=sys.stderr)
        return 2
    portfolio = evaluate_cases(loaded.cases, settings, sources=loaded.sources)
    for message in portfolio.errors:
        print(f"error: {_clean(message)}", file=sys.stderr)
    try:
        choice = choose(portfolio.results, options)
    except (PrerequisiteError, ChoiceError) as exc:  # a required case not evaluated; mixed price levels
        print(f"error: {_clean(str(exc))}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(choice_data(choice), ensure_ascii=False, indent=2, allow_nan=False))
    else:
        print(choice_table(choice))
    return 1 if loaded.errors or len(portfolio.results) < len(loaded.cases) else 0
