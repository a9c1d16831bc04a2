"""Responses the browser saves as a file rather than shows: exports, PDFs, calendar
entries, uploaded files and archives, each under the name it should be saved as."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header

PDF = "application/pdf"
CSV = "text/csv; charset=utf-8"
ICS = "text/calendar; charset=utf-8"
ZIP = "application/zip"


def download(content: bytes | str, name: str, content_type: str) -> HttpResponse:
    """``content`` to be saved as ``name`` (a name outside plain ASCII is encoded as
    RFC 6266 says, so it reaches the browser whole)."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


def pdf_download(data: bytes, name: str) -> HttpResponse:
    return download(data, name, PDF)


def spreadsheet_csv(text: str, name: str) -> HttpResponse:
    """CSV text with a byte order mark, so that spreadsheet programs read names with
    accents as UTF-8 rather than guessing a local code page."""
    return download(text.encode("utf-8-sig"), name, CSV)


def stored_download(name: str, saved_as: str, content_type: str) -> FileResponse:
    """The file stored on the default storage as ``name``, to be saved as ``saved_as``,
    streamed rather than read into memory (an export can be large)."""
    return FileResponse(
        default_storage.open(name, "rb"),
        as_attachment=True,
        filename=saved_as,
        content_type=content_type,
    )
