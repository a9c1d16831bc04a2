"""Permission-matrix rows for inviting members and advocates to sign in, on the pages
and in the API."""

from __future__ import annotations

from typing import Any

from tests.factory import Factory
from tests.permissions.matrix import (
    MEMBERS_API,
    Row,
    api_officers,
    api_readers,
    home_org,
    not_allowed,
    officers,
)

POST_ONLY = {**not_allowed(), "auditor": 403}


def invitee_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": factory.panel_member(email="pat@example.org").pk}


def invitation_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": factory.member_invitation().invitation.pk}


def api_invitee(factory: Factory) -> dict[str, Any]:
    found = invitee_kwargs(factory)
    return {"org": found["org"], "member_id": found["pk"]}


def api_invitation(factory: Factory) -> dict[str, Any]:
    found = invitation_kwargs(factory)
    return {"org": found["org"], "invitation_id": found["pk"]}


MEMBER_INVITATIONS = MEMBERS_API + "/member-invitations"

INVITATION_ROWS = [
    Row("members:invite", "POST", officers(302), invitee_kwargs),
    Row("members:invite", "GET", POST_ONLY, invitee_kwargs),
    Row("members:invite_advocate", "GET", officers(), invitee_kwargs),
    Row("members:invite_advocate", "POST", officers(200), invitee_kwargs, note="no email"),
    Row("members:invite_chosen", "POST", officers(302), home_org, note="none chosen"),
    Row("members:invite_chosen", "GET", POST_ONLY, home_org),
    Row("members:invite_everyone", "POST", officers(302), home_org),
    Row("members:invite_everyone", "GET", POST_ONLY, home_org),
    Row("members:resend_invitation", "POST", officers(302), invitation_kwargs),
    Row("members:resend_invitation", "GET", POST_ONLY, invitation_kwargs),
    Row("members:withdraw_invitation", "POST", officers(302), invitation_kwargs),
    Row("members:withdraw_invitation", "GET", POST_ONLY, invitation_kwargs),
    Row(MEMBERS_API + "/members/{member_id}/invitations", "GET", api_readers(), api_invitee),
    Row(MEMBERS_API + "/members/{member_id}/invitations", "POST", api_officers(201), api_invitee),
    Row(
        MEMBERS_API + "/members/{member_id}/advocate-invitations",
        "POST",
        api_officers(422),
        api_invitee,
        note="no body",
    ),
    Row(MEMBER_INVITATIONS, "POST", api_officers(422), home_org, note="no body"),
    Row(MEMBER_INVITATIONS + "/not-yet-invited", "POST", api_officers(201), home_org),
    Row(MEMBER_INVITATIONS + "/{invitation_id}/resend", "POST", api_officers(200), api_invitation),
    Row(
        MEMBER_INVITATIONS + "/{invitation_id}/withdraw", "POST", api_officers(200), api_invitation
    ),
]
