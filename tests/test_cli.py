"""``python -m model``: output shapes, and bad files that give one line on stderr and no traceback.

Most tests run the command in a subprocess (with a timeout: a file must never
hang the tool) on tiny cases copied into ``tmp_path``; the per-file catalogue
calls :func:`model.cli.main` in-process to stay fast.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sample_cases import T1

from model import load_paths
from model.cli import main

REPO = Path(__file__).resolve().parents[1]

# T1 (tests/sample_cases.py): every krone 200, 10, -90, -90, -90 (payback 5);
# Drift (investment pool only) 200, innovation pool 30, anlæg 20, net permanent -90.

# A foundation investment: no savings, no payback ("-"), no IRR.
T2 = """
id: T2
title: Grundinvestering
price_level: 2020
first_year: 2020
last_year: 2021
lines:
  - {name: Drift, kind: permanent, area: service, amounts: {2020: 5, 2021: 10}}
  - {name: Net, kind: one_off, area: anlaeg, amounts: {2020: 500}}
reported:
  payback_total: null
  tables:
    - id: table3
      title: Tabel 3
      years: [2020, 2021]
      rows:
        - {label: Net, lines: [Net], values: {2020: 510}}
"""

SUMMARY_CASE_KEYS = {
    "id",
    "title",
    "price_level",
    "years",
    "permanent_total",
    "investment_service",
    "investment_capital",
    "total_impact",
    "net_permanent",
    "payback_years",
    "npv",
    "irr",
}
OVERVIEW_ROW_KEYS = {"id", "title", "drift", "anlaeg", "payback_years", "net_permanent"}
FINDING_KEYS = {"case", "table", "line", "year", "reported", "computed", "difference"}


def _no_constants(name: str) -> float:
    msg = f"JSON contains {name}"
    raise AssertionError(msg)


def _strict_json(text: str) -> object:
    """JSON that has no NaN, Infinity or -Infinity anywhere."""
    return json.loads(text, parse_constant=_no_constants)


def _run(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "model", *args], cwd=REPO, capture_output=True, text=True, timeout=timeout, check=False
    )


def _main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``main()`` in-process (the same code as the subprocess, without its start-up time)."""
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "t1.yaml").write_text(T1, encoding="utf-8")
    (tmp_path / "t2.yaml").write_text(T2, encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="module")
def summary_json(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """``python -m model summary FOLDER --format json``, run once for the module."""
    folder = tmp_path_factory.mktemp("cases")
    (folder / "t1.yaml").write_text(T1, encoding="utf-8")
    (folder / "t2.yaml").write_text(T2, encoding="utf-8")
    return _run("summary", str(folder), "--format", "json")


class TestSummary:
    def test_json_shape(self, summary_json):
        done = summary_json
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        data = _strict_json(done.stdout)
        assert set(data) >= {"cases", "overview"}
        assert [c["id"] for c in data["cases"]] == ["T1", "T2"]
        t1, t2 = data["cases"]
        assert set(t1) >= SUMMARY_CASE_KEYS
        for case in data["cases"]:
            for key in ("permanent_total", "investment_service", "investment_capital", "total_impact"):
                assert len(case[key]) == len(case["years"]), key
        assert t1["years"] == [2020, 2021, 2022, 2023, 2024]
        assert t1["price_level"] == 2020
        assert t1["investment_service"] == [180, 50, 0, 0, 0]  # innovation pool included
        assert t1["investment_capital"] == [20, 0, 0, 0, 0]
        assert t1["permanent_total"] == [0, -40, -90, -90, -90]
        assert t1["total_impact"] == [200, 10, -90, -90, -90]
        assert t1["net_permanent"] == -90
        assert t1["payback_years"] == 5
        assert t1["npv"] == pytest.approx(388.073428, abs=1e-6)
        assert 0 < t1["irr"] < 1
        assert t2["payback_years"] is None
        assert t2["irr"] is None

    def test_json_overview(self, summary_json):
        data = _strict_json(summary_json.stdout)
        rows, total = data["overview"]["rows"], data["overview"]["total"]
        assert all(set(row) >= OVERVIEW_ROW_KEYS for row in rows)
        by_id = {row["id"]: row for row in rows}
        assert by_id["T1"]["drift"] == 200  # the innovation pool's 30 is left out
        assert by_id["T1"]["anlaeg"] == 20
        assert by_id["T1"]["payback_years"] == 5
        assert by_id["T2"]["payback_years"] is None
        assert {"drift", "anlaeg", "net_permanent"} <= set(total)
        assert total["drift"] == 200
        assert total["anlaeg"] == 520
        assert total["net_permanent"] == -90 + 10

    def test_table(self, folder, capsys):
        status, out, _ = _main(capsys, "summary", str(folder))
        assert status == 0
        lines = out.splitlines()
        assert lines[0].split()[:3] == ["Case", "Drift", "Anlæg"]
        t1 = next(line for line in lines if line.startswith("T1 "))
        assert t1.split()[:6] == ["T1", "200", "20", "5", "år", "-90"]
        assert "388" in t1
        assert "29,2 %" in t1
        t2 = next(line for line in lines if line.startswith("T2 "))
        assert t2.split()[:4] == ["T2", "0", "500", "-"]
        total = next(line for line in lines if line.startswith("I alt"))
        assert total.split()[2:5] == ["200", "520", "-80"]
        assert "2020 p/l" in lines[-1]

    def test_csv(self, folder, capsys):
        status, out, _ = _main(capsys, "summary", str(folder), "--format", "csv")
        assert status == 0
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [r["id"] for r in rows] == ["T1", "T2", "I alt"]
        assert rows[0]["drift"] == "200"
        assert rows[0]["payback_years"] == "5"
        assert float(rows[0]["npv"]) == pytest.approx(388.073428, abs=1e-6)
        assert rows[1]["payback_years"] == ""
        assert rows[2]["anlaeg"] == "520"

    def test_settings_reach_the_figures(self, folder, capsys):
        _, out, _ = _main(capsys, "summary", str(folder / "t1.yaml"), "--format", "json", "--rate", "0", "--horizon", "3")
        t1 = _strict_json(out)["cases"][0]
        assert t1["npv"] == -(200 + 10 - 90)
        assert t1["settings"]["horizon"] == 3


class TestAudit:
    def test_json_shape(self, folder, capsys):
        status, out, err = _main(capsys, "audit", str(folder), "--format", "json")
        assert status == 0, err
        data = _strict_json(out)
        assert list(data) == ["findings"]
        (finding,) = data["findings"]
        assert set(finding) >= FINDING_KEYS
        assert {k: finding[k] for k in FINDING_KEYS} == {
            "case": "T2",
            "table": "table3",
            "line": "Net",
            "year": 2020,
            "reported": 510,
            "computed": 500,
            "difference": 10,
        }

    def test_table(self, folder, capsys):
        status, out, _ = _main(capsys, "audit", str(folder))
        assert status == 0
        assert "T2" in out
        assert "1 finding(s)" in out

    def test_clean(self, tmp_path, capsys):
        (tmp_path / "t1.yaml").write_text(T1, encoding="utf-8")
        assert _main(capsys, "audit", str(tmp_path))[1].strip() == "No findings: every printed figure reconciles within ±1."
        assert _strict_json(_main(capsys, "audit", str(tmp_path), "--format", "json")[1]) == {"findings": []}


class TestErrors:
    def test_mixed_price_levels_are_a_warning_not_an_error(self, folder, capsys):
        (folder / "t3.yaml").write_text(T1.replace("id: T1", "id: T3").replace("price_level: 2020", "price_level: 2016"), "utf-8")
        status, out, err = _main(capsys, "summary", str(folder), "--format", "json")
        assert status == 0  # every file is valid: a warning, not an invalid file
        (line,) = err.splitlines()
        assert line.startswith("warning: no 'I alt' row: ")
        assert "different price levels" in line
        assert "T3: 2016" in line
        data = _strict_json(out)
        assert [row["id"] for row in data["overview"]["rows"]] == ["T1", "T2", "T3"]
        assert data["overview"]["total"] is None
        assert data["errors"] == []
        assert data["warnings"] == [line.removeprefix("warning: ")]

    def test_missing_path(self, folder, capsys):
        status, out, err = _main(capsys, "summary", str(folder / "nope.yaml"), str(folder / "t1.yaml"), "--format", "json")
        assert status == 1
        assert err.splitlines() == [f"error: {folder / 'nope.yaml'}: no such file or folder"]
        assert [c["id"] for c in _strict_json(out)["cases"]] == ["T1"]

    @pytest.mark.parametrize(
        ("args", "fragment"),
        [
            (["--rate", "2"], "discount rate 2.0"),
            (["--horizon", "0"], "horizon 0"),
            (["--hours-per-fte", "0"], "hours per årsværk"),
        ],
    )
    def test_bad_settings(self, folder, args, fragment, capsys):
        status, _, err = _main(capsys, "summary", str(folder), *args)
        assert status == 2
        assert err.startswith("error: ")
        assert fragment in err

    def test_usage(self, capsys):
        with pytest.raises(SystemExit) as info:
            main(["summary", "--format", "xml"])
        assert info.value.code == 2
        assert "invalid choice" in capsys.readouterr().err


# One bad file each (name -> content); the good t1.yaml sits next to it.
BAD_FILES: dict[str, str | bytes] = {
    "nan.yaml": T1.replace("value: 100", "value: .nan"),
    "inf.yaml": T1.replace("value: 100", "value: .inf"),
    "overflow.yaml": T1.replace("value: 100", "value: 1e999"),
    "octal.yaml": T1.replace("value: 100", "value: 030"),
    "hex.yaml": T1.replace("value: 100", "value: 0x1F"),
    "clock.yaml": T1.replace("value: 100", "value: 1:30"),
    "unknown-key.yaml": T1.replace("title: Testcase", "title: Testcase\ntitel: x"),
    "missing.yaml": T1.replace("price_level: 2020\n", ""),
    "year-outside.yaml": T1.replace("{2020: 150, 2021: 50}", "{2020: 150, 2031: 50}"),
    "unknown-name.yaml": T1.replace('"-gevinst"', '"-gevinsten"'),
    "import.yaml": T1.replace('"-gevinst"', "\"__import__('os').system('true')\""),
    "lambda.yaml": T1.replace('"-gevinst"', '"(lambda: 1)()"'),
    "low-high.yaml": T1.replace("source: test}", "source: test, low: 120, high: 110}"),
    "list.yaml": "- a\n- b\n",
    "latin1.yaml": T1.replace("Testcase", "Ældre").encode("latin-1"),
    "laughs.yaml": 'a: &a ["lol","lol"]\nb: &b [*a,*a]\nc: [*b,*b]\n',
    "deep.yaml": "a: " + "[" * 200_000,
    "tag.yaml": "id: !!python/object/apply:os.system ['true']\n",
    "digits-5000.yaml": T1.replace("value: 100", "value: 1" + "0" * 4999),
    "digits-400.yaml": T1.replace("value: 100", "value: 1" + "0" * 400),
    "z-duplicate-id.yaml": T1.replace("title: Testcase", "title: Kopi"),
    # Found when the case is evaluated: the line names the case (the file may be named too).
    "huge-formula.yaml": T1.replace("id: T1", "id: HUGE").replace('"-gevinst"', '"1e308"'),
    "division.yaml": T1.replace("id: T1", "id: DIV").replace('"-gevinst"', '"1 / (gevinst - 100)"'),
    "multiline-name.yaml": T1.replace("id: T1", "id: ML")
    .replace("- name: Drift\n", '- name: "Besparelse\\nigen"\n')
    .replace("- name: Besparelse\n", '- name: "Besparelse\\nigen"\n'),
}


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_a_bad_file_gives_one_line_and_the_rest_is_still_printed(tmp_path, name, capsys):
    # The good case must come through whatever the order of the files.
    _write(tmp_path, "t1.yaml", T1)
    bad = _write(tmp_path, name, BAD_FILES[name])
    status, out, err = _main(capsys, "summary", str(tmp_path), "--format", "json")
    assert status == 1
    lines = err.splitlines()
    assert len(lines) == 1, err
    # Every error, also one found when the case is evaluated, names the file first.
    assert lines[0].startswith(f"error: {bad}: "), lines[0]
    assert "Traceback" not in err
    data = _strict_json(out)
    assert "T1" in [c["id"] for c in data["cases"]]


def test_the_whole_catalogue_in_one_run_never_hangs_and_never_runs_code(tmp_path):
    sentinel = tmp_path / "ran"
    _write(tmp_path, "t1.yaml", T1)
    for name, content in BAD_FILES.items():
        _write(tmp_path, name, content)
    _write(tmp_path, "touch.yaml", f"id: !!python/object/apply:os.system ['touch {sentinel}']\n")
    # about 6 s on a quiet machine; the limit only catches a hang, so it leaves room for a loaded one
    done = _run("summary", str(tmp_path), "--format", "json", timeout=180)
    assert not sentinel.exists()
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == len(BAD_FILES) + 1
    assert all(line.startswith((f"error: {tmp_path}", "error: case HUGE: ", "error: case DIV: ")) for line in lines)
    assert [c["id"] for c in _strict_json(done.stdout)["cases"]] == ["T1"]


def test_the_repositorys_cases(capsys):
    """Whatever cases/ holds right now: valid JSON without NaN, lists aligned with years."""
    done = _run("summary", "cases", "--format", "json", timeout=60)
    assert "Traceback" not in done.stderr
    data = _strict_json(done.stdout)
    loaded = load_paths([REPO / "cases"])
    assert {c["id"] for c in data["cases"]} <= {c.id for c in loaded.cases}
    assert all(line.startswith("error: ") for line in done.stderr.splitlines())
    for case in data["cases"]:
        assert set(case) >= SUMMARY_CASE_KEYS
        for key in ("permanent_total", "investment_service", "investment_capital", "total_impact"):
            assert len(case[key]) == len(case["years"]), (case["id"], key)
    _, out, _ = _main(capsys, "audit", str(REPO / "cases"), "--format", "json")
    for finding in _strict_json(out)["findings"]:
        assert set(finding) >= FINDING_KEYS
