"""Helpers every app's staff pages share (not views themselves)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpResponse
from django.shortcuts import redirect, render

from panelkeeper.accounts.models import Invitation
from panelkeeper.accounts.permissions import OFFICER
from panelkeeper.lib.forms import button_change
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
