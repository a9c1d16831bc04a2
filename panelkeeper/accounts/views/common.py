"""Helpers every app's staff pages share (not views themselves)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from panelkeeper.accounts.permissions import OFFICER
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
