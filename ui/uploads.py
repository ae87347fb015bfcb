"""Uploaded case files and saved variants: taken into the session's scenario, or refused whole.

An upload is validated first and nothing changes if it is bad; a file this
app downloaded restores its changed values; any other valid file is added
as a new case. Variants are the current case saved under a new id. The
scenario itself is :mod:`ui.state`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import streamlit as st

from model import Case, CaseFileError, assumption_values, parse_case

from . import state
from .keys import CASE, SCENARIO

__all__ = ["MAX_EXTRA_CASES", "Imported", "add_variant", "import_case", "remove_case"]

#: Most uploaded cases and variants one session may hold (each file is at most 1 MB).
MAX_EXTRA_CASES = 24
_VARIANT_SUFFIX = re.compile(r"-v\d+$")


@dataclass(frozen=True)
class Imported:
    """What :func:`import_case` did: ``"applied"`` changed values to ``case_id``, or ``"added"`` it."""

    kind: str
    case_id: str
    count: int


def _unique_id(wanted: str) -> str:
    taken = set(state.case_ids())
    if wanted not in taken:
        return wanted
    root = _VARIANT_SUFFIX.sub("", wanted)[:27]
    number = 2
    while f"{root}-{number}" in taken:
        number += 1
    return f"{root}-{number}"


def _add(case: Case, include: bool) -> str:
    if len(state.extra_cases()) >= MAX_EXTRA_CASES:
        msg = f"there are already {MAX_EXTRA_CASES} uploaded cases and variants"
        raise ValueError(msg)
    case_id = _unique_id(case.id)
    if case_id != case.id:
        case = case.model_copy(update={"id": case_id})
    st.session_state[SCENARIO.extra] = {**state.extra_cases(), case_id: case}
    if include:
        state.set_included([*state.included_case_ids(), case_id])
    return case_id


def import_case(text: str, source: str) -> Imported:
    """Take an uploaded case file: validated first, and nothing changes if it is bad.

    A file whose case id is open and which differs from that case only in
    assumption values (a case file this app downloaded) restores those values
    as changes; any other valid file is added as a new case (renamed
    ``<id>-2`` if its id is taken) and included in the overview. Raises
    :class:`model.CaseFileError` naming the problem.
    """
    case = parse_case(text, source)
    if case.id in state.case_ids():
        document = state.document_case(case.id)
        names = {a.name for a in document.assumptions}
        uploaded = assumption_values(case)
        if set(uploaded) == names:
            base = assumption_values(document)
            changed = {name: value for name, value in uploaded.items() if value != base[name]}
            if document.with_values(changed) == case:
                try:
                    state.evaluate_cached(case, state.settings())
                except ValueError as exc:
                    raise CaseFileError(source, str(exc)) from None
                st.session_state[SCENARIO.overrides] = {**state.all_overrides(), case.id: changed}
                state.forget_inputs(CASE.assumptions(case.id), prefix=True)
                return Imported("applied", case.id, len(changed))
    try:
        state.evaluate_cached(case, state.settings())
        case_id = _add(case, include=True)
    except ValueError as exc:
        raise CaseFileError(source, str(exc)) from None
    return Imported("added", case_id, len(case.assumptions))


def add_variant(case_id: str, label: str = "variant") -> str:
    """Save the current ``case_id`` (with the user's values) as a new case ``<id>-v<n>``; returns its id.

    Its title gets `` (<label> <n>)``. The variant is not added to the
    overview (it would count the case twice). Raises ``ValueError`` when the
    session holds too many extra cases.
    """
    root = _VARIANT_SUFFIX.sub("", case_id)[:28]
    number = 1
    while f"{root}-v{number}" in state.case_ids():
        number += 1
    case = state.current_case(case_id)
    suffix = f" ({label} {number})"
    variant = case.model_copy(update={"id": f"{root}-v{number}", "title": case.title[: 300 - len(suffix)] + suffix})
    return _add(variant, include=False)


def remove_case(case_id: str) -> None:
    """Remove an uploaded case or a variant (the case folder's cases stay)."""
    if not state.is_extra(case_id):
        return
    st.session_state[SCENARIO.extra] = {k: v for k, v in state.extra_cases().items() if k != case_id}
    st.session_state[SCENARIO.overrides] = {k: v for k, v in state.all_overrides().items() if k != case_id}
    st.session_state[SCENARIO.included] = [cid for cid in state.included_case_ids() if cid != case_id]
    state.forget_inputs(CASE.assumptions(case_id), prefix=True)
