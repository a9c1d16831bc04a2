"""Bodies of the staff and installation operations (:mod:`.officer_staff`, :mod:`.installation`)."""

import datetime as dt
from typing import Literal

from ninja import Schema

from panelkeeper.lib.api import PageOut
from panelkeeper.organisations.api.schemas import OrganisationOut

StaffRole = Literal["officer", "auditor"]


class StaffOut(Schema):
    user_id: int
    name: str
    email: str
    roles: list[str]


class RoleIn(Schema):
    role: StaffRole


class InvitationIn(Schema):
    email: str
    role: StaffRole


class InvitationOut(Schema):
    id: int
    email: str
    role: str
    created_at: dt.datetime
    expires_at: dt.datetime
    sent: int
    accepted_at: dt.datetime | None
    withdrawn_at: dt.datetime | None


class RemovedOut(Schema):
    tokens_revoked: int


class FoundingIn(Schema):
    name: str
    slug: str
    region: Literal["ENG", "WLS", "SCT", "NIR"]
    preset: Literal["vela", "insight", "nexus", "herefordshire", "thirteen"]
    officer_email: str


class FoundingOut(Schema):
    slug: str
    name: str
    region: str
    draft_version_id: int
    invitation_id: int


class OrganisationPageOut(PageOut):
    organisations: list[OrganisationOut]


class HolderChoiceOut(Schema):
    """One of the organisation's people, as a title's holder may be chosen from."""

    user_id: int
    name: str
    email: str


class TitleInvitationIn(Schema):
    role_key: str
    email: str


class TitleInvitationOut(InvitationOut):
    role_key: str
    role_title: str
