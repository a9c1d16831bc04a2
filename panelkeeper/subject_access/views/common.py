"""What the officers' and members' pack pages share: the pack as a page, a PDF and JSON."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from panelkeeper.lib.pdf import render_pdf
from panelkeeper.subject_access.models import Pack
from panelkeeper.subject_access.packs import pack_html


def _name(pack: Pack, suffix: str) -> str:
    return f"{pack.content['request']}.{suffix}"


def pack_pdf(pack: Pack) -> HttpResponse:
    response = HttpResponse(
        render_pdf(pack_html(pack), tagged=True), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{_name(pack, "pdf")}"'
    return response


def pack_json(pack: Pack) -> HttpResponse:
    response = JsonResponse(pack.content, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="{_name(pack, "json")}"'
    return response


def pack_page(request: HttpRequest, pack: Pack, *, back: str, pdf: str) -> HttpResponse:
    """The pack as a page, with a link ``back`` and one to its PDF."""
    context = {"pack": pack.content, "back": back, "pdf": pdf}
    return render(request, "subject_access/pack.html", context)
