"""Middleware of the accounts app: who is signed in, sessions that were ended elsewhere,
and the second factor that staff must set up before reaching any organisation's page."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.functional import SimpleLazyObject

from panelkeeper.accounts import sessions
from panelkeeper.accounts.second_factor import needs_setup

type Handler = Callable[[HttpRequest], HttpResponseBase]

# Pages a person who still has to set up a second factor may open: setting one up (and
# what it may ask, such as confirming their password), signing out, their sessions,
# accepting an invitation and the accessibility statement.
OPEN_BEFORE_SETUP_PREFIXES = ("mfa_", "account_")
OPEN_BEFORE_SETUP = {
    "accounts:sign-in",
    "accounts:sign-out",
    "accounts:sessions",
    "accounts:end_sessions",
    "accounts:invitation",
    "pages:accessibility",
}
SET_UP_FIRST = (
    "Set up a second factor before you continue: an authenticator app, or a passkey or "
    "security key. Staff need one to keep the panel's records safe"
)


class SignedInMiddleware(AuthenticationMiddleware):
    """Django's ``AuthenticationMiddleware``, whose ``request.user`` is the user read in
    the session's own query where it can be (:func:`sessions.user_of`)."""

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: _user(request))  # type: ignore[assignment]  # lazy, as Django's is


def _user(request: HttpRequest) -> object:
    # Read once a request, in the attribute Django's own middleware keeps it in.
    if not hasattr(request, "_cached_user"):
        request._cached_user = sessions.user_of(request)  # type: ignore[attr-defined]  # Django's cache
    return request._cached_user  # type: ignore[attr-defined]


def sessions_middleware(get_response: Handler) -> Handler:
    """Keep each signed-in session's row, and sign out one ended from another browser."""

    def middleware(request: HttpRequest) -> HttpResponseBase:
        sessions.check(request)
        return get_response(request)

    return middleware


def _open_before_setup(request: HttpRequest) -> bool:
    match = request.resolver_match
    if match is None:
        return True  # a 404 reveals nothing
    name = match.view_name
    return name in OPEN_BEFORE_SETUP or name.startswith(OPEN_BEFORE_SETUP_PREFIXES)


class SecondFactorMiddleware:
    """Sends a signed-in person who must use a second factor and has none to set one up.

    The API's session authentication refuses them in the same way
    (:mod:`panelkeeper.api.auth`); API tokens are a factor of their own and unaffected.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: object, args: object, kwargs: object
    ) -> HttpResponseBase | None:
        if not settings.REQUIRE_SECOND_FACTOR or request.path.startswith("/api/"):
            return None
        if _open_before_setup(request) or not needs_setup(request.user):
            return None
        messages.warning(request, SET_UP_FIRST)
        return redirect("mfa_index")
