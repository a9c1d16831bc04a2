"""A member's home: where they land, what it says they should do next, their meetings
and apologies (MTG-1), letters, case and appeal (BR-12), and its bounded queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.cases.models import CaseEvent
from panelkeeper.meetings.actions import allocate_action
from panelkeeper.meetings.models import Attendance
from panelkeeper.members.models import Expense, Member
from panelkeeper.members.records import change_member_status
from panelkeeper.registers.interests import confirm_register, settings_of
from panelkeeper.registers.routing import review_due
from panelkeeper.rules.dates import day_month_year
from tests.factory import Factory

TODAY = dt.date(2026, 11, 25)
MEETING = dt.date(2026, 12, 10)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages read today from the clock; pin it to Wednesday 25 November 2026."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def home_url(member: Member) -> str:
    return reverse("pages:home", kwargs={"member": member.pk})


def _vela_with_documents(factory: Factory) -> None:
    factory.published_version(preset="vela", in_force_from=dt.date(2026, 1, 5))
    factory.document_version("code_of_conduct", title="Code of Conduct")
    factory.document_version("role_profile", title="Role Profile")


def _meeting(factory: Factory, member: Member, date: dt.date = MEETING) -> object:
    return factory.meeting(member.group, date, today=TODAY)


def test_a_member_lands_on_their_home_after_signing_in(factory: Factory) -> None:
    member = factory.member_record
    response = client_for(factory.member()).get(reverse("members:portal"))
    assert response.status_code == 302 and response["Location"] == home_url(member)


def test_a_new_member_is_told_what_to_sign_before_the_next_meeting_not_scolded_mem_2(
    factory: Factory,
) -> None:
    _vela_with_documents(factory)
    member = factory.member_record
    _meeting(factory, member)
    page = client_for(factory.member()).get(home_url(member)).content.decode()
    assert "Sign the Role Profile before the meeting on 10 December 2026." in page
    assert "Sign the Code of Conduct before the meeting on 10 December 2026." in page
    assert "put right" not in page and "govuk-tag--red" not in page
    sign = reverse(
        "members:sign",
        kwargs={"member": member.pk, "version": member.group.organisation.documents.get(
            key="role_profile").versions.get().pk},
    )  # fmt: skip
    assert sign in page


def test_a_member_with_nothing_to_do_is_told_they_can_take_part(factory: Factory) -> None:
    factory.published_version(preset="nexus", in_force_from=dt.date(2026, 1, 5))
    member = factory.member_record
    page = client_for(factory.member()).get(home_url(member)).content.decode()
    assert "You can take part in meetings." in page
    assert "You have nothing to sign." in page


def test_a_suspended_member_is_told_they_cannot_take_part_for_now(factory: Factory) -> None:
    factory.published_version(preset="nexus", in_force_from=dt.date(2026, 1, 5))
    member = factory.member_record
    change_member_status(
        member=member,
        status="suspended",
        effective_from=dt.date(2026, 11, 20),
        reason="Pending a review",
        actor=factory.officer(),
        today=TODAY,
    )
    page = client_for(factory.member()).get(home_url(member)).content.decode()
    assert "You cannot take part in meetings at the moment." in page
    assert "Suspended from 20 November 2026: Pending a review." in page


def test_sent_apologies_show_as_sent_with_the_day_and_can_be_changed_mtg_1(
    factory: Factory,
) -> None:
    member = factory.member_record
    meeting = _meeting(factory, member)
    client = client_for(factory.member())
    url = reverse("meetings:apologies", kwargs={"member": member.pk, "pk": meeting.pk})
    response = client.post(url, {"reason": "", "arrives_at": ""})
    assert response.status_code == 302 and response["Location"] == home_url(member)
    page = client.get(home_url(member)).content.decode()
    assert "Apologies sent" in page and "You sent them on 25 November 2026" in page
    assert "Change your apologies" in page and "Send apologies<" not in page
    meetings = client.get(reverse("meetings:portal", kwargs={"member": member.pk})).content
    assert "You have sent apologies for 1 of 1 meeting to come." in meetings.decode()
    assert "Change your apologies for the meeting" in client.get(url).content.decode()


def test_changing_apologies_keeps_the_day_they_were_first_sent_mtg_1(
    factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    member = factory.member_record
    meeting = _meeting(factory, member)
    client = client_for(factory.member())
    url = reverse("meetings:apologies", kwargs={"member": member.pk, "pk": meeting.pk})
    client.post(url, {"reason": "Away"})
    later = dt.date(2026, 12, 9)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: later)
    client.post(url, {"reason": "Away with family", "arrives_at": "19:15"})
    entry = Attendance.objects.get(meeting=meeting, member=member)
    assert entry.apologies_given_on == TODAY and entry.reason == "Away with family"
    assert entry.arrives_at == dt.time(19, 15) and not entry.late


def test_the_reason_is_optional_unless_the_code_asks_for_one(factory: Factory) -> None:
    factory.published_version(preset="nexus", in_force_from=dt.date(2026, 1, 5))
    member = factory.member_record
    meeting = _meeting(factory, member)
    url = reverse("meetings:apologies", kwargs={"member": member.pk, "pk": meeting.pk})
    client = client_for(factory.member())
    assert "Why can you not come? (optional)" in client.get(url).content.decode()
    assert client.post(url, {}).status_code == 302


def test_where_the_code_asks_for_a_reason_the_member_is_asked_in_their_words(
    factory: Factory,
) -> None:
    factory.published_version(preset="vela", in_force_from=dt.date(2026, 1, 5))
    member = factory.member_record
    meeting = _meeting(factory, member)
    url = reverse("meetings:apologies", kwargs={"member": member.pk, "pk": meeting.pk})
    client = client_for(factory.member())
    page = client.get(url).content.decode()
    assert "(optional)" not in page and "Your group asks for a reason" in page
    refused = client.post(url, {"reason": "  "})
    assert refused.status_code == 200 and "Tell us why you cannot come" in refused.content.decode()
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_the_home_lists_the_members_open_actions_with_overdue_ones_marked(
    factory: Factory,
) -> None:
    member = factory.member_record
    meeting = factory.meeting(member.group, dt.date(2026, 11, 2), today=TODAY, held=True)
    for what, due in (("Read the repairs report", dt.date(2026, 11, 20)), ("Visit", MEETING)):
        allocate_action(
            meeting=meeting, description=what, due_on=due, owner_member=member,
            actor=factory.officer(),
        )  # fmt: skip
    page = client_for(factory.member()).get(home_url(member)).content.decode()
    assert "Read the repairs report. Due by 20 November 2026." in page
    assert page.count("Overdue") == 1


def test_a_member_reads_their_letter_on_the_page_and_not_anyone_elses(factory: Factory) -> None:
    letter = factory.member_letter()
    member = factory.member_record
    client = client_for(factory.member())
    assert reverse("letters:my_letter", kwargs={"member": member.pk, "letter": letter.pk}) in (
        client.get(home_url(member)).content.decode()
    )
    page = client.get(
        reverse("letters:my_letter", kwargs={"member": member.pk, "letter": letter.pk})
    ).content.decode()
    assert "<article" in page and letter.subject in page
    assert "Download this letter as a PDF" in page
    other = factory.member_letter(factory.panel_member())
    mine = reverse("letters:my_letter", kwargs={"member": member.pk, "letter": other.pk})
    assert client.get(mine).status_code == 404


def _notified_case(factory: Factory) -> object:
    case = factory.decided_case()
    factory.letter(case)
    return case


def test_the_member_is_told_how_and_by_when_to_appeal_and_may_appeal_online_br_12(
    factory: Factory,
) -> None:
    case = _notified_case(factory)
    client = client_for(factory.subject())
    page = client.get(home_url(case.member)).content.decode()
    assert "Your case" in page and "The decision was: final written warning" in page
    assert "you can appeal to the Group Director of Operations" in page
    assert "Your appeal must reach us by" in page
    url = reverse("cases:appeal_online", kwargs={"case": case.pk})
    assert url in page
    refused = client.post(url, {"grounds": " "})
    assert "Tell us why you think the decision is wrong" in refused.content.decode()
    assert not case.events.filter(kind="appeal_lodged").exists()
    response = client.post(url, {"grounds": "I was not at that meeting."})
    assert response.status_code == 302
    lodged = CaseEvent.objects.get(case=case, kind="appeal_lodged")
    assert lodged.reason == "I was not at that meeting." and lodged.effective == TODAY
    after = client.get(home_url(case.member)).content.decode()
    assert "We got your appeal on Wednesday 25 November 2026." in after and url not in after
    assert "You cannot appeal this decision online" in client.get(url).content.decode()


def test_the_home_tells_the_latest_of_the_members_cases_and_of_none_without_one_br_8(
    factory: Factory,
) -> None:
    earlier = _notified_case(factory)
    later = factory.breach_case(effective=dt.date(2026, 11, 20))
    page = client_for(factory.subject()).get(home_url(later.member)).content.decode()
    assert reverse("cases:my_case", kwargs={"case": later.pk}) in page
    assert reverse("cases:my_case", kwargs={"case": earlier.pk}) not in page
    assert "We have had a report about your conduct." in page
    member = factory.member_record
    none = client_for(factory.member()).get(home_url(member)).content.decode()
    assert '<h2 class="govuk-heading-m">Your case</h2>' in page
    assert '<h2 class="govuk-heading-m">Your case</h2>' not in none


def test_a_case_still_under_way_is_told_in_plain_words_with_no_appeal(factory: Factory) -> None:
    case = factory.the_case
    client = client_for(factory.subject())
    page = client.get(home_url(case.member)).content.decode()
    assert "We have had a report about your conduct." in page
    url = reverse("cases:appeal_online", kwargs={"case": case.pk})
    assert url not in page
    assert client.post(url, {"grounds": "No"}).status_code == 200
    assert not case.events.filter(kind="appeal_lodged").exists()


def test_an_advocate_sees_the_home_of_the_member_they_help(factory: Factory) -> None:
    record = factory.advocated_record
    page = client_for(factory.advocate()).get(home_url(record)).content.decode()
    assert "You help Arthur Advocated as their advocate." in page
    other = factory.panel_member(advocate=factory.advocate())
    listing = client_for(factory.advocate()).get(reverse("members:portal")).content.decode()
    assert home_url(record) in listing and home_url(other) in listing


def _rows(factory: Factory, member: Member, count: int, start: int = 0) -> None:
    """``count`` more of everything the home lists: meetings, actions, claims, interests,
    gifts and letters (copies of one issued letter, to spare rendering PDFs)."""
    officer = factory.officer()
    held = factory.meeting(member.group, dt.date(2026, 11, 2), today=TODAY, held=True)
    letter = factory.member_letter(member)
    for n in range(start, start + count):
        _meeting(factory, member, MEETING + dt.timedelta(days=7 * n))
        allocate_action(
            meeting=held, description=f"Action {n}", due_on=MEETING, owner_member=member,
            actor=officer,
        )  # fmt: skip
        Expense.objects.create(
            member=member, kind="expense", activity=f"Meeting {n}", amount=Decimal("4.50"),
            activity_on=dt.date(2026, 11, 2),
        )  # fmt: skip
        factory.interest(member)
        factory.gift(member)
        letter.pk = None
        letter.save()


def test_the_home_runs_as_many_queries_for_30_rows_as_for_3(factory: Factory) -> None:
    _vela_with_documents(factory)
    member = factory.member_record
    factory.breach_case(member)
    client = client_for(factory.member())
    counts = []
    for count, start in ((3, 0), (27, 3)):
        _rows(factory, member, count, start)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(home_url(member)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_home_counts_current_interests_and_every_gift_and_says_when_to_check_coi_1(
    factory: Factory,
) -> None:
    _vela_with_documents(factory)
    member = factory.member_record
    client = client_for(factory.member())
    factory.interest(member)
    factory.interest(member)
    factory.interest(member, starts_on=dt.date(2025, 1, 1), ends_on=dt.date(2025, 12, 31))
    factory.interest(member, starts_on=dt.date(2027, 1, 1))
    factory.gift(member)
    text = " ".join(client.get(home_url(member)).content.decode().split())
    assert "You have 2 interests on the list and 1 gift or offer of hospitality." in text
    assert "Please check your list and tell us it is up to date." in text
    factory.gift(member)
    text = " ".join(client.get(home_url(member)).content.decode().split())
    assert "and 2 gifts or offers of hospitality." in text


def test_the_home_says_when_to_check_again_from_the_latest_review_coi_1(
    factory: Factory,
) -> None:
    _vela_with_documents(factory)
    member = factory.member_record
    user = factory.member()
    factory.interest(member)
    for day in (dt.date(2026, 3, 2), dt.date(2026, 6, 1)):
        confirm_register(member=member, nil=False, actor=user, today=day)
    due = review_due(dt.date(2026, 6, 1), settings_of(member.group.organisation).review_months)
    text = " ".join(client_for(user).get(home_url(member)).content.decode().split())
    assert f"Please check it again by {day_month_year(due)}." in text


def test_the_api_takes_the_members_appeal_and_refuses_it_as_the_form_does_br_12(
    factory: Factory,
) -> None:
    case = _notified_case(factory)
    client = client_for(factory.subject())
    url = f"/api/v1/cases/mine/{case.pk}/appeal"
    empty = client.post(url, {"grounds": "  "}, content_type="application/json")
    assert empty.status_code == 422
    assert empty.json()["detail"] == "Tell us why you think the decision is wrong"
    assert empty.json()["field"] == "grounds"
    long = client.post(url, {"grounds": "x" * 5001}, content_type="application/json")
    assert long.status_code == 422 and long.json()["field"] == "grounds"
    assert not case.events.filter(kind="appeal_lodged").exists()
    done = client.post(url, {"grounds": "I was not there."}, content_type="application/json")
    assert done.status_code == 200 and done.json()["state"] == "appealed"
    again = client.post(url, {"grounds": "Once more."}, content_type="application/json")
    assert again.status_code == 422 and again.json()["rule"] == "BR-12"
    investigator = client_for(factory.invited_to_case(case, role_key="customer_involvement_team"))
    assert (
        investigator.post(url, {"grounds": "No"}, content_type="application/json").status_code
        == 404
    )


def test_the_members_record_calls_papers_to_sign_things_to_do_not_faults(
    factory: Factory,
) -> None:
    _vela_with_documents(factory)
    member = factory.member_record
    url = reverse("members:my_record", kwargs={"member": member.pk})
    page = client_for(factory.member()).get(url).content.decode()
    assert "4 things still to do" in page and "To sign" in page  # two unsigned, two unwritten
    assert "put right" not in page and "govuk-tag--red" not in page
    assert f'href="{home_url(member)}" class="govuk-back-link">Back to your home' in page
