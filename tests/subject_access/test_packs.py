"""A subject access pack for a demo member with a case: all their letters and signed
documents, their case without the reporter who did not agree to be named, who read it by
role and date, and nothing about another member. Built in one step, released once."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from panelkeeper.accounts.models import User
from panelkeeper.cases.models import Case
from panelkeeper.demo.management.commands.demo import load_organisation
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import DocumentVersion, Member
from panelkeeper.rules.dates import day_month_year
from panelkeeper.subject_access import requests as sar
from panelkeeper.subject_access.models import Pack, Requester, SubjectAccessRequest
from panelkeeper.subject_access.packs import build_pack, release_pack
from tests.factory import Factory

D = dt.date
DEMO_DAY = D(2026, 12, 1)


@pytest.fixture
def demo(factory: Factory) -> Factory:
    with override_settings(DEMO=True, DEBUG=True):
        load_organisation("vela", DEMO_DAY)
    return factory


def _asks(member: Member, officer: User) -> SubjectAccessRequest:
    return sar.log_request(
        organisation=member.group.organisation,
        requester=Requester.MEMBER,
        member=member,
        received_on=DEMO_DAY,
        actor=officer,
        today=DEMO_DAY,
    )


def _titles(pack: Pack, section: str) -> list[str]:
    found = [s for s in pack.content["sections"] if s["title"] == section]
    assert len(found) == 1, section
    return [entry["heading"] for entry in found[0]["entries"]]


def _kwame_with_letters_and_signatures(factory: Factory) -> Member:
    """The demo member whose case was decided, given a letter and two signatures; another
    demo member gets a letter of their own."""
    kwame = Member.objects.get(full_name="Kwame Osei")
    for key, label in (("code_of_conduct", "demo-1"), ("confidentiality_statement", "demo-1")):
        version = DocumentVersion.objects.get(document__key=key, label=label)
        factory.signature(kwame, version, signed_on=D(2026, 11, 2))
    factory.member_letter(kwame)
    factory.member_letter(Member.objects.get(full_name="Beryl Ashworth"))
    return kwame


def test_a_demo_members_pack_holds_their_letters_documents_and_case_and_no_one_else(
    demo: Factory,
) -> None:
    kwame = _kwame_with_letters_and_signatures(demo)
    officer = User.objects.get(email="officer.vela@example.org")
    case = Case.objects.get(member=kwame)
    reader = Client()
    reader.force_login(officer)
    assert (
        reader.get(reverse("cases:detail", kwargs={"org": "vela", "pk": case.pk})).status_code
        == 200
    )

    request = _asks(kwame, officer)
    pack = build_pack(request=request, actor=officer)

    letter = kwame.letters.get()
    assert _titles(pack, "Letters sent to you") == [f"{letter.reference}: {letter.subject}"]
    assert _titles(pack, "Documents you signed") == [
        "Code of Conduct, version demo-1",
        "Confidentiality Statement, version demo-1",
    ]
    assert _titles(pack, "Breach cases about you") == [
        f"Case {case.reference}",
        "Raised, 11 November 2026",
        "Member informed, 12 November 2026",
        "Group convened, 16 November 2026",
        "Level determined, 19 November 2026",
        "Outcome recorded, 19 November 2026",
        "Notice sent, 20 November 2026",
    ]
    readings = [s for s in pack.content["sections"] if s["title"] == "Who has read your records"]
    assert readings[0]["entries"][0]["heading"].startswith("Breach case read on ")
    assert readings[0]["entries"][0]["facts"] == [["By", "Officer"]]

    text = json.dumps(pack.content)
    assert letter.text.splitlines()[0] in text  # the letter itself, not only its subject
    assert "Kwame Osei" in text and "Not named: they did not agree to be named" in text
    others = ["Beryl Ashworth", "Doreen Pickles", "Stan Mottram", "Pat Example"]
    assert [name for name in others if name in text] == []
    other_case = Case.objects.exclude(member=kwame).get()
    assert other_case.reference not in text


def test_a_reporter_who_agreed_to_be_named_is_named(demo: Factory) -> None:
    kwame = Member.objects.get(full_name="Kwame Osei")
    Case.objects.filter(member=kwame).update(reporter_consents_to_identity=True)
    officer = User.objects.get(email="officer.vela@example.org")
    request = _asks(kwame, officer)
    assert "Pat Example" in json.dumps(build_pack(request=request, actor=officer).content)


def test_the_pack_is_released_once_after_review_and_then_stays_as_sent(demo: Factory) -> None:
    kwame = Member.objects.get(full_name="Kwame Osei")
    officer = User.objects.get(email="officer.vela@example.org")
    request = _asks(kwame, officer)
    pack = build_pack(request=request, actor=officer)
    today = pack.built_at.date()
    with pytest.raises(Refused, match="Confirm you have read"):
        release_pack(pack=pack, reviewed=False, released_on=today, actor=officer, today=today)
    released = release_pack(pack=pack, reviewed=True, released_on=today, actor=officer, today=today)
    assert (released.released_on, released.released_by) == (today, officer)
    with pytest.raises(Refused, match="already released"):
        release_pack(pack=pack, reviewed=True, released_on=today, actor=officer, today=today)
    with pytest.raises(Refused, match="can no longer be built"):
        build_pack(request=request, actor=officer)
    assert sar.clock_of(request, today=today).answered


def test_a_reporter_asking_gets_the_concerns_they_raised_without_the_member_they_named(
    factory: Factory,
) -> None:
    concern = factory.concern(
        factory.home,
        about_whom="Gordon Bennett",
        what_happened="Gordon Bennett shouted at a tenant during the panel meeting.",
    )
    factory.concern(factory.home, reporter_name="Someone Else", reporter_contact="se@example.org")
    request = sar.log_request(
        organisation=factory.home,
        requester=Requester.REPORTER,
        name="rhona reporter",
        received_on=D(2026, 11, 30),
        actor=factory.officer(),
        today=D(2026, 11, 30),
    )
    pack = build_pack(request=request, actor=factory.officer())
    received = day_month_year(timezone.localtime(concern.received_at).date())
    assert _titles(pack, "Concerns you raised") == [f"Concern received {received}"]
    entry = pack.content["sections"][0]["entries"][0]
    assert entry["text"] == "[name withheld] shouted at a tenant during the panel meeting."
    assert ["Your name", "Rhona Reporter"] in entry["facts"]
    text = json.dumps(pack.content)
    assert "Gordon Bennett" not in text and "Someone Else" not in text
