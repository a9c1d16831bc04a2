"""API operations for the people from outside the team invited to one case, as on the
case page: list, invite, resend, withdraw, take off the case. The invitation link is only
ever emailed: no operation returns it."""

from collections.abc import Callable

from django.utils import timezone
from ninja import Query, Status

from panelkeeper.accounts.invitations import resend, withdraw
from panelkeeper.accounts.permissions import api_officers, api_readers
from panelkeeper.cases.api.common import router
from panelkeeper.cases.api.schemas import GuestIn, GuestOut, GuestPageOut, ReasonIn
from panelkeeper.cases.invitations import guest_state, guests_of, invite_to_case, take_off_case
from panelkeeper.cases.lookups import case_row, staff_case
from panelkeeper.cases.models import CaseInvitation, GuestPart
from panelkeeper.lib.api import PageQuery, paged, read_body
from panelkeeper.lib.requests import StaffRequest


def _out(guest: CaseInvitation) -> GuestOut:
    invitation = guest.invitation
    return GuestOut(
        id=guest.pk,
        name=guest.name,
        email=invitation.email,
        part="seat" if guest.part == GuestPart.SEAT else "appeal_officer",
        role_key=guest.role_key,
        role_title=guest.role_title,
        impartial=guest.impartial,
        state=guest_state(guest, now=timezone.now()).value,
        invited_at=invitation.created_at,
        expires_at=invitation.expires_at,
        sent=invitation.sent,
        accepted_at=invitation.accepted_at,
        withdrawn_at=invitation.withdrawn_at,
        removed_on=guest.removed_on,
    )


def _guest(request: StaffRequest, case_id: int, guest_id: int) -> CaseInvitation:
    case = staff_case(request, case_id)
    return case_row(case, case.invitations.select_related("invitation"), guest_id)


@api_readers.get(router, "/{org}/{case_id}/guests", GuestPageOut)
def list_guests(
    request: StaffRequest, org: str, case_id: int, query: Query[PageQuery]
) -> GuestPageOut:
    """People invited to the case from outside the team, by name."""
    rows, counts = paged(guests_of(staff_case(request, case_id)), query)
    return GuestPageOut(**counts, guests=[_out(guest) for guest in rows])


@api_officers.post(router, "/{org}/{case_id}/guests", GuestOut, status=201, body=GuestIn)
def invite_guest(request: StaffRequest, org: str, case_id: int) -> Status[GuestOut]:
    """Invite someone from outside the team to a seat on the group or to decide the appeal.

    The link goes only to them, by email.
    """
    case = staff_case(request, case_id)
    data = read_body(request, GuestIn)
    sent = invite_to_case(case=case, actor=request.user, **data.model_dump())
    return Status(201, _out(CaseInvitation.objects.get(invitation=sent.invitation)))


def _change(
    request: StaffRequest, case_id: int, guest_id: int, change: Callable[..., object]
) -> GuestOut:
    guest = _guest(request, case_id, guest_id)
    change(invitation=guest.invitation, actor=request.user)
    guest.invitation.refresh_from_db()
    return _out(guest)


@api_officers.post(router, "/{org}/{case_id}/guests/{guest_id}/resend", GuestOut)
def resend_guest(request: StaffRequest, org: str, case_id: int, guest_id: int) -> GuestOut:
    """Send an invitation to the case again with a new link and a new expiry."""
    return _change(request, case_id, guest_id, resend)


@api_officers.post(router, "/{org}/{case_id}/guests/{guest_id}/withdraw", GuestOut)
def withdraw_guest(request: StaffRequest, org: str, case_id: int, guest_id: int) -> GuestOut:
    """Withdraw an invitation to the case: its link stops working."""
    return _change(request, case_id, guest_id, withdraw)


@api_officers.post(router, "/{org}/{case_id}/guests/{guest_id}/take-off", GuestOut, body=ReasonIn)
def take_off_guest(request: StaffRequest, org: str, case_id: int, guest_id: int) -> GuestOut:
    """Take someone invited off the case, saying why: their access ends."""
    guest = _guest(request, case_id, guest_id)
    data = read_body(request, ReasonIn)
    take_off_case(guest=guest, actor=request.user, **data.model_dump())
    return _out(guest)
