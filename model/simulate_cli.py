"""``python -m model simulate``: correlated Monte Carlo of one case or a portfolio, as JSON.

    python -m model simulate [PATH...] [--correlate A B RHO]... [--shared auto|none] [--n N] [--seed S]
                             [--distribution pert|triangular] [--rate R] [--horizon H] [--hours-per-fte F]

Prints :meth:`model.correlated.CorrelatedRun.to_dict`: the portfolio's and each
case's P10/P50/P90 of ``npv`` (1.000 kr., + pays), ``net_permanent``
(1.000 kr. a year, − saves) and ``fte_full`` (årsværk freed), the shared
drivers and the correlations used. Keys: an assumption's name for one case;
``CASE:name`` or a shared driver's name for several. A bad file or input gives
one line on stderr and exit status 1 (2 for bad settings).
"""

from __future__ import annotations

import argparse
import json
import sys

from .correlated import correlated_monte_carlo
from .evaluate import Settings
from .monte_carlo import DEFAULT_DRAWS, DISTRIBUTIONS
from .portfolio import evaluate_paths
from .ranges import UncertaintyError
from .text import printable

__all__ = ["add_parser", "run"]


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``simulate`` on the command line's subcommands."""
    sub = commands.add_parser("simulate", help="correlated Monte Carlo of cases and their portfolio (JSON)")
    sub.add_argument("paths", nargs="*", default=["cases"], metavar="PATH", help="case files or folders (default: cases/)")
    sub.add_argument(
        "--correlate",
        nargs=3,
        action="append",
        default=[],
        metavar=("A", "B", "RHO"),
        help="Spearman rank correlation between two assumptions (repeatable)",
    )
    sub.add_argument("--shared", choices=("auto", "none"), default="auto", help="share drivers with the same name and range")
    sub.add_argument("--n", type=int, default=DEFAULT_DRAWS, help=f"draws (default {DEFAULT_DRAWS})")
    sub.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    sub.add_argument("--distribution", choices=DISTRIBUTIONS, default="pert")
    sub.add_argument("--rate", type=float, default=0.035, help="real discount rate (default 0.035)")
    sub.add_argument("--horizon", type=int, default=10, help="years in the NPV (default 10)")
    sub.add_argument("--hours-per-fte", type=float, default=1924.0, help="hours in one årsværk (default 1924)")


def run(args: argparse.Namespace) -> int:
    """Run ``simulate``; the exit status."""
    try:
        settings = Settings(discount_rate=args.rate, horizon=args.horizon, hours_per_fte=args.hours_per_fte)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    portfolio = evaluate_paths(args.paths, settings)
    for message in portfolio.errors:
        print("error: " + printable(message), file=sys.stderr)
    if not portfolio.results:
        print("error: no case to simulate", file=sys.stderr)
        return 1
    try:
        pairs = {(a, b): float(rho.replace(",", ".")) for a, b, rho in args.correlate}
    except ValueError:
        print("error: --correlate A B RHO: RHO must be a number such as 0.8", file=sys.stderr)
        return 1
    try:
        result = correlated_monte_carlo(
            [r.case for r in portfolio.results],
            settings,
            correlations=pairs,
            shared=args.shared,
            n=args.n,
            seed=args.seed,
            distribution=args.distribution,
        )
    except UncertaintyError as exc:
        print(f"error: {printable(str(exc))}", file=sys.stderr)
        return 1
    print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2, allow_nan=False))
    return 1 if portfolio.errors else 0
