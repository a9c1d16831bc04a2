"""Every default letter is a PDF/UA-1 document a screen reader can follow, and looks
official: the letterhead with the logo, the address for the envelope's window, and the
person who signs it. Each PDF is read back (tests/letters/pdf_reading.py)."""

from __future__ import annotations

import base64
import io
import re
from typing import Any

import pytest
from PIL import Image

from panelkeeper.letters.kinds import LetterKind
from panelkeeper.letters.letterhead import Letterhead
from panelkeeper.letters.rendering import Rendered, render_letter
from panelkeeper.letters.wording import default_wording
from tests.letters import pdf_reading
from tests.letters.plain_letters import MEMBER, SIGNATORY, values_for


def logo_uri() -> str:
    out = io.BytesIO()
    Image.new("RGB", (120, 40), (0, 94, 165)).save(out, format="PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


LETTERHEAD = Letterhead(
    "Home Housing",
    ("1 High Street", "Hartlepool", "TS24 7AB"),
    telephone="01632 960 001",
    email="involvement@home.example",
    logo_uri=logo_uri(),
    logo_width=120,
    logo_height=40,
)
POSTED_TO = "2 Low Road\nHartlepool\nTS24 8AA"


def render(kind: LetterKind, **frame: Any) -> Rendered:
    """A default ``kind`` letter to the member on the letterhead, signed."""
    frame = {"letterhead": LETTERHEAD, "signatory": SIGNATORY} | frame
    return render_letter(default_wording(kind), values_for(kind), to_name=MEMBER, **frame)


@pytest.mark.parametrize("kind", list(LetterKind), ids=[k.value for k in LetterKind])
def test_each_default_letter_is_a_pdf_ua_1_with_letterhead_address_and_signatory(
    kind: LetterKind,
) -> None:
    rendered = render(kind, to_address=POSTED_TO)
    pdf = pdf_reading.read(rendered.pdf)
    assert re.search(r'pdfuaid:part="1"|<pdfuaid:part>1</pdfuaid:part>', pdf.metadata)
    assert b"/StructTreeRoot" in pdf.catalog
    assert re.search(rb"/Lang\s*\(en-GB\)", pdf.catalog)
    assert b"/Alt (Home Housing logo)" in pdf.everything  # the logo's alternative text
    text = pdf_reading.text(rendered.pdf)
    letterhead = "Home Housing 1 High Street Hartlepool TS24 7AB Telephone: 01632 960 001"
    assert letterhead in text and "Email: involvement@home.example" in text
    assert f"{MEMBER} 2 Low Road Hartlepool TS24 8AA" in text  # the window's address block
    assert "Yours sincerely, Jo Bloggs Customer Involvement Manager Home Housing" in text
    assert rendered.subject in text


def test_a_large_print_letter_is_a_pdf_ua_1_too() -> None:
    rendered = render(LetterKind.WARNING, large_print=True)
    assert 'class="letter large-print"' in rendered.html
    assert 'pdfuaid:part="1"' in pdf_reading.read(rendered.pdf).metadata
    assert "Customer Involvement Manager" in pdf_reading.text(rendered.pdf)


def test_a_letter_without_a_logo_has_no_image_to_describe() -> None:
    rendered = render(LetterKind.RESIGN_REQUEST, letterhead=Letterhead("Home"))
    assert "<img" not in rendered.html
    assert b"/Alt" not in pdf_reading.read(rendered.pdf).everything
