"""The organisation's details on its settings page: changing them, the logo for letters."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.permissions import OFFICER, READERS, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.forms import bound, form_applied
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.details import DETAILS, change_details, change_logo
from panelkeeper.organisations.details_forms import DetailsForm, LogoForm

FORM_PAGE = "organisations/_form_page.html"


def _back(org: str) -> dict[str, str]:
    return {
        "back_url": reverse("organisations:settings", kwargs={"org": org}),
        "back_text": "Back to settings",
    }


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def change(request: StaffRequest, org: str) -> HttpResponse:
    organisation = request.organisation
    initial = {field: getattr(organisation, field) for field in DETAILS}
    form = DetailsForm(**bound(request), initial=initial)
    if form_applied(
        request,
        form,
        lambda: change_details(organisation=organisation, actor=request.user, **form.cleaned_data),
    ):
        messages.success(request, "Details saved")
        return redirect("organisations:settings", org=org)
    return staff_page(request, FORM_PAGE, form=form, page_title="Change details", **_back(org))


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def upload_logo(request: StaffRequest, org: str) -> HttpResponse:
    form = LogoForm(**bound(request))
    if form_applied(
        request,
        form,
        lambda: change_logo(
            organisation=request.organisation, actor=request.user, upload=form.cleaned_data["logo"]
        ),
    ):
        messages.success(request, "Logo saved")
        return redirect("organisations:settings", org=org)
    return staff_page(
        request, FORM_PAGE, form=form, page_title="Logo for letters", multipart=True, **_back(org)
    )


@staff(*READERS)
@require_GET
def logo(request: StaffRequest, org: str) -> FileResponse:
    """The organisation's logo, to its own staff only (uploads are not served publicly)."""
    stored = request.organisation.logo
    if not stored:
        raise Http404("No logo.")
    return FileResponse(stored.open("rb"))
