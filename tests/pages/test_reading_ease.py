"""Every page a member meets reads easily: Flesch reading ease of at least 60 for the
visible words of ``<main>``, rendered for the demo's vela member, leaving out people's
names and the organisation's own documents (shown as it uploaded them). No page shows a
machine name or a date written the ISO way.
"""

from __future__ import annotations

import re
from io import StringIO

import textstat
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.cases.models import Case
from panelkeeper.letters.issuing import issue_case_letter
from panelkeeper.letters.models import Letter
from panelkeeper.meetings.models import Meeting
from panelkeeper.members.models import DocumentVersion, Member
from tests.pages.reading import visible_text, without

EASE = 60
SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _pages(member: Member) -> list[str]:
    """The member's pages, each with the demo's records in its address."""
    mine = {"member": member.pk}
    meeting = Meeting.objects.filter(group=member.group).order_by("-date").first()
    assert meeting is not None, "the demo gives the vela panel meetings"
    case = Case.objects.get(member=member)
    letter = Letter.objects.filter(member=member).to_member().first() or issue_case_letter(
        case=case, kind="investigation", actor=None
    )
    version = DocumentVersion.objects.filter(
        document__organisation=member.group.organisation
    ).first()
    assert version is not None
    return [
        reverse("pages:home", kwargs=mine),
        reverse("members:my_record", kwargs=mine),
        reverse("members:sign", kwargs={**mine, "version": version.pk}),
        reverse("members:my_group", kwargs=mine),
        reverse("members:contact_sharing", kwargs=mine),
        reverse("members:my_expenses", kwargs=mine),
        reverse("members:claim_expense", kwargs=mine),
        reverse("registers:mine", kwargs=mine),
        reverse("registers:my_interest", kwargs=mine),
        reverse("registers:my_confirm", kwargs=mine),
        reverse("registers:my_gift", kwargs=mine),
        reverse("meetings:portal", kwargs=mine),
        reverse("meetings:portal_meeting", kwargs={**mine, "pk": meeting.pk}),
        reverse("meetings:apologies", kwargs={**mine, "pk": meeting.pk}),
        reverse("letters:mine", kwargs=mine),
        reverse("letters:my_letter", kwargs={**mine, "letter": letter.pk}),
        reverse("cases:mine"),
        reverse("cases:my_case", kwargs={"case": case.pk}),
        reverse("cases:appeal_online", kwargs={"case": case.pk}),
    ]


def _names() -> list[str]:
    names: list[str] = []
    for member in Member.objects.all():
        names += [member.full_name, *member.full_name.split()]
    for user in User.objects.all():
        names += [user.first_name, user.last_name, user.get_full_name()]
    return names


@override_settings(DEMO=True, DEBUG=True)
def test_every_page_a_member_meets_reads_at_60_or_more_without_machine_words(db: None) -> None:
    call_command("demo", stdout=StringIO())
    member = Member.objects.get(user__email="member.vela@example.org")
    client = Client()
    client.force_login(member.user)  # type: ignore[arg-type]
    pages = _pages(member)
    names = _names()
    scores: dict[str, float] = {}
    problems: list[str] = []
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        text = without(visible_text(response.content.decode(), skip=("pk-document",)), names)
        scores[url] = textstat.flesch_reading_ease(text)
        problems += [f"{url}: {word}" for word in SNAKE.findall(text) + ISO.findall(text)]
    print("\n".join(f"{score:6.1f}  {url}" for url, score in scores.items()))
    assert {url: s for url, s in scores.items() if s < EASE} == {}
    assert problems == []
