"""The installation administrators' pages for an organisation that leaves: its export,
and then its removal."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panelkeeper.accounts.permissions import installation_admin
from panelkeeper.departure.exports import downloadable, request_export
from panelkeeper.departure.forms import RemovalForm
from panelkeeper.departure.models import Export
from panelkeeper.departure.removal import (
    fresh_export,
    reasons_to_stay,
    remove_organisation,
    still_open,
    what_goes,
)
from panelkeeper.lib.downloads import ZIP, stored_download
from panelkeeper.lib.forms import bound, form_applied
from panelkeeper.lib.requests import SignedInRequest
from panelkeeper.organisations.models import Organisation


@installation_admin
@require_GET
def leaving(request: SignedInRequest, org: str) -> HttpResponse:
    """The organisation's exports, and whether it may now be removed."""
    organisation = get_object_or_404(Organisation, slug=org)
    context = {
        "organisation": organisation,
        "exports": Export.objects.filter(organisation=organisation)[:5],
        "fresh": fresh_export(organisation),
        "reasons": reasons_to_stay(organisation),
    }
    return render(request, "departure/leaving.html", context)


@installation_admin
@require_POST
def prepare_export(request: SignedInRequest, org: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=org)
    request_export(organisation=organisation, actor=request.user)
    messages.success(request, "The export is being prepared. Check this page again shortly")
    return redirect("departure:leaving", org=org)


@installation_admin
@require_GET
def export_file(request: SignedInRequest, pk: int) -> FileResponse:
    export = downloadable(pk)
    return stored_download(export.file, export.saved_as, ZIP)


@installation_admin
@require_http_methods(["GET", "POST"])
def remove(request: SignedInRequest, org: str) -> HttpResponse:
    """What will go, and the typed name that confirms it."""
    organisation = get_object_or_404(Organisation, slug=org)
    form = RemovalForm(**bound(request), organisation=organisation)
    name = organisation.name
    if form_applied(
        request, form, lambda: remove_organisation(organisation=organisation, actor=request.user)
    ):
        messages.success(request, f"{name} and everything it held have been removed")
        return redirect("organisations:installation")
    context = {
        "organisation": organisation,
        "form": form,
        "goes": what_goes(organisation),
        "open": still_open(organisation),
        "reasons": reasons_to_stay(organisation),
    }
    return render(request, "departure/remove.html", context)
