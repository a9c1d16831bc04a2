"""Officers' pages for the concerns their organisation received (BR-1, BR-2).

Officers only: concerns carry reporters' names and contact details, which read-only
auditors have no need to see. Another organisation's concern answers 404.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panelkeeper.accounts.permissions import OFFICER, get_object_for, staff
from panelkeeper.cases.citing import citable_clauses
from panelkeeper.concerns.follow_up import case_state_of, status_for_reporter
from panelkeeper.concerns.forms import (
    CloseForm,
    ConcernFilterForm,
    ContactForm,
    MessageForm,
    TriageForm,
)
from panelkeeper.concerns.handling import close_concern, record_contact, reply_to_concern
from panelkeeper.concerns.listing import PAGE_SIZE, concerns_chosen
from panelkeeper.concerns.models import Concern, Message
from panelkeeper.concerns.posters import qr_code
from panelkeeper.concerns.routing import raising_for
from panelkeeper.concerns.triage import triage_concern
from panelkeeper.lib.confidential import confidential
from panelkeeper.lib.filters import page_filters
from panelkeeper.lib.forms import bound, form_applied
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation, PolicyVersion


@staff(OFFICER)
@require_GET
def concern_list(request: StaffRequest, org: str) -> HttpResponse:
    """The concerns received, newest first, 50 to a page, filtered by status and the days
    they were received."""
    organisation = request.organisation
    filters, chosen = page_filters(ConcernFilterForm, request)
    concerns = concerns_chosen(organisation, chosen).select_related("case")
    context = {
        "organisation": organisation,
        "filters": filters,
        "filtered": any(chosen.values()),
        "page_obj": Paginator(concerns, PAGE_SIZE).get_page(request.GET.get("page")),
    }
    return render(request, "concerns/list.html", context)


@staff(OFFICER)
@require_GET
def poster(request: StaffRequest, org: str) -> HttpResponse:
    """A poster to print: the public form's address and a QR code that opens it (BR-1)."""
    organisation = request.organisation
    address = organisation.concern_form_address()
    context = {
        "organisation": organisation,
        "address": address,
        "qr_code": qr_code(address),
        "raising": raising_for(organisation, on=timezone.localdate()),
    }
    return render(request, "concerns/poster.html", context)


def _concern(request: StaffRequest, pk: int) -> Concern:
    return get_object_for(
        request.organisation,
        Concern.objects.select_related("organisation", "case", "handled_by"),
        pk=pk,
    )


def _detail(
    request: StaffRequest, concern: Concern, form: MessageForm | ContactForm | None, status: int
) -> HttpResponse:
    if form is None:
        form = MessageForm() if concern.anonymous else ContactForm()
    context = {
        "organisation": request.organisation,
        "concern": concern,
        "conversation": list(concern.messages.select_related("officer")),
        "reporter_status": status_for_reporter(concern, case_state_of(concern)),
        "form": form,
        "can_act": concern.status == Concern.Status.RECEIVED,
        "can_write": concern.status != Concern.Status.CLOSED,
    }
    return render(request, "concerns/detail.html", context, status=status)


@staff(OFFICER)
@require_GET
@confidential("concern", "pk")
def concern_detail(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    return _detail(request, _concern(request, pk), None, 200)


@staff(OFFICER)
@require_POST
def reply(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Reply to an anonymous reporter, or record a contact made with a named one."""
    concern = _concern(request, pk)
    today = timezone.localdate()
    form: MessageForm | ContactForm
    write: Callable[..., Message]  # called with its form's fields, which differ
    if concern.anonymous:
        form = MessageForm(request.POST)
        write = reply_to_concern
        done = "Message sent. They will see it when they follow up with their code."
    else:
        form = ContactForm(request.POST)
        write = record_contact
        done = "Contact recorded"
    if form_applied(
        request,
        form,
        lambda: write(concern=concern, officer=request.user, today=today, **form.cleaned_data),
    ):
        messages.success(request, done)
        return redirect("concerns:detail", org=org, pk=pk)
    return _detail(request, concern, form, 200)


def _clause_choices(organisation: Organisation, on: dt.date) -> list[tuple[str, str]]:
    version = PolicyVersion.objects.in_force(organisation, on=on)
    return citable_clauses(organisation, version, on=on) if version is not None else []


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def triage(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Turn the concern into a breach case about a chosen member."""
    organisation = request.organisation
    concern = _concern(request, pk)
    today = timezone.localdate()
    received_on = timezone.localdate(concern.received_at)
    form = TriageForm(
        **bound(request),
        members=Member.objects.of(organisation).order_by("full_name"),
        clause_choices=_clause_choices(organisation, received_on),
        today=today,
        initial={
            "effective": received_on,
            "description": concern.what_happened,
            "setting": concern.setting,
        },
    )
    if form_applied(
        request,
        form,
        lambda: triage_concern(
            concern=concern,
            officer=request.user,
            member=form.cleaned_data["member"],
            effective=form.cleaned_data["effective"],
            description=form.cleaned_data["description"],
            setting=form.cleaned_data["setting"],
            clauses=form.cleaned_data.get("clauses", []),
            today=today,
        ),
    ):
        messages.success(request, "Breach case opened")
        return redirect("concerns:detail", org=org, pk=pk)
    context = {"organisation": organisation, "concern": concern, "form": form}
    return render(request, "concerns/triage.html", context)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def close(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Close the concern without a case; the reporter reads the reason."""
    concern = _concern(request, pk)
    form = CloseForm(**bound(request))
    today = timezone.localdate()
    if form_applied(
        request,
        form,
        lambda: close_concern(
            concern=concern, officer=request.user, today=today, **form.cleaned_data
        ),
    ):
        messages.success(request, "Concern closed")
        return redirect("concerns:detail", org=org, pk=pk)
    context = {"organisation": request.organisation, "concern": concern, "form": form}
    return render(request, "concerns/close.html", context)
