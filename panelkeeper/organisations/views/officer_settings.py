"""The organisation's settings page: the bank holiday region its working days count in."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.permissions import OFFICER, READERS, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.forms import bound
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.forms import OrganisationSettingsForm
from panelkeeper.organisations.organisation_settings import change_region


@staff(*READERS)
@require_GET
def settings_page(request: StaffRequest, org: str) -> HttpResponse:
    """The region in plain words and how many closure days are recorded; officers may change."""
    closure_days = request.organisation.closure_days.count()
    return staff_page(request, "organisations/settings.html", closure_days=closure_days)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def change_settings(request: StaffRequest, org: str) -> HttpResponse:
    organisation = request.organisation
    form = OrganisationSettingsForm(**bound(request), initial={"region": organisation.region})
    if request.method == "POST" and form.is_valid():
        changed = change_region(
            organisation=organisation, region=form.cleaned_data["region"], actor=request.user
        )
        messages.success(request, f"Bank holidays set to those of {changed.get_region_display()}")
        return redirect("organisations:settings", org=org)
    return staff_page(request, "organisations/change_settings.html", form=form)
