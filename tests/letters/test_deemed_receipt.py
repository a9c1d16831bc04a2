"""The day written notice counts as received, from which the appeal window runs, is shown
on the case page (officer's and member's), in the case API, on the letter's page and in
the letters API, all the same day (BR-11, BR-12, Interpretation 2)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from django.urls import reverse

from tests.factory import Factory

POSTED = dt.date(2026, 11, 23)  # a Monday
RECEIVED = dt.date(2026, 11, 25)  # vela: the second working day after posting
CLOSES = dt.date(2026, 12, 9)  # ten working days after deemed receipt


def posted_letter(factory: Factory) -> Any:
    case = factory.decided_case()
    member = case.member
    member.contact_by, member.address = "post", "1 High Street\nHartlepool\nTS24 7AA"
    member.save(update_fields=["contact_by", "address"])
    return factory.letter()


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def flat(response: Any) -> str:
    return " ".join(response.content.decode().split())


def test_the_case_page_gives_the_day_a_posted_notice_counts_as_received_interpretation_2(
    factory: Factory, officer_client: Client
) -> None:
    letter = posted_letter(factory)
    url = reverse("cases:detail", kwargs={"org": factory.home.slug, "pk": letter.case.pk})
    page = flat(officer_client.get(url))
    assert "Posted on 23 November 2026. It counts as received on 25 November 2026." in page
    assert "by 9 December 2026, counting from 25 November 2026" in page
    mine = flat(client_for(factory.subject()).get(reverse("cases:my_case", args=[letter.case.pk])))
    assert "It counts as received on 25 November 2026." in mine
    assert "counting from 25 November 2026" in mine


def test_an_emailed_notice_counts_as_received_the_same_day(
    factory: Factory, officer_client: Client
) -> None:
    letter = factory.letter()
    url = reverse("cases:detail", kwargs={"org": factory.home.slug, "pk": letter.case.pk})
    page = flat(officer_client.get(url))
    assert "Emailed on 23 November 2026. It counts as received the same day." in page
    body = officer_client.get(f"/api/v1/cases/{factory.home.slug}/{letter.case.pk}").json()
    assert body["notice"] == {
        "sent_on": "2026-11-23",
        "channel": "email",
        "received_on": "2026-11-23",
    }


def test_the_case_api_gives_the_notice_and_the_day_the_window_runs_from_br_12(
    factory: Factory, officer_client: Client
) -> None:
    letter = posted_letter(factory)
    case_id = letter.case.pk
    body = officer_client.get(f"/api/v1/cases/{factory.home.slug}/{case_id}").json()
    assert body["notice"] == {
        "sent_on": POSTED.isoformat(),
        "channel": "post",
        "received_on": RECEIVED.isoformat(),
    }
    assert body["appeal"]["notice_received"] == RECEIVED.isoformat()
    assert body["appeal"]["window_closes"] == CLOSES.isoformat()
    mine = client_for(factory.subject()).get(f"/api/v1/cases/mine/{case_id}").json()
    assert mine["notice"]["received_on"] == RECEIVED.isoformat()


def test_before_notice_is_sent_the_case_gives_no_day_of_receipt(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.decided_case()
    body = officer_client.get(f"/api/v1/cases/{factory.home.slug}/{case.pk}").json()
    assert body["notice"] is None
    assert body["appeal"]["notice_received"] is None
    url = reverse("cases:detail", kwargs={"org": factory.home.slug, "pk": case.pk})
    page = flat(officer_client.get(url))
    assert "counts as received" not in page and "once written notice is sent" in page


def test_the_letter_record_gives_the_day_the_notice_counts_as_received_br_11(
    factory: Factory, officer_client: Client
) -> None:
    letter = posted_letter(factory)
    url = reverse("letters:detail", kwargs={"org": factory.home.slug, "pk": letter.pk})
    page = flat(officer_client.get(url))
    assert "Counts as received</dt>" in page
    assert "Wednesday 25 November 2026. This letter is the written notice" in page
    api = f"/api/v1/letters/{factory.home.slug}"
    assert officer_client.get(f"{api}/{letter.pk}").json()["counts_as_received"] == "2026-11-25"
    [listed] = officer_client.get(api).json()["letters"]
    assert listed["counts_as_received"] == "2026-11-25"


def test_a_correction_and_other_letters_give_no_day_of_receipt(
    factory: Factory, officer_client: Client
) -> None:
    first = posted_letter(factory)
    correction = factory.letter(corrects=first, reasons="The breach was at the November meeting.")
    resign = factory.member_letter()
    api = f"/api/v1/letters/{factory.home.slug}"
    answers = {
        row["id"]: row["counts_as_received"] for row in officer_client.get(api).json()["letters"]
    }
    assert answers == {first.pk: "2026-11-25", correction.pk: None, resign.pk: None}
    url = reverse("letters:detail", kwargs={"org": factory.home.slug, "pk": correction.pk})
    assert "Counts as received" not in flat(officer_client.get(url))
