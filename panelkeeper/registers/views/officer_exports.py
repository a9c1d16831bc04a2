"""The registers' files for staff: a short list downloaded at once, a long one prepared
by a task and offered on its own page until the daily job removes it."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from panelkeeper.accounts.permissions import READERS, get_object_for, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.downloads import download
from panelkeeper.lib.filters import page_filters
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.registers.exports import FILES, expires_on, start_export, stored_file
from panelkeeper.registers.models import Export, ExportKind


@staff(*READERS)
@require_GET
def at_once(request: StaffRequest, org: str, kind: str) -> HttpResponse:
    """The file of a register (``kind``, from the URL) as filtered, if it is short: a
    CSV, or a PDF for the Board. A long one is sent back to its page, which offers to
    prepare it."""
    spec, organisation, today = FILES[kind], request.organisation, timezone.localdate()
    _, filters = page_filters(spec.form, request, organisation=organisation)
    rows = spec.rows(organisation, filters, today)
    if rows.count() > spec.at_once:
        messages.info(
            request,
            f"The list is longer than {spec.at_once:,} rows, so its file is prepared for you: "
            "choose to prepare it below",
        )
        query = request.GET.urlencode()
        page = reverse(spec.page, kwargs={"org": organisation.slug})
        return redirect(f"{page}?{query}" if query else page)
    content = spec.render(organisation, rows, today)
    return download(content, spec.file_name(organisation), spec.content_type)


class ExportForm(forms.Form):
    """Which file, from the button pressed (``kind`` is taken: the interests' filter)."""

    file = forms.ChoiceField(choices=ExportKind.choices)


@staff(*READERS)
@require_POST
def prepare_export(request: StaffRequest, org: str) -> HttpResponse:
    """Ask for a register's file with the filters shown; its page says when it is ready."""
    form = ExportForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose CSV or PDF")
        return redirect("registers:interests", org=org)
    kind = form.cleaned_data["file"]
    try:
        export = start_export(
            organisation=request.organisation, kind=kind, data=request.POST, actor=request.user
        )
    except Refused as refused:
        messages.error(request, refused.message)
        return redirect(FILES[kind].page, org=org)
    return redirect("registers:export", org=org, pk=export.pk)


def _kept(request: StaffRequest, pk: int) -> Export:
    """The organisation's export ``pk`` while its file is kept; otherwise 404."""
    export = get_object_for(
        request.organisation, Export.objects.select_related("organisation"), pk=pk
    )
    if expires_on(export) < timezone.localdate():
        raise Http404("The file has been removed")
    return export


@staff(*READERS)
@require_GET
def export(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Whether the file is still being prepared (refresh to see), ready, or failed."""
    found = _kept(request, pk)
    return staff_page(
        request,
        "registers/export.html",
        export=found,
        expires_on=expires_on(found),
        back=reverse(FILES[found.kind].page, kwargs={"org": org}),
    )


@staff(*READERS)
@require_GET
def export_file(request: StaffRequest, org: str, pk: int) -> FileResponse:
    """The prepared file, to the organisation's staff who may read the register."""
    found = stored_file(_kept(request, pk))
    if found is None:
        raise Http404("The file is not ready")
    return found
