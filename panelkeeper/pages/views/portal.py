"""A member's home: where a member, or the advocate who acts for them, lands after
signing in. It says whether they can take part and what to do next, and leads to every
page of theirs."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from panelkeeper.accounts.permissions import member_self
from panelkeeper.lib.requests import MemberRequest
from panelkeeper.members.views.common import member_page
from panelkeeper.pages.home import member_home


@member_self
@require_GET
def home(request: MemberRequest, member: int) -> HttpResponse:
    home = member_home(request.member, today=timezone.localdate())
    return member_page(request, "pages/home.html", home=home)
