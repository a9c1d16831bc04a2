"""Logging filters."""

from __future__ import annotations

import logging

CONCERN_PATH = "/concerns/"


class DropConcernPaths(logging.Filter):
    """Drop log records about the public concern pages.

    Someone raising a concern may do so anonymously; a log line with the path, the
    time and (from the server) the address would undo that. Django's request loggers
    attach the request, and its development server logs the request line itself.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        path = getattr(request, "path", None)
        if isinstance(path, str) and path.startswith(CONCERN_PATH):
            return False
        request_line = getattr(record, "request_line", None) or record.getMessage()
        return f" {CONCERN_PATH}" not in str(request_line)
