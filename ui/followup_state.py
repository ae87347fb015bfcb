"""The Opfølgning page's data in the session: actuals, phase and status, measurements, and which cases are funded.

Kept in ``st.session_state`` under ``scenario.followup.*`` keys (part of
the user's scenario, like the changed assumptions), as immutable model
values: :class:`model.Actuals` and :class:`model.FollowUpData`. Every
change goes through a function here that validates first, so a bad entry
changes nothing and the reason is kept for the page to show.

Keys:

``scenario.followup.actuals``
    :class:`model.Actuals`, every realised amount entered or imported;
``scenario.followup.data``
    :class:`model.FollowUpData`, status entries and measurements;
``scenario.followup.funded``
    the case ids on the status board (None until the user chooses: every case);
``followup.message``
    the last entry's or import's outcome: ``(kind, i18n key, fields, details)``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import streamlit as st

from model import (
    Actuals,
    Case,
    CaseFileError,
    FollowUpData,
    FollowUpScenario,
    Measurement,
    Realisation,
    Settings,
    StatusEntry,
    follow_up_to_yaml,
    parse_actuals,
    parse_follow_up,
    parse_number,
    realisation,
)

from . import state
from .keys import FOLLOWUP

__all__ = [
    "ACTUALS",
    "DATA",
    "FUNDED",
    "MESSAGE",
    "actuals",
    "add_measurement",
    "add_status",
    "follow_up_data",
    "follow_up_yaml",
    "funded_case_ids",
    "import_actuals",
    "import_follow_up",
    "load_section",
    "realisation_cached",
    "scenario_section",
    "set_actual",
    "set_actuals_table",
    "set_funded",
]

# The keys (ui.keys.FOLLOWUP), by the names the page's modules use.
ACTUALS = FOLLOWUP.actuals
DATA = FOLLOWUP.data
FUNDED = FOLLOWUP.funded
MESSAGE = FOLLOWUP.message


def actuals() -> Actuals:
    """Every actual of the session."""
    return st.session_state.get(ACTUALS, Actuals())


def follow_up_data() -> FollowUpData:
    """Status entries and measurements of the session."""
    return st.session_state.get(DATA, FollowUpData())


def funded_case_ids() -> list[str]:
    """The cases on the status board: the user's choice (still existing), else every case."""
    ids = state.case_ids()
    chosen = st.session_state.get(FUNDED)
    return ids if chosen is None else [cid for cid in ids if cid in chosen]


def set_funded(ids: list[str]) -> None:
    """Put ``ids`` on the status board."""
    st.session_state[FUNDED] = list(ids)


def _message(kind: str, key: str, details: str = "", **fields: str) -> None:
    st.session_state[MESSAGE] = (kind, key, fields, details)


@st.cache_data(show_spinner=False, max_entries=256, hash_funcs={Case: Case.model_dump_json})
def _realise(case: Case, settings: Settings, entries: tuple[tuple[str, int, float], ...]) -> Realisation:
    return realisation(state.evaluate_cached(case, settings), {(line, year): value for line, year, value in entries})


def realisation_cached(case_id: str) -> Realisation:
    """The case (with the user's assumption values and settings) against its actuals; cached.

    Raises :class:`model.EvaluationError` where the case cannot be evaluated.
    """
    case = state.current_case(case_id)
    own = actuals().for_case(case_id)
    entries = tuple(sorted((line, year, value) for (line, year), value in own.items()))
    return _realise(case, state.settings(), entries)


def _cases() -> dict[str, Case]:
    return {cid: state.current_case(cid) for cid in state.case_ids()}


def set_actual(case_id: str, line: str, year: int, text: str) -> None:
    """Enter one actual typed the Danish way (``-10.200``); empty text removes it."""
    try:
        value = None if not text.strip() else parse_number(text)
    except ValueError:
        _message("error", "followup.actual.not_number", text=text)
        return
    st.session_state[ACTUALS] = actuals().with_value(case_id, line, year, value)
    _message("success", "followup.actual.saved" if value is not None else "followup.actual.removed", line=line, year=str(year))


def set_actuals_table(case_id: str, cells: Mapping[tuple[str, int], str]) -> None:
    """Replace the case's actuals by a table of typed text per (line, year); a bad cell changes nothing."""
    values, bad = {}, []
    for (line, year), text in cells.items():
        if text is None or not str(text).strip():
            continue
        try:
            values[(line, year)] = parse_number(str(text))
        except ValueError:
            bad.append(f"{line}, {year}: {text!r}")
    if bad:
        _message("error", "followup.table.bad", "\n".join(bad))
        return
    st.session_state[ACTUALS] = actuals().replace_case(case_id, values)
    _message("success", "followup.table.saved", count=str(len(values)))


def import_actuals(data: bytes, name: str) -> None:
    """Import an actuals file (CSV or XLSX) over what is entered; bad rows are listed, the good ones count."""
    result = parse_actuals(data, name, _cases(), state.settings().horizon)
    if len(result.actuals):
        st.session_state[ACTUALS] = actuals().merged(result.actuals)
    kind = "warning" if result.errors else "success"
    _message(kind, "followup.import.done", "\n".join(result.errors), file=name, count=str(len(result.actuals)))


def add_status(case_id: str, phase: str, status: str, comment: str, suggested: str, date: dt.date) -> None:
    """Add a dated status; a status other than the suggested one needs a reason in ``comment``."""
    try:
        entry = StatusEntry(date=date.isoformat(), phase=phase, status=status, comment=comment.strip(), suggested=suggested)
    except ValueError:
        _message("error", "followup.status.reason")
        return
    st.session_state[DATA] = follow_up_data().with_status(case_id, entry)
    _message("success", "followup.status.saved", case=case_id)


def add_measurement(case_id: str, criterion: str, text: str, kind: str, comment: str, date: dt.date) -> None:
    """Add a dated measurement (or baseline) of a success criterion, the value typed the Danish way."""
    try:
        value = parse_number(text)
    except ValueError:
        _message("error", "followup.actual.not_number", text=text)
        return
    measurement = Measurement(criterion=criterion, date=date.isoformat(), value=value, kind=kind, comment=comment.strip())
    st.session_state[DATA] = follow_up_data().with_measurement(case_id, measurement)
    _message("success", "followup.measurement.saved", case=case_id)


def scenario_section() -> FollowUpScenario | None:
    """What a saved scenario keeps of the follow-up (None when nothing is entered)."""
    section = FollowUpScenario.of(actuals(), follow_up_data(), st.session_state.get(FUNDED))
    return None if section.empty else section


def load_section(section: FollowUpScenario | None) -> None:
    """Replace the session's follow-up by a saved scenario's (None: nothing)."""
    for key in (ACTUALS, DATA, FUNDED, MESSAGE):
        st.session_state.pop(key, None)
    if section is not None:
        st.session_state[ACTUALS] = section.to_actuals()
        st.session_state[DATA] = section.data
        if section.funded is not None:
            st.session_state[FUNDED] = list(section.funded)


def follow_up_yaml() -> bytes:
    """Status entries and measurements as the follow-up file (docs/follow-up.md)."""
    return follow_up_to_yaml(follow_up_data()).encode("utf-8")


def import_follow_up(data: bytes, name: str) -> None:
    """Replace status entries and measurements by a follow-up file's; a bad file changes nothing."""
    try:
        parsed = parse_follow_up(data.decode("utf-8-sig"), name, _cases())
    except UnicodeDecodeError:
        _message("error", "followup.file.failed", "not UTF-8 text", file=name)
        return
    except CaseFileError as exc:
        _message("error", "followup.file.failed", exc.problem, file=name)
        return
    st.session_state[DATA] = parsed
    _message("success", "followup.file.loaded", file=name)
