"""Officers' letter pages and the API: wording with a preview, sending, bad input, lists."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.cases.models import CaseEvent
from panelkeeper.letters.models import Letter, LetterTemplate
from tests.delivery import deliver
from tests.factory import Factory


def _officer(factory: Factory) -> Client:
    client = Client()
    client.force_login(factory.officer())
    return client


def _wording_url(factory: Factory, kind: str = "warning") -> str:
    return reverse("letters:edit_template", kwargs={"org": factory.home.slug, "kind": kind})


def test_an_unknown_placeholder_is_refused_on_save_with_its_name(factory: Factory) -> None:
    response = _officer(factory).post(
        _wording_url(factory),
        {"subject": "About {reference}", "body": "Dear {member_nam},\n\nHello.", "save": "1"},
    )
    assert response.status_code == 200
    assert "{member_nam} is not a placeholder this letter can use" in response.content.decode()
    assert not LetterTemplate.objects.exists()


def test_empty_wording_is_refused_in_govuk_voice(factory: Factory) -> None:
    response = _officer(factory).post(_wording_url(factory), {"subject": "", "body": ""})
    text = response.content.decode()
    assert "Enter a subject" in text and "Enter the wording of the letter" in text
    assert not LetterTemplate.objects.exists()


def test_a_preview_on_a_real_case_shows_the_letter_and_saves_and_sends_nothing(
    factory: Factory,
) -> None:
    case = factory.decided_case()
    response = _officer(factory).post(
        _wording_url(factory),
        {
            "subject": "Our decision ({reference})",
            "body": "Dear {member_name},\n\n{how_to_appeal}\n\n<script>x</script>",
            "case": str(case.pk),
            "preview": "1",
        },
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Dear Sam Subject," in text
    assert "Group Director of Operations" in text and "must reach them by" in text
    assert "&lt;script&gt;x&lt;/script&gt;" in text and "<script>x</script>" not in text
    assert not LetterTemplate.objects.exists() and not Letter.objects.exists()
    deliver()
    assert not mail.outbox and not CaseEvent.objects.filter(kind="notice_sent").exists()


def test_the_edit_page_lists_the_placeholders_of_the_letter(factory: Factory) -> None:
    text = _officer(factory).get(_wording_url(factory)).content.decode()
    assert "{how_to_appeal}" in text and "{appeal_closes}" in text
    assert "{gift_result}" not in text


def test_saved_wording_is_used_for_the_next_letter_and_can_be_restored(factory: Factory) -> None:
    client = _officer(factory)
    response = client.post(
        _wording_url(factory),
        {
            "subject": "Warning ({reference})",
            "body": "Dear {member_name},\n\nOur words.",
            "save": "1",
        },
    )
    assert response.status_code == 302
    letter = factory.letter()
    assert letter.subject == f"Warning ({letter.case.reference})"
    assert "Our words." in letter.text
    restore = reverse(
        "letters:restore_template", kwargs={"org": factory.home.slug, "kind": "warning"}
    )
    assert client.post(restore).status_code == 302
    assert not LetterTemplate.objects.exists()


def test_an_officer_sends_the_outcome_letter_from_the_case(factory: Factory) -> None:
    case = factory.decided_case()
    url = reverse("letters:issue", kwargs={"org": factory.home.slug, "case": case.pk})
    response = _officer(factory).post(url, {"kind": "outcome", "reasons": "Shared a name."})
    letter = Letter.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "letters:detail", kwargs={"org": factory.home.slug, "pk": letter.pk}
    )
    assert "Why: Shared a name." in letter.text
    assert len(deliver()) == 1
    assert CaseEvent.objects.filter(case=case, kind="notice_sent").count() == 1


def test_sending_without_choosing_a_letter_says_what_to_do(factory: Factory) -> None:
    case = factory.the_case
    url = reverse("letters:issue", kwargs={"org": factory.home.slug, "case": case.pk})
    response = _officer(factory).post(url, {})
    assert "Select which letter to send" in response.content.decode()
    response = _officer(factory).post(url, {"kind": "outcome"})
    assert "This case has no outcome yet: record the outcome first" in response.content.decode()
    assert not Letter.objects.exists()


def test_the_letter_list_runs_the_same_queries_for_3_and_30_letters(factory: Factory) -> None:
    client = _officer(factory)
    url = reverse("letters:list", kwargs={"org": factory.home.slug})

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    for _ in range(3):
        factory.member_letter(factory.panel_member())
    at_3 = count()
    for _ in range(27):
        factory.member_letter(factory.panel_member())
    assert count() == at_3


def test_a_member_sees_their_own_letters_in_the_portal(factory: Factory) -> None:
    letter = factory.member_letter()
    factory.member_letter(factory.panel_member())
    client = Client()
    client.force_login(factory.member())
    text = client.get(
        reverse("letters:mine", kwargs={"member": factory.member_record.pk})
    ).content.decode()
    assert letter.subject in text and text.count("Sent on ") == 1


def test_the_api_issues_lists_and_downloads_the_exact_bytes(factory: Factory) -> None:
    case = factory.decided_case()
    client = _officer(factory)
    base = f"/api/v1/letters/{factory.home.slug}"
    response = client.post(
        f"{base}/issue", json.dumps({"case_id": case.pk}), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["kind"] == "warning" and body["dispatches"][0]["channel"] == "email"
    listed = client.get(base).json()["letters"]
    assert [x["id"] for x in listed] == [body["id"]]
    pdf = client.get(f"{base}/{body['id']}/pdf").content
    assert hashlib.sha256(pdf).hexdigest() == body["sha256"]


def test_the_api_refuses_a_letter_before_the_outcome_with_422(factory: Factory) -> None:
    case = factory.the_case
    response = _officer(factory).post(
        f"/api/v1/letters/{factory.home.slug}/issue",
        json.dumps({"case_id": case.pk}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"] == "This case has no outcome yet: record the outcome first"


def test_the_days_post_prints_as_one_pdf(factory: Factory) -> None:
    member = factory.member_record
    member.email, member.contact_by, member.address = "m@example.org", "post", "2 Low Road"
    member.save(update_fields=["email", "contact_by", "address"])
    factory.member_letter(member)
    url = reverse("letters:post_batch", kwargs={"org": factory.home.slug, "day": "2026-11-23"})
    response = _officer(factory).get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    assert response["Content-Type"] == "application/pdf"
    assert dt.date(2026, 11, 23).isoformat() in response["Content-Disposition"]


def test_letters_waiting_are_listed_and_a_gift_letter_is_sent_from_there_gift_2(
    factory: Factory,
) -> None:
    from panelkeeper.registers.gifts import decide_gift

    case = factory.decided_case()
    member = factory.member_record
    member.email, member.contact_by = "mina@example.org", "email"
    member.save(update_fields=["email", "contact_by"])
    gift = factory.gift(member, description="Two tickets to a football match")
    decide_gift(
        gift=gift,
        outcome="donated",
        decided_on=dt.date(2026, 11, 20),
        actor=factory.officer(),
        today=dt.date(2026, 11, 23),
    )
    client = _officer(factory)
    page = client.get(reverse("letters:to_send", kwargs={"org": factory.home.slug}))
    text = page.content.decode()
    assert case.reference in text and gift.description in text
    url = reverse("letters:send_gift", kwargs={"org": factory.home.slug, "gift": gift.pk})
    response = client.post(url)
    letter = Letter.objects.get(gift=gift)
    assert response.status_code == 302 and letter.kind == "gift_result"
    assert "it should be donated" in " ".join(letter.text.split())
    text = client.get(reverse("letters:to_send", kwargs={"org": factory.home.slug})).content
    assert gift.description not in text.decode()


def test_a_member_with_an_outdated_signature_is_asked_to_sign_the_new_version_mem_6(
    factory: Factory,
) -> None:
    member = factory.member_record
    member.email, member.contact_by = "mina@example.org", "email"
    member.save(update_fields=["email", "contact_by"])
    factory.code_in_force("vela")
    old = factory.document_version("code_of_conduct", title="Code of Conduct")
    factory.signature(member, old)
    new = factory.document_version(
        "code_of_conduct", published_on=dt.date(2026, 10, 1), title="Code of Conduct"
    )
    client = _officer(factory)
    text = client.get(reverse("letters:to_send", kwargs={"org": factory.home.slug})).content
    assert f"version {new.label} (signed version {old.label})" in text.decode()
    url = reverse(
        "letters:send_resign",
        kwargs={"org": factory.home.slug, "member": member.pk, "version": new.pk},
    )
    assert client.post(url).status_code == 302
    letter = Letter.objects.get(kind="resign_request")
    assert letter.document_version == new
    assert (
        f"version {new.label}" in letter.text and f"You signed version {old.label}" in letter.text
    )
    # Asked once: the member leaves the list, and a second request is refused.
    assert client.post(url).status_code == 302
    assert Letter.objects.filter(kind="resign_request").count() == 1
