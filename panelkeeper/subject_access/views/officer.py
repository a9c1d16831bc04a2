"""Officers' pages for subject access requests: the list, logging one, its clock, its
pack (built in one step, read, then released) and the data protection lead.

Officers and auditors read requests; only officers change them. The pack holds
everything about a person, concerns included, so only officers open it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panelkeeper.accounts.permissions import OFFICER, READERS, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.forms import bound, button_change, form_applied, form_result
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.subject_access import requests as sar
from panelkeeper.subject_access.due import open_requests
from panelkeeper.subject_access.forms import (
    ExtendForm,
    LeadForm,
    PauseForm,
    ReleaseForm,
    RequestForm,
    ResumeForm,
)
from panelkeeper.subject_access.lead import choose_lead, lead_of
from panelkeeper.subject_access.lookups import pack_in, request_in
from panelkeeper.subject_access.models import PauseReason, Requester, SubjectAccessRequest
from panelkeeper.subject_access.packs import build_pack, release_pack
from panelkeeper.subject_access.views.common import pack_json, pack_page, pack_pdf

PAGE_SIZE = 50


@staff(*READERS)
@require_GET
def request_list(request: StaffRequest, org: str) -> HttpResponse:
    today = timezone.localdate()
    answered = (
        SubjectAccessRequest.objects.filter(
            organisation=request.organisation, pack__released_on__isnull=False
        )
        .select_related("member", "pack")
        .order_by("-pack__released_on", "-id")
    )
    page = Paginator(answered, PAGE_SIZE).get_page(request.GET.get("page"))
    return staff_page(
        request,
        "subject_access/list.html",
        open=open_requests(request.organisation, today=today)[:PAGE_SIZE],
        page_obj=page,
        lead=lead_of(request.organisation),
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def request_new(request: StaffRequest, org: str) -> HttpResponse:
    form = RequestForm(**bound(request), organisation=request.organisation)
    made = form_result(
        request,
        form,
        lambda: sar.log_request(
            organisation=request.organisation,
            requester=Requester(form.cleaned_data["requester"]),
            member=form.cleaned_data["member"],
            name=form.cleaned_data["name"],
            contact=form.cleaned_data["contact"],
            received_on=form.cleaned_data["received_on"],
            details=form.cleaned_data["details"],
            actor=request.user,
            today=timezone.localdate(),
        ),
    )
    if made is not None:
        messages.success(request, f"Request {made.reference} logged")
        return redirect("subject_access:detail", org=org, pk=made.pk)
    return staff_page(request, "subject_access/new.html", form=form)


def _detail(
    request: StaffRequest, found: SubjectAccessRequest, **shown: forms.Form
) -> HttpResponse:
    today = timezone.localdate()
    context: dict[str, object] = {
        "pause_form": PauseForm(),
        "resume_form": ResumeForm(),
        "extend_form": ExtendForm(),
        "release_form": ReleaseForm(),
        **shown,
        "form": next(iter(shown.values()), None),  # the one with errors, for the summary
    }
    pack = getattr(found, "pack", None)
    return staff_page(
        request,
        "subject_access/detail.html",
        sar=found,
        clock=sar.clock_of(found, today=today),
        pauses=list(found.pauses.all()),
        pack=pack,
        **context,
    )


@staff(*READERS)
@require_GET
def request_detail(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    return _detail(request, request_in(request.organisation, pk=pk))


type Change = Callable[[SubjectAccessRequest, dict[str, Any]], object]


def _apply(
    request: StaffRequest, pk: int, form: forms.Form, shown_as: str, change: Change, done: str
) -> HttpResponse:
    """Apply ``change`` to the request with the posted ``form``'s data and go back to the
    request saying ``done``; or show the request again with the form's errors."""
    found = request_in(request.organisation, pk=pk)
    if form_applied(request, form, lambda: change(found, form.cleaned_data)):
        messages.success(request, done)
        return redirect("subject_access:detail", org=request.organisation.slug, pk=pk)
    return _detail(request, found, **{shown_as: form})


@staff(OFFICER)
@require_POST
def pause(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    def change(found: SubjectAccessRequest, data: dict[str, Any]) -> object:
        return sar.pause(
            request=found,
            reason=PauseReason(data["reason"]),
            paused_on=data["paused_on"],
            note=data["note"],
            actor=request.user,
            today=timezone.localdate(),
        )

    return _apply(request, pk, PauseForm(request.POST), "pause_form", change, "Clock paused")


@staff(OFFICER)
@require_POST
def resume(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    def change(found: SubjectAccessRequest, data: dict[str, Any]) -> object:
        return sar.resume(
            request=found,
            resumed_on=data["resumed_on"],
            actor=request.user,
            today=timezone.localdate(),
        )

    return _apply(request, pk, ResumeForm(request.POST), "resume_form", change, "Clock restarted")


@staff(OFFICER)
@require_POST
def extend(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    def change(found: SubjectAccessRequest, data: dict[str, Any]) -> object:
        months, reason = int(data["months"]), data["reason"]
        return sar.extend(request=found, months=months, reason=reason, actor=request.user)

    form = ExtendForm(request.POST)
    return _apply(request, pk, form, "extend_form", change, "Time to answer extended")


@staff(OFFICER)
@require_POST
def build(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    found = request_in(request.organisation, pk=pk)
    button_change(request, lambda: build_pack(request=found, actor=request.user), done="Pack built")
    return redirect("subject_access:detail", org=org, pk=pk)


@staff(OFFICER)
@require_POST
def release(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    pack = pack_in(request.organisation, request_id=pk)

    def change(found: SubjectAccessRequest, data: dict[str, Any]) -> object:
        return release_pack(
            pack=pack,
            reviewed=data["reviewed"],
            released_on=data["released_on"],
            actor=request.user,
            today=timezone.localdate(),
        )

    form = ReleaseForm(request.POST)
    return _apply(request, pk, form, "release_form", change, "Release recorded")


@staff(OFFICER)
@require_GET
def pack_view(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    kwargs = {"org": org, "pk": pk}
    return pack_page(
        request,
        pack_in(request.organisation, request_id=pk),
        back=reverse("subject_access:detail", kwargs=kwargs),
        pdf=reverse("subject_access:pack_pdf", kwargs=kwargs),
    )


@staff(OFFICER)
@require_GET
def pack_download(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    return pack_pdf(pack_in(request.organisation, request_id=pk))


@staff(OFFICER)
@require_GET
def pack_data(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    return pack_json(pack_in(request.organisation, request_id=pk))


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def lead(request: StaffRequest, org: str) -> HttpResponse:
    current = lead_of(request.organisation)
    form = LeadForm(**bound(request), organisation=request.organisation, initial={"user": current})
    if form_applied(
        request,
        form,
        lambda: choose_lead(
            organisation=request.organisation,
            user=form.cleaned_data["user"],
            actor=request.user,
            today=timezone.localdate(),
        ),
    ):
        messages.success(request, "Data protection lead saved")
        return redirect("subject_access:list", org=org)
    return staff_page(request, "subject_access/lead.html", form=form, lead=current)
