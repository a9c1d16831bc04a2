"""The benchmarks' own logic: choosing which to run, marking rows over the bars, the
settings they run, and the throughput client coming in through the load balancer and
refusing to count refusals. No timings are asserted."""

from __future__ import annotations

import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.__main__ import chosen
from benchmarks.bench_scale import Row
from benchmarks.scale_http import throughput
from benchmarks.scale_site import SETTINGS, production_environment

AVAILABLE = ["bench_case_list", "bench_letters", "bench_scale"]


def test_every_benchmark_runs_when_none_is_named() -> None:
    assert chosen(AVAILABLE, []) == AVAILABLE


def test_named_benchmarks_run_with_or_without_their_prefix() -> None:
    assert chosen(AVAILABLE, ["scale", "bench_case_list"]) == ["bench_case_list", "bench_scale"]


def test_an_unknown_name_stops_with_the_names_there_are() -> None:
    with pytest.raises(SystemExit, match=r"bench_nope.*case_list, letters, scale"):
        chosen(AVAILABLE, ["nope"])


def test_a_row_within_every_bar_is_not_marked() -> None:
    assert Row("cases", 60.0, 240.0, 199.0, 9, 30.0).over() == []


def test_each_bar_a_row_is_over_is_named() -> None:
    assert Row("register", 331.0, 1612.0, 1187.0, 8, 33.0).over() == [
        "median",
        "p95",
        "size",
        "10x SQL",
    ]


def test_sql_time_under_five_milliseconds_is_not_held_to_three_times() -> None:
    assert Row("home", 20.0, 30.0, 7.0, 19, 4.9).over() == []
    assert Row("home", 20.0, 30.0, 7.0, 19, 5.1).over() == ["4x SQL"]


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        proxied = self.headers.get("X-Forwarded-Proto") == "https"
        self.send_response(200 if self.path == "/ok" and proxied else 403)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def port() -> Iterator[int]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield int(server.server_address[1])
    server.shutdown()
    server.server_close()


def test_the_bench_runs_production_settings_that_start_django(tmp_path: Path) -> None:
    environment = production_environment(f"sqlite:///{tmp_path}/bench.sqlite3", str(tmp_path))
    shown = (
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.CONN_MAX_AGE, s.DEMO, 'testserver' in s.ALLOWED_HOSTS)"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", shown],
        cwd=Path(__file__).resolve().parent.parent,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **environment},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False 600 True True"
    assert SETTINGS.startswith("production (DEBUG off")


def test_throughput_counts_answered_requests(port: int) -> None:
    assert throughput(port, "/ok", cookie="", requests=12, at_once=3) > 0


def test_throughput_refuses_to_count_refusals(port: int) -> None:
    with pytest.raises(RuntimeError, match="403"):
        throughput(port, "/refused", cookie="s=1", requests=5, at_once=2)
