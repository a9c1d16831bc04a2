"""API operations inviting members and advocates to sign in, as on the members' pages.

Added to the members router (``/api/v1/members``) by :mod:`.officer`. As for staff, the
invitation link is only ever emailed: no operation returns it.
"""

from typing import Any

from ninja import Query, Router, Status

from panelkeeper.accounts.invitations import resend, withdraw
from panelkeeper.accounts.models import Invitation
from panelkeeper.accounts.permissions import api_officers, api_readers, get_object_for
from panelkeeper.lib.api import PageQuery, read_body
from panelkeeper.lib.filters import page_of
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.api.common import member_of
from panelkeeper.members.api.schemas import (
    AdvocateInvitationIn,
    ChosenMembersIn,
    MemberInvitationOut,
    MemberInvitationPageOut,
)
from panelkeeper.members.invitations import (
    invitations_of,
    invite_advocate,
    invite_member,
    invite_members,
    not_yet_invited,
)
from panelkeeper.members.models import Member

router = Router(tags=["members"])

MEMBER_ROLES = (Invitation.Role.MEMBER, Invitation.Role.ADVOCATE)


def _invitation(request: StaffRequest, invitation_id: int) -> Invitation:
    queryset = Invitation.objects.filter(role__in=MEMBER_ROLES)
    return get_object_for(request.organisation, queryset, pk=invitation_id)


@api_readers.get(router, "/{org}/members/{member_id}/invitations", MemberInvitationPageOut)
def list_member_invitations(
    request: StaffRequest, org: str, member_id: int, query: Query[PageQuery]
) -> dict[str, Any]:
    """The member's and their advocates' invitations waiting to be accepted, newest first."""
    return page_of(invitations_of(member_of(request, member_id)), query, "invitations")


@api_officers.post(
    router, "/{org}/members/{member_id}/invitations", MemberInvitationOut, status=201
)
def create_member_invitation(request: StaffRequest, org: str, member_id: int) -> Status[Invitation]:
    """Invite the member to sign in, at the email address on their record."""
    member = member_of(request, member_id)
    return Status(201, invite_member(member=member, actor=request.user).invitation)


@api_officers.post(
    router,
    "/{org}/members/{member_id}/advocate-invitations",
    MemberInvitationOut,
    status=201,
    body=AdvocateInvitationIn,
)
def create_advocate_invitation(
    request: StaffRequest, org: str, member_id: int
) -> Status[Invitation]:
    """Invite someone by email to act for the member as their advocate."""
    member = member_of(request, member_id)
    data = read_body(request, AdvocateInvitationIn)
    sent = invite_advocate(member=member, email=data.email, actor=request.user)
    return Status(201, sent.invitation)


@api_officers.post(
    router, "/{org}/member-invitations", list[MemberInvitationOut], status=201, body=ChosenMembersIn
)
def invite_chosen(request: StaffRequest, org: str) -> Status[list[Invitation]]:
    """Invite the members named to sign in: all of them, or none with every reason."""
    data = read_body(request, ChosenMembersIn)
    ids = set(data.member_ids)
    members = list(
        Member.objects.of(request.organisation)
        .filter(pk__in=ids)
        .select_related("group__organisation", "user")
    )
    missing = sorted(ids - {member.pk for member in members})
    if missing:
        raise Refused(
            f"Give the ids of your own members; not {', '.join(map(str, missing))}",
            field="member_ids",
        )
    sent = invite_members(members=members, actor=request.user)
    return Status(201, [one.invitation for one in sent])


@api_officers.post(
    router, "/{org}/member-invitations/not-yet-invited", list[MemberInvitationOut], status=201
)
def invite_everyone(request: StaffRequest, org: str) -> Status[list[Invitation]]:
    """Invite every member who has an email address and is not yet invited."""
    waiting = not_yet_invited(Member.objects.of(request.organisation))
    if not waiting.exists():
        return Status(201, [])
    return Status(
        201, [one.invitation for one in invite_members(members=waiting, actor=request.user)]
    )


@api_officers.post(router, "/{org}/member-invitations/{invitation_id}/resend", MemberInvitationOut)
def resend_invitation(request: StaffRequest, org: str, invitation_id: int) -> Invitation:
    """Send a member's or an advocate's invitation again with a new link and expiry."""
    return resend(invitation=_invitation(request, invitation_id), actor=request.user).invitation


@api_officers.post(
    router, "/{org}/member-invitations/{invitation_id}/withdraw", MemberInvitationOut
)
def withdraw_invitation(request: StaffRequest, org: str, invitation_id: int) -> Invitation:
    """Withdraw a member's or an advocate's invitation: its link stops working."""
    return withdraw(invitation=_invitation(request, invitation_id), actor=request.user)
