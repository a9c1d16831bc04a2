"""API operations about the caller: ``GET /api/v1/me``, and where they are signed in
(``GET`` and ``DELETE /api/v1/me/sessions``)."""

from __future__ import annotations

import datetime

from ninja import Router

from panelkeeper.accounts import sessions
from panelkeeper.accounts.models import Grant
from panelkeeper.accounts.permissions import api_users
from panelkeeper.lib.api import Out, out_of
from panelkeeper.lib.requests import SignedInRequest

router = Router(tags=["me"])


class GrantOut(Out):
    organisation: str
    organisation_name: str
    role: Grant.StaffRole


class TokenOut(Out):
    name: str
    prefix: str
    organisation: str


class MeOut(Out):
    email: str
    name: str
    grants: list[GrantOut]
    token: TokenOut | None


@api_users.get(router, "", MeOut)
def me(request: SignedInRequest) -> MeOut:
    """Who is calling, and what they hold.

    The caller and their staff grants; a token sees only its own organisation's."""
    token = getattr(request, "api_token", None)
    grants = Grant.objects.filter(user=request.user).select_related("organisation")
    if token is not None:
        grants = grants.filter(organisation=token.organisation)
    user = request.user
    return MeOut(
        email=user.email,
        name=user.get_full_name(),
        grants=[
            GrantOut(
                organisation=grant.organisation.slug,
                organisation_name=grant.organisation.name,
                role=Grant.Role(grant.role),
            )
            for grant in grants
        ],
        token=None
        if token is None
        else TokenOut(name=token.name, prefix=token.prefix, organisation=token.organisation.slug),
    )


class SessionOut(Out):
    id: int
    started_at: datetime.datetime
    last_active: datetime.datetime
    this_one: bool


class SessionsOut(Out):
    sessions: list[SessionOut]


class SessionsEndedOut(Out):
    ended: int


@api_users.get(router, "/sessions", SessionsOut)
def my_sessions(request: SignedInRequest) -> SessionsOut:
    """Where the caller is signed in.

    The caller's browser sessions: when each started and was last active, and which one
    is asking (none, when a token asks). No address or device is kept to show."""
    return SessionsOut(
        sessions=[
            out_of(SessionOut, entry, id=entry.ref)
            for entry in sessions.listing(request, request.user)
        ]
    )


@api_users.delete(router, "/sessions", SessionsEndedOut)
def end_my_other_sessions(request: SignedInRequest) -> SessionsEndedOut:
    """Sign out everywhere else.

    Every browser session but the one asking (all of them, when a token asks) is signed
    out; the person is emailed and the change audited."""
    return SessionsEndedOut(ended=sessions.end_others(request, request.user))
