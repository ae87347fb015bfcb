"""Writing and checking case files: the JSON Schema, ``new`` and ``validate``."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from test_loader import CATALOGUE, GOOD, _with

from model import evaluate, load_case, parse_case
from model.case_schema import SCHEMA_FILE, case_json_schema, case_schema_text
from model.cli import main
from model.loader import _read_yaml

CASES = Path(__file__).resolve().parent.parent / "cases"
CASE_FILES = sorted(p for p in CASES.glob("*.yaml") if p.name != "overview.yaml")


def _main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def _as_json(path: Path) -> object:
    """The file as an editor's YAML language server sees it: JSON data, year keys as text."""
    return json.loads(json.dumps(_read_yaml(path.read_text(encoding="utf-8"), str(path))))


# --- the schema -----------------------------------------------------------------


def test_the_schema_file_is_current():
    # Stale when a field changes in model/schema.py: renew with `python -m model schema --write docs/case.schema.json`.
    assert SCHEMA_FILE.read_text(encoding="utf-8") == case_schema_text()


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.name)
def test_every_case_file_validates_against_the_schema_and_names_it(path):
    jsonschema.Draft202012Validator(case_json_schema()).validate(_as_json(path))
    assert path.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=../docs/case.schema.json"


def test_the_schema_refuses_what_the_model_refuses():
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    data = json.loads(json.dumps(_read_yaml(GOOD, "good")))
    assert list(validator.iter_errors(data)) == []
    for field, value in (("titel", "x"), ("version", "2"), ("hours_per_fte", "1924")):
        assert list(validator.iter_errors({**data, field: value})), field
    line = {**data["lines"][0], "phase_in": "gevinst", "round_to": 5, "kind": "varig"}
    assert [e.path[-1] for e in validator.iter_errors({**data, "lines": [line]})] == ["kind"]


def test_schema_command_prints_and_writes_it(capsys, tmp_path):
    status, out, _ = _main(capsys, "schema")
    assert status == 0
    assert json.loads(out)["title"] == "Business case file, format version 2"
    assert _main(capsys, "schema", "--write", str(tmp_path / "s.json"))[0] == 0
    assert (tmp_path / "s.json").read_text(encoding="utf-8") == out


# --- new -> validate -> summary -------------------------------------------------------


def test_new_validate_summary_round_trip(capsys, tmp_path):
    title = "Ny: velfærdsteknologi"
    status, text, err = _main(capsys, "new", "N1", "--title", title, "--years", "2027-2031", "--price-level", "2026")
    assert (status, err) == (0, "")
    assert text.startswith("# yaml-language-server: $schema=../docs/case.schema.json\n")
    path = tmp_path / "n1.yaml"
    path.write_text(text, encoding="utf-8")
    assert _main(capsys, "validate", str(path)) == (0, f"ok: {path}: N1\n", "")
    status, out, err = _main(capsys, "summary", str(path), "--format", "json")
    assert (status, err) == (0, "")
    (case,) = json.loads(out)["cases"]
    # The template's example, by hand: 100 enheder × 20.000 kr. = 2.000 t.kr. in 2027; 100 × 50 timer = 5.000
    # timer × 400 kr. = -2.000 t.kr. a year at full effect, 50 % in 2028; maintenance 10 % of 2.000 = 200, 50 % in 2028.
    assert case["title"] == title
    assert case["years"] == [2027, 2028, 2029, 2030, 2031]
    assert case["total_impact"] == [2000, -900, -1800, -1800, -1800]
    assert case["payback_years"] == 3  # cumulative 2.000, 1.100, -700
    assert case["hours_full"] == 5000
    assert case["price_level"] == 2026


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["../x", "--title", "T"], "case id '../x' must be letters"),
        (["N1", "--title", "T", "--years", "2031-2027"], "must not be after the last"),
        (["N1", "--title", "T", "--years", "2027"], "must be written FIRST-LAST"),
        (["N1", "--title", "  "], "the title must be one line"),
    ],
)
def test_new_refuses_a_bad_id_title_or_years(capsys, args, fragment):
    status, out, err = _main(capsys, "new", *args)
    assert (status, out) == (2, "")
    (line,) = err.splitlines()
    assert line.startswith("error: ") and fragment in line


def test_the_template_defaults_to_the_next_five_years():
    import datetime as dt

    from model.template import new_case_text

    case = parse_case(new_case_text("N2", "Standard"))
    year = dt.date.today().year
    assert (case.price_level, case.first_year, case.last_year) == (year, year + 1, year + 5)


# --- validate ----------------------------------------------------------------------


def test_validate_accepts_the_six_cases(capsys):
    status, out, err = _main(capsys, "validate", str(CASES))
    assert (status, err) == (0, "")
    assert out.splitlines() == [f"ok: {CASES / f'i{n}.yaml'}: I{n}" for n in range(1, 7)]


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_validate_gives_summarys_one_line_for_every_bad_input(capsys, tmp_path, name):
    mutation, _ = CATALOGUE[name]
    bad = tmp_path / "bad.yaml"
    bad.write_text(_with(*mutation), encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(GOOD.replace("id: T1", "id: G1"), encoding="utf-8")
    status, out, err = _main(capsys, "validate", str(bad), str(good))
    _, _, summary_err = _main(capsys, "summary", str(bad), str(good))
    assert status == 1
    assert out == f"ok: {good}: G1\n"
    assert len(err.splitlines()) == 1
    assert err == summary_err


def test_validate_names_a_formula_that_divides_by_zero_as_summary_does(capsys, tmp_path):
    bad = tmp_path / "zero.yaml"
    bad.write_text(_with('"-gevinst"', '"-gevinst / 0"'), encoding="utf-8")
    status, _, err = _main(capsys, "validate", str(bad))
    assert status == 1
    assert err == _main(capsys, "summary", str(bad))[2]
    assert err.startswith(f"error: {bad}: case T1: line 'Besparelse', 2020: the formula gives no finite amount")


def test_validate_needs_a_path(capsys):
    with pytest.raises(SystemExit) as info:
        main(["validate"])
    assert info.value.code == 2


def test_a_validated_case_evaluates_like_the_cases(tmp_path):
    path = tmp_path / "i4.yaml"
    path.write_text((CASES / "i4.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert evaluate(load_case(path)).kpis.payback_years == 6


def test_the_worked_example_in_the_docs_gives_the_figures_it_shows():
    import re

    text = (Path(__file__).resolve().parent.parent / "docs" / "case-format.md").read_text(encoding="utf-8")
    example = re.search(r"## A worked example.*?```yaml\n(.*?)```", text, re.S)
    assert example is not None
    result = evaluate(parse_case(example.group(1), "docs/case-format.md"))
    # By hand: 80 × 2 × 52 = 8.320 timer × 355 kr. = 2.953,6 t.kr.; × 0,5 = 1.476,8 → 1.475 (5 t.kr.), then 2.955.
    assert result.flows.lines["Effektivisering, tidsmæssig gevinst"].tolist() == [0, -1475, -2955, -2955, -2955]
    # 10 % of 80 × 15.000 kr. = 120 t.kr. a year, half in 2028; the lifts 1.200 t.kr. in 2027.
    assert result.flows.total_impact_all.tolist() == [1200, -1415, -2835, -2835, -2835]
    assert result.kpis.payback_years == 2
    assert result.kpis.fte_full == pytest.approx(8320 / 1924)
    assert "| Samlet økonomisk påvirkning | 1.200 | −1.415 | −2.835 | −2.835 | −2.835 |" in text
