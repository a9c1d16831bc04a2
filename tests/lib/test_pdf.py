"""render_pdf makes a PDF from HTML and never reaches outside the static files."""

import re
import zlib
from pathlib import Path

import pytest
from django.conf import settings

from panelkeeper.lib.pdf import ACCESSIBLE, local_only_fetcher, render_pdf

LETTER = '<html lang="en"><body><h1>Letter</h1><p>Dear member,</p></body></html>'


def pdf_text(pdf: bytes) -> bytes:
    """The PDF's bytes with every compressed stream inflated, to search in."""
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


def test_it_renders_html_to_a_pdf() -> None:
    pdf = render_pdf(LETTER)
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")


def test_it_can_make_a_tagged_pdf_for_screen_readers() -> None:
    assert b"/StructTreeRoot" in pdf_text(render_pdf(LETTER, tagged=True))
    assert b"/StructTreeRoot" not in pdf_text(render_pdf(LETTER))


def test_it_can_make_a_pdf_ua_1_document_with_its_language() -> None:
    pdf = pdf_text(render_pdf(LETTER, variant=ACCESSIBLE))
    assert b'pdfuaid:part="1"' in pdf
    assert b"/StructTreeRoot" in pdf and b"/Lang (en)" in pdf


def test_it_refuses_files_outside_the_static_directories(tmp_path: Path) -> None:
    outside = tmp_path / "secret.css"
    outside.write_text("body { color: red }")
    fetcher = local_only_fetcher(roots=[Path(settings.STATICFILES_DIRS[0]).resolve()])
    with pytest.raises(ValueError, match="outside the static directories"):
        fetcher.fetch(outside.as_uri())


def test_it_refuses_the_network() -> None:
    with pytest.raises(ValueError, match="disallowed protocol"):
        local_only_fetcher().fetch("https://example.org/style.css")


def test_a_refused_reference_is_left_out_and_the_pdf_still_renders(tmp_path: Path) -> None:
    outside = tmp_path / "x.css"
    outside.write_text("body { color: red }")
    pdf = render_pdf(f'<link rel="stylesheet" href="{outside.as_uri()}"><p>Hello</p>')
    assert pdf.startswith(b"%PDF-")


def test_importing_the_module_does_not_load_weasyprint() -> None:
    import subprocess
    import sys

    code = (
        "import os, sys; os.environ['DJANGO_SETTINGS_MODULE'] = 'panelkeeper.settings'\n"
        "import django; django.setup()\n"
        "import panelkeeper.lib.pdf\n"
        "assert 'weasyprint' not in sys.modules\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
