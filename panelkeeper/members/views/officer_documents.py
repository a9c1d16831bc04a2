"""Officers' pages for documents: versions, who must re-sign, countersigning, paper
signatures and the signed PDF (MEM-2 to MEM-4, MEM-6, GOV-3)."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panelkeeper.accounts.permissions import OFFICER, READERS, get_object_for, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.downloads import download, pdf_download
from panelkeeper.lib.forms import bound, button_change, form_result
from panelkeeper.lib.pdf import render_pdf
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.documents import (
    add_document_version,
    current_version,
    documents_of_code,
    must_resign,
    render_document,
)
from panelkeeper.members.forms import CountersignForm, DocumentVersionForm, PaperSignatureForm
from panelkeeper.members.lookups import signature_in
from panelkeeper.members.models import Document, Signature
from panelkeeper.members.signing import countersign, record_paper_signature
from panelkeeper.members.views.officer import member_for, member_form_page


@staff(*READERS)
@require_GET
def document_list(request: StaffRequest, org: str) -> HttpResponse:
    """The documents the code names, each with its current version, and who must re-sign."""
    organisation = request.organisation
    today = timezone.localdate()
    code = documents_of_code(organisation, on=today)
    saved = {d.key: d for d in Document.objects.filter(organisation=organisation)}
    rows = [
        {
            "item": item,
            "document": saved.get(item.key),
            "current": current_version(saved[item.key], on=today) if item.key in saved else None,
        }
        for item in (code.items if code else ())
    ]
    return staff_page(
        request,
        "members/documents.html",
        rows=rows,
        code=code,
        to_resign=must_resign(organisation, on=today),
    )


@staff(*READERS)
@require_GET
def document_detail(request: StaffRequest, org: str, key: str) -> HttpResponse:
    document = get_object_for(request.organisation, Document.objects.all(), key=key)
    versions = document.versions.all()
    current = current_version(document, on=timezone.localdate())
    return staff_page(
        request,
        "members/document_detail.html",
        document=document,
        versions=versions,
        current=current,
        html=render_document(current.text) if current else "",
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def add_version(request: StaffRequest, org: str) -> HttpResponse:
    """Publish the organisation's own text of a document, typed or uploaded as Markdown."""
    organisation = request.organisation
    today = timezone.localdate()
    code = documents_of_code(organisation, on=today)
    choices = [(item.key, item.title) for item in (code.items if code else ())]
    form = DocumentVersionForm(**bound(request), choices=choices, initial=request.GET.dict())
    version = form_result(
        request,
        form,
        lambda: add_document_version(
            organisation=organisation, **form.chosen(), actor=request.user, today=today
        ),
    )
    if version is not None:
        messages.success(request, f"{version} published")
        return redirect("members:document", org=org, key=version.document.key)
    context = {"organisation": organisation, "form": form, "has_code": code is not None}
    return render(request, "members/version_form.html", context)


@staff(OFFICER)
@require_POST
def countersign_signature(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Countersign as the signed-in officer, on the date given (today by default)."""
    signature = signature_in(request.organisation, pk=pk)
    form = CountersignForm(request.POST)
    today = timezone.localdate()
    if not form.is_valid():
        # A bound form's error list gives each error as its message; the stubs say wider.
        messages.error(request, cast(str, form.errors["countersigned_on"][0]))
        return redirect("members:detail", org=org, pk=signature.member_id)
    on = form.cleaned_data["countersigned_on"] or today
    countersigned = button_change(
        request,
        lambda: countersign(
            signature=signature, officer=request.user, countersigned_on=on, today=today
        ),
    )
    if countersigned is not None:
        messages.success(request, f"{signature.version.document} countersigned")
    return redirect("members:detail", org=org, pk=signature.member_id)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def paper_signature(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Enter a signature made on paper, with the scan attached (MEM-2, MEM-3)."""
    member = member_for(request, pk)
    return member_form_page(
        request,
        member,
        PaperSignatureForm(**bound(request), organisation=member.group.organisation),
        record_paper_signature,
        template="members/paper_signature.html",
        done=lambda _: "Paper signature recorded",
    )


def signature_pdf_response(signature: Signature) -> HttpResponse:
    """The signed document with the member's signature and the countersignature, as a PDF."""
    html = render_to_string(
        "members/signature_pdf.html",
        {
            "signature": signature,
            "text": render_document(signature.version.text),
            "countersignatures": signature.countersignatures.all(),
        },
    )
    name = f"{signature.version.document.key}-{signature.version.label}-{signature.pk}.pdf"
    return pdf_download(render_pdf(html, tagged=True), name)


@staff(*READERS)
@require_GET
def signature_pdf(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    return signature_pdf_response(signature_in(request.organisation, pk=pk))


@staff(*READERS)
@require_GET
def signature_scan(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """The scan of a paper signature, for officers and auditors only."""
    signature = signature_in(request.organisation, pk=pk)
    if not signature.scan:
        return HttpResponse("This signature was made online; it has no scan.", status=404)
    return download(signature.scan.read(), f"scan-{signature.pk}", "application/octet-stream")
