"""Case-file problems in Danish: every problem of the bad-input catalogue, worded without pydantic's text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_loader import CATALOGUE, _with

from model import CaseFileError, parse_case
from ui.case_messages import DANISH, _danish

MODEL = Path(__file__).resolve().parent.parent / "model"
#: The case model's modules: the schema, its named inputs and its whole-case checks.
SCHEMA = [MODEL / "schema.py", MODEL / "drivers.py", MODEL / "case_checks.py"]


def test_every_code_the_schema_raises_has_a_danish_sentence():
    text = "\n".join(path.read_text(encoding="utf-8") for path in SCHEMA)
    codes = set(re.findall(r'\bproblem\(\s*"(\w+)"', text))
    # the schema's own codes (18 in the three modules, counted by hand), among them:
    assert {"derived_cycle", "unknown_profile", "bad_name", "year_one_off"} <= codes
    assert codes <= set(DANISH), sorted(codes - set(DANISH))


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_every_catalogued_problem_is_worded_in_danish(name):
    mutation, _ = CATALOGUE[name]
    with pytest.raises(CaseFileError) as info:
        parse_case(_with(*mutation), "bad.yaml")
    assert info.value.problems, "every problem of a case file carries its code"
    for problem in info.value.problems:
        text = _danish(problem)
        assert "Input should" not in text and "For further information" not in text and "pydantic" not in text
        assert "{" not in text.replace("{2020", "")  # every placeholder filled


def test_a_few_by_hand():
    def first(old: str, new: str) -> str:
        with pytest.raises(CaseFileError) as info:
            parse_case(_with(old, new), "bad.yaml")
        return _danish(info.value.problems[0])

    assert first("price_level: 2020\n", "") == "price_level: feltet mangler."
    assert first("first_year: 2020", "first_year: 1800") == "first_year: skal være mindst 1900."
    assert first("value: 100", "value: 030") == (
        "linje 10, kolonne 12: værdien er tvetydig (YAML læser den som oktal, hexadecimal eller sexagesimal): "
        "skriv et almindeligt tal."
    )
