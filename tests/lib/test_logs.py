"""Log lines about the public concern pages are dropped (README: deploying)."""

import logging

from django.test import RequestFactory

from panelkeeper.lib.logs import DropConcernPaths


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
