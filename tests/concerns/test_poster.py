"""Where people raise a concern: the public form's address for officers, and a poster
with a QR code that opens it (BR-1)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import qrcode
import qrcode.constants
from django.conf import settings
from django.test import Client
from django.urls import reverse
from qrcode.image.svg import SvgPathImage

from tests.factory import Factory

README = Path(__file__).resolve().parents[2] / "README.md"


def address_of(slug: str) -> str:
    return f"{settings.BASE_URL.rstrip('/')}/concerns/{slug}/"


def poster_url(slug: str = "home") -> str:
    return reverse("concerns:poster", kwargs={"org": slug})


def path_drawn_for(address: str) -> str:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    code.add_data(address)
    svg = code.make_image(image_factory=SvgPathImage).to_string(encoding="unicode")
    found = re.search(r' d="([^"]+)"', svg)
    assert found is not None
    return found.group(1)


def test_officers_read_the_form_address_on_the_concerns_page_with_a_poster_to_print(
    factory: Factory, officer_client: Client
) -> None:
    page = officer_client.get(reverse("concerns:list", kwargs={"org": "home"})).text
    assert f'href="{address_of("home")}"' in page
    assert f'href="{poster_url()}"' in page


def test_the_settings_page_gives_the_address_to_readers_and_the_poster_to_officers(
    factory: Factory, officer_client: Client
) -> None:
    settings_url = reverse("organisations:settings", kwargs={"org": "home"})
    page = officer_client.get(settings_url).text
    assert address_of("home") in page and f'href="{poster_url()}"' in page
    auditor = Client()
    auditor.force_login(factory.auditor())
    page = auditor.get(settings_url).text
    assert address_of("home") in page and poster_url() not in page


def test_the_address_opens_the_public_form(factory: Factory) -> None:
    factory.code_in_force("vela")
    path = factory.home.concern_form_address().removeprefix(settings.BASE_URL.rstrip("/"))
    assert "Raise a concern" in Client().get(path).text


def test_the_poster_carries_a_qr_code_that_opens_the_address(
    factory: Factory, officer_client: Client
) -> None:
    factory.code_in_force("vela")
    page = officer_client.get(poster_url()).text
    svg = re.search(r"<svg[^>]*>.*?</svg>", page, re.S)
    assert svg is not None
    assert 'role="img"' in svg.group(0)
    assert f'aria-label="QR code that opens {address_of("home")}"' in svg.group(0)
    assert f' d="{path_drawn_for(address_of("home"))}"' in svg.group(0)
    assert "style=" not in svg.group(0)  # the content security policy allows no inline style
    assert address_of("home") in page and "Customer Involvement Team" in page


def test_the_poster_prints_alone_from_its_own_stylesheet(
    factory: Factory, officer_client: Client
) -> None:
    page = officer_client.get(poster_url()).text
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]*poster[^"]*)"', page)
    assert stylesheet is not None
    css = Path(settings.BASE_DIR) / "panelkeeper" / "static" / "panelkeeper" / "poster.css"
    text = css.read_text()
    assert "@media print" in text and ".govuk-template__header" in text
    assert 'class="pk-poster__notes"' in page  # what the print leaves out
    # Without a code in force, the officer is told the form cannot take concerns yet.
    assert "Publish your code before you put this up" in page


@pytest.mark.parametrize(("preset", "anonymous"), [("vela", False), ("thirteen", True)])
def test_the_poster_offers_anonymity_only_where_the_code_does_br_1(
    factory: Factory, officer_client: Client, preset: str, anonymous: bool
) -> None:
    factory.code_in_force(preset)
    assert ("need not give your name" in officer_client.get(poster_url()).text) is anonymous


def test_the_readme_names_a_concern_address_that_opens_the_form(factory: Factory) -> None:
    paths = re.findall(r"http://127\.0\.0\.1:8000(/concerns/[a-z0-9-]+/)", README.read_text())
    assert paths, "the README gives the address of a demo organisation's concern form"
    for path in paths:
        slug = path.split("/")[2]
        factory.code_in_force(slug, factory.organisation(slug=slug, name=slug))
        assert "Raise a concern" in Client().get(path).text, path
