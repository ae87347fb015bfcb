"""Timing shared by the benchmarks: the median wall-clock time of an action over several rounds."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

__all__ = ["median_time"]


def median_time(action: Callable[[], object], rounds: int) -> float:
    """Seconds ``action()`` takes, the median of ``rounds`` calls one after another (call it once before, to warm up)."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
