"""``streamlit run app.py`` as a real server for the browser tests (one helper, used by every browser test module)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from streamlit_process import free_port, streamlit_run

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["free_port", "streamlit_server"]


@contextmanager
def streamlit_server(log_folder: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """``streamlit run app.py`` on a free port with ``env`` added to the environment; yields its URL, stops it after.

    Started as the UI benchmark starts it (:func:`streamlit_process.streamlit_run`);
    one that does not start raises ``ServerDidNotStart`` with the end of its log.
    """
    with streamlit_run("app.py", ROOT, log_folder / f"server-{uuid.uuid4().hex[:8]}.log", env) as url:
        yield url
