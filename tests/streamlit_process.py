"""A Streamlit script as a real server, and the headless Chromium that drives it: shared by the browser tests and benchmarks.

``tests/streamlit_server.py`` (the browser tests) and
``benchmarks/ui_latency.py`` start their servers here, so both run the app
exactly the same way: ``streamlit run`` headless on a free port of
127.0.0.1, file watcher and usage statistics off, output to a log file.
No pytest here: a benchmark imports it too.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "ServerDidNotStart", "free_port", "streamlit_run"]

#: Debian's Chromium (``scripts/install-system-deps.sh``), or ``$CHROMIUM``.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
#: Headless Chromium as root in a container, with no background work that would skew a timing.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: Seconds a server may take to answer its health check (a loaded machine imports slowly).
START_SECONDS = 90


class ServerDidNotStart(RuntimeError):
    """The server exited or did not answer in time; the message ends with its log."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextmanager
def streamlit_run(script: str, cwd: Path, log: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """``streamlit run <script>`` in ``cwd`` on a free port, ``env`` added to the environment; yields its URL, stops it after.

    Raises :class:`ServerDidNotStart` (with the end of ``log``) when it exits
    or does not answer within :data:`START_SECONDS`.
    """
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_SECONDS
        while not _healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise ServerDidNotStart(f"{script} did not start:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
