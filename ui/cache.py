"""Cached model calls: one way of hashing a case, one ``st.cache_data`` per call.

A :class:`model.Case` is a frozen pydantic model, but holds lists, so
``hash()`` refuses it: every cache here hashes it by its JSON
(:func:`case_key`); :class:`model.Settings` and :class:`model.OptimismBias`
are frozen dataclasses, the other arguments plain values. An assumption
change re-evaluates one case and nothing else. Errors are raised, not cached.

:func:`evaluate_cached`, called several times on every rerun, does not use
``st.cache_data``: that hands out a copy (a pickle round trip of the whole
result, cases included) and hashes its arguments its own way, together about
a quarter of a Business case change's server time. Its results are shared,
read-only objects instead (:class:`SharedResults`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

import numpy as np
import streamlit as st

from model import (
    Case,
    CaseResult,
    Finding,
    OptimismBias,
    Overview,
    Settings,
    SwitchingValues,
    Threshold,
    Tornado,
    apply_optimism_bias,
    audit_case,
    evaluate,
    monte_carlo_block,
    overview_xlsx,
    switching_values,
    tornado,
)

__all__ = [
    "SharedResults",
    "audit_cached",
    "case_key",
    "evaluate_cached",
    "evaluate_with_optimism",
    "mc_block_cached",
    "overview_xlsx_cached",
    "switching_cached",
    "tornado_cached",
]


def case_key(case: Case) -> str:
    """What a cache hashes a case by: its JSON (every field, so any change is a new entry)."""
    return case.model_dump_json()


_CASE = {Case: case_key}


class SharedResults:
    """The last ``size`` results by key, shared by every session of the process: the same object on every hit.

    A result handed out here must not be changed: :func:`read_only` makes the
    arrays of a :class:`model.CaseResult` refuse writes, so a slip raises
    instead of changing another session's figures. Thread-safe (sessions run
    in threads); an exception of ``compute`` is raised and nothing is kept.
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], object]) -> object:
        """The result kept for ``key``, else ``compute()`` kept (the least recently used dropped beyond ``size``)."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()  # outside the lock: another session's hit need not wait for this evaluation
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forget every result."""
        with self._lock:
            self._items.clear()


def read_only(result: CaseResult) -> CaseResult:
    """``result`` with every array of its flows and årsværk made read-only (in place), so it can be shared."""
    flows = result.flows
    arrays = [*flows.lines.values(), *flows.line_hours.values(), result.fte]
    arrays += [value for value in vars(flows).values() if isinstance(value, np.ndarray)]
    for array in arrays:
        array.flags.writeable = False
    return result


_RESULTS = SharedResults(size=1000)


def evaluate_cached(case: Case, settings: Settings) -> CaseResult:
    """:func:`model.evaluate`, cached and shared (read-only); raises :class:`model.EvaluationError` like it."""
    return _RESULTS.get((case_key(case), settings), lambda: read_only(evaluate(case, settings)))  # type: ignore[return-value]


@st.cache_data(show_spinner=False, max_entries=500, hash_funcs=_CASE)
def audit_cached(case: Case, settings: Settings) -> tuple[Finding, ...]:
    """:func:`model.audit_case` of the evaluated case, cached."""
    return tuple(audit_case(evaluate(case, settings)))


@st.cache_data(show_spinner=False, max_entries=500, hash_funcs=_CASE)
def evaluate_with_optimism(case: Case, settings: Settings, bias: OptimismBias) -> CaseResult:
    """The case evaluated with its costs raised and savings lowered by ``bias`` (:func:`model.apply_optimism_bias`).

    Raises ``ValueError`` like ``apply_optimism_bias`` and
    :class:`model.EvaluationError` like ``evaluate``.
    """
    return evaluate(apply_optimism_bias(case, bias), settings)


@st.cache_data(show_spinner=False, max_entries=200)
def overview_xlsx_cached(table: Overview, labels: tuple[tuple[str, str], ...], notes: tuple[str, ...]) -> bytes:
    """:func:`model.overview_xlsx`, cached on the (frozen) overview and its labels."""
    return overview_xlsx(table, dict(labels), notes)


@st.cache_data(show_spinner=False, max_entries=256, hash_funcs=_CASE)
def tornado_cached(case: Case, settings: Settings, kpi: str) -> Tornado:
    """:func:`model.tornado` of ``kpi``, cached."""
    return tornado(case, settings, kpi)


@st.cache_data(show_spinner=False, max_entries=256, hash_funcs=_CASE)
def switching_cached(case: Case, settings: Settings, kpi: str, limit: float) -> SwitchingValues:
    """:func:`model.switching_values` for ``kpi`` against ``limit``, cached."""
    return switching_values(case, Threshold(kpi, limit), settings)


@st.cache_data(show_spinner=False, max_entries=400, hash_funcs=_CASE)
def mc_block_cached(case: Case, settings: Settings, distribution: str, seed: int, block: int, size: int) -> dict[str, np.ndarray]:
    """One block of Monte Carlo draws (:func:`model.monte_carlo_block`); a run of N draws is its blocks, each cached."""
    return monte_carlo_block(case, settings, block=block, size=size, seed=seed, distribution=distribution)
