"""Officers' and auditors' pages: the two registers, reviews due, a member's register,
settings."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.permissions import OFFICER, READERS, get_object_for, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.filters import page_filters
from panelkeeper.lib.forms import bound, form_applied
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.lookups import member_in
from panelkeeper.members.models import Member
from panelkeeper.registers import exports
from panelkeeper.registers.forms import SettingsForm
from panelkeeper.registers.interests import (
    members_due_for_review,
    review_states,
    settings_of,
    update_register_settings,
)
from panelkeeper.registers.list_forms import GiftFilterForm, InterestFilterForm
from panelkeeper.registers.listing import (
    gift_lines,
    gift_register,
    interest_register,
    interest_rows,
)
from panelkeeper.registers.models import Interest
from panelkeeper.registers.views import common
from panelkeeper.registers.views.register_page import member_register

PAGE_SIZE = 50


def paged(request: HttpRequest, rows: QuerySet[Any]) -> Page[Any]:
    """The page of ``rows`` the query string asks for (the first, or the last if past it)."""
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))


def _list_page(
    request: StaffRequest, template: str, form: Form, page: Page[Any], **context: object
) -> HttpResponse:
    """A page of a register with its filter ``form``; the file of the whole filtered list
    is offered for download at once when it is short, and prepared by a task when not."""
    query = request.GET.copy()
    query.pop("page", None)
    return staff_page(
        request,
        template,
        filter_form=form,
        filtered=form.is_valid() and any(form.cleaned_data.values()),
        page_obj=page,
        query=query.urlencode(),
        filter_fields=[(key, value) for key, value in query.items()],
        csv_at_once=page.paginator.count <= exports.CSV_AT_ONCE,
        pdf_at_once=page.paginator.count <= exports.PDF_AT_ONCE,
        **context,
    )


@staff(*READERS)
@require_GET
def interests(request: StaffRequest, org: str) -> HttpResponse:
    """The register of interests, a page at a time, filtered by the member's name, group,
    kind and whether current (COI-1). Who is due to review their declaration is a page of
    its own: counting them asks every member's status, which this page need not wait for."""
    organisation = request.organisation
    form, filters = page_filters(InterestFilterForm, request, organisation=organisation)
    register = interest_register(organisation, filters, today=timezone.localdate())
    page = paged(request, interest_rows(register))
    return _list_page(request, "registers/interests.html", form, page)


@staff(*READERS)
@require_GET
def gifts(request: StaffRequest, org: str) -> HttpResponse:
    """The register of gifts and hospitality, a page at a time, filtered by the member's
    name, where each has got to and the dates given (GIFT-3)."""
    form, filters = page_filters(GiftFilterForm, request, organisation=request.organisation)
    page = paged(request, gift_register(request.organisation, filters))
    return _list_page(request, "registers/gifts.html", form, page, lines=gift_lines(page, org=org))


@staff(*READERS)
@require_GET
def reviews_due(request: StaffRequest, org: str) -> HttpResponse:
    """Members whose declaration of interests is due for review today (COI-1)."""
    organisation, today = request.organisation, timezone.localdate()
    months = settings_of(organisation).review_months
    page = paged(request, members_due_for_review(organisation, months=months, on=today))
    rows = review_states(page, months=months, today=today)
    return staff_page(request, "registers/reviews_due.html", page_obj=page, rows=rows)


@staff(*READERS)
@require_GET
def member(request: StaffRequest, org: str, member: int) -> HttpResponse:
    """One member's register: interests, reviews and gifts, with the officer's actions."""
    found = member_in(request.organisation, pk=member)
    context = member_register(found, today=timezone.localdate(), org=org)
    return staff_page(request, "registers/member.html", **context)


def _register(org: str, member: Member) -> common.Register:
    """An officer's declaration page for ``member``, back to the member's register."""
    back = reverse("registers:member", kwargs={"org": org, "member": member.pk})
    return common.Register(member, back, for_self=False)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def declare_interest(request: StaffRequest, org: str, member: int) -> HttpResponse:
    """An officer declares an interest for a member (COI-1)."""
    return common.declaration_page(
        request, common.INTEREST, _register(org, member_in(request.organisation, pk=member))
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def close_interest(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    interest = get_object_for(
        request.organisation, Interest.objects.select_related("member__group"), pk=pk
    )
    return common.close_page(request, interest, _register(org, interest.member))


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def confirm(request: StaffRequest, org: str, member: int) -> HttpResponse:
    """An officer records a member's confirmation or nil declaration (COI-1)."""
    return common.declaration_page(
        request, common.CONFIRM, _register(org, member_in(request.organisation, pk=member))
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def declare_gift(request: StaffRequest, org: str, member: int) -> HttpResponse:
    """An officer declares a gift or hospitality for a member (GIFT-1)."""
    return common.gift_page(request, _register(org, member_in(request.organisation, pk=member)))


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def register_settings(request: StaffRequest, org: str) -> HttpResponse:
    """The review period of declarations and whether the registers are published."""
    organisation = request.organisation
    current = settings_of(organisation)
    initial = {"review_months": current.review_months, "published": current.published}
    form = SettingsForm(**bound(request), initial=initial)
    if form_applied(
        request,
        form,
        lambda: update_register_settings(
            organisation=organisation, actor=request.user, **form.cleaned_data
        ),
    ):
        messages.success(request, "Register settings saved")
        return redirect("registers:interests", org=org)
    return staff_page(request, "registers/settings.html", form=form)
