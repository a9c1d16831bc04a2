"""The organisation's details and its logo for letters: on the settings page and in the API."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from PIL import Image

from panelkeeper.audit.models import AuditEntry
from panelkeeper.organisations.models import Organisation
from tests.factory import Factory


def _png(size: tuple[int, int] = (40, 20)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "navy").save(out, format="PNG")
    return out.getvalue()


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def _url(name: str) -> str:
    return reverse(f"organisations:{name}", kwargs={"org": "home"})


DETAILS = {
    "name": "Home Housing Group",
    "postal_address": "1 High Street\nKestrelton\nKT1 1AA",
    "contact_email": "Involvement@Home.Example",
    "telephone": "01632 960 001",
}


def test_an_officer_changes_the_details_and_staff_see_them(factory: Factory) -> None:
    response = _client(factory.officer()).post(_url("change_details"), DETAILS)
    assert response.status_code == 302
    home = Organisation.objects.get(slug="home")
    assert home.name == "Home Housing Group"
    assert home.contact_email == "involvement@home.example"
    entry = AuditEntry.objects.get(action="organisation.details_changed")
    assert set(entry.fields) == {"name", "postal_address", "contact_email", "telephone"}
    page = _client(factory.auditor()).get(_url("settings")).content.decode()
    assert "KT1 1AA" in page and "01632 960 001" in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": " "}, "Enter the organisation&#x27;s name"),
        ({"contact_email": "involvement"}, "Enter an email address in the correct format"),
        ({"telephone": "call us"}, "Enter a telephone number"),
    ],
)
def test_bad_details_say_what_to_do_and_save_nothing(
    factory: Factory, change: dict[str, str], message: str
) -> None:
    response = _client(factory.officer()).post(_url("change_details"), {**DETAILS, **change})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Organisation.objects.get(slug="home").name == "Home Housing"


def test_the_settings_api_changes_details_with_the_same_checks(factory: Factory) -> None:
    client = _client(factory.officer())
    url = "/api/v1/organisations/home/settings"
    bad = client.patch(url, {"telephone": "call us"}, content_type="application/json")
    assert bad.status_code == 422 and bad.json()["field"] == "telephone"
    done = client.patch(url, {"telephone": "+44 808 157 0192"}, content_type="application/json")
    assert done.status_code == 200
    assert done.json()["telephone"] == "+44 808 157 0192"
    assert done.json()["name"] == "Home Housing"  # not sent: kept
    # A PUT of the region alone, as before, keeps the details.
    put = client.put(url, {"region": "WLS"}, content_type="application/json")
    assert put.status_code == 200 and put.json()["telephone"] == "+44 808 157 0192"


def test_a_bad_region_saves_no_details_either(factory: Factory) -> None:
    client = _client(factory.officer())
    response = client.patch(
        "/api/v1/organisations/home/settings",
        {"region": "FRA", "telephone": "01632 960 001"},
        content_type="application/json",
    )
    assert response.status_code in (400, 422)
    assert Organisation.objects.get(slug="home").telephone == ""


def test_an_officer_uploads_a_logo_and_staff_see_it(factory: Factory, tmp_path: Path) -> None:
    with override_settings(MEDIA_ROOT=tmp_path):
        upload = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
        response = _client(factory.officer()).post(_url("upload_logo"), {"logo": upload})
        assert response.status_code == 302
        assert Organisation.objects.get(slug="home").logo.name == "logos/home.png"
        shown = _client(factory.auditor()).get(_url("logo"))
        assert shown.status_code == 200
        assert b"".join(shown.streaming_content) == _png()  # type: ignore[attr-defined]
        assert _client(factory.outsider()).get(_url("logo")).status_code == 404


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not an image at all", "must be a PNG or JPG image"),
        (b"\x89PNG" + b"0" * (1024 * 1024), "smaller than 1 MB"),
    ],
)
def test_a_file_that_is_not_a_small_image_is_refused(
    factory: Factory, tmp_path: Path, content: bytes, message: str
) -> None:
    with override_settings(MEDIA_ROOT=tmp_path):
        upload = SimpleUploadedFile("logo.png", content, content_type="image/png")
        response = _client(factory.officer()).post(_url("upload_logo"), {"logo": upload})
        assert response.status_code == 200
        assert message in response.content.decode()
        assert not Organisation.objects.get(slug="home").logo
        assert not any(tmp_path.rglob("*.png"))
