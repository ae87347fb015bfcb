"""``python -m model scenarios ...`` and ``python -m model db upgrade``: the scenario store from the shell.

    python -m model scenarios create --name NAME [--from PATH...] [--set CASE.ASSUMPTION=VALUE --note TEXT]... [--author NAME]
    python -m model scenarios set ID --set CASE.ASSUMPTION=VALUE [--note TEXT] [--author NAME] [--base-version N]
    python -m model scenarios list --format table|json
    python -m model scenarios show ID [--version N] --format json|yaml
    python -m model summary --scenario ID [--version N] --format json
    python -m model db upgrade

The database is the one the app uses (``WORKBENCH_DATABASE_URL``, else
``.streamlit/secrets.toml``, else ``data/workbench.db``). Values use a
decimal point (``2.5``). ``--note`` belongs to the ``--set`` before it.
``--set settings.discount_rate=0.04`` changes an appraisal setting. Errors:
one line on stderr, exit status 1 (a stale ``--base-version`` too: nothing
is written).
"""

from __future__ import annotations

import argparse
import getpass
import json
import re
import sys
from dataclasses import fields
from typing import TYPE_CHECKING, Any

import yaml

from ..evaluate import Settings
from ..loader import CaseFileError, load_paths
from ..portfolio import Portfolio
from .apply import apply_value, import_case_file, scenario_cases, scenario_portfolio
from .diff import diff
from .document import ScenarioDocument
from .errors import StoreError

if TYPE_CHECKING:
    from .repository import ScenarioStore

# The engine, migrations and repository (SQLAlchemy, Alembic) are imported by the functions that use them,
# so registering these subcommands costs ``python -m model summary`` nothing.

__all__ = ["COMMANDS", "add_parser", "add_summary_options", "run", "stored_document", "summary_portfolio"]

#: The top-level commands this module runs.
COMMANDS = ("scenarios", "db")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


class _Assign(argparse.Action):
    """``--set`` appends an assignment; ``--note`` gives the last one (or the next one) its note."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, option: str | None = None
    ) -> None:
        assignments = list(getattr(namespace, "assignments", None) or [])
        if option == "--set":
            assignments.append({"spec": values, "note": getattr(namespace, "pending_note", None) or ""})
            namespace.pending_note = None
        elif assignments and not assignments[-1]["note"]:
            assignments[-1]["note"] = values
        else:
            namespace.pending_note = values
        namespace.assignments = assignments


def _assignment_options(sub: argparse.ArgumentParser, required: bool) -> None:
    sub.add_argument(
        "--set", action=_Assign, metavar="CASE.ASSUMPTION=VALUE", required=required, help="a changed assumption (decimal point)"
    )
    sub.add_argument("--note", action=_Assign, metavar="TEXT", help="why (for the --set before it)")
    sub.add_argument("--author", default=None, help="who saves (default: the login name)")
    sub.add_argument("--cases", default="cases", metavar="PATH", help="the case folder the changes refer to (default: cases/)")


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Register ``scenarios`` and ``db`` on the command line's subparsers."""
    scenarios = commands.add_parser("scenarios", help="saved scenarios: create, set, list, show")
    actions = scenarios.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="a new scenario; prints its id")
    create.add_argument("--name", required=True)
    create.add_argument("--description", default="")
    create.add_argument("--from", dest="sources", nargs="+", default=[], metavar="PATH", help="case files to start from")
    _assignment_options(create, required=False)
    setter = actions.add_parser("set", help="save a new version with changed assumptions")
    setter.add_argument("id", metavar="ID")
    setter.add_argument("--base-version", type=int, default=None, metavar="N", help="refuse unless N is the latest version")
    _assignment_options(setter, required=True)
    listing = actions.add_parser("list", help="every scenario")
    listing.add_argument("--format", choices=("table", "json"), default="table")
    show = actions.add_parser("show", help="one scenario and its versions")
    show.add_argument("id", metavar="ID")
    show.add_argument("--version", type=int, default=None, metavar="N")
    show.add_argument("--format", choices=("json", "yaml"), default="json")
    db = commands.add_parser("db", help="the scenario store's database")
    db_actions = db.add_subparsers(dest="action", required=True)
    db_actions.add_parser("upgrade", help="apply the migrations")


def add_summary_options(sub: argparse.ArgumentParser) -> None:
    """``summary --scenario ID [--version N]``."""
    sub.add_argument("--scenario", default=None, metavar="ID", help="apply a saved scenario's changes and settings")
    sub.add_argument("--version", type=int, default=None, metavar="N", help="the scenario's version (default: latest)")


def _error(message: str) -> int:
    print("error: " + message.replace("\r", "\\r").replace("\n", "\\n"), file=sys.stderr)
    return 1


def _author(args: argparse.Namespace) -> str:
    if args.author is not None:
        return args.author
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def _number(text: str, where: str) -> float:
    if not _NUMBER.fullmatch(text.strip()):
        hint = " (use a decimal point: 1.5, not 1,5)" if "," in text else ""
        msg = f"{where}: {text!r} is not a number{hint}"
        raise ValueError(msg)
    return float(text)


def _apply(document: ScenarioDocument, assignments: list[dict[str, str]], cases: dict, author: str) -> ScenarioDocument:
    settings_fields = {f.name for f in fields(Settings)}
    for item in assignments:
        target, sep, raw = item["spec"].partition("=")
        case_id, dot, name = target.strip().partition(".")
        if not sep or not dot or not case_id or not name:
            msg = f"--set {item['spec']!r}: expected CASE.ASSUMPTION=VALUE, e.g. i5.timer_sparet=2.5"
            raise ValueError(msg)
        value = _number(raw, f"--set {target}")
        if case_id == "settings":
            if name not in settings_fields:
                msg = f"--set {target}: settings are {', '.join(sorted(settings_fields))}"
                raise ValueError(msg)
            typed = int(value) if name == "horizon" and value.is_integer() else value
            candidate = {**document.settings, name: typed}
            Settings(**{k: v for k, v in candidate.items() if k in settings_fields})
            document = document.model_copy(update={"settings": candidate})
            continue
        matches = [cid for cid in cases if cid.lower() == case_id.lower()]
        case_id = case_id if case_id in cases or len(matches) != 1 else matches[0]
        document = apply_value(document, cases, case_id, name, value, item["note"], author)
    return document


def _cases(path: str, document: ScenarioDocument | None = None) -> dict:
    loaded = load_paths([path])
    if loaded.errors:
        raise ValueError(str(loaded.errors[0]))
    cases = {case.id: case for case in loaded.cases}
    if document is not None:
        applied = scenario_cases(document.model_copy(update={"changes": ()}), cases)
        cases = applied.cases
    return cases


def _iso(value: Any) -> str:
    return value.isoformat(timespec="seconds")


def _show(store: ScenarioStore, scenario_id: str, version: int | None) -> dict[str, Any]:
    opened = store.open(scenario_id, version)
    shown = opened.version
    history = [v for v in store.history(opened.info.id) if v.version <= shown.version]
    versions = []
    previous = None
    for v in history:
        changes = [
            {"case": d.case, "assumption": d.name, "value": d.new, "note": d.note}
            for d in diff(previous, v.document)
            if d.kind in ("value", "note")
        ]
        versions.append({"version": v.version, "author": v.author, "created_at": _iso(v.created_at), "changes": changes})
        previous = v.document
    document = shown.document
    return {
        "id": opened.info.id,
        "name": opened.info.name,
        "description": opened.info.description,
        "version": shown.version,
        "latest_version": opened.info.version,
        "author": shown.author,
        "created_at": _iso(opened.info.created_at),
        "updated_at": _iso(opened.info.updated_at),
        "settings": dict(document.settings),
        "included": document.included,
        "changes": [
            {"case": c.case, "assumption": c.assumption, "value": c.value, "note": c.note, "author": c.author, "at": _iso(c.at)}
            for c in document.changes
        ],
        "case_files": [{"case": f.case, "kind": f.kind} for f in document.case_files],
        "sections": {name: {"version": s.version} for name, s in document.sections.items()},
        "versions": versions,
    }


def _list_table(store: ScenarioStore) -> str:
    rows = store.list()
    if not rows:
        return "No scenarios saved yet."
    header = f"{'Id':<36}  {'Ver.':>4}  {'Saved (UTC)':<16}  {'Author':<16}  Name"
    out = [header, "-" * len(header)]
    for r in rows:
        out.append(f"{r.id:<36}  {r.version:>4}  {r.updated_at:%Y-%m-%d %H:%M}  {r.author[:16]:<16}  {r.name}")
    return "\n".join(out)


def _run_scenarios(store: ScenarioStore, args: argparse.Namespace) -> int:
    if args.action == "list":
        if args.format == "json":
            rows = [
                {"id": r.id, "name": r.name, "version": r.version, "updated_at": _iso(r.updated_at), "author": r.author}
                for r in store.list()
            ]
            print(json.dumps({"scenarios": rows}, ensure_ascii=False, indent=2))
        else:
            print(_list_table(store))
        return 0
    if args.action == "show":
        data = _show(store, args.id, args.version)
        if args.format == "yaml":
            sys.stdout.write(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
        else:
            print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    author = _author(args)
    assignments = list(getattr(args, "assignments", None) or [])
    if getattr(args, "pending_note", None):
        return _error("--note without a --set it belongs to")
    if args.action == "create":
        cases = _cases(args.cases)
        document = ScenarioDocument()
        for source in args.sources:
            loaded = load_paths([source])
            if loaded.errors:
                return _error(str(loaded.errors[0]))
            for case, path in zip(loaded.cases, loaded.sources, strict=True):
                with open(path, encoding="utf-8") as handle:
                    document = import_case_file(document, case, handle.read(), cases, author)
                cases.setdefault(case.id, case)
        document = _apply(document, assignments, cases, author)
        print(store.create(args.name, document, author, args.description).info.id)
        return 0
    current = store.open(args.id).version.document
    cases = _cases(args.cases, current)
    _apply(current, assignments, cases, author)  # validate before taking the lock
    saved = store.update(args.id, lambda latest: _apply(latest, assignments, cases, author), author, args.base_version)
    print(f"saved version {saved.version} of scenario {saved.scenario_id}")
    return 0


def run(args: argparse.Namespace) -> int:
    """Run ``scenarios ...`` or ``db upgrade``; returns the exit status."""
    from .engine import describe_url, make_store_engine, resolve_url
    from .migrate import upgrade
    from .repository import ScenarioStore

    try:
        if args.command == "db":
            engine = make_store_engine()
            revision = upgrade(engine)
            print(f"{describe_url(resolve_url())}: at revision {revision}")
            engine.dispose()
            return 0
        store = ScenarioStore(make_store_engine())
        try:
            return _run_scenarios(store, args)
        finally:
            store.engine.dispose()
    except (StoreError, CaseFileError, OSError) as exc:
        return _error(str(exc))
    except (KeyError, ValueError) as exc:
        return _error(str(exc.args[0]) if exc.args else type(exc).__name__)


def stored_document(scenario_id: str, version: int | None = None) -> ScenarioDocument:
    """The document of a saved scenario's ``version`` (default: the latest) in the configured store; ``StoreError``."""
    from .engine import make_store_engine
    from .repository import ScenarioStore

    store = ScenarioStore(make_store_engine())
    try:
        return store.open(scenario_id, version).version.document
    finally:
        store.engine.dispose()


def summary_portfolio(args: argparse.Namespace) -> Portfolio | None:
    """The portfolio ``summary --scenario ID`` prints (None after an error on stderr)."""
    try:
        document = stored_document(args.scenario, args.version)
    except StoreError as exc:
        _error(str(exc))
        return None
    loaded = load_paths(args.paths)
    portfolio = scenario_portfolio(document, loaded.cases, loaded.overview)
    errors = tuple(str(e) for e in loaded.errors) + portfolio.errors
    return Portfolio(portfolio.results, portfolio.overview, portfolio.report, errors)
