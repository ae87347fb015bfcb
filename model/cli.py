"""``python -m model``: summary, audit and export of case files from the shell.

    python -m model summary [PATH...] --format table|json|csv [--price-level YEAR [--price-index FILE]] [--absence-days D]
    python -m model audit [PATH...] --format table|json
    python -m model export [PATH...] --xlsx FILE
    python -m model memo [PATH...] [--case ID] [--scenario ID [--version N]] --docx FILE [--pdf FILE]   (see model.memo.cli)
    python -m model portfolio [PATH...] [--budget-service X] ... --format table|json   (see model.choice_cli)
    python -m model summary [PATH...] --scenario ID [--version N] --format json
    python -m model scenarios create|set|list|show ...   (see model.store.cli)
    python -m model db upgrade
    python -m model new ID --title TITLE [--years 2027-2031] [--price-level 2026]
    python -m model validate PATH...
    python -m model schema [--write FILE]

PATH is case files or folders (default ``cases/``). A bad file gives one line
on stderr naming the file and the problem, the other files are still
evaluated and printed, and the exit status is 1. Valid files that do not go
together (cases at different price levels: no "I alt" row) give a
``warning:`` line on stderr and do not change the exit status. Figures in 1.000 kr. at the
cases' price level, costs positive, savings negative. Text from the files
(titles, names, messages) is printed with control characters escaped
(``\\n``, ``\\x1b``), so a file cannot forge a row or drive the terminal.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import authoring_cli, choice_cli, simulate_cli
from .audit import Finding
from .danish import format_amount, format_number, format_percent_da, format_years
from .domain_summary import evaluate_paths_at, summary_with_domain
from .evaluate import Settings
from .export_csv import csv_bytes
from .export_xlsx import workbook_bytes
from .labour import DEFAULT_ABSENCE_DAYS, Labour
from .loader import CaseFileError
from .memo import cli as memo_cli
from .portfolio import Portfolio, audit_findings, evaluate_paths
from .price_index import DEFAULT_INDEX_FILE, MissingIndexError, load_price_index
from .realisation_cli import add_parser as add_realisation
from .realisation_cli import run as run_realisation
from .store import cli as store_cli
from .text import printable

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m model", description="Business cases: summary, audit, export.")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, formats, text in (
        ("summary", ("table", "json", "csv"), "key figures and the overview"),
        ("audit", ("table", "json"), "printed figures that do not reconcile"),
        ("export", None, "an Excel workbook with live formulas"),
    ):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("paths", nargs="*", default=["cases"], metavar="PATH", help="case files or folders (default: cases/)")
        if name == "summary":
            store_cli.add_summary_options(sub)
        if formats:
            sub.add_argument("--format", choices=formats, default="table")
        else:
            sub.add_argument("--xlsx", required=True, metavar="FILE", help="where to write the workbook")
        sub.add_argument("--rate", type=float, default=0.035, help="real discount rate (default 0.035)")
        sub.add_argument("--horizon", type=int, default=10, help="years in NPV and IRR (default 10)")
        sub.add_argument("--hours-per-fte", type=float, default=1924.0, help="hours in one årsværk (default 1924)")
        if name == "summary":
            sub.add_argument("--price-level", type=int, metavar="YEAR", help="re-index every case to YEAR's prices and wages")
            sub.add_argument(
                "--index",
                "--price-index",
                dest="index",
                default=str(DEFAULT_INDEX_FILE),
                metavar="FILE",
                help="price index file (default: the engine's)",
            )
            sub.add_argument(
                "--absence-days",
                type=float,
                default=DEFAULT_ABSENCE_DAYS,
                help="absence days per full-time employee (default 21.9)",
            )
    choice_cli.add_parser(commands)
    memo_cli.add_parser(commands)
    add_realisation(commands)
    simulate_cli.add_parser(commands)
    store_cli.add_parser(commands)
    authoring_cli.add_parser(commands)
    return parser


def _summary_table(portfolio: Portfolio) -> str:
    header = f"{'Case':<6} {'Drift':>9} {'Anlæg':>9} {'Tilb.tid':>9} {'Netto':>9} {'NPV':>9} {'IRR':>8} {'Årsværk':>8}  Titel"
    out = [header, "-" * len(header)]
    for r in portfolio.results:
        k = r.kpis
        out.append(
            f"{r.case.id:<6} {format_amount(k.drift):>9} {format_amount(k.anlaeg):>9} {format_years(k.payback_years):>9} "
            f"{format_amount(k.net_permanent):>9} {format_amount(k.npv):>9} {format_percent_da(k.irr):>8} "
            f"{format_number(k.fte_full):>8}  {printable(r.case.title)}"
        )
    if portfolio.overview and portfolio.overview.total:
        t = portfolio.overview.total
        out.append("-" * len(header))
        out.append(
            f"{'I alt':<6} {format_amount(t.drift):>9} {format_amount(t.anlaeg):>9} {'':>9} {format_amount(t.net_permanent):>9} "
            f"{format_amount(t.npv):>9} {'':>8} {format_number(t.fte_full):>8}"
        )
    if portfolio.results:
        level = portfolio.overview.price_level if portfolio.overview else None
        out.append(f"1.000 kr.{f' {level} p/l' if level else ''}; costs +, savings -; NPV of net savings (+ pays).")
    return "\n".join(out)


def _summary_csv(portfolio: Portfolio) -> str:
    rows: list[list[object]] = []
    for r in portfolio.results:
        k = r.kpis
        rows.append(
            [
                r.case.id,
                r.case.title,
                r.case.price_level,
                k.drift,
                k.anlaeg,
                k.payback_years,
                k.net_permanent,
                k.npv,
                k.irr,
                k.fte_full,
            ]
        )
    if portfolio.overview and portfolio.overview.total:
        t = portfolio.overview.total
        rows.append(
            ["I alt", "I alt", portfolio.overview.price_level, t.drift, t.anlaeg, None, t.net_permanent, t.npv, None, t.fte_full]
        )
    header = ["id", "title", "price_level", "drift", "anlaeg", "payback_years", "net_permanent", "npv", "irr", "fte_full"]
    return csv_bytes(header, rows, dialect="plain").decode("utf-8")


def _audit_table(findings: Sequence[Finding]) -> str:
    if not findings:
        return "No findings: every printed figure reconciles within ±1."
    header = f"{'Case':<6} {'Table':<18} {'Year':>5} {'Reported':>10} {'Computed':>10} {'Diff':>8}  Check / line"
    out = [header, "-" * len(header)]
    for f in findings:
        out.append(
            f"{printable(f.case):<6} {f.table:<18} {f.year if f.year is not None else 'I alt':>5} "
            f"{format_number(f.reported, 1):>10} {format_number(f.computed, 1):>10} {format_number(f.difference, 1):>8}  "
            f"{f.check}: {printable(f.line)}"
        )
    out.append(f"{len(findings)} finding(s); difference = reported - computed, 1.000 kr.")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 fine or only warnings, 1 some file bad, 2 usage)."""
    args = _parser().parse_args(argv)
    if args.command == "portfolio":
        return choice_cli.run(args)
    if args.command == "memo":
        return memo_cli.run(args)
    if args.command == "realisation":
        return run_realisation(args)
    if args.command == "simulate":
        return simulate_cli.run(args)
    if args.command in store_cli.COMMANDS:
        return store_cli.run(args)
    if args.command in authoring_cli.COMMANDS:
        return authoring_cli.run(args)
    try:
        settings = Settings(discount_rate=args.rate, horizon=args.horizon, hours_per_fte=args.hours_per_fte)
        labour = Labour(hours_per_fte=args.hours_per_fte, absence_days=args.absence_days) if args.command == "summary" else None
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    factors = None
    if getattr(args, "scenario", None):
        portfolio = store_cli.summary_portfolio(args)
        if portfolio is None:
            return 1
    elif args.command == "summary" and args.price_level is not None:
        try:
            portfolio, factors = evaluate_paths_at(args.paths, settings, load_price_index(args.index), args.price_level)
        except (CaseFileError, MissingIndexError, ValueError) as exc:
            print(f"error: --price-level {args.price_level}: {exc}", file=sys.stderr)
            return 1
    else:
        portfolio = evaluate_paths(args.paths, settings)
    for message in portfolio.errors:
        print("error: " + printable(message), file=sys.stderr)
    for message in portfolio.warnings:
        print("warning: " + printable(message), file=sys.stderr)
    if args.command == "summary":
        if args.format == "json":
            data = summary_with_domain(portfolio, labour, factors)
            print(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False))
        elif args.format == "csv":
            sys.stdout.write(_summary_csv(portfolio))
        else:
            print(_summary_table(portfolio))
    elif args.command == "audit":
        findings = audit_findings(portfolio)
        if args.format == "json":
            print(json.dumps({"findings": [f.to_dict() for f in findings]}, ensure_ascii=False, indent=2, allow_nan=False))
        else:
            print(_audit_table(findings))
    else:
        try:
            data = workbook_bytes(portfolio.results)
            with open(args.xlsx, "wb") as handle:
                handle.write(data)
        except (OSError, ValueError) as exc:
            print(f"error: {printable(args.xlsx)}: {printable(str(exc))}", file=sys.stderr)
            return 1
        print(f"wrote {args.xlsx} ({len(portfolio.results)} case(s))")
    return 1 if portfolio.errors else 0
