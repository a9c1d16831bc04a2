"""Requests per second under gunicorn (2 workers), for ``bench_scale``.

A small threaded client (``http.client``, a new connection per request, as a browser
behind a load balancer would make) sends each path a fixed number of requests a few at a
time, with a signed-in session's cookie where one is given.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the load balancer in front of production adds: the request came in over HTTPS
# (settings: SECURE_PROXY_SSL_HEADER), so production's redirect to HTTPS lets it through.
PROXIED = {"X-Forwarded-Proto": "https"}


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


@contextmanager
def gunicorn(environment: dict[str, str], *, workers: int = 2) -> Iterator[int]:
    """Serve the site with gunicorn on a free port; the port, once /health/ answers."""
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
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def throughput(port: int, path: str, *, cookie: str, requests: int, at_once: int) -> float:
    """Requests per second for ``requests`` GETs of ``path``, ``at_once`` at a time.

    Raises if any answer is not 200, so a refusal is never counted as speed. A few
    requests first, untimed, let each worker import and connect what the path needs."""
    for _ in range(at_once * 2):
        _get(port, path, cookie)
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
