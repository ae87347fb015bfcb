"""A throwaway PostgreSQL cluster for the tests: Debian's ``postgresql`` binaries, ``initdb``/``pg_ctl`` in a temp folder.

PostgreSQL refuses to run as root, so when the tests run as root the
cluster runs as the unprivileged ``postgres`` system user (created by the
Debian package; ``nobody`` otherwise) through ``runuser``; as any other user
it runs as that user. It listens on 127.0.0.1 on a free port and on a Unix
socket in its folder, with password authentication over TCP (the password
lives only in the URL the tests use), and the folder is removed when the
cluster stops.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

__all__ = ["PostgresServer", "postgres_bin"]

USER = "workbench"


def postgres_bin() -> Path:
    """The newest ``/usr/lib/postgresql/<n>/bin`` holding ``initdb`` (AssertionError naming the package if none)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parent.parent.name))
    assert found, "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin: run scripts/install-system-deps.sh"
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run_as() -> list[str]:
    if os.geteuid() != 0:
        return []
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"]
    msg = "running as root and no unprivileged user (postgres or nobody) to run PostgreSQL"
    raise AssertionError(msg)


class PostgresServer:
    """One cluster: ``start()``, then ``url(database)`` / ``create_database()``; ``stop()`` removes everything."""

    def __init__(self) -> None:
        self.bin = postgres_bin()
        self.folder = Path(tempfile.mkdtemp(prefix="workbench-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.password = secrets.token_hex(12)
        self.prefix = _run_as()
        self._count = 0

    def _run(self, *command: str) -> None:
        command_line = [*self.prefix, *command]
        result = subprocess.run(command_line, check=False, capture_output=True, text=True, timeout=120, cwd=self.folder)
        if result.returncode != 0:
            msg = f"{' '.join(command[:2])} failed: {result.stdout[-2000:]}{result.stderr[-2000:]}"
            raise AssertionError(msg)

    def start(self) -> PostgresServer:
        """initdb and pg_ctl start (waits until it accepts connections)."""
        password_file = self.folder / "pw"
        password_file.write_text(self.password + "\n")
        if self.prefix:
            user = self.prefix[2]
            shutil.chown(self.folder, user)
            shutil.chown(password_file, user)
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", USER, f"--pwfile={password_file}",
            "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        password_file.unlink()
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60"
        log = str(self.folder / "server.log")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", log, "-o", options, "-w", "start")
        return self

    def stop(self) -> None:
        """pg_ctl stop (immediate) and remove the folder."""
        try:
            if (self.data / "postmaster.pid").exists():
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        """``postgresql://workbench:<password>@127.0.0.1:<port>/<database>``."""
        return f"postgresql://{USER}:{self.password}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        self._count += 1
        name = f"store_{os.getpid()}_{self._count}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={USER} password={self.password} dbname=postgres") as conn:
            conn.autocommit = True
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)
