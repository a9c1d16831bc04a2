"""Helpers every app's staff pages share: the page that sends an invitation, and the
buttons on a pending invitation that the staff, member and role holder pages all offer."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from panelkeeper.accounts.invitations import RESENT, SENT, WITHDRAWN, Sent, resend, withdraw
from panelkeeper.accounts.models import Invitation
from panelkeeper.accounts.permissions import OFFICER, staff
from panelkeeper.lib.forms import button_change, form_result
from panelkeeper.lib.requests import StaffRequest


def staff_page(request: StaffRequest, template: str, **context: object) -> HttpResponse:
    """``template`` with ``context``, the organisation and whether the user is an officer
    there (the pages offer officers their changes), for any app's staff page."""
    context = {
        "organisation": request.organisation,
        "is_officer": OFFICER in request.roles,
        **context,
    }
    return render(request, template, context)


def invitation_page(
    request: StaffRequest,
    form: forms.Form,
    send: Callable[[], Sent],
    *,
    sent_to: str,
    template: str,
    show_rule: bool = False,
    **context: object,
) -> HttpResponse:
    """The page that invites someone: ``form`` on ``template`` with ``context`` until
    ``send`` (a domain function call) has sent the invitation, then to ``sent_to`` saying
    to whom it went; with ``show_rule``, a refusal also names the rule it applies."""
    sent = form_result(request, form, send, show_rule=show_rule)
    if sent is not None:
        messages.success(request, SENT.format(email=sent.invitation.email))
        return redirect(sent_to)
    return staff_page(request, template, form=form, **context)


def invitation_button(
    request: StaffRequest,
    invitation: Invitation,
    change: Callable[..., object],
    *,
    done: str,
    back: str,
) -> HttpResponse:
    """Apply ``change`` (resend, withdraw) to ``invitation`` from a button on a staff page,
    saying ``done`` (``{email}`` names the address) or the refusal, and go ``back``."""
    button_change(
        request,
        lambda: change(invitation=invitation, actor=request.user),
        done=done.format(email=invitation.email),
    )
    return redirect(back)


type FindInvitation = Callable[[StaffRequest, int], tuple[Invitation, str]]
"""The organisation's invitation ``pk`` on one page (404 for any other), and that page."""


def invitation_buttons(
    find: FindInvitation,
) -> tuple[Callable[..., HttpResponse], Callable[..., HttpResponse]]:
    """An officer's two buttons on a pending invitation ``find`` finds: send it again with
    a new link, and withdraw it. Each is a POST-only view that says what it did (or the
    refusal) and goes back to the page the invitation is on."""

    def button(change: Callable[..., object], done: str) -> Callable[..., HttpResponse]:
        @staff(OFFICER)
        @require_POST
        def view(request: StaffRequest, org: str, pk: int) -> HttpResponse:
            invitation, back = find(request, pk)
            return invitation_button(request, invitation, change, done=done, back=back)

        return view

    return button(resend, RESENT), button(withdraw, WITHDRAWN)
