"""``python -m model new | validate | schema``: writing and checking case files from the shell.

    python -m model new ID --title TITLE [--years 2027-2031] [--price-level 2026]
    python -m model validate PATH...
    python -m model schema [--write FILE]

``new`` prints a commented template case (valid as it stands) on stdout.
``validate`` reads case files and folders as ``summary`` does and checks
each case on its own (the file, then one evaluation: a formula that divides
by zero is an invalid file too), without the portfolio's overview: a bad
file gives one line on stderr, exactly the line ``summary`` prints for it,
and a valid one ``ok: FILE: ID``. ``schema`` prints the case files' JSON
Schema (or writes it to FILE).

Exit status: 0 every file valid; 1 some file invalid; 2 usage (a bad id,
title or year range for ``new``). Warnings never change the status.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .case_schema import case_schema_text
from .evaluate import EvaluationError, Settings, evaluate
from .loader import load_paths
from .template import new_case_text, parse_years
from .text import printable

__all__ = ["COMMANDS", "add_parser", "run"]

#: The subcommands this module runs.
COMMANDS = ("new", "validate", "schema")


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``new``, ``validate`` and ``schema`` on the command line's subcommands."""
    new = commands.add_parser("new", help="a commented template case on stdout")
    new.add_argument("id", metavar="ID", help="the case id: letters, digits, - or _")
    new.add_argument("--title", required=True, help="the case's title")
    new.add_argument("--years", metavar="FIRST-LAST", help="the years the tables cover (default: the next five)")
    new.add_argument("--price-level", type=int, metavar="YEAR", help="the price level (default: this year)")
    validate = commands.add_parser("validate", help="check case files (exit 1 if any is invalid)")
    validate.add_argument("paths", nargs="+", metavar="PATH", help="case files or folders")
    schema = commands.add_parser("schema", help="the case files' JSON Schema")
    schema.add_argument("--write", metavar="FILE", help="write it to FILE instead of stdout")


def run(args: argparse.Namespace) -> int:
    """Run ``new``, ``validate`` or ``schema``; returns the exit status (see the module docstring)."""
    if args.command == "new":
        try:
            years = parse_years(args.years) if args.years else None
            sys.stdout.write(new_case_text(args.id, args.title, years, args.price_level))
        except ValueError as exc:
            print(f"error: {printable(str(exc))}", file=sys.stderr)
            return 2
        return 0
    if args.command == "schema":
        text = case_schema_text()
        if args.write is None:
            sys.stdout.write(text)
            return 0
        try:
            Path(args.write).write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"error: {printable(args.write)}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        return 0
    return _validate(args.paths)


def _validate(paths: list[str]) -> int:
    """Every file's line: errors on stderr as ``summary`` prints them, ``ok: FILE: ID`` on stdout."""
    loaded = load_paths(paths)
    errors = [str(error) for error in loaded.errors]
    for case, source in zip(loaded.cases, loaded.sources, strict=True):
        try:
            evaluate(case, Settings())
        except EvaluationError as exc:  # worded as summary words it (model.portfolio)
            errors.append(f"{source}: {exc}")
            continue
        print(f"ok: {printable(source)}: {printable(case.id)}")
    for message in errors:
        print("error: " + printable(message), file=sys.stderr)
    return 1 if errors else 0
