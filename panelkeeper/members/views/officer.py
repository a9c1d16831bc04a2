"""Officers' pages for members: the list, adding and editing, status, the member page."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.permissions import OFFICER, READERS, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.confidential import confidential
from panelkeeper.lib.filters import page_filters
from panelkeeper.lib.forms import bound, form_applied, form_result
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.eligibility import eligibility
from panelkeeper.members.forms import MemberForm, OnDateForm, SearchForm, StatusForm
from panelkeeper.members.invitations import invitations_of
from panelkeeper.members.listing import PAGE_SIZE, members_chosen
from panelkeeper.members.lookups import member_in
from panelkeeper.members.models import Member, SignInState
from panelkeeper.members.records import add_member, change_member_status, update_member
from panelkeeper.members.status import status_records
from panelkeeper.members.views.common import added_to
from panelkeeper.rules.dates import day_month_year


def member_for(request: StaffRequest, pk: int) -> Member:
    """The member ``pk`` of the request's organisation, or 404."""
    return member_in(request.organisation, pk=pk)


def member_form_page[T](
    request: StaffRequest,
    member: Member,
    form: forms.Form,
    add: Callable[..., T],
    *,
    template: str,
    done: Callable[[T], str],
) -> HttpResponse:
    """An officer's page adding a record to ``member`` with ``form`` (see :func:`added_to`):
    once ``add`` has applied it, back to the member page saying ``done(record)``; until
    then ``template`` with the form."""
    added = added_to(request, form, member, add)
    if added is not None:
        messages.success(request, done(added))
        return redirect("members:detail", org=request.organisation.slug, pk=member.pk)
    context = {"organisation": request.organisation, "member": member, "form": form}
    return render(request, template, context)


@staff(*READERS)
@require_GET
def member_list(request: StaffRequest, org: str) -> HttpResponse:
    """Every member of the organisation, 25 to a page, searchable by name and filtered by
    whether they can sign in, have been invited to, or neither."""
    organisation = request.organisation
    search, chosen = page_filters(SearchForm, request)
    now = timezone.now()
    members = (
        members_chosen(organisation, chosen, now=now)
        .with_status(on=timezone.localdate())
        .select_related("group")
    )
    page = Paginator(members, PAGE_SIZE).get_page(request.GET.get("page"))
    return staff_page(
        request,
        "members/list.html",
        search=search,
        query=chosen.get("q", "").strip(),
        sign_in=chosen.get("sign_in", ""),
        sign_in_choices=SignInState.choices,
        page_obj=page,
        now=now,
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def add(request: StaffRequest, org: str) -> HttpResponse:
    organisation = request.organisation
    form = MemberForm(**bound(request), organisation=organisation)
    member = form_result(
        request,
        form,
        lambda: add_member(
            group=form.cleaned_data["group"], actor=request.user, **form.fields_for_domain()
        ),
    )
    if member is not None:
        messages.success(request, f"{member.full_name} added")
        return redirect("members:detail", org=org, pk=member.pk)
    context = {"organisation": organisation, "form": form, "member": None}
    return render(request, "members/member_form.html", context)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def edit(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    organisation = request.organisation
    member = member_for(request, pk)
    initial = {
        name: getattr(member, name)
        for name in MemberForm.base_fields
        if name not in ("user_email", "advocate_email")
    }
    initial["user_email"] = member.user.email if member.user else ""
    initial["advocate_email"] = member.advocate.email if member.advocate else ""
    form = MemberForm(**bound(request), initial=initial, organisation=organisation)
    form.fields["group"].disabled = True
    if form_applied(
        request,
        form,
        lambda: update_member(member=member, actor=request.user, **form.fields_for_domain()),
    ):
        messages.success(request, f"{member.full_name}'s record saved")
        return redirect("members:detail", org=org, pk=member.pk)
    context = {"organisation": organisation, "form": form, "member": member}
    return render(request, "members/member_form.html", context)


@staff(*READERS)
@require_GET
@confidential("member", "pk")
def detail(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """The member's record, status history and eligibility checklist for today, or for
    the date in ``?on_day=&on_month=&on_year=``."""
    member = Member.objects.invitation_of(member_for(request, pk))
    today = timezone.localdate()
    on_form = OnDateForm(request.GET or None)
    on = (on_form.cleaned_data["on"] if on_form.is_valid() else None) or today
    return staff_page(
        request,
        "members/detail.html",
        member=member,
        on_form=on_form,
        eligibility=eligibility(member, on=on),
        history=status_records(member),
        signatures=member.signatures.select_related("version__document", "entered_by")
        .prefetch_related("countersignatures")
        .order_by("-signed_on", "-recorded_at"),
        appraisals=member.appraisals.all(),
        expenses=member.expenses.all(),
        today=today,
        now=timezone.now(),
        invitations=invitations_of(member),
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def change_status(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    member = member_for(request, pk)
    return member_form_page(
        request,
        member,
        StatusForm(**bound(request)),
        change_member_status,
        template="members/status_form.html",
        done=lambda entry: (
            f"{member.full_name} is {entry.get_status_display().lower()} "
            f"from {day_month_year(entry.effective_from)}"
        ),
    )
