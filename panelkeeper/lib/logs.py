"""Logging filters."""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote

CONCERN_PATHS = ("/concerns/", "/api/v1/concerns/")
"""Where a concern is raised or followed up: the public pages and the API's operations.

The API's officer operations share the prefix and are left out of the log with them:
telling them apart would need the method, which nginx's ``location`` cannot see.
"""

# A concern path where a log line names one: the path itself (a request's ``path``), or
# a request line ('"POST /api/v1/concerns/vela HTTP/1.1" 201 64') or a message ("Not
# Found: /concerns/vela/") naming it. "/concerns" without its slash (redirected to it)
# counts too.
_CONCERN = re.compile(r"(?:^|[\s\"'])/(?:api/v1/)?concerns(?:[/?#\s\"']|$)")


def names_a_concern_path(text: str) -> bool:
    """Whether ``text`` (a path, a request line, a message) names a concern path, also
    when it is percent-encoded, as a request line keeps it."""
    return bool(_CONCERN.search(text) or _CONCERN.search(unquote(text)))


class DropConcernPaths(logging.Filter):
    """Drop log records about the pages and API operations that raise and follow up
    concerns (:data:`CONCERN_PATHS`).

    Someone raising a concern may do so anonymously; a log line with the path, the
    time and (from the server) the address would undo that. Django's request loggers
    attach the request, its development server logs the request line itself, and a
    traceback may quote either.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        path = getattr(request, "path", None)
        if isinstance(path, str) and names_a_concern_path(path):
            return False
        request_line = getattr(record, "request_line", None) or record.getMessage()
        if names_a_concern_path(str(request_line)):
            return False
        # A traceback can name the request too (at DEBUG, the template engine's records
        # carry the whole context); format it once, as the handler would, and look.
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        return not (record.exc_text and names_a_concern_path(record.exc_text))
