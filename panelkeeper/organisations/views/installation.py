"""The installation administrators' pages: every organisation, and starting a new one."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.permissions import installation_admin
from panelkeeper.lib.forms import bound, form_result
from panelkeeper.lib.requests import SignedInRequest
from panelkeeper.organisations.founding import found_organisation
from panelkeeper.organisations.installation_forms import FoundingForm
from panelkeeper.organisations.models import Organisation

PAGE_SIZE = 50


@installation_admin
@require_GET
def organisation_index(request: SignedInRequest) -> HttpResponse:
    page = Paginator(Organisation.objects.order_by("name"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "organisations/installation.html", {"page_obj": page})


@installation_admin
@require_http_methods(["GET", "POST"])
def found(request: SignedInRequest) -> HttpResponse:
    form = FoundingForm(**bound(request), initial={"region": Organisation.Region.ENGLAND})
    founded = form_result(
        request,
        form,
        lambda: found_organisation(**form.cleaned_data, actor=request.user),
        renamed={"email": "officer_email"},
    )
    if founded is not None:
        invited = founded.officer_invitation.invitation.email
        messages.success(
            request, f"{founded.organisation.name} created. Invitation sent to {invited}"
        )
        return redirect("organisations:installation")
    context = {
        "form": form,
        "page_title": "Start an organisation",
        "submit": "Create and send the invitation",
        "back_url": reverse("organisations:installation"),
        "back_text": "Back to organisations",
    }
    return render(request, "organisations/found.html", context)
