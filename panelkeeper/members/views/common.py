"""Helpers the members pages of several audiences share (not views themselves)."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.http import HttpRequest
from django.utils import timezone

from panelkeeper.lib.forms import form_applied
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import SignedInRequest
from panelkeeper.members.models import Member


def form_result[T](request: HttpRequest, form: forms.Form, change: Callable[[], T]) -> T | None:
    """What ``change`` returned, when :func:`~panelkeeper.lib.forms.form_applied` applied it.

    ``None`` when the form was not POSTed, not valid, or refused (the refusal is then on
    the form). For a view whose success message or redirect needs the record the domain
    function made::

        expense = form_result(request, form, lambda: submit_expense(member=m, ...))
        if expense is not None:
            messages.success(request, f"{expense} submitted")
            return redirect(...)
    """
    results: list[T] = []
    if form_applied(request, form, lambda: results.append(change())):
        return results[0]
    return None


def added_to[T](
    request: SignedInRequest, form: forms.Form, member: Member, add: Callable[..., T]
) -> T | None:
    """:func:`form_result` for a domain function that adds a record to ``member`` from the
    form's fields, by the signed-in user, today: change_member_status, record_appraisal,
    submit_expense, record_paper_signature."""
    return form_result(
        request,
        form,
        lambda: add(
            member=member, actor=request.user, today=timezone.localdate(), **form.cleaned_data
        ),
    )


def change_or_message[T](request: HttpRequest, change: Callable[[], T]) -> T | None:
    """What ``change`` (a domain function call) returned, or ``None`` when it was refused.

    For a button that POSTs no form of its own and goes back to the page it is on: the
    refusal is shown as an error message on that page instead.
    """
    try:
        return change()
    except Refused as refused:
        messages.error(request, refused.message)
        return None
