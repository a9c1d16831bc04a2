"""The JSON API: one NinjaAPI at /api/, with each app's router under /api/v1/.

OpenAPI at /api/openapi.json and the docs at /api/docs, both public and served from
our own static files (``ninja`` is in INSTALLED_APPS, so no CDN is used). Every
operation needs a bearer token or a signed-in session unless it is open to
``api_anyone``; anonymous callers get 401 in JSON. Each operation is declared for one
audience of ``panelkeeper.accounts.permissions`` (``@api_officers.post(router, ...)``,
:class:`panelkeeper.lib.api.Audience`), which applies its access policy.

To add an app's endpoints: export ``router`` from ``panelkeeper/<app>/api/__init__.py`` and add
it to ``ROUTERS`` below under ``v1/<noun>``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.urls import URLPattern
from ninja import NinjaAPI, Router, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError

from panelkeeper.accounts.api import router as me_router
from panelkeeper.accounts.api import tokens_router
from panelkeeper.accounts.permissions import public
from panelkeeper.api.auth import BearerToken, Session
from panelkeeper.cases.api import router as cases_router
from panelkeeper.concerns.api import router as concerns_router
from panelkeeper.departure.api import router as departure_router
from panelkeeper.letters.api import router as letters_router
from panelkeeper.lib.api import RefusalOut, invalid, refusal_out
from panelkeeper.lib.refusals import VALIDATION, Refused
from panelkeeper.meetings.api import router as meetings_router
from panelkeeper.members.api import my_router
from panelkeeper.members.api import router as members_router
from panelkeeper.organisations.api import installation_router
from panelkeeper.organisations.api import router as organisations_router
from panelkeeper.registers.api import router as registers_router
from panelkeeper.retention.api import router as retention_router
from panelkeeper.subject_access.api import router as subject_access_router
from panelkeeper.today.api import router as today_router

ROUTERS: list[tuple[str, Router]] = [
    ("v1/me", me_router),
    ("v1/tokens", tokens_router),
    ("v1/organisations", organisations_router),
    ("v1/installation", installation_router),
    ("v1/installation", departure_router),
    ("v1/concerns", concerns_router),
    ("v1/meetings", meetings_router),
    ("v1/members", members_router),
    ("v1/my", my_router),
    ("v1/registers", registers_router),
    ("v1/letters", letters_router),
    ("v1/cases", cases_router),
    ("v1/retention", retention_router),
    ("v1/subject-access", subject_access_router),
    ("v1/organisations", today_router),
]

api = NinjaAPI(
    title="panelkeeper API",
    version="1",
    description=(
        "Records and procedures of codes of conduct for involved customers. "
        "[A guide](/api/guide/) takes a breach from raising to a decided appeal."
    ),
    urls_namespace="api",
    docs=Swagger(),
    docs_decorator=public,
    auth=[BearerToken(), Session()],
)
for prefix, router in ROUTERS:
    api.add_router(prefix, router)


@api.exception_handler(Refused)
def refused(request: HttpRequest, exc: Refused) -> HttpResponse:
    """Any refused change answers 422 with the one refusal body; nothing was saved, since
    every domain function refuses before or inside its own transaction."""
    return api.create_response(request, refusal_out(exc), status=422)


# Every other error answers in the same body, so a client reads one shape whatever went wrong.


@api.exception_handler(ValidationError)
def not_valid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """A path or query value that does not validate: 422, each problem named as sent (the
    location's first part says where it was sent, and is dropped)."""
    return api.create_response(request, refusal_out(invalid(exc.errors, skip=1)), status=422)


@api.exception_handler(AuthenticationError)
def not_signed_in(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    detail = "Send an API token as 'Authorization: Bearer <token>', or sign in first."
    return api.create_response(request, RefusalOut(detail=detail), status=401)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(request, RefusalOut(detail=str(exc)), status=exc.status_code)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    detail = "Not Found"  # the same whether it does not exist or is another organisation's
    return api.create_response(request, RefusalOut(detail=detail), status=404)


@api.exception_handler(PermissionDenied)
def not_allowed(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    detail = str(exc) or "Your role does not allow this."
    return api.create_response(request, RefusalOut(detail=detail), status=403)


@api.exception_handler(RequestDataTooBig)
def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    """A body over the size the server accepts answers 413, before anything is read."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0
    size = f"{limit / 2**20:.1f} MB" if limit >= 2**20 else f"{limit // 1024:,} KB"
    detail = f"Send a body of at most {size}; this one is larger."
    return api.create_response(request, RefusalOut(detail=detail, rule=VALIDATION), status=413)


UNREADABLE = "Send the body as JSON (Content-Type: application/json), like the example in the docs."


@api.exception_handler(BadRequest)
@api.exception_handler(MultiPartParserError)
@api.exception_handler(UnreadablePostError)
def unreadable(request: HttpRequest, exc: Exception) -> HttpResponse:
    """A body that cannot be read (not JSON, or a form without its boundary) answers 400."""
    detail = str(exc) if isinstance(exc, BadRequest) and str(exc) else UNREADABLE
    return api.create_response(request, RefusalOut(detail=detail, rule=VALIDATION), status=400)


def urls() -> tuple[list[Any], str, str]:
    """The API's URL patterns, for ``include()``; its bare root declares itself public."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        if isinstance(pattern, URLPattern) and pattern.name == "api-root":
            public(pattern.callback)
    assert "ninja" in settings.INSTALLED_APPS, "the API docs must use local static files"
    return patterns, app_name, namespace
