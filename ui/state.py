"""The user's scenario in session state, and the cached model calls every page uses.

A scenario is the documents plus what one user changed: assumption values
per case, cases they uploaded or saved as variants, which cases the overview
includes, and the appraisal settings of the sidebar. It lives in
``st.session_state`` under keys that start with ``scenario.``, so it survives
page switches for the whole session and is never shared between users; this
module keeps no mutable state of its own.

Its keys are :data:`ui.keys.SCENARIO` (created on first use with
``setdefault``). The Følsomhed page keeps what the user changed there under
:data:`ui.keys.SENS` keys: its ranges and optimism bias are part of the
scenario, and "reset all" clears them with the rest.

Model calls are cached in :mod:`ui.cache` (one way of hashing a case); this
module re-exports the ones every page uses.
"""

from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path

import streamlit as st

from model import (
    DEFAULT_OPTIMISM_BIAS,
    Case,
    CaseFileError,
    LoadResult,
    OptimismBias,
    OverviewReport,
    Settings,
    load_paths,
)

from .cache import audit_cached, evaluate_cached, evaluate_with_optimism, overview_xlsx_cached
from .keys import CASE, PORTFOLIO, SCENARIO, SENS

__all__ = [
    "CASES_ENV",
    "all_overrides",
    "audit_cached",
    "base_cases",
    "case_ids",
    "cases_folder",
    "changed_case_ids",
    "current_case",
    "document_case",
    "evaluate_cached",
    "evaluate_with_optimism",
    "extra_cases",
    "forget_inputs",
    "included_case_ids",
    "is_extra",
    "load_errors",
    "optimism_bias",
    "overrides",
    "overview_report",
    "overview_xlsx_cached",
    "reset_all",
    "reset_case",
    "reset_override",
    "set_included",
    "set_override",
    "set_setting",
    "settings",
    "start_run",
]

#: Environment variable naming another folder of case files (default: ``cases/`` beside ``app.py``).
CASES_ENV = "WORKBENCH_CASES"

_ROOT = Path(__file__).resolve().parent.parent


# --- Case files -----------------------------------------------------------------------------


def cases_folder() -> Path:
    """The folder of case files: ``$WORKBENCH_CASES`` or ``cases/`` beside ``app.py``."""
    return Path(os.environ.get(CASES_ENV) or _ROOT / "cases")


def _signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every YAML entry (a link to nothing: -1): a change reloads."""
    try:
        entries = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))
    except OSError:
        return ()
    out = []
    for path in entries:
        try:
            info = path.stat()
        except OSError:
            out.append((path.name, -1, -1))
            continue
        out.append((path.name, info.st_size, info.st_mtime_ns))
    return tuple(out)


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(folder: str, signature: tuple[tuple[str, int, int], ...]) -> LoadResult:
    """Every case file of ``folder``, loaded once per ``signature`` and shared (it is immutable)."""
    del signature  # only part of the cache key
    return load_paths([folder])


#: Session-state key of this run's look at the case folder (:func:`start_run` clears it).
_LOADED = SCENARIO.loaded


def start_run() -> None:
    """Called first by ``app.py`` on every full run: the case folder is looked at again, once for the run."""
    st.session_state.pop(_LOADED, None)


def _loaded() -> LoadResult:
    """The case folder's cases: listed, stat'ed and (when a file changed) read once per run, not per call."""
    loaded = st.session_state.get(_LOADED)
    if loaded is None:
        folder = cases_folder()
        if not folder.is_dir():
            loaded = LoadResult((), None, (CaseFileError(str(folder), "no such folder"),))
        else:
            loaded = _load(str(folder), _signature(folder))
        st.session_state[_LOADED] = loaded
    return loaded


def base_cases() -> dict[str, Case]:
    """The cases of the case folder by id, as the documents give them (loaded once, cached)."""
    return {case.id: case for case in _loaded().cases}


def load_errors() -> tuple[str, ...]:
    """One message per case file that could not be read, naming the file and the problem."""
    return tuple(str(error) for error in _loaded().errors)


def overview_report() -> OverviewReport | None:
    """The document's printed overview page (``overview.yaml``), if there is one."""
    return _loaded().overview


# --- Cases of the session ---------------------------------------------------------------------


def extra_cases() -> dict[str, Case]:
    """The uploaded cases and saved variants of the session, by id (the stored mapping)."""
    return st.session_state.setdefault(SCENARIO.extra, {})


def all_overrides() -> dict[str, dict[str, float]]:
    """The user's changed values of every case (the stored mapping)."""
    return st.session_state.setdefault(SCENARIO.overrides, {})


def case_ids() -> list[str]:
    """Every case the user can open: the case folder's, then uploads and variants."""
    base = base_cases()
    return [*base, *(cid for cid in extra_cases() if cid not in base)]


def is_extra(case_id: str) -> bool:
    """Whether ``case_id`` was uploaded or saved as a variant in this session."""
    return case_id in extra_cases() and case_id not in base_cases()


def document_case(case_id: str) -> Case:
    """The case as its file gives it, before the user's changes; ``KeyError`` if unknown."""
    base = base_cases()
    if case_id in base:
        return base[case_id]
    return extra_cases()[case_id]


def overrides(case_id: str) -> dict[str, float]:
    """The user's assumption values for ``case_id`` that differ from its file (a copy)."""
    return dict(all_overrides().get(case_id, {}))


def changed_case_ids() -> list[str]:
    """Cases with at least one changed assumption, in :func:`case_ids` order."""
    changed = all_overrides()
    return [cid for cid in case_ids() if changed.get(cid)]


def current_case(case_id: str) -> Case:
    """The case with the user's changed values applied (``Case.with_values``); uploads too.

    A changed value that no longer fits the case file (the file was edited
    while the session ran: the assumption is gone, or the value is now out
    of its range) is left out rather than stopping the page. Raises
    ``KeyError`` for an unknown case.
    """
    case = document_case(case_id)
    values = all_overrides().get(case_id)
    if not values:
        return case
    try:
        return case.with_values(values)
    except (KeyError, ValueError):
        usable = {}
        for name, value in values.items():
            try:
                case.with_values({name: value})
            except (KeyError, ValueError):
                continue
            usable[name] = value
        return case.with_values(usable)


def set_override(case_id: str, name: str, value: float) -> None:
    """Use ``value`` for assumption ``name`` of ``case_id`` from now on.

    Validated before it is kept: ``KeyError`` for an unknown case or
    assumption, ``ValueError`` for a value outside the assumption's
    minimum/maximum or one that makes a formula give no finite amount
    (:class:`model.EvaluationError`). The document's own value removes the
    override.
    """
    document = document_case(case_id)
    values = {**all_overrides().get(case_id, {}), name: float(value)}
    candidate = document.with_values(values)
    evaluate_cached(candidate, settings())
    if float(document.assumption(name).value) == float(value):
        del values[name]
    st.session_state[SCENARIO.overrides] = {**all_overrides(), case_id: values}


def reset_override(case_id: str, name: str) -> None:
    """Back to the file's value for one assumption."""
    values = {k: v for k, v in all_overrides().get(case_id, {}).items() if k != name}
    st.session_state[SCENARIO.overrides] = {**all_overrides(), case_id: values}
    forget_inputs(CASE.assumption(case_id, name))


def reset_case(case_id: str) -> None:
    """Back to the file's values for every assumption of ``case_id``."""
    st.session_state[SCENARIO.overrides] = {k: v for k, v in all_overrides().items() if k != case_id}
    forget_inputs(CASE.assumptions(case_id), prefix=True)


def reset_all() -> None:
    """Back to the documents: no changed values, no uploads or variants, default settings and inclusion.

    The Følsomhed page's ranges, optimism bias, thresholds and Monte Carlo
    settings go back to their defaults too (:attr:`ui.keys.SensitivityKeys.changes`).
    """
    for key in (*SCENARIO.all, *SENS.changes):
        st.session_state.pop(key, None)
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith((*SENS.typed, PORTFOLIO.prefix))]:
        del st.session_state[key]


def forget_inputs(key: str, prefix: bool = False) -> None:
    """Drop typed text (and its error) so the inputs show the values again."""
    inputs = st.session_state.get(SCENARIO.inputs, {})
    st.session_state[SCENARIO.inputs] = {k: v for k, v in inputs.items() if not (k.startswith(key) if prefix else k == key)}


def included_case_ids() -> list[str]:
    """The cases the overview includes, in :func:`case_ids` order (default: the case folder's)."""
    chosen = st.session_state.get(SCENARIO.included)
    ids = case_ids()
    if chosen is None:
        return list(base_cases())
    return [cid for cid in ids if cid in chosen]


def set_included(chosen: list[str]) -> None:
    """Include exactly ``chosen`` in the overview (unknown ids are dropped)."""
    st.session_state[SCENARIO.included] = [cid for cid in case_ids() if cid in set(chosen)]


# --- Appraisal settings -------------------------------------------------------------------------


def settings() -> Settings:
    """The appraisal settings of the sidebar: discount rate, horizon and hours per årsværk."""
    return Settings(**st.session_state.get(SCENARIO.settings, {}))


def set_setting(name: str, value: float | int) -> None:
    """Change one :class:`model.Settings` field; ``ValueError`` (from ``Settings``) if it is impossible."""
    if name not in {f.name for f in fields(Settings)}:
        raise KeyError(name)
    changed = {**st.session_state.get(SCENARIO.settings, {}), name: value}
    Settings(**changed)
    if getattr(Settings(), name) == value:
        del changed[name]
    st.session_state[SCENARIO.settings] = changed


# --- Optimism bias (set on the Følsomhed page, read by every page) ----------------------------------


def optimism_bias() -> OptimismBias:
    """The optimism-bias uplifts the user set on the Følsomhed page (the project's defaults until then)."""
    try:
        return OptimismBias(**st.session_state.get(SENS.optimism, {}))
    except (TypeError, ValueError):
        return DEFAULT_OPTIMISM_BIAS
