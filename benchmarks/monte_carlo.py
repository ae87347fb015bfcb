"""Monte Carlo speed as a ratio: 10.000 draws of every case against one deterministic evaluation.

    python benchmarks/monte_carlo.py [--draws 10000] [--cases cases/]

Measures, in one run of this script on this machine,

    mc_ratio = time(Monte Carlo of N draws over every case) / time(one evaluation of every case)

where one evaluation is :func:`model.evaluate` of each case (key figures,
IRR and all) and the Monte Carlo is :func:`model.monte_carlo` with its
defaults (Beta-PERT, 10.000 draws). Both are timed after a warm-up, as the
median of repeated rounds (many for the quick deterministic round, a few
for the Monte Carlo), so the ratio does not depend on the machine's speed
much. A Python loop over the draws would give a ratio of about N; the draws
go through the formulas as numpy arrays in one pass per block of 10.000, so
the target is ≤ 50. The last line printed is ``mc_ratio=<number>``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import median_time  # noqa: E402  (benchmarks/timing.py)

from model import Settings, evaluate, load_paths  # noqa: E402
from model.uncertainty import DEFAULT_DRAWS, monte_carlo  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=DEFAULT_DRAWS, help="draws per case (default 10000)")
    parser.add_argument("--cases", default=str(ROOT / "cases"), help="folder of case files (default cases/)")
    parser.add_argument("--rounds", type=int, default=7, help="Monte Carlo rounds; the median counts (default 7)")
    args = parser.parse_args(argv)

    loaded = load_paths([args.cases])
    for error in loaded.errors:
        print(f"skipped: {error}", file=sys.stderr)
    cases = loaded.cases
    if not cases:
        print("no case files to measure", file=sys.stderr)
        return 1
    settings = Settings()

    def deterministic() -> None:
        for case in cases:
            evaluate(case, settings)

    def simulate(distribution: str) -> None:
        for case in cases:
            monte_carlo(case, settings, n=args.draws, seed=1, distribution=distribution)

    deterministic()
    simulate("pert")  # warm-up: formula parsing, numpy's first calls
    one = median_time(deterministic, 300)
    per_case = {case.id: median_time(lambda c=case: monte_carlo(c, settings, n=args.draws, seed=1), 3) for case in cases}
    triangular = median_time(lambda: simulate("triangular"), args.rounds)
    pert = median_time(lambda: simulate("pert"), args.rounds)

    print(f"cases: {', '.join(c.id for c in cases)} ({len(cases)})")
    print(f"draws per case: {args.draws}")
    print(f"one deterministic evaluation of every case: {one * 1000:.2f} ms (median of 300)")
    for case_id, seconds in per_case.items():
        print(f"  Monte Carlo {case_id}: {seconds * 1000:.1f} ms")
    print(f"Monte Carlo, triangular, every case: {triangular * 1000:.1f} ms (ratio {triangular / one:.1f})")
    print(f"Monte Carlo, Beta-PERT (default), every case: {pert * 1000:.1f} ms (median of {args.rounds})")
    print("a Python loop over the draws would give a ratio of about", args.draws)
    print(f"mc_ratio={pert / one:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
