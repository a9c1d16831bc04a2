"""Real panelkeeper processes for the crash tests: started, waited for, killed outright.

Each process runs the installed code against the test run's own database (a file on
SQLite, the test database on PostgreSQL), so the tests that use them take the
``transactional_db`` fixture: what the processes commit is really committed, and is
cleared away after the test like any transactional test's data. A process is started in
a session of its own, so SIGKILL reaches it and every child it forked (gunicorn's
workers) at once, as when a machine's out-of-memory killer or an operator's ``kill -9``
stops it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

from tests.smtp_sink import free_port

ROOT = Path(__file__).resolve().parents[2]
PANELKEEPER = [sys.executable, "-m", "panelkeeper.cli"]


def database_url() -> str:
    """The URL of the test run's database, for a process of the installation to use."""
    db = settings.DATABASES["default"]
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    user = quote(db.get("USER") or "")
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{user}{password}@{db['HOST']}{port}/{db['NAME']}"


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a process of the installation: the test database, DEBUG on."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DATABASE_URL": database_url(),
        "PANELKEEPER_VAR_DIR": str(tmp_path),
        "DEBUG": "true",
        "LOG_LEVEL": "WARNING",
    }
    return env | extra


class Process:
    """One process (and its children), its output kept in a file for failures."""

    def __init__(self, name: str, argv: Sequence[str], env: dict[str, str], log: Path) -> None:
        self.name, self.argv, self.env, self.log = name, list(argv), env, log
        self.popen: subprocess.Popen[bytes] | None = None

    def start(self) -> Process:
        with self.log.open("ab") as out:
            self.popen = subprocess.Popen(
                self.argv,
                cwd=ROOT,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self

    def kill(self) -> None:
        """SIGKILL the process and its children, then reap it."""
        if self.popen is not None and self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGKILL)
        if self.popen is not None:
            self.popen.wait(timeout=10)

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


class WebServer(Process):
    """gunicorn, as README deploys it, on a free loopback port."""

    def __init__(self, env: dict[str, str], log: Path, *, workers: int = 2) -> None:
        self.port = free_port()
        super().__init__(
            "web server",
            [
                sys.executable,
                "-m",
                "gunicorn",
                "panelkeeper.wsgi",
                f"--bind=127.0.0.1:{self.port}",
                f"--workers={workers}",
                "--threads=4",
                "--no-control-socket",
            ],
            env,
            log,
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> WebServer:
        super().start()
        self.wait_until_up()
        return self

    def wait_until_up(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.popen is not None and self.popen.poll() is None, self.output()
            try:
                with urllib.request.urlopen(f"{self.url}/accessibility/", timeout=5):
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        raise AssertionError(f"The web server did not answer in {timeout}s:\n{self.output()}")


class Worker(Process):
    """``panelkeeper worker``, polling often so the tests need not wait for it."""

    def __init__(self, name: str, env: dict[str, str], log: Path) -> None:
        super().__init__(
            name,
            [
                *PANELKEEPER,
                "worker",
                "--no-reload",
                "--no-startup-delay",
                "--interval=0.2",
                f"--worker-id={name}",
            ],
            env,
            log,
        )


def wait_for(what: str, check: Callable[[], bool], timeout: float = 30) -> None:
    """Poll ``check`` until it holds; fail naming ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"Waited {timeout}s for {what}.")
        time.sleep(0.1)


def integrity_check() -> list[str]:
    """SQLite's own check of the database file; on PostgreSQL, that the server answers and
    knows of no checksum failure in this database."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA integrity_check")
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(
            "SELECT coalesce(checksum_failures, 0) FROM pg_stat_database"
            " WHERE datname = current_database()"
        )
        row = cursor.fetchone()
        return ["ok"] if row is not None and row[0] == 0 else [f"checksum failures: {row}"]
