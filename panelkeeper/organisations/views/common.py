"""Helpers the organisation's staff pages share (not views themselves).

The registers' pages use :func:`staff_page` too; it would serve every app's staff pages
from beside the access decorators.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.access import OFFICER


def staff_page(request: StaffRequest, template: str, **context: object) -> HttpResponse:
    """``template`` with ``context``, the organisation and whether the user is an officer
    there (the pages offer officers their changes), for any app's staff page."""
    context = {
        "organisation": request.organisation,
        "is_officer": OFFICER in request.roles,
        **context,
    }
    return render(request, template, context)
