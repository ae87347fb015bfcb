"""Fragments: a change reruns only the part of a page that depends on it.

A widget inside a function decorated with ``st.fragment`` reruns that
function alone, not ``app.py`` with its sidebar, nor the page's header and
case picker. What those outer parts show is noted when they are drawn
(:func:`note_view`); a fragment compares it with the session's state first
(:func:`sync_view`) and, when a change inside it altered what they show (the
first change to a case lists it in the sidebar; an upload or a new variant
adds a case to the picker and opens it), asks for a rerun of the whole app.
"""

from __future__ import annotations

import streamlit as st

from .keys import FRAME

__all__ = ["VIEW", "note_view", "sync_view"]

#: Session-state key of what the parts outside the fragments showed in the last full run.
VIEW = FRAME.view


def note_view(**shown: object) -> None:
    """Remember what a part outside a fragment shows, e.g. ``note_view(changed=[...])``."""
    st.session_state[VIEW] = {**st.session_state.get(VIEW, {}), **shown}


def sync_view(**current: object) -> None:
    """At the top of a fragment: rerun the whole app when a noted part no longer shows ``current``."""
    shown = st.session_state.get(VIEW, {})
    if any(shown.get(name) != value for name, value in current.items()):
        st.rerun()
