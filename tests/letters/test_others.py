"""Letters to others the code says are told, and letters handed over (BR-11, BR-12, Int. 2).

insight confirms the outcome and the appeal decision in writing to every party: whoever
raised the breach and the investigating group each get a letter of their own. The other
four codes write to the member alone. A letter handed over counts as received that day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from panelkeeper.cases.changes.appeals import decide_appeal, lodge_appeal
from panelkeeper.cases.changes.people import seat_investigator, set_party_contact
from panelkeeper.cases.changes.steps import (
    convene_group,
    inform_member,
    record_determination,
    record_outcome,
)
from panelkeeper.cases.models import CaseEvent, CaseParty
from panelkeeper.cases.procedure import assess_case
from panelkeeper.letters.dispatch import posted_on
from panelkeeper.letters.issuing import issue_case_letter
from panelkeeper.letters.kinds import LetterKind
from panelkeeper.letters.models import Dispatch, Letter
from tests.delivery import deliver
from tests.factory import Factory

TODAY = dt.date(2026, 11, 23)


def insight_case(factory: Factory, **reporter: Any) -> Any:
    """An insight minor breach decided on 10 November 2026: a final written warning.

    Raised by Rita Reporter, known by name only (``reporter`` gives her contact details);
    investigated by the Customer Involvement Manager (staff, by email) and a panel member
    who prefers post.
    """
    subject = factory.panel_member(full_name="Sam Subject")
    subject.email, subject.contact_by = "sam@example.org", "email"
    subject.save(update_fields=["email", "contact_by"])
    reporter.setdefault("reporter_contact", "rita@example.org")
    reporter.setdefault("reporter_agreed_to_letters", True)
    case = factory.breach_case(subject, preset="insight", raised_by="customer", **reporter)
    day = TODAY
    inform_member(case=case, actor=None, effective=dt.date(2026, 11, 3), today=day)
    manager = factory.invited_to_case(
        case, role_key="customer_involvement_manager", first_name="Mo", last_name="Manager",
        email="mo@example.org",
    )  # fmt: skip
    seat_investigator(
        case=case, role_key="customer_involvement_manager", user=manager, actor=None,
        effective=dt.date(2026, 11, 4), today=day,
    )  # fmt: skip
    voice = factory.involved_customer(full_name="Val Voice", preset="insight")
    voice.address, voice.contact_by = "4 Pear Road\nHereford HR1 2AB", "post"
    voice.save(update_fields=["address", "contact_by"])
    seat_investigator(
        case=case, role_key="customer_services_voice", member=voice, actor=None,
        effective=dt.date(2026, 11, 4), today=day,
    )  # fmt: skip
    convene_group(case=case, actor=None, effective=dt.date(2026, 11, 5), today=day)
    record_determination(
        case=case, level="minor", actor=None, effective=dt.date(2026, 11, 10), today=day
    )
    record_outcome(
        case=case, outcome="final_written_warning", actor=None,
        effective=dt.date(2026, 11, 10), today=day,
    )  # fmt: skip
    case.refresh_from_db()
    return case


def test_insight_sends_the_outcome_to_the_reporter_and_each_investigator_br_11(
    factory: Factory,
) -> None:
    case = insight_case(factory)
    letter = issue_case_letter(case=case, kind=None, actor=None, today=TODAY)
    told = {t.addressed_to + ":" + t.to_name: t for t in letter.told_to_others.all()}
    assert sorted(told) == [
        "investigator:Mo Manager",
        "investigator:Val Voice",
        "reporter:Rita Reporter",
    ]
    assert {t.kind for t in told.values()} == {LetterKind.OUTCOME_FOR_PARTY}
    assert told["investigator:Val Voice"].channel == "post"
    reporter_letter = told["reporter:Rita Reporter"]
    text = " ".join(reporter_letter.text.split())
    assert "Dear Rita Reporter" in text and "you raised the concern" in text
    assert "Final written warning" in text and "It was found to be a minor breach." in text
    # The member's appeal date, from the notice the member's letter recorded (BR-12).
    window = assess_case(case, as_of=TODAY).appeal_window
    assert window is not None and window.closes == dt.date(2026, 12, 7)
    assert (
        "Sam Subject may appeal to the Director of Housing Services until Monday 7 December 2026"
        in text
    )
    # The reasons and the member's record are the member's own.
    assert case.description not in text
    assert "stays on your record" not in text
    deliver()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "mo@example.org",
        "rita@example.org",
        "sam@example.org",
    ]
    # One notice only: the member's (BR-11); letters to others start no clock.
    assert CaseEvent.objects.filter(case=case, kind="notice_sent").count() == 1
    assert [d.recipient for d in Dispatch.objects.filter(letter=reporter_letter)] == ["reporter"]
    client = Client()
    client.force_login(factory.officer())
    detail = reverse("letters:detail", kwargs={"org": factory.home.slug, "pk": reporter_letter.pk})
    page = " ".join(client.get(detail).content.decode().split())
    assert "Rita Reporter (whoever raised the breach)" in page
    assert f"the member's letter {letter.reference}" in page
    listing = client.get(reverse("letters:list", kwargs={"org": factory.home.slug}))
    assert "Rita Reporter (whoever raised the breach), about Sam Subject" in " ".join(
        listing.content.decode().split()
    )
    assert posted_on(case.organisation, TODAY) == [told["investigator:Val Voice"]]


def test_a_reporter_who_did_not_agree_is_not_written_to_and_the_page_says_why(
    factory: Factory,
) -> None:
    case = insight_case(factory, reporter_contact="", reporter_agreed_to_letters=False)
    letter = issue_case_letter(case=case, kind=None, actor=None, today=TODAY)
    assert sorted(t.to_name for t in letter.told_to_others.all()) == ["Mo Manager", "Val Voice"]
    client = Client()
    client.force_login(factory.officer())
    url = reverse("letters:detail", kwargs={"org": factory.home.slug, "pk": letter.pk})
    page = " ".join(client.get(url).content.decode().split())
    assert "Rita Reporter (whoever raised the breach)" in page
    assert "Not sent: they have not agreed to be written to" in page

    # Once she agrees and gives an address, the officer writes to her from the same page.
    party = CaseParty.objects.get(case=case, role="reporter")
    set_party_contact(
        party=party, contact="7 Elm Close, Hereford HR2 7QT", agreed_to_letters=True, actor=None
    )
    tell = reverse("letters:tell_others", kwargs={"org": factory.home.slug, "pk": letter.pk})
    assert client.post(tell).status_code == 302
    sent = Letter.objects.get(tells_of=letter, party=party)
    assert sent.channel == "post" and "HR2 7QT" in sent.html
    # Asking again sends nothing twice.
    client.post(tell)
    assert Letter.objects.filter(tells_of=letter).count() == 3


def test_an_auditor_cannot_write_to_others_and_another_organisation_sees_nothing(
    factory: Factory,
) -> None:
    case = insight_case(factory, reporter_contact="", reporter_agreed_to_letters=False)
    letter = issue_case_letter(case=case, kind=None, actor=None, today=TODAY)
    tell = reverse("letters:tell_others", kwargs={"org": factory.home.slug, "pk": letter.pk})
    auditor = Client()
    auditor.force_login(factory.auditor())
    assert auditor.post(tell).status_code == 403
    outsider = Client()
    outsider.force_login(factory.officer(factory.other))
    assert outsider.post(tell).status_code == 404
    assert Letter.objects.filter(tells_of=letter).count() == 2


def test_insight_tells_every_party_of_the_appeal_decision_br_12(factory: Factory) -> None:
    case = insight_case(factory)
    issue_case_letter(case=case, kind=None, actor=None, today=TODAY)
    lodge_appeal(
        case=case, received_on=dt.date(2026, 11, 25), actor=None, today=dt.date(2026, 11, 25)
    )
    decide_appeal(
        case=case, result="upheld", reason="The record is clear.", actor=None,
        effective=dt.date(2026, 12, 2), today=dt.date(2026, 12, 2),
    )  # fmt: skip
    decided = issue_case_letter(
        case=case, kind=LetterKind.APPEAL_DECIDED, actor=None, today=dt.date(2026, 12, 2)
    )
    told = decided.told_to_others.all()
    assert {t.kind for t in told} == {LetterKind.APPEAL_FOR_PARTY}
    assert len(told) == 3
    text = " ".join(next(t for t in told if t.addressed_to == "reporter").text.split())
    assert "Sam Subject appealed" in text and "Wednesday 25 November 2026" in text
    assert "the outcome is upheld" in text
    assert "The record is clear." not in text


def test_vela_writes_to_the_member_alone(factory: Factory) -> None:
    letter = factory.letter()
    assert CaseParty.objects.filter(case=letter.case, role="reporter").exists()
    assert not letter.told_to_others.exists()
    deliver()
    assert [m.to for m in mail.outbox] == [["sam@example.org"]]


def test_a_member_never_sees_a_letter_addressed_to_someone_else_about_them(
    factory: Factory,
) -> None:
    case = insight_case(factory)
    letter = issue_case_letter(case=case, kind=None, actor=None, today=TODAY)
    other = letter.told_to_others.get(addressed_to="reporter")
    subject = case.member
    subject.user = factory.user(email="sam.signin@example.org")
    subject.save(update_fields=["user"])
    client = Client()
    client.force_login(subject.user)
    mine = client.get(reverse("letters:mine", kwargs={"member": subject.pk})).content.decode()
    assert letter.subject in mine and other.subject not in mine
    own = reverse("letters:my_download", kwargs={"member": subject.pk, "letter": letter.pk})
    theirs = reverse("letters:my_download", kwargs={"member": subject.pk, "letter": other.pk})
    assert client.get(own).status_code == 200
    assert client.get(theirs).status_code == 404
    api = client.get(f"/api/v1/letters/mine/{subject.pk}/letters").json()["letters"]
    assert [x["id"] for x in api] == [letter.pk]
    assert (
        client.get(f"/api/v1/letters/mine/{subject.pk}/letters/{other.pk}/pdf").status_code == 404
    )


def test_a_letter_handed_over_is_received_that_day_and_neither_emailed_nor_posted(
    factory: Factory,
) -> None:
    """Interpretation 2: notice by hand is received the day it is given."""
    letter = factory.letter(channel="hand")
    assert letter.channel == "hand"
    assert deliver() == []
    notice = CaseEvent.objects.get(case=letter.case, kind="notice_sent")
    assert (notice.effective, notice.channel) == (TODAY, "hand")
    window = assess_case(letter.case, as_of=TODAY).appeal_window
    assert window is not None and window.received == TODAY
    [dispatch] = Dispatch.objects.filter(letter=letter)
    assert (dispatch.channel, dispatch.to_address) == ("hand", "Handed over in person")
    assert posted_on(letter.case.organisation, TODAY) == []


def test_the_officer_chooses_by_hand_on_the_send_page(factory: Factory) -> None:
    case = factory.decided_case()
    client = Client()
    client.force_login(factory.officer())
    url = reverse("letters:issue", kwargs={"org": factory.home.slug, "case": case.pk})
    response = client.post(url, {"kind": "outcome", "by_hand": "hand"})
    assert response.status_code == 302
    assert Letter.objects.get(case=case).channel == "hand"


@pytest.mark.parametrize("bad", ["pigeon", "post"])
def test_any_other_channel_is_refused_on_the_send_page(factory: Factory, bad: str) -> None:
    case = factory.decided_case()
    client = Client()
    client.force_login(factory.officer())
    url = reverse("letters:issue", kwargs={"org": factory.home.slug, "case": case.pk})
    response = client.post(url, {"kind": "outcome", "by_hand": bad})
    assert response.status_code == 200
    assert (
        "Select a valid choice" in response.content.decode()
        or "Choose how" in response.content.decode()
    )
    assert not Letter.objects.filter(case=case).exists()


def test_the_api_sends_by_hand_and_lists_letters_to_others(factory: Factory) -> None:
    case = insight_case(factory)
    token = factory.token(factory.officer())
    headers = {"Authorization": f"Bearer {token.plaintext}"}
    client = Client()
    response = client.post(
        f"/api/v1/letters/{factory.home.slug}/issue",
        data={"case_id": case.pk, "by_hand": True},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["channel"], body["addressed_to"]) == ("hand", "member")
    listed = client.get(f"/api/v1/letters/{factory.home.slug}", headers=headers).json()["letters"]
    others = [x for x in listed if x["tells_of_id"] == body["id"]]
    assert sorted(x["addressed_to"] for x in others) == ["investigator", "investigator", "reporter"]


def test_the_insight_demo_case_waits_for_a_letter_that_tells_every_party(db: None) -> None:
    from panelkeeper.cases.models import Case
    from panelkeeper.demo.management.commands.demo import load_organisation

    today = dt.date(2026, 11, 23)
    load_organisation("insight", today)
    case = Case.objects.get(organisation__slug="insight", state="decided")
    assert not case.letters.exists()
    letter = issue_case_letter(case=case, kind=None, actor=None, today=today)
    told = sorted(letter.told_to_others.values_list("addressed_to", "channel"))
    assert told == [("investigator", "email"), ("investigator", "email"), ("reporter", "post")]


def test_the_api_writes_to_a_reporter_once_they_can_be_reached(factory: Factory) -> None:
    case = insight_case(factory, reporter_contact="", reporter_agreed_to_letters=False)
    letter = issue_case_letter(case=case, kind=None, actor=None, today=TODAY)
    party = CaseParty.objects.get(case=case, role="reporter")
    set_party_contact(party=party, contact="rita@example.org", agreed_to_letters=True, actor=None)
    token = factory.token(factory.officer())
    headers = {"Authorization": f"Bearer {token.plaintext}"}
    url = f"/api/v1/letters/{factory.home.slug}/{letter.pk}/tell-others"
    first = Client().post(url, headers=headers)
    assert first.status_code == 200
    assert [(x["addressed_to"], x["to_name"]) for x in first.json()] == [
        ("reporter", "Rita Reporter")
    ]
    assert Client().post(url, headers=headers).json() == []
    told = Letter.objects.get(tells_of=letter, party=party)
    about_a_letter_to_others = Client().post(
        f"/api/v1/letters/{factory.home.slug}/{told.pk}/tell-others", headers=headers
    )
    assert about_a_letter_to_others.json() == []


def test_the_wording_of_a_letter_to_others_previews_on_a_real_case(factory: Factory) -> None:
    case = insight_case(factory)
    client = Client()
    client.force_login(factory.officer())
    url = reverse(
        "letters:edit_template", kwargs={"org": factory.home.slug, "kind": "outcome_for_party"}
    )
    form = client.get(url).context["form"]
    response = client.post(
        url,
        {
            "subject": form.initial["subject"],
            "body": form.initial["body"],
            "case": case.pk,
            "preview": "1",
        },
    )
    page = " ".join(response.content.decode().split())
    assert response.status_code == 200
    assert "Dear Rita Reporter" in page and "Sam Subject" in page
    assert "It was found to be a minor breach." in page
    assert not Letter.objects.exists()


def test_the_case_page_lists_every_party_insight_tells_br_11(factory: Factory) -> None:
    case = insight_case(factory)
    client = Client()
    client.force_login(factory.officer())
    url = reverse("cases:detail", kwargs={"org": factory.home.slug, "pk": case.pk})
    page = client.get(url).content.decode()
    for told in (
        "Sam Subject (the member the case is about)",
        "Rita Reporter (who raised it)",
        "Mo Manager (who investigated it)",
        "Val Voice (who investigated it)",
    ):
        assert told in page


def test_a_released_investigator_is_not_told(factory: Factory) -> None:
    case = insight_case(factory)
    # A seat released the day it was filled, before the group sat. This case's group has
    # since been convened, so the release is written straight to its table.
    from panelkeeper.cases.models import Seat, SeatRelease

    seat = Seat.objects.get(case=case, user__email="mo@example.org")
    SeatRelease.objects.create(
        seat=seat,
        released_on=dt.date(2026, 11, 4),
        reason="Seated by mistake.",
        recorded_at=seat.recorded_at,
        recorded_by=None,
    )
    letter = issue_case_letter(case=case, kind=None, actor=None, today=TODAY)
    assert sorted(t.to_name for t in letter.told_to_others.all()) == [
        "Rita Reporter",
        "Val Voice",
    ]
