"""Opening a scenario as the store grows: 10.000 scenarios against 10.

    python benchmarks/scenario_store.py [--url URL] [--large 10000] [--small 10] [--opens 400]

Measures, in one run of this script on this machine,

    store_ratio = median time to open a scenario in a store of 10.000 / the same in a store of 10

where "open" is :meth:`model.ScenarioStore.open` of a random scenario's
latest version (the scenario row and its version row, the document parsed),
as the app and ``scenarios show`` do. Each store has two versions per
scenario with a realistic document (changed assumptions with notes).
Lookups go through primary keys, so the ratio should stay near 1; a table
scan would make it grow with the number of scenarios (goal ≤ 2).

The stores are throwaway SQLite files in a temporary folder. With
``--url`` (an empty scratch database, e.g. PostgreSQL) the small store is
measured first, then the large one is filled into the same database and
measured; the rows stay there. The last line printed is ``store_ratio=<number>``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from model import ScenarioDocument, ScenarioStore  # noqa: E402
from model.store import make_store_engine  # noqa: E402
from model.store.tables import ScenarioRow, VersionRow  # noqa: E402

_AT = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


def _document(n: int) -> str:
    document = (
        ScenarioDocument(settings={"discount_rate": 0.035 + (n % 5) / 1000})
        .with_change("I5", "timer_pr_uge", 2.0 + (n % 7) / 2, note=f"målt i område {n % 40}", author="Anna", at=_AT)
        .with_change("I4", "minutter_plejecenter", 10.0 + n % 15, note="er det 20 minutter?", author="Bo", at=_AT)
    )
    return document.to_json()


def _fill(store: ScenarioStore, count: int) -> list[str]:
    """``count`` scenarios with two versions each, written in batches (the filling is not what is measured)."""
    ids = [str(uuid.UUID(int=random.getrandbits(128), version=4)) for _ in range(count)]
    with store.engine.begin() as connection:
        for start in range(0, count, 1000):
            batch = ids[start : start + 1000]
            connection.execute(
                insert(ScenarioRow),
                [
                    {
                        "id": i,
                        "name": f"Scenarie {start + k}",
                        "description": "",
                        "latest_version": 2,
                        "created_at": _AT,
                        "updated_at": _AT,
                        "updated_by": "Anna",
                        "deleted_at": None,
                    }
                    for k, i in enumerate(batch)
                ],
            )
            connection.execute(
                insert(VersionRow),
                [
                    {"scenario_id": i, "version": v, "author": "Anna", "created_at": _AT, "document": _document(start + k + v)}
                    for k, i in enumerate(batch)
                    for v in (1, 2)
                ],
            )
    return ids


def _open_times(store: ScenarioStore, ids: list[str], times: list[float], cpu: list[float]) -> None:
    scenario_id = random.choice(ids)
    start, start_cpu = time.perf_counter(), time.process_time()
    store.open(scenario_id)
    times.append(time.perf_counter() - start)
    cpu.append(time.process_time() - start_cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=None, help="a scratch database URL (default: temporary SQLite files)")
    parser.add_argument("--large", type=int, default=10_000, help="scenarios in the large store (default 10000)")
    parser.add_argument("--small", type=int, default=10, help="scenarios in the small store (default 10)")
    parser.add_argument("--opens", type=int, default=400, help="scenarios opened per store; the median counts (default 400)")
    args = parser.parse_args(argv)
    random.seed(9)
    medians = {}
    with tempfile.TemporaryDirectory() as folder:
        stores, ids, times, cpu = {}, {}, {}, {}
        for label, count in (("small", args.small), ("large", args.large)):
            url = args.url or f"sqlite:///{Path(folder) / f'{label}.db'}"
            stores[label] = ScenarioStore(make_store_engine(url))
            started = time.perf_counter()
            ids[label] = _fill(stores[label], count)
            print(f"{count:>6} scenarios filled in {time.perf_counter() - started:.1f} s")
            for scenario_id in ids[label][:20]:  # warm-up: connections, statement cache
                stores[label].open(scenario_id)
            times[label], cpu[label] = [], []
        # Alternate small and large, so a busy moment of the machine hits both alike.
        for _ in range(args.opens):
            for label in ("small", "large"):
                _open_times(stores[label], ids[label], times[label], cpu[label])
        for label in ("small", "large"):
            medians[label] = statistics.median(times[label])
            count = len(ids[label])
            cpu_ms = statistics.median(cpu[label]) * 1e3
            wall_ms = medians[label] * 1e3
            print(f"{count:>6} scenarios: median open {wall_ms:.3f} ms (CPU {cpu_ms:.3f} ms) over {args.opens} opens")
            stores[label].engine.dispose()
    ratio = medians["large"] / medians["small"]
    print(f"store_ratio={ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
