"""Letters that look official: signed by the holder of the title the code names for the
step, with whom to write to for an appeal, the logo and address printed, a preview before
sending on the page and in the API, and a confirmation in words."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from django.contrib.messages import get_messages
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from panelkeeper.cases.models import CaseEvent
from panelkeeper.letters.facts import long_date
from panelkeeper.letters.issuing import issue_case_letter
from panelkeeper.letters.kinds import LetterKind
from panelkeeper.letters.models import Letter, LetterTemplate
from panelkeeper.letters.wording import without_closing
from panelkeeper.organisations.models import Organisation
from tests.delivery import deliver
from tests.factory import Factory
from tests.letters import pdf_reading

TODAY = dt.date(2026, 11, 23)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _with_details(factory: Factory) -> Organisation:
    home = factory.home
    home.postal_address = "1 High Street\nHartlepool\nTS24 7AB"
    home.contact_email = "involvement@home.example"
    home.telephone = "01632 960 001"
    home.save()
    return home


def _officer(factory: Factory) -> Client:
    client = Client()
    client.force_login(factory.officer())
    return client


def test_an_outcome_letter_is_signed_by_whoever_convenes_the_group_with_their_title_br_6(
    factory: Factory,
) -> None:
    """Vela's investigating group decides, and the Customer Involvement Team convenes it."""
    letter = factory.letter()
    assert letter.text.rstrip().endswith(
        "Yours sincerely,\n\nHolder of Customer Involvement Team\n"
        "Customer Involvement Team\nHome Housing"
    )
    assert "Holder of Customer Involvement Team<br>Customer Involvement Team" in letter.html


def test_how_to_appeal_names_whom_to_write_to_with_their_address_and_email_br_12(
    factory: Factory,
) -> None:
    _with_details(factory)
    letter = factory.letter()
    director = factory.home.role_holders.get(role_key="group_director_of_operations").user
    text = _one_line(letter.text)
    assert (
        f"Write to {director.get_full_name()}, Group Director of Operations. The address is "
        "Home Housing, 1 High Street, Hartlepool, TS24 7AB. "
        f"Or you can email {director.email}."
    ) in text
    assert "Your appeal must reach them by Monday 7 December 2026." in text


def test_appeal_letters_are_signed_by_the_person_the_appeal_is_put_to_br_12(
    factory: Factory,
) -> None:
    officer = factory.appeal_officer()
    member = factory.the_case.member
    member.email, member.contact_by = "sam@example.org", "email"
    member.save(update_fields=["email", "contact_by"])
    letter = issue_case_letter(
        case=factory.the_case, kind=LetterKind.APPEAL_ACKNOWLEDGED, actor=None, today=TODAY
    )
    assert f"{officer.get_full_name()}\nGroup Director of Operations\nHome Housing" in letter.text


def test_a_request_to_re_sign_is_signed_by_whoever_countersigns_the_documents_mem_4_mem_6(
    factory: Factory,
) -> None:
    factory.code_in_force("vela")
    letter = factory.member_letter()
    assert "Holder of Customer Involvement Team\nCustomer Involvement Team" in letter.text


def test_without_a_code_in_force_a_letter_is_signed_for_the_organisation(
    factory: Factory,
) -> None:
    letter = factory.member_letter()
    assert letter.text.rstrip().endswith(
        "Yours sincerely,\n\nThe team at Home Housing\nHome Housing"
    )


def test_a_close_in_the_organisation_s_own_wording_is_not_signed_twice(factory: Factory) -> None:
    body = "Dear {member_name},\n\nOur words.\n\nYours sincerely,\n\n{organisation_name}\n"
    assert without_closing(body) == "Dear {member_name},\n\nOur words.\n"
    LetterTemplate.objects.create(
        organisation=factory.home,
        kind=LetterKind.WARNING,
        subject="Warning",
        body=body,
        updated_at=timezone.now(),
    )
    letter = factory.letter()
    assert letter.text.count("Yours sincerely") == 1


def test_a_posted_letter_prints_the_logo_letterhead_and_window_address(
    factory: Factory, tmp_path: Path
) -> None:
    home = _with_details(factory)
    image = io.BytesIO()
    Image.new("RGB", (900, 300), (0, 94, 165)).save(image, format="PNG")
    case = factory.decided_case()
    member = case.member
    member.contact_by, member.address = "post", "2 Low Road\nHartlepool\nTS24 8AA"
    member.save(update_fields=["contact_by", "address"])
    with override_settings(MEDIA_ROOT=tmp_path):
        home.logo.save("home.png", ContentFile(image.getvalue()))
        letter = factory.letter()
    pdf = bytes(letter.pdf)
    assert b"/Alt (Home Housing logo)" in pdf_reading.read(pdf).everything
    # Kept at 600 by 200 pixels for print, and shown at most 60 pixels high on a page.
    assert 'alt="Home Housing logo" width="180" height="60"' in letter.html
    text = pdf_reading.text(pdf)
    assert "Home Housing 1 High Street Hartlepool TS24 7AB Telephone: 01632 960 001" in text
    assert "Sam Subject 2 Low Road Hartlepool TS24 8AA" in text
    assert 'pdfuaid:part="1"' in pdf_reading.read(pdf).metadata


def _issue_url(factory: Factory) -> str:
    case = factory.decided_case()
    return reverse("letters:issue", kwargs={"org": factory.home.slug, "case": case.pk})


def test_an_officer_previews_the_letter_before_sending_and_nothing_is_sent(
    factory: Factory,
) -> None:
    url = _issue_url(factory)
    response = _officer(factory).post(
        url, {"kind": "outcome", "reasons": "Shared a name.", "preview": "1"}
    )
    text = _one_line(response.content.decode())
    assert response.status_code == 200
    assert "It will be sent by email to Sam Subject at sam@example.org." in text
    assert "It is signed by Holder of Customer Involvement Team, Customer Involvement Team." in text
    assert "Why: Shared a name." in text and "Yours sincerely," in text
    assert "Shared a name.</textarea>" in text  # the form keeps what was typed
    assert not Letter.objects.exists()
    assert not CaseEvent.objects.filter(kind="notice_sent").exists()
    deliver()
    assert not mail.outbox


def test_a_preview_that_cannot_be_made_says_what_to_do(factory: Factory) -> None:
    url = reverse("letters:issue", kwargs={"org": factory.home.slug, "case": factory.the_case.pk})
    response = _officer(factory).post(url, {"kind": "outcome", "preview": "1"})
    assert "This case has no outcome yet: record the outcome first" in response.content.decode()
    assert not Letter.objects.exists()


def test_sending_confirms_in_words_where_the_letter_went_and_when(factory: Factory) -> None:
    response = _officer(factory).post(_issue_url(factory), {"kind": "outcome", "send": "1"})
    assert response.status_code == 302
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    today = long_date(timezone.localdate())
    assert message == f"Sent by email to Sam Subject at sam@example.org on {today}."
    page = _officer(factory).get(response["Location"]).content.decode()
    assert f"Sent by email to Sam Subject at sam@example.org on {today}." in page
    assert "sent email" not in page


def test_the_api_previews_a_letter_as_the_page_does_and_sends_nothing(factory: Factory) -> None:
    case = factory.decided_case()
    url = f"/api/v1/letters/{factory.home.slug}/preview"
    body = {"case_id": case.pk, "reasons": "Shared a name."}
    response = _officer(factory).post(url, json.dumps(body), content_type="application/json")
    assert response.status_code == 200
    shown = response.json()
    assert shown["kind"] == "warning" and shown["channel"] == "email"
    assert (shown["to_name"], shown["to_address"]) == ("Sam Subject", "sam@example.org")
    assert shown["signed_by"] == "Holder of Customer Involvement Team"
    assert shown["signed_as"] == "Customer Involvement Team"
    assert "Why: Shared a name." in shown["text"] and "<article" in shown["html"]
    assert not Letter.objects.exists()


def test_the_api_refuses_a_preview_it_cannot_send(factory: Factory) -> None:
    url = f"/api/v1/letters/{factory.home.slug}/preview"
    body = {"case_id": factory.the_case.pk, "kind": "gift_result"}
    response = _officer(factory).post(url, json.dumps(body), content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"] == "Choose a letter about a case"
    assert response.json()["field"] == "kind"
