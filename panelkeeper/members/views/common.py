"""Helpers the members pages of several audiences share (not views themselves)."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.http import HttpRequest

from panelkeeper.lib.forms import form_applied
from panelkeeper.lib.refusals import Refused


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
