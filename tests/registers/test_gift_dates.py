"""A declaration carries the day it was declared, and goes on the agenda of the group's
first meeting after that day, on one agenda only, its status following (GIFT-1, GIFT-2)."""

from __future__ import annotations

import datetime as dt
import importlib
import json
from types import SimpleNamespace
from typing import Any

from django.apps import apps
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from panelkeeper.accounts.models import User
from panelkeeper.meetings.agenda import place_gift, put_waiting_matters_on_agenda
from panelkeeper.meetings.models import AgendaItem
from panelkeeper.meetings.schedule import cancel_meeting
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import PolicyVersion
from panelkeeper.registers.gifts import decide_gift
from panelkeeper.registers.models import Gift, GiftStatus
from panelkeeper.rules.dates import day_month_year
from tests.factory import Factory
from tests.registers.conftest import audit_actions
from tests.registers.test_views_officers import date_fields

API = "/api/v1/registers/home/gifts"


def body(member: Member, **fields: Any) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "member_id": member.pk,
        "giver_kind": "contractor",
        "giver_name": "Brightside Roofing Ltd",
        "description": "Lunch at the open day",
        "value": "12.50",
        "given_on": (today - dt.timedelta(days=20)).isoformat(),
        **fields,
    }


def declare(client: Client, member: Member, **fields: Any) -> Any:
    return client.post(API, json.dumps(body(member, **fields)), content_type="application/json")


def items_of(gift: Gift) -> list[AgendaItem]:
    items = AgendaItem.objects.filter(gift=gift).select_related("meeting")
    return list(items.order_by("meeting__date"))


def test_a_declaration_is_dated_today_unless_another_day_is_given_gift_1(
    officer_client: Client, vela: PolicyVersion, member: Member
) -> None:
    today = timezone.localdate()
    first = declare(officer_client, member)
    assert first.status_code == 201, first.content
    assert first.json()["declared_on"] == today.isoformat()
    on_paper = today - dt.timedelta(days=6)
    second = declare(officer_client, member, declared_on=on_paper.isoformat())
    assert second.json()["declared_on"] == on_paper.isoformat()
    assert Gift.objects.get(pk=second.json()["id"]).declared_on == on_paper
    assert audit_actions(Gift.objects.get(pk=second.json()["id"])) == ["gift.declared"]


def test_a_declaration_dated_in_the_future_before_the_gift_or_before_joining_is_refused(
    officer_client: Client, vela: PolicyVersion, member: Member
) -> None:
    today = timezone.localdate()
    given = today - dt.timedelta(days=20)
    cases = [
        (today + dt.timedelta(days=1), "today or in the past"),
        (given - dt.timedelta(days=1), f"on or after {day_month_year(given)}, when it was given"),
    ]
    for declared_on, words in cases:
        response = declare(officer_client, member, declared_on=declared_on.isoformat())
        assert response.status_code == 422, response.content
        assert response.json()["field"] == "declared_on"
        assert words in response.json()["detail"]
    joined = member.started_on
    early = declare(
        officer_client,
        member,
        given_on=(joined - dt.timedelta(days=3)).isoformat(),
        declared_on=(joined - dt.timedelta(days=1)).isoformat(),
    )
    assert early.status_code == 422
    assert f"{day_month_year(joined)}, when Mina Member joined" in early.json()["detail"]
    assert not Gift.objects.exists()


def test_the_form_asks_when_it_was_declared_and_says_what_is_wrong(
    officer_client: Client, vela: PolicyVersion, member: Member
) -> None:
    today = timezone.localdate()
    url = reverse("registers:declare_gift", kwargs={"org": "home", "member": member.pk})
    assert "When was it declared?" in officer_client.get(url).text
    data = {
        "giver_kind": "contractor",
        "giver_name": "Brightside Roofing Ltd",
        "description": "Box of biscuits",
        "value": "6",
        "reported_to_role": "customer_involvement_team",
        **date_fields("given_on", today - dt.timedelta(days=9)),
    }
    refused = officer_client.post(
        url, {**data, **date_fields("declared_on", today - dt.timedelta(days=10))}
    )
    assert refused.status_code == 200
    assert "The date it was declared must be on or after" in refused.text
    assert not Gift.objects.exists()
    on_paper = today - dt.timedelta(days=8)
    done = officer_client.post(url, {**data, **date_fields("declared_on", on_paper)})
    assert done.status_code == 302
    assert Gift.objects.get().declared_on == on_paper
    register = officer_client.get(reverse("registers:gifts", kwargs={"org": "home"})).text
    assert "Declared" in register


def test_declared_while_a_meeting_is_scheduled_it_goes_on_that_agenda_at_once_gift_2(
    officer_client: Client, vela: PolicyVersion, member: Member, factory: Factory
) -> None:
    meeting = factory.meeting(member.group)  # ten days from today
    response = declare(officer_client, member)
    assert response.status_code == 201
    assert (response.json()["status"], response.json()["agenda_on"]) == (
        "on_agenda",
        meeting.date.isoformat(),
    )
    gift = Gift.objects.get()
    assert [item.meeting for item in items_of(gift)] == [meeting]
    assert audit_actions(gift) == ["gift.declared", "gift.put_on_agenda"]
    register = officer_client.get(reverse("registers:gifts", kwargs={"org": "home"})).text
    assert f"On the agenda of the meeting on {day_month_year(meeting.date)}" in register


def test_a_declaration_goes_to_the_first_meeting_after_the_day_it_was_declared_gift_2(
    factory: Factory, vela: PolicyVersion, member: Member, officer: User
) -> None:
    today = dt.date(2026, 11, 23)
    same_day = factory.meeting(member.group, dt.date(2026, 12, 3))
    next_one = factory.meeting(member.group, dt.date(2026, 12, 10))
    factory.meeting(member.group, dt.date(2027, 1, 14))
    gift = factory.gift(member, declared_on=dt.date(2026, 12, 3), given_on=dt.date(2026, 11, 2))
    item = place_gift(gift, today=today, actor=officer)
    assert item is not None and item.meeting == next_one
    assert not same_day.agenda.filter(gift=gift).exists()
    gift.refresh_from_db()
    assert (gift.status, gift.agenda_on) == (GiftStatus.ON_AGENDA, next_one.date)


def test_with_no_meeting_it_waits_and_a_meeting_scheduled_later_picks_it_up_gift_2(
    officer_client: Client, vela: PolicyVersion, member: Member, factory: Factory
) -> None:
    declared = declare(officer_client, member).json()
    assert (declared["status"], declared["agenda_on"]) == ("waiting_for_meeting", None)
    register = officer_client.get(reverse("registers:gifts", kwargs={"org": "home"})).text
    assert "Waiting for a meeting" in register
    meeting = factory.meeting(member.group)
    gift = Gift.objects.get()
    assert (gift.status, gift.agenda_on) == (GiftStatus.ON_AGENDA, meeting.date)
    assert [item.meeting for item in items_of(gift)] == [meeting]


def test_a_gift_is_on_one_agenda_only_however_often_or_from_wherever_it_is_placed_gift_2(
    factory: Factory, vela: PolicyVersion, member: Member, officer: User
) -> None:
    today = dt.date(2026, 11, 23)
    later = factory.meeting(member.group, dt.date(2026, 12, 10))
    gift = factory.gift(member)
    stale = Gift.objects.get(pk=gift.pk)  # another request's copy, read while it waited
    assert place_gift(gift, today=today, actor=officer) is not None
    assert place_gift(stale, today=today, actor=officer) is None  # the guarded write
    assert put_waiting_matters_on_agenda(group=member.group, today=today, actor=None) == []
    earlier = factory.meeting(member.group, dt.date(2026, 12, 1))
    assert not earlier.agenda.exists()
    assert [item.meeting for item in items_of(gift)] == [later]


def test_its_status_follows_a_cancelled_meeting_and_ends_discussed_gift_2(
    factory: Factory, vela: PolicyVersion, member: Member, officer: User
) -> None:
    today = dt.date(2026, 11, 23)
    first = factory.meeting(member.group, dt.date(2026, 12, 10))
    second = factory.meeting(member.group, dt.date(2027, 1, 14))
    gift = factory.gift(member)
    place_gift(gift, today=today, actor=officer)
    cancel_meeting(meeting=first, reason="No quorum", actor=officer, today=today)
    gift.refresh_from_db()
    assert (gift.status, gift.agenda_on) == (GiftStatus.ON_AGENDA, second.date)
    assert [item.meeting for item in items_of(gift)] == [first, second]  # history kept
    decided = decide_gift(
        gift=gift, outcome="returned", decided_on=today, actor=officer, today=today
    )
    assert (decided.status, decided.agenda_on) == (GiftStatus.DECIDED, None)
    assert decided.get_status_display() == "Discussed"


def test_a_gift_left_on_a_past_meetings_agenda_waits_again_and_moves_on_gift_2(
    factory: Factory, vela: PolicyVersion, member: Member, officer: User
) -> None:
    held = factory.meeting(member.group, dt.date(2026, 12, 1))
    after = factory.meeting(member.group, dt.date(2026, 12, 10))
    gift = factory.gift(member)
    place_gift(gift, today=dt.date(2026, 11, 23), actor=officer)
    [item] = put_waiting_matters_on_agenda(
        group=member.group, today=dt.date(2026, 12, 2), actor=None
    )
    assert item.meeting == after
    gift.refresh_from_db()
    assert (gift.status, gift.agenda_on) == (GiftStatus.ON_AGENDA, after.date)
    assert held.agenda.filter(gift=gift).exists()
    assert "gift.waiting_again" in audit_actions(gift)


def test_the_migration_marks_a_waiting_gift_already_on_a_scheduled_agenda(
    factory: Factory, vela: PolicyVersion, member: Member, officer: User
) -> None:
    migration = importlib.import_module(
        "panelkeeper.meetings.migrations.0008_gifts_on_agenda_backfill"
    )
    meeting = factory.meeting(member.group, dt.date(2026, 12, 10))
    gift = factory.gift(member)
    place_gift(gift, today=dt.date(2026, 11, 23), actor=officer)
    Gift.objects.filter(pk=gift.pk).update(status=GiftStatus.WAITING_FOR_MEETING, agenda_on=None)
    migration.on_agenda(apps, SimpleNamespace(connection=connection))
    gift.refresh_from_db()
    assert (gift.status, gift.agenda_on) == (GiftStatus.ON_AGENDA, meeting.date)
