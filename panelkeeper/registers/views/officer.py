"""Officers' and auditors' pages: the two registers, a member's register, exports, settings."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.permissions import OFFICER, READERS, get_object_for, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.downloads import pdf_download, spreadsheet_csv
from panelkeeper.lib.forms import bound, form_applied
from panelkeeper.lib.pdf import render_pdf
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.models import Member
from panelkeeper.registers.forms import SettingsForm
from panelkeeper.registers.interests import (
    members_with_reviews,
    settings_of,
    update_register_settings,
)
from panelkeeper.registers.listing import (
    filter_gifts,
    filter_interests,
    gift_lines,
    gifts_csv,
    interests_csv,
    interests_query,
)
from panelkeeper.registers.models import Gift, GiftStatus, Interest, InterestKind
from panelkeeper.registers.views import common
from panelkeeper.registers.views.register_page import member_register


def _members(request: StaffRequest) -> QuerySet[Member]:
    return Member.objects.of(request.organisation).select_related("group")


def _interests(request: StaffRequest) -> QuerySet[Interest]:
    queryset = Interest.objects.filter(organisation=request.organisation)
    return filter_interests(queryset, request.GET.dict(), today=timezone.localdate())


def _gifts(request: StaffRequest) -> QuerySet[Gift]:
    return filter_gifts(Gift.objects.filter(organisation=request.organisation), request.GET.dict())


def _listing(request: StaffRequest, template: str, **context: object) -> HttpResponse:
    """A register, with the members and the filters as chosen to filter it by."""
    return staff_page(
        request,
        template,
        members=list(_members(request)),
        filters=request.GET.dict(),
        query=request.GET.urlencode(),
        **context,
    )


@staff(*READERS)
@require_GET
def interests(request: StaffRequest, org: str) -> HttpResponse:
    """The register of interests, filtered by member, kind and whether current (COI-1)."""
    today = timezone.localdate()
    reviews = members_with_reviews(request.organisation, on=today)
    return _listing(
        request,
        "registers/interests.html",
        interests=list(interests_query(_interests(request))),
        kinds=InterestKind.choices,
        overdue=[(m, s) for m, s in reviews if s.overdue],
    )


@staff(*READERS)
@require_GET
def gifts(request: StaffRequest, org: str) -> HttpResponse:
    """The register of gifts and hospitality, filtered by member and status (GIFT-3)."""
    return _listing(
        request,
        "registers/gifts.html",
        lines=gift_lines(_gifts(request)),
        statuses=GiftStatus.choices,
    )


def _pdf(request: HttpRequest, template: str, context: dict[str, Any], name: str) -> HttpResponse:
    html = render_to_string(template, {**context, "today": timezone.localdate()}, request=request)
    return pdf_download(render_pdf(html, tagged=True), name)


@staff(*READERS)
@require_GET
def interests_export(request: StaffRequest, org: str) -> HttpResponse:
    return spreadsheet_csv(interests_csv(_interests(request)), f"{org}-register-of-interests.csv")


@staff(*READERS)
@require_GET
def gifts_export(request: StaffRequest, org: str) -> HttpResponse:
    return spreadsheet_csv(gifts_csv(_gifts(request)), f"{org}-gifts-and-hospitality.csv")


@staff(*READERS)
@require_GET
def interests_pdf(request: StaffRequest, org: str) -> HttpResponse:
    """The register of interests as a PDF for the Board."""
    context = {
        "organisation": request.organisation,
        "interests": interests_query(_interests(request)),
    }
    return _pdf(
        request, "registers/pdf_interests.html", context, f"{org}-register-of-interests.pdf"
    )


@staff(*READERS)
@require_GET
def gifts_pdf(request: StaffRequest, org: str) -> HttpResponse:
    """The register of gifts and hospitality as a PDF for the Board."""
    context = {"organisation": request.organisation, "lines": gift_lines(_gifts(request))}
    return _pdf(request, "registers/pdf_gifts.html", context, f"{org}-gifts-and-hospitality.pdf")


def _member(request: StaffRequest, member: int) -> Member:
    return get_object_for(
        request.organisation, _members(request), via="group__organisation", pk=member
    )


@staff(*READERS)
@require_GET
def member(request: StaffRequest, org: str, member: int) -> HttpResponse:
    """One member's register: interests, reviews and gifts, with the officer's actions."""
    found = _member(request, member)
    context = member_register(found, today=timezone.localdate())
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
        request, common.INTEREST, _register(org, _member(request, member))
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
        request, common.CONFIRM, _register(org, _member(request, member))
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def declare_gift(request: StaffRequest, org: str, member: int) -> HttpResponse:
    """An officer declares a gift or hospitality for a member (GIFT-1)."""
    return common.gift_page(request, _register(org, _member(request, member)))


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
