"""Helpers the members pages of several audiences share (not views themselves)."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from panelkeeper.lib.forms import form_result
from panelkeeper.lib.requests import MemberRequest, SignedInRequest
from panelkeeper.members.models import Member


def records_page(request: SignedInRequest, *, one: str, template: str) -> HttpResponse:
    """The member records the signed-in person may open (their own, and those they act
    for as advocate) on ``template``; straight to the page ``one`` of a record when there
    is only one."""
    records = list(Member.objects.for_person(request.user).select_related("group__organisation"))
    if len(records) == 1:
        return redirect(one, member=records[0].pk)
    return render(request, template, {"records": records})


def member_page(request: MemberRequest, template: str, **context: object) -> HttpResponse:
    """``template`` with ``context``, the record the portal page is about, its organisation
    and whether the signed-in person acts for it as advocate (the pages then say so), for
    any page of the member portal."""
    record = request.member
    context = {
        "member": record,
        "organisation": record.group.organisation,
        "acting_for": record.user_id != request.user.pk,
        **context,
    }
    return render(request, template, context)


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
