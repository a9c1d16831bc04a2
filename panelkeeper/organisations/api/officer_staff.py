"""API operations for an organisation's staff and invitations, as on the Staff page.

Mounted with the other organisation operations at ``/api/v1/organisations/{org}``. The
invitation link is only ever emailed: no operation returns it, so an officer's token
cannot be used to take over someone else's invitation.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Status

from panelkeeper.accounts.invitations import invite, resend, withdraw
from panelkeeper.accounts.models import Invitation, User
from panelkeeper.accounts.permissions import OFFICER, READERS, api_staff, get_object_for
from panelkeeper.lib.api import REFUSED, body_doc, read_body
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.api.officer import router
from panelkeeper.organisations.api.staff_schemas import (
    InvitationIn,
    InvitationOut,
    RemovedOut,
    RoleIn,
    StaffOut,
)
from panelkeeper.organisations.staff import change_role, remove_staff, staff_of, staff_people


def _staff_out(request: StaffRequest, user_id: int | None = None) -> list[StaffOut]:
    return [
        StaffOut(user_id=m.user.pk, name=str(m.user), email=m.user.email, roles=list(m.roles))
        for m in staff_of(request.organisation)
        if user_id is None or m.user.pk == user_id
    ]


def _person(request: StaffRequest, user_id: int) -> User:
    return get_object_or_404(staff_people(request.organisation), pk=user_id)


def _invitation(request: StaffRequest, invitation_id: int) -> Invitation:
    return get_object_for(request.organisation, Invitation.objects.all(), pk=invitation_id)


@router.get("/{org}/staff", response=list[StaffOut], summary="Everyone with a role here")
@api_staff(*READERS)
def list_staff(request: StaffRequest, org: str) -> list[StaffOut]:
    return _staff_out(request)


@router.put(
    "/{org}/staff/{user_id}",
    response={200: StaffOut, **REFUSED},
    summary="Make officer or auditor the one role someone holds here",
    openapi_extra=body_doc(RoleIn),
)
@api_staff(OFFICER)
def put_staff_role(request: StaffRequest, org: str, user_id: int) -> StaffOut:
    person = _person(request, user_id)
    data = read_body(request, RoleIn)
    change_role(organisation=request.organisation, user=person, role=data.role, actor=request.user)
    return _staff_out(request, person.pk)[0]


@router.delete(
    "/{org}/staff/{user_id}",
    response={200: RemovedOut, **REFUSED},
    summary="Remove someone's roles here and revoke their API tokens for it",
)
@api_staff(OFFICER)
def delete_staff(request: StaffRequest, org: str, user_id: int) -> RemovedOut:
    person = _person(request, user_id)
    revoked = remove_staff(organisation=request.organisation, user=person, actor=request.user)
    return RemovedOut(tokens_revoked=revoked)


@router.get(
    "/{org}/invitations", response=list[InvitationOut], summary="Invitations waiting to be accepted"
)
@api_staff(*READERS)
def list_invitations(request: StaffRequest, org: str) -> list[Invitation]:
    pending = Invitation.objects.pending(now=timezone.now())
    return list(pending.filter(organisation=request.organisation).order_by("email"))


@router.post(
    "/{org}/invitations",
    response={201: InvitationOut, **REFUSED},
    summary="Invite someone by email as officer or auditor; the link goes only to them",
    openapi_extra=body_doc(InvitationIn),
)
@api_staff(OFFICER)
def create_invitation(request: StaffRequest, org: str) -> Status[Invitation]:
    data = read_body(request, InvitationIn)
    sent = invite(
        email=data.email, role=data.role, organisation=request.organisation, actor=request.user
    )
    return Status(201, sent.invitation)


@router.post(
    "/{org}/invitations/{invitation_id}/resend",
    response={200: InvitationOut, **REFUSED},
    summary="Send an invitation again with a new link and a new expiry",
)
@api_staff(OFFICER)
def resend_invitation(request: StaffRequest, org: str, invitation_id: int) -> Invitation:
    return resend(invitation=_invitation(request, invitation_id), actor=request.user).invitation


@router.post(
    "/{org}/invitations/{invitation_id}/withdraw",
    response={200: InvitationOut, **REFUSED},
    summary="Withdraw an invitation: its link stops working",
)
@api_staff(OFFICER)
def withdraw_invitation(request: StaffRequest, org: str, invitation_id: int) -> Invitation:
    return withdraw(invitation=_invitation(request, invitation_id), actor=request.user)
