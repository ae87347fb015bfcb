"""Text from case files that is safe to print: no control characters reach a terminal or a table.

A case file is data written by someone else. Its ids, names and keys must be
plain one-line text (a newline in a line name would forge a row in the
command line's table, ``ESC [2J`` would clear the reader's terminal); titles
and notes may hold anything, and are escaped wherever they are printed
(the command line's tables, CSV files, messages on stderr).

Control characters here are Unicode's category ``Cc`` (C0, DEL and C1,
including tab and newline), the line and paragraph separators, and the
bidirectional overrides and isolates that reorder what a reader sees.

>>> has_control("I1\\n"), has_control("Skærmteknologi – flow")
(True, False)
>>> printable("Titel\\nI1  999\\x1b[2J")
'Titel\\\\nI1  999\\\\x1b[2J'
"""

from __future__ import annotations

import re

__all__ = ["CONTROL", "has_control", "printable", "refuse_control"]

#: Characters that must not reach a terminal or a table as they are.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def has_control(text: str) -> bool:
    """Whether ``text`` holds a control character (see :data:`CONTROL`)."""
    return CONTROL.search(text) is not None


def printable(text: str) -> str:
    """``text`` with every control character written as its escape (``\\n``, ``\\x1b``, ``\\u202e``)."""
    return CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def refuse_control(text: str, what: str) -> str:
    """``text`` unchanged, or ``ValueError`` naming ``what`` when it holds a control character.

    The message shows the text escaped, so the refusal itself prints safely.
    """
    if has_control(text):
        msg = f"{what} '{printable(text)}' contains a control character (a newline, tab, escape or the like)"
        raise ValueError(msg)
    return text
