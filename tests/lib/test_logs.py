"""Log lines about raising and following up concerns are dropped, pages and API alike
(README: deploying)."""

from __future__ import annotations

import io
import logging
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.db import connections
from django.test import RequestFactory
from django.test.testcases import LiveServerThread
from django.urls import URLPattern, reverse

from panelkeeper.accounts.permissions import PUBLIC, policy_of
from panelkeeper.lib.logs import DropConcernPaths
from tests.factory import Factory
from tests.permissions.test_matrix import api_operations, page_patterns


def record(message: str, **extra: object) -> logging.LogRecord:
    entry = logging.LogRecord("django.request", logging.WARNING, __file__, 1, message, (), None)
    for key, value in extra.items():
        setattr(entry, key, value)
    return entry


def test_a_request_log_about_a_concern_page_is_dropped(rf: RequestFactory) -> None:
    request = rf.get("/concerns/raise/")
    assert not DropConcernPaths().filter(record("Not Found: /concerns/raise/", request=request))


def test_the_development_servers_request_line_for_a_concern_page_is_dropped() -> None:
    assert not DropConcernPaths().filter(record('"GET /concerns/ABC123/ HTTP/1.1" 200 512'))


def test_other_pages_are_logged(rf: RequestFactory) -> None:
    request = rf.get("/home/rulebook/")
    assert DropConcernPaths().filter(record("Not Found: /home/rulebook/", request=request))
    assert DropConcernPaths().filter(record('"GET /sign-in/ HTTP/1.1" 200 3340'))


def test_the_concern_api_is_dropped_as_the_pages_are(rf: RequestFactory) -> None:
    request = rf.post("/api/v1/concerns/home")
    drop = DropConcernPaths()
    assert not drop.filter(record("Unprocessable Content: /api/v1/concerns/home", request=request))
    assert not drop.filter(record('"POST /api/v1/concerns/home/follow-up HTTP/1.1" 200 90'))
    assert not drop.filter(record('"POST /api/v1/%63oncerns/home HTTP/1.1" 201 64'))
    assert not drop.filter(record('"GET /concerns HTTP/1.1" 301 0'))
    assert drop.filter(record('"GET /organisations/home/concerns/ HTTP/1.1" 200 1024'))


def test_a_traceback_naming_a_concern_request_is_dropped() -> None:
    try:
        raise LookupError("<WSGIRequest: POST '/api/v1/concerns/home/follow-up'>")
    except LookupError:
        entry = record("Exception while resolving variable 'form'.")
        entry.exc_info = sys.exc_info()
    assert not DropConcernPaths().filter(entry)


# -- real requests, through a server that logs its request lines as runserver does ---


class LoggingServerThread(LiveServerThread):
    """The test suite's live server, but logging each request line as runserver does."""

    def _create_server(self, connections_override: Any = None) -> ThreadedWSGIServer:
        return ThreadedWSGIServer(
            (self.host, self.port),
            WSGIRequestHandler,
            allow_reuse_address=False,
            connections_override=connections_override,
        )


@pytest.fixture
def server(transactional_db: None, settings: Any) -> Iterator[str]:
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    settings.SECURE_SSL_REDIRECT = False
    shared = {c.alias: c for c in connections.all() if c.vendor == "sqlite" and c.is_in_memory_db()}
    for connection in shared.values():
        connection.inc_thread_sharing()
    thread = LoggingServerThread("127.0.0.1", lambda app: app, connections_override=shared)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    for connection in shared.values():
        connection.dec_thread_sharing()


@pytest.fixture
def console() -> Iterator[io.StringIO]:
    """What the console handler configured in settings.LOGGING writes, at every level."""
    [handler] = [
        h
        for h in logging.getLogger("django").handlers
        if any(isinstance(f, DropConcernPaths) for f in h.filters)
    ]
    assert isinstance(handler, logging.StreamHandler)
    written = io.StringIO()
    previous = handler.setStream(written)
    loggers = [logging.getLogger("django"), logging.getLogger()]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
    yield written
    handler.setStream(previous)  # type: ignore[arg-type]  # it was a stream before
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


def concern_paths() -> list[str]:
    """Every public page and API operation of the concerns app: where a concern is
    raised or followed up. A new one is in this list, and so in the test, by itself."""
    pages = [
        reverse(name, kwargs={"org": "home"})
        for name, pattern in page_patterns()
        if isinstance(pattern, URLPattern)
        and pattern.callback.__module__.startswith("panelkeeper.concerns")
        and policy_of(pattern.callback) == PUBLIC
    ]
    operations = [
        path.format(org="home")
        for path, _, view in api_operations()
        if view.__module__.startswith("panelkeeper.concerns") and policy_of(view) == PUBLIC
    ]
    assert len(pages) >= 6 and len(operations) >= 2, "the concerns app's public ways in"
    return sorted({*pages, *operations})


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer to read, not a request more (each request is counted)."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def ask(url: str, method: str) -> int:
    data = b"" if method == "POST" else None
    opener = urllib.request.build_opener(NoRedirects)
    try:
        with opener.open(urllib.request.Request(url, data=data, method=method)) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


class Served(logging.Handler):
    """Counts the server's request lines, logged or not: the server writes each after
    its answer has gone, so the test waits for them before reading the log."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def wait_for(self, count: int) -> None:
        deadline = time.monotonic() + 30
        while self.count < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert self.count == count


@pytest.fixture
def served() -> Iterator[Served]:
    counter = Served()
    logger = logging.getLogger("django.server")
    logger.addHandler(counter)
    yield counter
    logger.removeHandler(counter)


def test_no_request_to_raise_or_follow_up_a_concern_is_logged(
    server: str, console: io.StringIO, served: Served, factory: Factory
) -> None:
    """Each path is asked with GET and POST, so some answer 200, some 4xx (logged by
    Django's request logger too) and some 405; and the same again spelt as a request
    line may carry it (no slash, percent-encoded). At DEBUG, the template engine's
    records name the request too. None of them reaches the log; a page that is not a
    concern's does, so the log is really being read."""
    factory.home  # noqa: B018  # the organisation the paths name
    paths = [*concern_paths(), "/concerns", "/api/v1/%63oncerns/home"]
    answers = [ask(server + path, method) for path in paths for method in ("GET", "POST")]
    assert 200 in answers and any(code >= 400 for code in answers)
    assert ask(f"{server}/no-such-page/", "GET") == 404
    served.wait_for(len(answers) + 1)
    written = console.getvalue()
    # A path as a log line would name it: after a space or a quote ("Not Found: /x",
    # '"GET /x HTTP/1.1"', "<WSGIRequest: GET '/x'>"), not inside a file's name.
    named = [
        path
        for path in [*paths, "/concerns/", "/api/v1/concerns"]
        if any(f"{before}{path}" in written for before in " '\"")
    ]
    assert named == [], "a log line names a path where concerns are raised or followed"
    assert '"GET /no-such-page/ HTTP/1.1" 404' in written
    assert "Not Found: /no-such-page/" in written
