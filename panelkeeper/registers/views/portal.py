"""A member's own registers: what they have declared, and the forms to declare more.

Open to the member and to their advocate (the ``member_self`` policy); anyone else,
staff included, gets 404 here (officers use the organisation's pages).
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.permissions import member_self, signed_in
from panelkeeper.lib.requests import MemberRequest, SignedInRequest
from panelkeeper.members.views.common import records_page
from panelkeeper.registers.models import Interest
from panelkeeper.registers.views import common
from panelkeeper.registers.views.register_page import member_register


def _register(request: MemberRequest) -> common.Register:
    """The member's own declaration page, back to their register."""
    back = reverse("registers:mine", kwargs={"member": request.member.pk})
    return common.Register(request.member, back, for_self=True)


@signed_in
@require_GET
def my_registers(request: SignedInRequest) -> HttpResponse:
    """The member records the signed-in person may open; straight to the one if only one."""
    return records_page(request, one="registers:mine", template="registers/my_registers.html")


@member_self
@require_GET
def mine(request: MemberRequest, member: int) -> HttpResponse:
    """A member's own register of interests and gifts (COI-1, GIFT-1)."""
    found = request.member
    context = member_register(found, today=timezone.localdate())
    context["organisation"] = found.group.organisation
    return render(request, "registers/mine.html", context)


@member_self
@require_http_methods(["GET", "POST"])
def my_interest(request: MemberRequest, member: int) -> HttpResponse:
    return common.declaration_page(request, common.INTEREST, _register(request))


@member_self
@require_http_methods(["GET", "POST"])
def my_close(request: MemberRequest, member: int, pk: int) -> HttpResponse:
    interest = get_object_or_404(Interest.objects.filter(member=request.member), pk=pk)
    return common.close_page(request, interest, _register(request))


@member_self
@require_http_methods(["GET", "POST"])
def my_confirm(request: MemberRequest, member: int) -> HttpResponse:
    return common.declaration_page(request, common.CONFIRM, _register(request))


@member_self
@require_http_methods(["GET", "POST"])
def my_gift(request: MemberRequest, member: int) -> HttpResponse:
    return common.gift_page(request, _register(request))
