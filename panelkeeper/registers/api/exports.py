"""The registers' files through the API: ask for one (202, built by a task), read where it
has got to, and download it once ready. Every file goes through the task here, whatever
its length; the organisation's staff who may read the registers may read any of them."""

from django.http import FileResponse
from django.urls import reverse
from django.utils import timezone
from ninja import Router, Status

from panelkeeper.accounts.permissions import api_readers, get_object_for
from panelkeeper.lib.api import out_of, read_body
from panelkeeper.lib.filters import query_data
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.registers.api.schemas import (
    ExportFormat,
    ExportOut,
    GiftExportIn,
    InterestExportIn,
)
from panelkeeper.registers.exports import FILES, expires_on, start_export, stored_file
from panelkeeper.registers.models import Export, ExportKind, ExportState

router = Router(tags=["registers"])

ORG = "/{org}"
KINDS = {
    ("interests", ExportFormat.CSV): ExportKind.INTERESTS_CSV,
    ("interests", ExportFormat.PDF): ExportKind.INTERESTS_PDF,
    ("gifts", ExportFormat.CSV): ExportKind.GIFTS_CSV,
    ("gifts", ExportFormat.PDF): ExportKind.GIFTS_PDF,
}


def _out(export: Export) -> ExportOut:
    ready = export.state == ExportState.READY
    file = reverse(
        "api:download_export", kwargs={"org": export.organisation.slug, "export_id": export.pk}
    )
    return out_of(ExportOut, export, expires_on=expires_on(export), file=file if ready else None)


def _start(
    request: StaffRequest, register: str, body: InterestExportIn | GiftExportIn
) -> Status[ExportOut]:
    kind = KINDS[register, body.format]
    export = start_export(
        organisation=request.organisation,
        kind=kind,
        data=query_data(FILES[kind].form, body),
        actor=request.user,
    )
    return Status(202, _out(export))


@api_readers.post(router, f"{ORG}/interests/exports", ExportOut, status=202, body=InterestExportIn)
def export_interests(request: StaffRequest, org: str) -> Status[ExportOut]:
    """Ask for a CSV or PDF of the register of interests as the filters narrow it."""
    return _start(request, "interests", read_body(request, InterestExportIn))


@api_readers.post(router, f"{ORG}/gifts/exports", ExportOut, status=202, body=GiftExportIn)
def export_gifts(request: StaffRequest, org: str) -> Status[ExportOut]:
    """Ask for a CSV or PDF of the register of gifts and hospitality as the filters narrow it."""
    return _start(request, "gifts", read_body(request, GiftExportIn))


def _kept(request: StaffRequest, export_id: int) -> Export:
    export = get_object_for(
        request.organisation, Export.objects.select_related("organisation"), pk=export_id
    )
    if expires_on(export) < timezone.localdate():
        raise Refused("The file has been removed. Ask for it again.", field="export_id")
    return export


@api_readers.get(router, f"{ORG}/exports/{{export_id}}", ExportOut)
def get_export(request: StaffRequest, org: str, export_id: int) -> ExportOut:
    """Where a file asked for has got to: preparing, ready (with its ``file``) or failed."""
    return _out(_kept(request, export_id))


@api_readers.get(router, f"{ORG}/exports/{{export_id}}/file", None, url_name="download_export")
def download_export(request: StaffRequest, org: str, export_id: int) -> FileResponse:
    """The file, once ready; before then the answer says it is still being prepared."""
    found = stored_file(_kept(request, export_id))
    if found is None:
        raise Refused("The file is not ready yet. Read the export again in a minute.")
    return found
