"""API operations about the caller: ``GET /api/v1/me``."""

from __future__ import annotations

from ninja import Router, Schema

from panelkeeper.accounts.models import Grant
from panelkeeper.accounts.permissions import api_users
from panelkeeper.lib.requests import SignedInRequest

router = Router(tags=["me"])


class GrantOut(Schema):
    organisation: str
    organisation_name: str
    role: str


class TokenOut(Schema):
    name: str
    prefix: str
    organisation: str


class MeOut(Schema):
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
                role=grant.role,
            )
            for grant in grants
        ],
        token=None
        if token is None
        else TokenOut(name=token.name, prefix=token.prefix, organisation=token.organisation.slug),
    )
