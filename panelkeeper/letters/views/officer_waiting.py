"""The page of letters waiting to be sent, and sending the gift and re-signing letters."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from panelkeeper.accounts.models import Grant
from panelkeeper.accounts.permissions import OFFICER, get_object_for, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.letters.dispatch import sent_in_words
from panelkeeper.letters.issuing import issue_gift_letter, issue_resign_request
from panelkeeper.letters.models import Letter
from panelkeeper.letters.waiting import gifts_to_send, outcomes_to_send, resign_to_send
from panelkeeper.lib.forms import button_change
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.models import DocumentVersion, Member
from panelkeeper.registers.models import Gift


@staff(OFFICER, Grant.Role.AUDITOR)
@require_GET
def to_send(request: StaffRequest, org: str) -> HttpResponse:
    organisation = request.organisation
    return staff_page(
        request,
        "letters/to_send.html",
        cases=outcomes_to_send(organisation),
        gifts=gifts_to_send(organisation),
        resign=resign_to_send(organisation, on=timezone.localdate()),
    )


def _sent(request: HttpRequest, org: str, send: Callable[[], Letter]) -> HttpResponse:
    """Send one waiting letter; a refusal shows on the list of letters waiting."""
    letter = button_change(request, send)
    if letter is None:
        return redirect("letters:to_send", org=org)
    messages.success(request, sent_in_words(letter))
    return redirect("letters:detail", org=org, pk=letter.pk)


@staff(OFFICER)
@require_POST
def send_gift(request: StaffRequest, org: str, gift: int) -> HttpResponse:
    found = get_object_for(request.organisation, Gift.objects.select_related("member"), pk=gift)
    return _sent(request, org, lambda: issue_gift_letter(gift=found, actor=request.user))


@staff(OFFICER)
@require_POST
def send_resign(request: StaffRequest, org: str, member: int, version: int) -> HttpResponse:
    organisation = request.organisation
    record = get_object_for(
        organisation, Member.objects.select_related("group"), via="group__organisation", pk=member
    )
    text = get_object_for(
        organisation, DocumentVersion.objects.all(), via="document__organisation", pk=version
    )
    waiting = [
        r for r in resign_to_send(organisation, on=timezone.localdate()) if r.member.pk == member
    ]
    match = next((r for r in waiting if r.version.pk == text.pk), None)
    if match is None:
        messages.error(request, f"{record} has nothing to re-sign in this version, or was asked")
        return redirect("letters:to_send", org=org)
    return _sent(
        request,
        org,
        lambda: issue_resign_request(
            member=record,
            version=text,
            signed_label=match.signed_label,
            actor=request.user,
        ),
    )
