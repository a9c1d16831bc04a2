"""The published registers: a public page, only when the organisation chose to publish.

Shows members' names, the kinds and descriptions of their interests, and gifts with the
kind of giver: never a contact detail, never the giver's name (a third party). One
register at a time, a page at a time.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from panelkeeper.accounts.permissions import public
from panelkeeper.organisations.models import Organisation
from panelkeeper.registers.published import (
    public_gift,
    public_gifts,
    public_interest,
    public_interests,
    published,
)
from panelkeeper.registers.views.officer import PAGE_SIZE


@public
@require_GET
def public_page(request: HttpRequest, org: str) -> HttpResponse:
    """Current interests, or with ``register=gifts`` the gifts and hospitality."""
    organisation = get_object_or_404(Organisation, slug=org)
    if not published(organisation):
        raise Http404("These registers are not published.")
    gifts = request.GET.get("register") == "gifts"
    number = request.GET.get("page")
    page: Page[Any]
    if gifts:
        page = Paginator(public_gifts(organisation), PAGE_SIZE).get_page(number)
        rows: list[Any] = [public_gift(g) for g in page]
    else:
        current = public_interests(organisation, today=timezone.localdate())
        page = Paginator(current, PAGE_SIZE).get_page(number)
        rows = [public_interest(i) for i in page]
    context = {"organisation": organisation, "gifts": gifts, "page_obj": page, "rows": rows}
    return render(request, "registers/public.html", context)
