"""Helpers the members pages of several audiences share (not views themselves)."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from panelkeeper.lib.forms import form_result
from panelkeeper.lib.requests import SignedInRequest
from panelkeeper.members.models import Member


def records_page(request: SignedInRequest, *, one: str, template: str) -> HttpResponse:
    """The member records the signed-in person may open (their own, and those they act
    for as advocate) on ``template``; straight to the page ``one`` of a record when there
    is only one."""
    records = list(Member.objects.for_person(request.user).select_related("group__organisation"))
    if len(records) == 1:
        return redirect(one, member=records[0].pk)
    return render(request, template, {"records": records})


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
