"""API operations for an organisation that leaves the installation: exporting
everything it holds, downloading the export, and removing the organisation.

Mounted at ``/api/v1/installation`` with the installation administrators' other
operations: only an installation administrator signed in by session may call them;
anyone else gets 403, and an organisation or export that does not exist 404.
"""

from __future__ import annotations

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Router, Status

from panelkeeper.accounts.permissions import api_installation_admins
from panelkeeper.departure.api.schemas import OrganisationExportOut, RemovalIn
from panelkeeper.departure.exports import downloadable, request_export
from panelkeeper.departure.forms import RemovalForm
from panelkeeper.departure.models import Export
from panelkeeper.departure.removal import remove_organisation
from panelkeeper.lib.api import out_of, read_body
from panelkeeper.lib.downloads import ZIP, stored_download
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import SignedInRequest
from panelkeeper.organisations.models import Organisation

router = Router(tags=["installation"])


def _out(export: Export) -> OrganisationExportOut:
    ready = export.ready_at is not None
    return out_of(
        OrganisationExportOut,
        export,
        organisation=export.organisation_name,
        requested_by=str(export.requested_by),
        ready=ready,
        download=reverse("api:download_export", kwargs={"export_id": export.pk}) if ready else None,
    )


@api_installation_admins.post(
    router, "/organisations/{org}/exports", OrganisationExportOut, status=201
)
def create_export(request: SignedInRequest, org: str) -> Status[OrganisationExportOut]:
    """Ask for an export of everything the organisation holds.

    A task builds it; ask for the export until ``ready`` is true, then download it. It is
    deleted a week after it was asked for."""
    organisation = get_object_or_404(Organisation, slug=org)
    return Status(201, _out(request_export(organisation=organisation, actor=request.user)))


@api_installation_admins.get(router, "/exports/{export_id}", OrganisationExportOut)
def get_export(request: SignedInRequest, export_id: int) -> OrganisationExportOut:
    """An export: whether it is ready, and where to download it."""
    return _out(get_object_or_404(Export.objects.select_related("requested_by"), pk=export_id))


@api_installation_admins.get(router, "/exports/{export_id}/file", None, url_name="download_export")
def download_export(request: SignedInRequest, export_id: int) -> FileResponse:
    """The export's ZIP file, once ready: every record as JSON and CSV, and the files."""
    export = downloadable(export_id)
    return stored_download(export.file, export.saved_as, ZIP)


@api_installation_admins.post(
    router, "/organisations/{org}/removal", None, status=204, body=RemovalIn
)
def remove(request: SignedInRequest, org: str) -> Status[None]:
    """Remove the organisation and everything it holds, with its name typed to confirm.

    Refused while a legal hold is in force, and until an export has been made since the
    organisation's last change."""
    organisation = get_object_or_404(Organisation, slug=org)
    data = read_body(request, RemovalIn)
    form = RemovalForm(data=data.model_dump(), organisation=organisation)
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        raise Refused(str(errors[0]), field=field)
    remove_organisation(organisation=organisation, actor=request.user)
    return Status(204, None)
