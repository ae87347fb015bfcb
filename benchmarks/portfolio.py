"""Portfolio choice speed as a ratio: choosing among 200 cases against evaluating them once.

    python benchmarks/portfolio.py [--cases 200] [--seed 12]

Builds ``--cases`` synthetic business cases (a phased-in saving, a running
cost, service investments from both pools and anlæg, over 5 years starting
2016-2019), with random prerequisites (each case requires 0-2 earlier ones)
and alternative groups (about one case in four, in groups of 2-3), and
measures, in one run of this script on this machine,

    portfolio_ratio = time(model.choose on the 200 evaluated cases) / time(model.evaluate of the 200 cases)

The choice is the whole answer as the command line and the page give it:
the exact MILP under budgets for all three pools (service and innovation as
totals, anlæg per year) and a payback limit, the reason for every case left
out, the bundle figures of every funded prerequisite chain, and the re-solves
for "the next 1 mio. kr." in every limit. Both are timed after a warm-up as
the median of several rounds. The goal is ≤ 5. The last line printed is
``portfolio_ratio=<number>``.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import median_time  # noqa: E402  (benchmarks/timing.py)

from model import Case, ChoiceOptions, Settings, choose, evaluate  # noqa: E402


def synthetic_cases(count: int, seed: int) -> list[Case]:
    """``count`` random cases with prerequisites on earlier cases and alternative groups."""
    rng = random.Random(seed)
    cases = []
    groups: list[str | None] = [None] * count
    index = 0
    while index < count:
        if rng.random() < 0.12 and index + 1 < count:
            size = min(rng.choice([2, 3]), count - index)
            for k in range(index, index + size):
                groups[k] = f"G{index}"
            index += size
        else:
            index += 1
    for index in range(count):
        first = rng.choice([2016, 2016, 2017, 2018, 2019])
        years = list(range(first, first + 5))
        requires = sorted({f"S{rng.randrange(index):03d}" for _ in range(rng.choice([0, 0, 0, 1, 1, 2]))}) if index else []
        data = {
            "id": f"S{index:03d}",
            "title": f"Syntetisk case {index}",
            "price_level": 2016,
            "first_year": first,
            "last_year": years[-1],
            "requires": requires,
            "alternative_group": groups[index],
            "assumptions": [
                {"name": "gevinst", "label": "Gevinst", "value": rng.uniform(0, 3000), "unit": "t.kr.", "source": "syntetisk"},
                {"name": "timepris", "label": "Timepris", "value": 350.0, "unit": "kr./time", "source": "syntetisk"},
            ],
            "lines": [
                {
                    "name": "Gevinst",
                    "kind": "permanent",
                    "area": "service",
                    "formula": "-gevinst",
                    "phase_in": {years[1]: 0.5, years[2]: 1.0},
                    "hours": "gevinst * 1000 / timepris",
                },
                {"name": "Drift", "kind": "permanent", "area": "service", "amounts": {y: rng.uniform(0, 400) for y in years[1:]}},
                {
                    "name": "Investering",
                    "kind": "one_off",
                    "area": "service",
                    "amounts": {years[0]: rng.uniform(0, 2000), years[1]: rng.uniform(0, 1500)},
                },
                {
                    "name": "Innovation",
                    "kind": "one_off",
                    "area": "service",
                    "funding": "innovationspulje",
                    "amounts": {years[0]: rng.choice([0.0, 0.0, rng.uniform(0, 500)])},
                },
                {"name": "Anlaeg", "kind": "one_off", "area": "anlaeg", "amounts": {years[1]: rng.uniform(0, 6000)}},
            ],
        }
        cases.append(Case.model_validate(data))
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=200, help="synthetic cases (default 200)")
    parser.add_argument("--seed", type=int, default=12, help="random seed (default 12)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds; the median counts (default 5)")
    args = parser.parse_args(argv)

    cases = synthetic_cases(args.cases, args.seed)
    settings = Settings()
    results = [evaluate(case, settings) for case in cases]
    totals = {
        "service": sum(r.kpis.drift for r in results),
        "innovation": sum(r.kpis.innovation for r in results),
        "anlaeg": sum(r.kpis.anlaeg for r in results),
    }
    anlaeg_per_year = {year: totals["anlaeg"] / 8 for year in range(2016, 2024)}
    options = ChoiceOptions(
        budgets={"service": totals["service"] * 0.3, "innovation": totals["innovation"] * 0.5, "anlaeg": anlaeg_per_year},
        max_payback=8,
    )

    def evaluate_all() -> None:
        for case in cases:
            evaluate(case, settings)

    holder = {}

    def solve() -> None:
        holder["choice"] = choose(results, options)

    evaluate_all()
    solve()
    evaluate_time = median_time(evaluate_all, args.rounds)
    choose_time = median_time(solve, args.rounds)
    choice = holder["choice"]
    reasons: dict[str, int] = {}
    for exclusion in choice.not_chosen:
        reasons[exclusion.code] = reasons.get(exclusion.code, 0) + 1
    print(
        f"cases: {len(cases)}, with prerequisites: {sum(bool(c.requires) for c in cases)}, "
        f"in alternative groups: {sum(c.alternative_group is not None for c in cases)}"
    )
    print(f"chosen: {len(choice.chosen)}, value (NPV on {choice.base_year}): {choice.value:,.0f} t.kr.; out: {reasons}")
    print(f"bundles: {len(choice.bundles)}; next-million re-solves: {len(choice.next_million)}")
    print(f"evaluate {len(cases)} cases: {evaluate_time * 1000:.1f} ms; choose: {choose_time * 1000:.1f} ms")
    print(f"portfolio_ratio={choose_time / evaluate_time:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
