"""Hostile and heaviest-accepted case files: seconds of server time each, against the 2-second budget.

    python benchmarks/hostile_files.py

Builds, in memory, files that once held the server (issue 10): 1.500
assumptions × 1.500 lines, 1.000 printed rows showing one line, YAML bombs,
formula bombs; and the heaviest files the work budget (``model/budget.py``)
still accepts: 300 assumptions × 300 lines over 61 years, formulas at the
formula-weight limit, printed rows at the audit limit. Each is read
(:func:`model.parse_case`), and if accepted evaluated and audited; the time
is the process's CPU time (what the shared server spends; wall-clock time on
a busy machine counts the other processes too), the median of three runs. Prints one line per file, then as the last line

    hostile_ratio = max(CPU seconds of any file) / 2 s

which should be ≤ 1: no file under the upload limit takes the server more
than two seconds, refused or accepted.
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model import CaseFileError, Formula, FormulaError, audit_case, evaluate, parse_case  # noqa: E402
from model.budget import MAX_ASSUMPTIONS, MAX_FORMULA_WEIGHT, MAX_LINES  # noqa: E402
from model.loader import MAX_FILE_BYTES  # noqa: E402

BUDGET_SECONDS = 2.0

HEAD = "id: H\ntitle: H\nprice_level: 2020\nfirst_year: 2020\nlast_year: {last}\n"


def _case(assumptions: int, lines: int, years: int, formula: str, rows: int = 0) -> str:
    out = [HEAD.format(last=2019 + years), "assumptions:"]
    out += [f"  - {{name: a{i:04d}, label: A, value: 1, unit: stk., source: s}}" for i in range(assumptions)]
    out.append("lines:")
    out += [
        f"  - {{name: L{i:04d}, kind: permanent, area: service, formula: '{formula.format(i % assumptions)}', "
        "phase_in: {2021: 0.5, 2022: 1}}"
        for i in range(lines)
    ]
    if rows:
        out.append("reported:\n  tables:\n    - id: table1\n      title: T\n      years: [2020]\n      rows:")
        out += [f"        - {{label: R{i}, lines: [L0000], values: {{2020: {i % 7}}}}}" for i in range(rows)]
    return "\n".join(out) + "\n"


def _files() -> dict[str, str]:
    heavy = "-(" + "+".join(["a{0}"] * 6) + ") * 1.5"  # 37 characters at 61 years × 300 lines, phased in
    long_formula = "-max(" + ", ".join(["a{0}"] * 280) + ")"  # 1.966 characters, nested 2 deep, the longest formula accepted
    long_lines = MAX_FORMULA_WEIGHT // (61 * len(long_formula.format("0000")))
    pairs = zip("abcdefgh", "bcdefghi", strict=True)
    laughs = ["a: &a [1,1,1,1,1,1,1,1,1]"] + [f"{c}: &{c} [" + ",".join([f"*{p}"] * 9) + "]" for p, c in pairs]
    return {
        "1500 assumptions × 1500 lines": _case(1500, 1500, 5, "-a{:04d}"),
        "1000 printed rows of one line": _case(10, 10, 5, "-a{:04d}", rows=1000),
        "billion laughs": "\n".join(laughs) + "\n",
        "400.000 open brackets": "a: " + "[" * 400_000,
        "1 MB of flat YAML": "a:\n" + "".join(f"  - {i}\n" for i in range(MAX_FILE_BYTES // 10))[: MAX_FILE_BYTES - 10],
        "accepted: 300 × 300 over 61 years": _case(MAX_ASSUMPTIONS, MAX_LINES, 61, heavy.replace("{0}", "{0:04d}")),
        "accepted: longest formulas at the weight limit": _case(50, long_lines, 61, long_formula.replace("{0}", "{0:04d}")),
        "accepted: printed rows at the audit limit": _case(10, 10, 5, "-a{:04d}", rows=280),
    }


def _handle(text: str) -> str:
    try:
        case = parse_case(text, "hostile.yaml")
    except CaseFileError as exc:
        return "refused: " + exc.problem[:70]
    result = evaluate(case)
    findings = audit_case(result)
    return f"accepted: {len(case.lines)} lines, {len(findings)} findings"


def _formula_bombs() -> str:
    for text in ("9 ** 9 ** 9 ** 9", "-" * 1000 + "1", "(" * 1000 + "1" + ")" * 1000, "2" + "**2" * 600):
        with contextlib.suppress(FormulaError):
            Formula.parse(text).evaluate({})
    return "done"


def main() -> int:
    worst = 0.0
    work = {name: (lambda text=text: _handle(text)) for name, text in _files().items()}
    work["formula bombs"] = _formula_bombs
    for name, action in work.items():
        times, outcome = [], ""
        for _ in range(3):
            start = time.process_time()
            outcome = action()
            times.append(time.process_time() - start)
        seconds = statistics.median(times)
        worst = max(worst, seconds)
        print(f"{name:<48} {seconds:7.3f} s  {outcome}")
    print(f"hostile_ratio={worst / BUDGET_SECONDS:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
