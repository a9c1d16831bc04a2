"""How API callers prove who they are: a bearer token, or the browser's session."""

from __future__ import annotations

from typing import Any, cast

from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth

from panelkeeper.accounts.models import ApiToken
from panelkeeper.accounts.second_factor import needs_setup
from panelkeeper.accounts.tokens import authenticate_token
from panelkeeper.lib.requests import SignedInRequest


class BearerToken(HttpBearer):
    """``Authorization: Bearer pk_…`` from ``panelkeeper token create``."""

    def __call__(self, request: HttpRequest) -> Any:
        # Ninja's own version logs an unexpected header in DEBUG; a header may hold a secret.
        scheme, _, value = request.headers.get(self.header, "").partition(" ")
        if scheme.lower() != self.openapi_scheme or not value:
            return None
        return self.authenticate(request, value.strip())

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = authenticate_token(token)
        if found is not None:
            request.user = found.user
            cast(SignedInRequest, request).api_token = found
        return found


class Session(SessionAuth):
    """The signed-in browser session; unsafe methods need the CSRF token as usual."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if needs_setup(request.user):
            raise HttpError(
                403,
                "Set up a second factor (an authenticator app, or a passkey or security "
                "key) on the Second factor page before using the API from your browser.",
            )
        if request.user.is_authenticated:
            cast(SignedInRequest, request).api_token = None
            return request.user
        return None
