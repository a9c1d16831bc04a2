"""``panelkeeper demo --scale``: organisations in bulk, written as the domain writes them.

The sizes here are small; the national and tenth runs are timed by ``make bench``.
"""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.audit.chain import verify_chain
from panelkeeper.cases.models import Case, CaseEvent, CaseParty, Seat
from panelkeeper.cases.procedure import assess_case
from panelkeeper.demo.scale import SCALES, Scale, batches, generate, sizes
from panelkeeper.meetings.models import Attendance, Meeting
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation, PolicyVersion
from panelkeeper.organisations.policies import missing_role_holders

TODAY = dt.date(2026, 11, 25)
SMALL = Scale(5, 120, ((1, 60),), meetings=4)

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated() -> dict[str, int]:
    # Batches of about 40 members: the organisation of 60 alone, then the others a few at a time.
    made = generate(
        SMALL, prefix="bulk", password="a-password", today=TODAY, say=print, batch_members=40
    )
    return dict(made)


def test_the_national_scale_has_the_sizes_the_issue_sets() -> None:
    import random

    national = sizes(SCALES["national"], random.Random(1))
    assert len(national) == 2000
    assert sum(national) == 100_000
    assert sorted(national)[-4:] == [3000] * 4
    assert sorted(national)[len(national) // 2] < 100  # most organisations have tens
    tenth = sizes(SCALES["tenth"], random.Random(1))
    assert (len(tenth), sum(tenth)) == (200, 10_000)


def test_organisations_are_written_in_batches_of_about_as_many_members_as_set() -> None:
    runs = list(batches("abcde", [3000, 300, 300, 4000, 10], 3500))
    assert runs == [["a", "b", "c"], ["d"], ["e"]]


def test_it_makes_what_it_reports(generated: dict[str, int]) -> None:
    assert generated["organisations"] == Organisation.objects.count() == 5
    assert generated["members"] == Member.objects.count() == 120
    assert generated["attendance records"] == Attendance.objects.count()
    assert generated["cases"] == Case.objects.count() > 0
    assert generated["case events"] == CaseEvent.objects.count()
    # Each member attends the meetings held since they joined: four held, one to come.
    held = Meeting.objects.filter(status="held").count()
    assert Attendance.objects.count() == 120 * 4
    groups = Meeting.objects.values("group").distinct().count()
    assert Meeting.objects.count() - held == groups  # one to come for each group


def test_every_code_is_in_force_with_every_title_held(generated: dict[str, int]) -> None:
    for organisation in Organisation.objects.all():
        version = PolicyVersion.objects.in_force(organisation, on=TODAY)
        assert version is not None
        assert missing_role_holders(version) == ()


def test_every_chain_of_the_audit_log_verifies(generated: dict[str, int]) -> None:
    for organisation_id in Organisation.objects.values_list("pk", flat=True):
        report = verify_chain(organisation_id)
        assert report.intact, report.mismatch
        assert report.entries > 0


def test_each_case_keeps_the_copy_its_events_give(generated: dict[str, int]) -> None:
    courses = set()
    for case in Case.objects.select_related("policy_version", "organisation", "member"):
        last = case.events.order_by("-effective").first()
        assert last is not None
        view = assess_case(case, as_of=last.recorded_on)
        assert case.state == view.state.value
        assert (case.level, case.next_due) == (view.level or "", view.next_due)
        nearest = view.next_deadline
        assert (case.next_deadline, case.next_due_in_working_days) == (
            (nearest.key, nearest.working_days) if nearest is not None else ("", False)
        )
        courses.add(tuple(case.events.order_by("effective", "id").values_list("kind", flat=True)))
        assert CaseParty.objects.filter(case=case, role="reporter").count() == 1
    assert ("raised", "withdrawn") in courses
    assert ("raised",) in courses
    assert Seat.objects.exists()  # formal stages have their group's first staff seat


def test_a_generated_case_and_its_list_open_for_the_officer(generated: dict[str, int]) -> None:
    case = Case.objects.filter(seats__isnull=False).select_related("organisation").first()
    assert case is not None
    client = Client()
    client.force_login(User.objects.get(email=f"officer.{case.organisation.slug}@example.org"))
    slug = case.organisation.slug
    detail = client.get(reverse("cases:detail", kwargs={"org": slug, "pk": case.pk}))
    assert detail.status_code == 200
    assert case.member.full_name in detail.content.decode()
    assert client.get(reverse("cases:list", kwargs={"org": slug})).status_code == 200


def test_the_officers_sign_in_with_the_password_given(generated: dict[str, int]) -> None:
    officer = User.objects.get(email="officer.bulk-0001@example.org")
    assert officer.check_password("a-password")


@override_settings(DEMO=False, DEBUG=True)
def test_bulk_data_is_refused_outside_the_demo() -> None:
    with pytest.raises(CommandError, match="PANELKEEPER_DEMO=1"):
        call_command("demo", "--scale", "tenth", stdout=StringIO())
    assert not Organisation.objects.exists()


@override_settings(DEMO=True, DEBUG=True)
def test_bulk_data_is_generated_once(generated: dict[str, int]) -> None:
    Organisation.objects.filter(slug="bulk-0001").update(slug="scale-0001")
    with pytest.raises(CommandError, match="already there"):
        call_command("demo", "--scale", "tenth", stdout=StringIO(), stderr=StringIO())


def test_letters_are_issued_and_sent_with_the_case_values(generated: dict[str, int]) -> None:
    from panelkeeper.letters.models import Dispatch, Letter

    letter = Letter.objects.select_related("case", "member", "organisation").first()
    assert letter is not None and generated["letters"] == Letter.objects.count()
    assert letter.case is not None and letter.case.reference in letter.subject
    assert letter.member.full_name in letter.html
    assert bytes(letter.pdf).startswith(b"%PDF-1.4") and not letter.tagged
    assert Dispatch.objects.filter(letter=letter).count() == 1
    client = Client()
    client.force_login(User.objects.get(email=f"officer.{letter.organisation.slug}@example.org"))
    page = client.get(
        reverse("letters:detail", kwargs={"org": letter.organisation.slug, "pk": letter.pk})
    )
    assert page.status_code == 200


def test_each_letter_is_the_one_the_letters_app_would_have_sent(
    generated: dict[str, int],
) -> None:
    from panelkeeper.letters.models import Letter
    from panelkeeper.letters.previews import preview_case_letter

    letters = Letter.objects.select_related("case__organisation", "case__policy_version", "member")
    assert generated["letters"] > 1
    for letter in letters:
        assert letter.case is not None
        sent = preview_case_letter(case=letter.case, kind=letter.kind, today=letter.issued_on)
        assert (letter.subject, letter.text, letter.html) == (sent.subject, sent.text, sent.html)
        assert (letter.channel, letter.addressed_to) == (sent.to.channel, sent.to.recipient)
