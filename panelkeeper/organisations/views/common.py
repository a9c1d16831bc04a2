"""Helpers the organisation's staff pages share (not views themselves).

The registers' pages use them too. Both would serve every app's staff pages:
:func:`staff_page` beside the access decorators, :func:`form_result` beside
``form_applied`` in :mod:`panelkeeper.lib.forms`.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from panelkeeper.lib.forms import form_applied
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


def form_result[T](request: HttpRequest, form: forms.Form, change: Callable[[], T]) -> T | None:
    """:func:`~panelkeeper.lib.forms.form_applied` for a change whose result the page goes
    on to use (the record it made): that result, or None when the form was not applied.
    ``change`` must not itself return None."""
    results: list[T] = []
    if form_applied(request, form, lambda: results.append(change())):
        return results[0]
    return None
