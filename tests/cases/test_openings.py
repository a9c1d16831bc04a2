"""Cases opened from meetings: a member asked to leave (MTG-5) and membership ended for
missed meetings (MTG-2, Interpretation 6), with the exclusion's notice and appeal."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from panelkeeper.cases.changes.appeals import consider_appeal, decide_appeal, lodge_appeal
from panelkeeper.cases.changes.opening import (
    open_case_from_asked_to_leave,
    open_exclusion,
    open_exclusion_from_missed_meetings,
)
from panelkeeper.cases.changes.steps import record_notice
from panelkeeper.cases.models import Case, CaseState
from panelkeeper.cases.pending import Pending, pending_openings
from panelkeeper.cases.procedure import assess_case
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.models import AskedToLeave, MissedMeetings, MissedMeetingsStatus
from panelkeeper.members.models import Member, Status
from panelkeeper.members.status import status_on
from panelkeeper.rules.ladder.case import CaseKind
from tests.factory import Factory

TODAY = dt.date(2026, 11, 23)


def _nexus_member(factory: Factory) -> Member:
    factory.code_in_force("nexus")
    return factory.panel_member()


def test_a_member_asked_to_leave_opens_a_serious_breach_case_mtg_5(factory: Factory) -> None:
    member = _nexus_member(factory)
    meeting = factory.meeting(date=dt.date(2026, 11, 10))
    row = AskedToLeave.objects.create(
        meeting=meeting,
        member=member,
        what_happened="Shouted down the chair.",
        recorded_at=timezone.now(),
        recorded_by=factory.officer(),
    )
    case = open_case_from_asked_to_leave(record_=row, actor=None, today=TODAY)
    assert case.asked_to_leave == row
    assert case.setting == "meeting" and case.began_on == dt.date(2026, 11, 10)
    assert case.level == "serious"
    assert "Shouted down the chair." in case.description


def _ended(factory: Factory, member: Member) -> MissedMeetings:
    from panelkeeper.members.records import change_member_status

    ending = change_member_status(
        member=member,
        status=Status.ENDED,
        reason="Missed three meetings in a row",
        effective_from=dt.date(2026, 11, 12),
        actor=None,
        today=TODAY,
    )
    return MissedMeetings.objects.create(
        member=member,
        group=member.group,
        status=MissedMeetingsStatus.ENDED,
        missed=3,
        limit=2,
        first_missed_on=dt.date(2026, 9, 10),
        last_missed_on=dt.date(2026, 11, 10),
        opened_on=dt.date(2026, 11, 10),
        opened_at=timezone.now(),
        reason="No reply to letters",
        decided_on=dt.date(2026, 11, 12),
        ended_status=ending,
    )


def test_membership_ended_for_missed_meetings_opens_an_exclusion_with_its_appeal_mtg_2(
    factory: Factory,
) -> None:
    member = _nexus_member(factory)
    decision = _ended(factory, member)
    case = open_exclusion_from_missed_meetings(decision=decision, actor=None, today=TODAY)
    assert case.kind == CaseKind.EXCLUSION and case.state == CaseState.DECIDED
    # The ending is written once, by the meetings decision.
    assert member.statuses.filter(status=Status.ENDED).count() == 1
    with pytest.raises(Refused, match="already open"):
        open_exclusion_from_missed_meetings(decision=decision, actor=None, today=TODAY)
    record_notice(
        case=case,
        sent_on=dt.date(2026, 11, 13),
        to=member.full_name,
        channel="hand",
        actor=None,
        today=TODAY,
    )
    view = assess_case(case, as_of=TODAY)
    assert view.appeal_window is not None
    # Seven calendar days from receipt on 13 November (Interpretation 2).
    assert view.appeal_window.closes == dt.date(2026, 11, 20)
    lodge_appeal(case=case, received_on=dt.date(2026, 11, 18), actor=None, today=TODAY)
    consider_appeal(case=case, actor=None, effective=dt.date(2026, 11, 19), today=TODAY)
    decide_appeal(
        case=case,
        result="overturned",
        reason="Illness was not known.",
        actor=None,
        effective=dt.date(2026, 11, 20),
        today=TODAY,
    )
    assert status_on(member, on=dt.date(2026, 11, 21)) == Status.ACTIVE


def test_an_exclusion_can_be_opened_for_a_member_and_a_date_mtg_2(factory: Factory) -> None:
    member = _nexus_member(factory)
    case = open_exclusion(
        member=member,
        effective=dt.date(2026, 11, 12),
        reason="Stepped down after a confidentiality breach",
        actor=None,
        today=TODAY,
    )
    assert status_on(member, on=dt.date(2026, 11, 12)) == Status.ENDED
    assert Case.objects.get() == case


def test_the_officer_opens_waiting_records_from_the_case_list(
    factory: Factory, officer_client: Client
) -> None:
    member = _nexus_member(factory)
    decision = _ended(factory, member)
    url = reverse("cases:list", kwargs={"org": "home"})
    assert (
        "Membership ended after 3 meetings missed in a row"
        in officer_client.get(url).content.decode()
    )
    response = officer_client.post(
        reverse("cases:open_mtg2", kwargs={"org": "home", "decision": decision.pk})
    )
    assert response.status_code == 302
    assert Case.objects.get().missed_meetings == decision
    assert "meetings missed in a row" not in officer_client.get(url).content.decode()


def _asked_to_leave(factory: Factory) -> AskedToLeave:
    member = _nexus_member(factory)
    return AskedToLeave.objects.create(
        meeting=factory.meeting(date=dt.date(2026, 11, 10)),
        member=member,
        what_happened="Shouted down the chair.",
        recorded_at=timezone.now(),
        recorded_by=factory.officer(),
    )


def test_a_record_of_a_member_asked_to_leave_opens_one_case_only_through_the_api_mtg_5(
    factory: Factory, officer_client: Client
) -> None:
    row = _asked_to_leave(factory)
    url = f"/api/v1/cases/home/asked-to-leave/{row.pk}/open"
    assert officer_client.post(url).status_code == 201
    again = officer_client.post(url)
    assert again.status_code == 422, again.content
    assert again.json()["rule"] == "MTG-5"
    assert Case.objects.filter(member=row.member).count() == 1


def test_a_record_of_a_member_asked_to_leave_opens_one_case_only_on_the_page_mtg_5(
    factory: Factory, officer_client: Client
) -> None:
    row = _asked_to_leave(factory)
    url = reverse("cases:open_mtg5", kwargs={"org": "home", "record": row.pk})
    assert officer_client.post(url).status_code == 302
    again = officer_client.post(url, follow=True)
    assert again.status_code == 200
    assert "already open" in again.content.decode() and "MTG-5" in again.content.decode()
    assert Case.objects.filter(member=row.member).count() == 1


def test_a_missed_meetings_decision_opens_one_exclusion_only_through_the_api_mtg_2(
    factory: Factory, officer_client: Client
) -> None:
    decision = _ended(factory, _nexus_member(factory))
    url = f"/api/v1/cases/home/missed-meetings/{decision.pk}/open"
    assert officer_client.post(url).status_code == 201
    again = officer_client.post(url)
    assert again.status_code == 422, again.content
    assert again.json()["rule"] == "MTG-2"
    assert Case.objects.filter(missed_meetings=decision).count() == 1


def test_the_records_waiting_are_listed_by_date_with_the_member_mtg_2_mtg_5(
    factory: Factory,
) -> None:
    decision = _ended(factory, _nexus_member(factory))
    asked = AskedToLeave.objects.create(
        meeting=factory.meeting(date=dt.date(2026, 11, 10)),
        member=factory.panel_member(full_name="Ann & Bo"),
        what_happened="Shouted down the chair.",
        recorded_at=timezone.now(),
        recorded_by=factory.officer(),
    )
    opened = _asked_to_leave(factory)
    open_case_from_asked_to_leave(record_=opened, actor=None)
    with CaptureQueriesContext(connection) as read:
        waiting = pending_openings(factory.home)
    assert len(read) == 2
    assert waiting == [
        Pending(
            "asked_to_leave",
            asked.pk,
            "Ann & Bo",
            dt.date(2026, 11, 10),
            "Asked to leave the meeting by the chair",
        ),
        Pending(
            "missed_meetings",
            decision.pk,
            decision.member.full_name,
            dt.date(2026, 11, 12),
            "Membership ended after 3 meetings missed in a row",
        ),
    ]
