"""API operations for choosing who holds the code's staff titles from the organisation's
people, and for inviting someone new to hold one, as on the role holders pages. The
invitation link is only ever emailed: no operation returns it."""

from collections.abc import Callable

from ninja import Query, Status

from panelkeeper.accounts.invitations import resend, withdraw
from panelkeeper.accounts.models import Invitation
from panelkeeper.accounts.people import known_to
from panelkeeper.accounts.permissions import api_officers, api_readers, get_object_for
from panelkeeper.lib.api import PageQuery, paged, read_body
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.api.officer import router
from panelkeeper.organisations.api.staff_schemas import (
    InvitationOut,
    KnownPersonOut,
    KnownPersonPageOut,
    TitleInvitationIn,
    TitleInvitationOut,
    TitleInvitationPageOut,
)
from panelkeeper.organisations.title_invitations import invite_to_title, waiting_for


def _out(invitation: Invitation) -> TitleInvitationOut:
    """The invitation as any staff invitation is given, with the title it is for."""
    title = invitation.for_title
    return TitleInvitationOut(
        **InvitationOut.model_validate(invitation, from_attributes=True).model_dump(),
        role_key=title.role_key,
        role_title=title.role_title,
    )


@api_readers.get(router, "/{org}/role-holders/people", KnownPersonPageOut)
def list_people(request: StaffRequest, org: str, query: Query[PageQuery]) -> KnownPersonPageOut:
    """The people a staff title's holder may be chosen from, by name."""
    rows, counts = paged(known_to(request.organisation), query)
    return KnownPersonPageOut(
        **counts,
        people=[KnownPersonOut(user_id=user.pk, name=str(user), email=user.email) for user in rows],
    )


@api_readers.get(router, "/{org}/title-invitations", TitleInvitationPageOut)
def list_title_invitations(
    request: StaffRequest, org: str, query: Query[PageQuery]
) -> TitleInvitationPageOut:
    """Invitations to hold a staff title, waiting to be accepted, newest first."""
    waiting = waiting_for(request.organisation).order_by("-created_at", "-id")
    rows, counts = paged(waiting, query)
    return TitleInvitationPageOut(**counts, invitations=[_out(invitation) for invitation in rows])


@api_officers.post(
    router, "/{org}/title-invitations", TitleInvitationOut, status=201, body=TitleInvitationIn
)
def create_title_invitation(request: StaffRequest, org: str) -> Status[TitleInvitationOut]:
    """Invite someone new, by email, to hold a staff title the code declares.

    The link goes only to them, by email.
    """
    data = read_body(request, TitleInvitationIn)
    sent = invite_to_title(
        organisation=request.organisation, **data.model_dump(), actor=request.user
    )
    return Status(201, _out(sent.invitation))


def _change(
    request: StaffRequest, invitation_id: int, change: Callable[..., object]
) -> TitleInvitationOut:
    invitations = Invitation.objects.filter(role=Invitation.Role.TITLE).select_related("for_title")
    invitation = get_object_for(request.organisation, invitations, pk=invitation_id)
    change(invitation=invitation, actor=request.user)
    invitation.refresh_from_db()
    return _out(invitation)


@api_officers.post(router, "/{org}/title-invitations/{invitation_id}/resend", TitleInvitationOut)
def resend_title_invitation(
    request: StaffRequest, org: str, invitation_id: int
) -> TitleInvitationOut:
    """Send an invitation to a title again with a new link and a new expiry."""
    return _change(request, invitation_id, resend)


@api_officers.post(router, "/{org}/title-invitations/{invitation_id}/withdraw", TitleInvitationOut)
def withdraw_title_invitation(
    request: StaffRequest, org: str, invitation_id: int
) -> TitleInvitationOut:
    """Withdraw an invitation to a title: its link stops working."""
    return _change(request, invitation_id, withdraw)
