"""Bodies of the staff and installation operations (:mod:`.officer_staff`, :mod:`.installation`)."""

import datetime as dt
from typing import Literal

from ninja import Schema

from panelkeeper.accounts.models import Grant, Invitation
from panelkeeper.lib.api import Out, PageOut, in_vocabulary
from panelkeeper.organisations.api.schemas import OrganisationOut
from panelkeeper.organisations.models import Organisation

StaffRole = Literal["officer", "auditor"]


class StaffOut(Out):
    user_id: int
    name: str
    email: str
    roles: list[Grant.StaffRole]


class StaffPageOut(PageOut):
    staff: list[StaffOut]


class RoleIn(Schema):
    role: StaffRole


class InvitationIn(Schema):
    email: str
    role: StaffRole


class InvitationOut(Out):
    id: int
    email: str
    role: Invitation.Role
    created_at: dt.datetime
    expires_at: dt.datetime
    sent: int
    accepted_at: dt.datetime | None
    withdrawn_at: dt.datetime | None


class InvitationPageOut(PageOut):
    invitations: list[InvitationOut]


class RemovedOut(Out):
    tokens_revoked: int


class FoundingIn(Schema):
    name: str
    slug: str
    region: Literal["ENG", "WLS", "SCT", "NIR"]
    preset: Literal["vela", "insight", "nexus", "herefordshire", "thirteen"]
    officer_email: str


class FoundingOut(Out):
    slug: str
    name: str
    region: Organisation.Region
    draft_version_id: int
    invitation_id: int


class OrganisationPageOut(PageOut):
    organisations: list[OrganisationOut]


class KnownPersonOut(Out):
    """One of the organisation's people, as a title's holder may be chosen from."""

    user_id: int
    name: str
    email: str


class KnownPersonPageOut(PageOut):
    people: list[KnownPersonOut]


class TitleInvitationIn(Schema):
    role_key: str = in_vocabulary("roles", "A staff title of the code.")
    email: str


class TitleInvitationOut(InvitationOut):
    role_key: str = in_vocabulary("roles", "A staff title of the code.")
    role_title: str


class TitleInvitationPageOut(PageOut):
    invitations: list[TitleInvitationOut]
