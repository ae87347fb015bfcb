"""``python -m model scenarios|summary --scenario|db`` on SQLite and on a real PostgreSQL.

Most commands run in this process through ``model.cli.main`` (the same code
as ``python -m model``; starting Python for each would make the suite
slow); restart survival and the 20 concurrent savers run real separate
processes, so nothing survives but the database. ``WORKBENCH_DATABASE_URL``
names the store.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import CASES, ROOT

from model import evaluate, load_case
from model.cli import main

I5_HOURS = "I5.timer_pr_uge"


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return request.getfixturevalue("postgres").create_database()


def cli(url: str, *args: str, check: bool = True, process: bool = False) -> subprocess.CompletedProcess[str]:
    """``python -m model ARGS`` on the store at ``url``: in this process, or (``process=True``) a new one."""
    if process:
        env = {**os.environ, "WORKBENCH_DATABASE_URL": url}
        command = [sys.executable, "-m", "model", *args]
        result = subprocess.run(command, check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    else:
        out, err = io.StringIO(), io.StringIO()
        with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            patch.setenv("WORKBENCH_DATABASE_URL", url)
            patch.chdir(ROOT)
            code = main(list(args))
        result = subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())
    if check:
        assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


def _create(url: str, *extra: str, process: bool = False) -> str:
    out = cli(url, "scenarios", "create", "--name", "I5 med 3 timer", *extra, process=process).stdout.strip()
    assert len(out) == 36
    return out


def test_create_list_show_with_the_issues_keys(url: str) -> None:
    scenario_id = _create(url, "--set", f"{I5_HOURS}=3", "--note", "målt i 2024", "--author", "Anna")
    cli(url, "scenarios", "set", scenario_id, "--set", "I4.minutter_plejecenter=15.5", "--note", "er det 20?", "--author", "Bo")
    listed = json.loads(cli(url, "scenarios", "list", "--format", "json").stdout)
    assert list(listed) == ["scenarios"]
    (row,) = listed["scenarios"]
    assert list(row) == ["id", "name", "version", "updated_at", "author"]
    assert (row["id"], row["name"], row["version"], row["author"]) == (scenario_id, "I5 med 3 timer", 2, "Bo")
    shown = json.loads(cli(url, "scenarios", "show", scenario_id, "--format", "json").stdout)
    assert [list(v) for v in shown["versions"]] == [["version", "author", "created_at", "changes"]] * 2
    assert [list(c) for v in shown["versions"] for c in v["changes"]] == [["case", "assumption", "value", "note"]] * 2
    assert shown["versions"][0]["changes"] == [{"case": "I5", "assumption": "timer_pr_uge", "value": 3.0, "note": "målt i 2024"}]
    assert shown["versions"][1]["changes"] == [
        {"case": "I4", "assumption": "minutter_plejecenter", "value": 15.5, "note": "er det 20?"}
    ]
    assert [v["author"] for v in shown["versions"]] == ["Anna", "Bo"]
    first = yaml.safe_load(cli(url, "scenarios", "show", scenario_id, "--version", "1", "--format", "yaml").stdout)
    assert first["version"] == 1 and first["latest_version"] == 2 and len(first["versions"]) == 1
    assert [(c["case"], c["value"]) for c in first["changes"]] == [("I5", 3.0)]
    table = cli(url, "scenarios", "list").stdout
    assert scenario_id in table and "I5 med 3 timer" in table


def test_summary_of_a_scenario_after_a_restart_is_the_files_with_its_changes(url: str) -> None:
    scenario_id = _create(url, "--set", f"{I5_HOURS}=3", "--note", "målt", process=True)
    cli(url, "scenarios", "set", scenario_id, "--set", "settings.discount_rate=0.04", process=True)
    # Each call is a new process: only the database carries the scenario over.
    summary = json.loads(cli(url, "summary", "--scenario", scenario_id, "--format", "json", process=True).stdout)
    files = json.loads(cli(url, "summary", "--format", "json", "--rate", "0.04").stdout)
    assert list(summary) == list(files) and list(summary)[:3] == ["cases", "overview", "errors"]
    i5 = next(c for c in summary["cases"] if c["id"] == "I5")
    # By hand: 80 citizens × 1 more hour × 52 weeks × 355,13 kr. = 1.477,3 t.kr.: -1.935 - 1.477,3 = -3.412,3.
    assert i5["net_permanent"] == pytest.approx(-3412.3, abs=0.05)
    assert [c for c in summary["cases"] if c["id"] != "I5"] == [c for c in files["cases"] if c["id"] != "I5"]
    version1 = json.loads(cli(url, "summary", "--scenario", scenario_id, "--version", "1", "--format", "json").stdout)
    expected = json.loads(json.dumps(evaluate(load_case(CASES / "i5.yaml").with_values({"timer_pr_uge": 3.0})).summary()))
    i5_version1 = next(c for c in version1["cases"] if c["id"] == "I5")
    assert {key: i5_version1[key] for key in expected} == expected


def test_twenty_concurrent_sets_make_twenty_one_versions(url: str) -> None:
    scenario_id = _create(url)
    env = {**os.environ, "WORKBENCH_DATABASE_URL": url}
    values = [round(2 + n / 10, 1) for n in range(1, 21)]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "model", "scenarios", "set", scenario_id, "--set", f"{I5_HOURS}={value}", "--note", f"n{n}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, value in enumerate(values)
    ]
    for process in processes:
        _out, err = process.communicate(timeout=900)  # 20 Pythons starting at once on a small, busy machine
        assert process.returncode == 0, err
    shown = json.loads(cli(url, "scenarios", "show", scenario_id).stdout)
    assert [v["version"] for v in shown["versions"]] == list(range(1, 22))
    written = [v["changes"][0]["value"] for v in shown["versions"][1:]]
    assert sorted(written) == values  # every process's value is one version: none lost, none twice


def test_a_stale_base_version_is_refused_and_nothing_written(url: str) -> None:
    scenario_id = _create(url, "--set", f"{I5_HOURS}=3")
    cli(url, "scenarios", "set", scenario_id, "--set", f"{I5_HOURS}=4", "--author", "Bo", "--base-version", "1")
    stale = cli(url, "scenarios", "set", scenario_id, "--set", f"{I5_HOURS}=5", "--base-version", "1", check=False)
    assert stale.returncode == 1 and stale.stdout == ""
    assert stale.stderr == (
        f"error: scenario {scenario_id} is at version 2, not 1: Bo saved in between (I5.timer_pr_uge: 3.0 -> 4.0); "
        "nothing was written\n"
    )
    shown = json.loads(cli(url, "scenarios", "show", scenario_id).stdout)
    assert len(shown["versions"]) == 2 and shown["changes"][0]["value"] == 4.0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--set", "I5.timer_pr_uge=2,5"], "error: --set I5.timer_pr_uge: '2,5' is not a number (use a decimal point: 1.5, not 1,5)"),  # noqa: E501
        (["--set", "I9.timer_pr_uge=2"], "error: no case 'I9' (cases: I1, I2, I3, I4, I5, I6)"),
        (["--set", "I5.timer=2"], "error: case I5 has no assumption 'timer'"),
        (["--set", "I5timer=2"], "error: --set 'I5timer=2': expected CASE.ASSUMPTION=VALUE, e.g. i5.timer_sparet=2.5"),
        (["--set", "I5.timer_pr_uge=-1"], "error: I5.timer_pr_uge = -1.0:"),
    ],
)
def test_bad_values_are_named_and_nothing_written(url: str, args: list[str], message: str) -> None:
    scenario_id = _create(url)
    result = cli(url, "scenarios", "set", scenario_id, *args, check=False)
    assert result.returncode == 1 and result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert len(json.loads(cli(url, "scenarios", "show", scenario_id).stdout)["versions"]) == 1


def test_unknown_and_malformed_ids(url: str) -> None:
    for wrong, message in (
        ("nope", "error: 'nope' is not a scenario id (expected a UUID"),
        ("00000000-0000-4000-8000-000000000000", "error: no scenario with id 00000000-0000-4000-8000-000000000000"),
    ):
        for args in (["scenarios", "show", wrong], ["summary", "--scenario", wrong, "--format", "json"]):
            result = cli(url, *args, check=False)
            assert result.returncode == 1 and result.stderr.startswith(message) and result.stdout == ""


def test_create_from_files(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    text = (CASES / "i5.yaml").read_text(encoding="utf-8")
    changed = text.replace("    value: 2\n    unit: timer/uge", "    value: 3\n    unit: timer/uge")
    (tmp_path / "i5-3-timer.yaml").write_text(changed, encoding="utf-8")
    new_case = (CASES / "i2.yaml").read_text(encoding="utf-8").replace("id: I2", "id: X2", 1)
    (tmp_path / "x2.yaml").write_text(new_case, encoding="utf-8")
    scenario_id = _create(url, "--from", str(tmp_path / "i5-3-timer.yaml"), str(tmp_path / "x2.yaml"))
    shown = json.loads(cli(url, "scenarios", "show", scenario_id).stdout)
    changes = [(c["case"], c["assumption"], c["value"], c["note"]) for c in shown["changes"]]
    assert changes == [("I5", "timer_pr_uge", 3.0, "fra filen I5")]
    assert shown["case_files"] == [{"case": "X2", "kind": "upload"}]
    assert shown["included"] == ["I1", "I2", "I3", "I4", "I5", "I6", "X2"]
    summary = json.loads(cli(url, "summary", "--scenario", scenario_id, "--format", "json").stdout)
    assert [c["id"] for c in summary["cases"]] == ["I1", "I2", "I3", "I4", "I5", "I6", "X2"]
    x2, i2 = (next(c for c in summary["cases"] if c["id"] == cid) for cid in ("X2", "I2"))
    assert {k: v for k, v in x2.items() if k not in ("id", "title")} == {k: v for k, v in i2.items() if k not in ("id", "title")}


def test_db_upgrade_on_an_empty_database(url: str) -> None:
    assert cli(url, "db", "upgrade").stdout.strip().endswith(": at revision 0002")
    assert cli(url, "db", "upgrade").stdout.strip().endswith(": at revision 0002")


def test_a_corrupt_sqlite_file_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    path.write_bytes(b"this is not a database, it is a shopping list\n" * 200)
    for args, process in (
        (["scenarios", "list"], True),
        (["db", "upgrade"], False),
        (["summary", "--scenario", "00000000-0000-4000-8000-000000000000"], False),
    ):
        result = cli(f"sqlite:///{path}", *args, check=False, process=process)
        assert result.returncode == 1
        expected = f"error: the scenario store (SQLite file {path}) is not a readable SQLite database (damaged file?)\n"
        assert result.stderr == expected


def test_a_locked_sqlite_file_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    cli(f"sqlite:///{path}", "db", "upgrade")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = cli(f"sqlite:///{path}?timeout=0.2", "scenarios", "create", "--name", "x", check=False)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 1
    assert result.stderr == f"error: the scenario store (SQLite file {path}) is locked by another program; try again shortly\n"


def test_an_unreachable_postgresql_is_one_clear_line_without_credentials() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once the socket is closed
    url = f"postgresql://kasserer:hemmeligt-kodeord@127.0.0.1:{port}/workbench"
    for args, process in ((["scenarios", "list"], True), (["db", "upgrade"], False)):
        result = cli(url, *args, check=False, process=process)
        assert result.returncode == 1
        expected = f"error: the scenario store (postgresql database workbench on 127.0.0.1:{port}) cannot be reached\n"
        assert result.stderr == expected
        assert "hemmeligt" not in result.stderr and "kasserer" not in result.stderr


def test_a_url_that_is_not_one() -> None:
    result = cli("not a url at all", "scenarios", "list", check=False)
    assert result.returncode == 1
    assert result.stderr == (
        "error: WORKBENCH_DATABASE_URL is not a database URL (expected e.g. postgresql://host/db or sqlite:///file.db)\n"
    )
