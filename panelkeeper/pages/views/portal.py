"""A member's home: where a member, or the advocate who acts for them, lands after
signing in. It says whether they can take part and what to do next, and leads to every
page of theirs."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from panelkeeper.accounts.permissions import member_self
from panelkeeper.lib.requests import MemberRequest
from panelkeeper.pages.home import member_home


@member_self
@require_GET
def home(request: MemberRequest, member: int) -> HttpResponse:
    record = request.member
    context = {
        "home": member_home(record, today=timezone.localdate()),
        "member": record,
        "organisation": record.group.organisation,
        "acting_for": record.user_id != request.user.pk,
    }
    return render(request, "pages/home.html", context)
