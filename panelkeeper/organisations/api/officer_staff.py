"""API operations for an organisation's staff and invitations, as on the Staff page.

Mounted with the other organisation operations at ``/api/v1/organisations/{org}``. The
invitation link is only ever emailed: no operation returns it, so an officer's token
cannot be used to take over someone else's invitation.
"""

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Status

from panelkeeper.accounts.invitations import invite, resend, withdraw
from panelkeeper.accounts.models import Grant, Invitation, User
from panelkeeper.accounts.permissions import (
    api_officers,
    api_readers,
    get_object_for,
)
from panelkeeper.lib.api import PageQuery, paged, read_body
from panelkeeper.lib.filters import page_of
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.api.officer import router
from panelkeeper.organisations.api.staff_schemas import (
    InvitationIn,
    InvitationOut,
    InvitationPageOut,
    RemovedOut,
    RoleIn,
    StaffOut,
    StaffPageOut,
)
from panelkeeper.organisations.staff import change_role, remove_staff, staff_of, staff_people


def _staff_out(request: StaffRequest, people: list[User]) -> list[StaffOut]:
    return [
        StaffOut(
            user_id=m.user.pk,
            name=str(m.user),
            email=m.user.email,
            roles=[Grant.Role(r) for r in m.roles],
        )
        for m in staff_of(request.organisation, people)
    ]


def _person(request: StaffRequest, user_id: int) -> User:
    return get_object_or_404(staff_people(request.organisation), pk=user_id)


def _invitation(request: StaffRequest, invitation_id: int) -> Invitation:
    return get_object_for(request.organisation, Invitation.objects.staff(), pk=invitation_id)


@api_readers.get(router, "/{org}/staff", StaffPageOut)
def list_staff(request: StaffRequest, org: str, query: Query[PageQuery]) -> StaffPageOut:
    """Everyone with a role here, by name."""
    people, counts = paged(staff_people(request.organisation), query)
    return StaffPageOut(**counts, staff=_staff_out(request, people))


@api_officers.put(router, "/{org}/staff/{user_id}", StaffOut, body=RoleIn)
def put_staff_role(request: StaffRequest, org: str, user_id: int) -> StaffOut:
    """Make officer or auditor the one role someone holds here."""
    person = _person(request, user_id)
    data = read_body(request, RoleIn)
    change_role(organisation=request.organisation, user=person, role=data.role, actor=request.user)
    return _staff_out(request, [person])[0]


@api_officers.delete(router, "/{org}/staff/{user_id}", RemovedOut)
def delete_staff(request: StaffRequest, org: str, user_id: int) -> RemovedOut:
    """Remove someone's roles here and revoke their API tokens for it."""
    person = _person(request, user_id)
    revoked = remove_staff(organisation=request.organisation, user=person, actor=request.user)
    return RemovedOut(tokens_revoked=revoked)


@api_readers.get(router, "/{org}/invitations", InvitationPageOut)
def list_invitations(request: StaffRequest, org: str, query: Query[PageQuery]) -> dict[str, Any]:
    """Invitations waiting to be accepted, by email address."""
    pending = Invitation.objects.staff().pending(now=timezone.now())
    waiting = pending.filter(organisation=request.organisation).order_by("email", "id")
    return page_of(waiting, query, "invitations")


@api_officers.post(router, "/{org}/invitations", InvitationOut, status=201, body=InvitationIn)
def create_invitation(request: StaffRequest, org: str) -> Status[Invitation]:
    """Invite someone by email as officer or auditor; the link goes only to them."""
    data = read_body(request, InvitationIn)
    sent = invite(
        email=data.email, role=data.role, organisation=request.organisation, actor=request.user
    )
    return Status(201, sent.invitation)


@api_officers.post(router, "/{org}/invitations/{invitation_id}/resend", InvitationOut)
def resend_invitation(request: StaffRequest, org: str, invitation_id: int) -> Invitation:
    """Send an invitation again with a new link and a new expiry."""
    return resend(invitation=_invitation(request, invitation_id), actor=request.user).invitation


@api_officers.post(router, "/{org}/invitations/{invitation_id}/withdraw", InvitationOut)
def withdraw_invitation(request: StaffRequest, org: str, invitation_id: int) -> Invitation:
    """Withdraw an invitation: its link stops working."""
    return withdraw(invitation=_invitation(request, invitation_id), actor=request.user)
