"""No formula in the case files is written twice: a quantity used in several places is a derived item.

Every formula text of a case (derived items, phase-in profiles, and each
line's formula, yearly amounts, hours, kept hours and phase-in shares) is
parsed with :mod:`ast`; every sub-expression that combines two or more
names (``maalgruppe * andel_udskudt``) may occur once in the whole case. A
leading minus is ignored, so ``-a * b`` and ``a * b * c`` share ``a * b``.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator

import pytest
from conftest import CASES

from model import Case, load_case

CASE_IDS = ["i1", "i2", "i3", "i4", "i5", "i6"]


def _formula_texts(case: Case) -> Iterator[tuple[str, str]]:
    """``(where, formula text)`` for every formula in ``case``."""
    for item in case.derived or ():
        yield f"derived {item.name}", item.formula
    for name, profile in (case.phase_in_profiles or {}).items():
        for year, share in profile.items():
            if isinstance(share, str):
                yield f"profile {name} {year}", share
    for line in case.lines:
        for field in ("formula", "hours", "kept_hours"):
            text = getattr(line, field, None)
            if isinstance(text, str):
                yield f"{line.name}: {field}", text
        for year, amount in (line.amounts or {}).items():
            if isinstance(amount, str):
                yield f"{line.name}: amounts {year}", amount
        if isinstance(line.phase_in, dict):
            for year, share in line.phase_in.items():
                if isinstance(share, str):
                    yield f"{line.name}: phase_in {year}", share


class _NoMinus(ast.NodeTransformer):
    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        return self.visit(node.operand) if isinstance(node.op, ast.USub) else self.generic_visit(node)


def repeated(case: Case) -> dict[str, list[str]]:
    """Sub-expressions over two or more names that occur more than once, with where they occur."""
    seen: dict[str, list[str]] = defaultdict(list)
    for where, text in _formula_texts(case):
        tree = _NoMinus().visit(ast.parse(text, mode="eval"))
        for node in ast.walk(tree):
            if isinstance(node, ast.BinOp) and len({n.id for n in ast.walk(node) if isinstance(n, ast.Name)}) >= 2:
                seen[ast.unparse(node)].append(where)
    return {expr: places for expr, places in seen.items() if len(places) > 1}


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_no_formula_is_written_twice(case_id: str) -> None:
    assert repeated(load_case(CASES / f"{case_id}.yaml")) == {}


def test_the_check_finds_a_repeat() -> None:
    # I6 as it was before its derived items: the target group × the share written out in the line's
    # formula and kept hours, as well as in the derived item.
    case = load_case(CASES / "i6.yaml")
    lines = list(case.lines)
    lines[0] = lines[0].model_copy(
        update={
            "formula": "-maalgruppe * andel_udskudt * rekrutteringsomkostning",
            "kept_hours": "maalgruppe * andel_udskudt * 1924",
        }
    )
    found = repeated(case.model_copy(update={"lines": lines}))
    assert found == {
        "maalgruppe * andel_udskudt": [
            "derived fastholdte",
            "Udskudt tilbagetrækning: formula",
            "Udskudt tilbagetrækning: kept_hours",
        ]
    }
