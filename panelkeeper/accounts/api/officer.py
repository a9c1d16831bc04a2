"""API operations on API tokens, as the tokens page offers them: list, make, revoke.

``/api/v1/tokens/{org}``. Who sees which token is decided once, in
:func:`panelkeeper.accounts.tokens.tokens_seen_by`, and a token is made and revoked by
the same domain functions as on the page, so the two validate and audit alike.
"""

import datetime as dt

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from panelkeeper.accounts.models import ApiToken
from panelkeeper.accounts.permissions import api_readers
from panelkeeper.accounts.tokens import (
    DEFAULT_LIFETIME,
    create_token,
    revoke_token,
    tokens_seen_by,
)
from panelkeeper.lib.api import Out, PageOut, PageQuery, out_of, paged, read_body
from panelkeeper.lib.requests import StaffRequest

router = Router(tags=["api tokens"])


class ApiTokenOut(Out):
    """A token as listed: never its secret."""

    name: str
    prefix: str
    user: str = Field(description="The email address of the user the token acts as.")
    created: dt.datetime
    expires_on: dt.date = Field(description="The last day the token works.")
    last_used: dt.datetime | None = Field(description="To within five minutes.")
    revoked: dt.datetime | None
    state: ApiToken.State


class ApiTokenPageOut(PageOut):
    tokens: list[ApiTokenOut]


class ApiTokenIn(Schema):
    name: str = Field(description="What the token is for; up to 100 characters.")
    expires_on: dt.date | None = Field(
        default=None,
        description=f"The last day the token works: from tomorrow to a year ahead. "
        f"{DEFAULT_LIFETIME.days} days ahead when left out.",
    )


class NewApiTokenOut(ApiTokenOut):
    token: str = Field(description="The token itself. Shown this once, never stored.")


def _out(token: ApiToken, today: dt.date) -> ApiTokenOut:
    return out_of(ApiTokenOut, token, user=token.user.email, state=token.state(today=today))


def _seen(request: StaffRequest) -> QuerySet[ApiToken]:
    return tokens_seen_by(user=request.user, organisation=request.organisation, roles=request.roles)


@api_readers.get(router, "/{org}", ApiTokenPageOut)
def list_tokens(request: StaffRequest, org: str, query: Query[PageQuery]) -> ApiTokenPageOut:
    """API tokens, newest first.

    An officer gets every staff token of the organisation; an auditor their own."""
    tokens, counts = paged(_seen(request), query)
    today = timezone.localdate()
    return ApiTokenPageOut(**counts, tokens=[_out(token, today) for token in tokens])


@api_readers.post(router, "/{org}", NewApiTokenOut, status=201, body=ApiTokenIn)
def make_token(request: StaffRequest, org: str) -> Status[NewApiTokenOut]:
    """Make an API token for yourself (the token is in the answer, once).

    Only a signed-in session may make a token: a token that could make tokens would
    let whoever holds a leaked one outlive its expiry and its revocation."""
    if request.api_token is not None:
        raise HttpError(403, "Sign in to make a token: a token cannot make another.")
    data = read_body(request, ApiTokenIn)
    new = create_token(
        user=request.user,
        organisation=request.organisation,
        **data.model_dump(),
        actor=request.user,
    )
    listed = _out(new.token, timezone.localdate())
    return Status(201, NewApiTokenOut(**listed.model_dump(), token=new.plaintext))


@api_readers.post(router, "/{org}/{prefix}/revoke", ApiTokenOut)
def revoke(request: StaffRequest, org: str, prefix: str) -> ApiTokenOut:
    """Revoke an API token.

    Your own token, or (for an officer) a colleague's; any other answers 404. Revoking
    a revoked token changes nothing."""
    token = get_object_or_404(_seen(request), prefix=prefix)
    revoked = revoke_token(prefix=token.prefix, actor=request.user)
    return _out(revoked, timezone.localdate())
