"""Requests per second under gunicorn (2 workers), for ``bench_scale``.

A small threaded client (``http.client``, a new connection per request, as a browser
behind a load balancer would make) sends each path a fixed number of requests a few at a
time, with a signed-in session's cookie where one is given. :data:`CLIENT` says so in the
bench's output.

The client, gunicorn and the database share one machine, and often other work too, so a
rate alone says little of where the time went: :class:`CpuMeter` reads the CPU time each
side used during a run (the web server's workers, the database's server processes, the
client), which stays much the same however busy the machine is.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the load balancer in front of production adds: the request came in over HTTPS
# (settings: SECURE_PROXY_SSL_HEADER), so production's redirect to HTTPS lets it through.
PROXIED = {"X-Forwarded-Proto": "https"}


CLIENT = (
    "{at_once} threads of the bench's own process (Python's http.client), each request "
    "on a new connection, on the same machine as gunicorn and the database"
)
"""How the requests are sent, for the bench's output (``at_once`` filled in)."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(port: int, path: str, cookie: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        headers = {**PROXIED, "Cookie": cookie} if cookie else PROXIED
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


@dataclass(frozen=True)
class Server:
    port: int
    pid: int
    """gunicorn's own process, whose children are its workers."""


@contextmanager
def gunicorn(environment: dict[str, str], *, workers: int = 2) -> Iterator[Server]:
    """Serve the site with gunicorn on a free port, once /health/ answers."""
    port = _free_port()
    gunicorn_bin = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn_bin), "panelkeeper.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env={**os.environ, **environment},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if _get(port, "/health/", "") == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.5)
        yield Server(port, process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)


def warm_up(port: int, path: str, *, cookie: str, at_once: int) -> int:
    """A few requests of ``path``, untimed, so each worker imports and connects what it
    needs; how many were sent."""
    for _ in range(at_once * 2):
        _get(port, path, cookie)
    return at_once * 2


def throughput(port: int, path: str, *, cookie: str, requests: int, at_once: int) -> float:
    """Requests per second for ``requests`` GETs of ``path``, ``at_once`` at a time, after
    :func:`warm_up`.

    Raises if any answer is not 200, so a refusal is never counted as speed."""
    warm_up(port, path, cookie=cookie, at_once=at_once)
    remaining = iter(range(requests))
    lock = threading.Lock()
    statuses: list[int] = []

    def worker() -> None:
        while True:
            with lock:
                if next(remaining, None) is None:
                    return
            status = _get(port, path, cookie)
            with lock:
                statuses.append(status)

    threads = [threading.Thread(target=worker) for _ in range(at_once)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.perf_counter() - began
    wrong = sorted({status for status in statuses if status != 200})
    if wrong or len(statuses) != requests:
        raise RuntimeError(f"{path} answered {wrong or 'too few times'}")
    return requests / took


def _cpu_seconds(pids: Iterable[int]) -> float:
    """User and system CPU time of the processes ``pids`` that still run (Linux's /proc)."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _database_processes() -> list[int] | None:
    """The PostgreSQL server processes serving this database's other connections (the
    workers'), when they run on this machine; None otherwise (SQLite runs inside the
    workers, a remote server's processes cannot be read)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        pids = [int(pid) for (pid,) in cursor.fetchall()]
    return pids if all(Path(f"/proc/{pid}").exists() for pid in pids) else None


@dataclass(frozen=True)
class CpuUse:
    """CPU time per request, in milliseconds, of each side of a run."""

    web: float
    database: float | None
    client: float

    def __str__(self) -> str:
        database = "not measured" if self.database is None else f"{self.database:.1f} ms"
        return f"web {self.web:.1f} ms, database {database}, client {self.client:.1f} ms"


class CpuMeter:
    """Reads the CPU time used by ``server``'s workers, the database's server processes and
    this process (the client's threads) between :meth:`start` and :meth:`per_request`."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self._began = (0.0, 0.0, 0.0)
        self._database: list[int] | None = None

    def _read(self) -> tuple[float, float, float]:
        database = _cpu_seconds(self._database or [])
        return _cpu_seconds(_children(self.server.pid)), database, time.process_time()

    def start(self) -> None:
        """Start counting; call after a warm-up, once the workers hold their connections."""
        self._database = _database_processes()
        self._began = self._read()

    def per_request(self, requests: int) -> CpuUse:
        now = self._read()
        web, database, client = (
            (now[side] - self._began[side]) * 1000 / requests for side in range(3)
        )
        return CpuUse(web, None if self._database is None else database, client)
