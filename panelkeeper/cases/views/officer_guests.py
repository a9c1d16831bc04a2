"""Officers' pages for the people from outside the team invited to one case: invite,
resend, withdraw, take off the case. The list is on the case page."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from panelkeeper.accounts.invitations import RESENT, WITHDRAWN, resend, withdraw
from panelkeeper.accounts.permissions import OFFICER, get_object_for, staff
from panelkeeper.accounts.views.common import invitation_button, invitation_page
from panelkeeper.cases.forms import GuestForm, TakeOffGuestForm
from panelkeeper.cases.invitations import guest_parts, invite_to_case, take_off_case
from panelkeeper.cases.lookups import case_row
from panelkeeper.cases.models import Case, CaseInvitation
from panelkeeper.cases.views.officer import form_page
from panelkeeper.lib.forms import bound
from panelkeeper.lib.requests import StaffRequest


def _case(request: StaffRequest, pk: int) -> Case:
    return get_object_for(request.organisation, Case.objects.select_related("organisation"), pk=pk)


def _guest(request: StaffRequest, pk: int, guest: int) -> CaseInvitation:
    case = _case(request, pk)
    return case_row(case, case.invitations.select_related("invitation__accepted_by"), guest)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def invite_guest(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Invite someone from outside the team to a seat on the group or to decide the
    appeal, in this case alone."""
    case = _case(request, pk)
    form = GuestForm(**bound(request), parts=guest_parts(case))
    return invitation_page(
        request,
        form,
        lambda: invite_to_case(case=case, actor=request.user, **form.cleaned_data),
        show_rule=True,
        sent_to=reverse("cases:detail", kwargs={"org": org, "pk": case.pk}),
        template="cases/action.html",
        case=case,
        title="Invite someone from outside the team",
        submit="Send invitation",
        intro="They get an email with a link to set up a sign-in. It opens this case "
        "alone: none of the organisation's other records.",
    )


def _on_invitation(
    request: StaffRequest, pk: int, guest: int, change: Callable[..., object], done: str
) -> HttpResponse:
    """Apply ``change`` to the case's invitation ``guest``; back to the case."""
    found = _guest(request, pk, guest)
    back = reverse("cases:detail", kwargs={"org": request.organisation.slug, "pk": pk})
    return invitation_button(request, found.invitation, change, done=done, back=back)


@staff(OFFICER)
@require_POST
def resend_guest(request: StaffRequest, org: str, pk: int, guest: int) -> HttpResponse:
    return _on_invitation(request, pk, guest, resend, RESENT)


@staff(OFFICER)
@require_POST
def withdraw_guest(request: StaffRequest, org: str, pk: int, guest: int) -> HttpResponse:
    return _on_invitation(request, pk, guest, withdraw, WITHDRAWN)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def take_off_guest(request: StaffRequest, org: str, pk: int, guest: int) -> HttpResponse:
    """Take someone invited to the case off it, saying why: their access ends."""
    found = _guest(request, pk, guest)
    form = TakeOffGuestForm(**bound(request), case=found.case)
    return form_page(
        request,
        found.case,
        form,
        title=f"Take {found.name} off the case",
        change=lambda: take_off_case(guest=found, actor=request.user, **form.cleaned_data),
        done=f"{found.name} taken off the case",
    )
