"""Health checks for a load balancer: plain text, no template, no session, no cookie.

``/health/`` answers as soon as the process can serve a request and touches no
database, so a database that is slow or down never takes every web node out of the
balancer at once. ``/health/database/`` also runs one trivial query, for a monitor that
wants to know the database answers; it says 503 when it does not.
"""

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from panelkeeper.accounts.permissions import public


def _plain(text: str, status: int = 200) -> HttpResponse:
    return HttpResponse(text + "\n", content_type="text/plain; charset=utf-8", status=status)


@public
@require_safe
@never_cache
def process(request: HttpRequest) -> HttpResponse:
    """This web process is up and serving requests."""
    return _plain("ok")


@public
@require_safe
@never_cache
def database(request: HttpRequest) -> HttpResponse:
    """This web process reaches its database, which answers a query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return _plain("database unavailable", status=503)
    return _plain("ok")
