"""Keep Streamlit's garbage collection after every script run cheap: the imported modules are frozen out of it.

Streamlit calls ``gc.collect()`` after each script run (``runner.postScriptGC``),
and the server's other threads wait for it. A full collection walks every
object the process holds: with the workbench's imports (pandas, pyarrow,
altair, pydantic, SQLAlchemy, …, some 200.000 objects) that takes 100–400 ms
on this machine, more than the whole rerun of a page. :func:`freeze_imports`
moves what is alive after the imports into the interpreter's permanent
generation (:func:`gc.freeze`), which collections skip; what a run creates
is still collected after it.

It freezes again only when modules were imported since the last freeze (a
page visited for the first time imports its own), and it is called at the
start of a run, so the last run's garbage has just been collected. The cost:
objects that are alive at such a moment and later become garbage in a
reference cycle are not freed; that happens a handful of times per process.
"""

from __future__ import annotations

import gc
import sys

__all__ = ["freeze_imports"]

_frozen = {"modules": 0}


def freeze_imports() -> bool:
    """Freeze every object alive now when modules were imported since the last call; True when it froze."""
    count = len(sys.modules)
    if count == _frozen["modules"]:
        return False
    gc.freeze()
    _frozen["modules"] = count
    return True
