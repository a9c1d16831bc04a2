"""A meeting's optional end time: set when scheduling, shown on its page, used in calendars."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.calendars import calendar
from panelkeeper.meetings.models import Meeting
from panelkeeper.organisations.models import Group
from tests.factory import Factory
from tests.meetings.conftest import TODAY
from tests.meetings.test_calendars import unfold

D = dt.date


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)


def _form(**fields: str) -> dict[str, str]:
    return {
        "date_day": "3",
        "date_month": "12",
        "date_year": "2026",
        "starts_at": "18:30",
        "place": "Hope Street",
        "chair_basis": "standing",
        **fields,
    }


def _schedule_url(panel: Group) -> str:
    return reverse("meetings:schedule", kwargs={"org": "home", "group": panel.pk})


# -- the calendar ----------------------------------------------------------------------


def test_the_event_ends_at_the_meetings_end_time(factory: Factory) -> None:
    meeting = factory.meeting(
        date=D(2026, 12, 3), starts_at=dt.time(18, 30), ends_at=dt.time(19, 45)
    )
    flat = unfold(calendar([meeting], lambda m: "u", name="x"))
    assert "DTSTART:20261203T183000Z" in flat
    assert "DTEND:20261203T194500Z" in flat


def test_a_summer_end_time_is_written_in_utc(factory: Factory) -> None:
    meeting = factory.meeting(date=D(2027, 6, 3), starts_at=dt.time(18, 30), ends_at=dt.time(21, 0))
    assert "DTEND:20270603T200000Z" in calendar([meeting], lambda m: "u", name="x")


def test_without_an_end_time_the_event_is_two_hours_long(factory: Factory) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3), starts_at=dt.time(18, 30))
    assert meeting.ends_at is None
    assert "DTEND:20261203T203000Z" in calendar([meeting], lambda m: "u", name="x")


def test_the_ics_download_carries_the_end_time(factory: Factory, officer_client: Client) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3), ends_at=dt.time(20, 0))
    response = officer_client.get(reverse("meetings:ics", kwargs={"org": "home", "pk": meeting.pk}))
    assert response.status_code == 200
    assert "DTEND:20261203T200000Z" in unfold(response.content.decode())


# -- the domain function and the database --------------------------------------------


@pytest.mark.parametrize("ends_at", [dt.time(18, 30), dt.time(17, 0)])
def test_an_end_at_or_before_the_start_is_refused_on_the_end_time(
    factory: Factory, officer: User, ends_at: dt.time
) -> None:
    with pytest.raises(Refused, match="must be after the start time, 18:30") as refused:
        factory.meeting(date=D(2026, 12, 3), starts_at=dt.time(18, 30), ends_at=ends_at)
    assert refused.value.field == "ends_at"
    assert not Meeting.objects.exists()


def test_the_database_refuses_an_end_before_the_start(factory: Factory) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3), starts_at=dt.time(18, 30))
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(ends_at=dt.time(18, 0))


# -- the pages -------------------------------------------------------------------------


def test_an_officer_sets_the_end_time_and_the_page_shows_it(
    factory: Factory, officer_client: Client, panel: Group
) -> None:
    response = officer_client.post(_schedule_url(panel), _form(ends_at="20:15"))
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.ends_at == dt.time(20, 15)
    entry = AuditEntry.objects.get(action="meeting.scheduled")
    assert "ends_at" in entry.fields
    page = officer_client.get(response["Location"]).content.decode()
    assert "End time" in page and "20:15" in page


def test_the_end_time_may_be_left_empty(officer_client: Client, panel: Group) -> None:
    response = officer_client.post(_schedule_url(panel), _form(ends_at=""))
    assert response.status_code == 302
    assert Meeting.objects.get().ends_at is None
    page = officer_client.get(response["Location"]).content.decode()
    assert "Not given (calendars show two hours)" in page


@pytest.mark.parametrize(
    ("ends_at", "message"),
    [
        ("17:00", "The end time must be after the start time, 18:30"),
        ("half eight", "Enter a time like 20:30"),
    ],
)
def test_a_bad_end_time_is_shown_against_the_field_and_nothing_is_saved(
    officer_client: Client, panel: Group, ends_at: str, message: str
) -> None:
    response = officer_client.post(_schedule_url(panel), _form(ends_at=ends_at))
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert 'id="id_ends_at_error"' in body
    assert not Meeting.objects.exists()


def test_the_member_sees_the_end_time_in_the_portal(factory: Factory) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3), ends_at=dt.time(20, 0))
    client = Client()
    client.force_login(factory.member())
    url = reverse(
        "meetings:portal_meeting", kwargs={"member": factory.member_record.pk, "pk": meeting.pk}
    )
    assert "ends at 20:00" in client.get(url).content.decode()


# -- the API ---------------------------------------------------------------------------


def _post(client: Client, panel: Group, body: dict[str, Any]) -> Any:
    url = f"/api/v1/meetings/home/groups/{panel.pk}/meetings"
    return client.post(url, body, content_type="application/json")


def test_the_api_takes_and_returns_the_end_time(officer_client: Client, panel: Group) -> None:
    body = {"date": "2026-12-03", "starts_at": "18:30", "ends_at": "20:00", "place": "Hope St"}
    response = _post(officer_client, panel, body)
    assert response.status_code == 201
    assert response.json()["ends_at"] == "20:00:00"
    detail = officer_client.get(f"/api/v1/meetings/home/meetings/{response.json()['id']}")
    assert detail.json()["ends_at"] == "20:00:00"
    without = _post(officer_client, panel, {**body, "ends_at": None, "date": "2026-12-10"})
    assert without.json()["ends_at"] is None


def test_the_api_refuses_an_end_before_the_start_and_saves_nothing(
    officer_client: Client, panel: Group
) -> None:
    body = {"date": "2026-12-03", "starts_at": "18:30", "ends_at": "18:00", "place": "Hope St"}
    response = _post(officer_client, panel, body)
    assert response.status_code == 422
    assert response.json()["field"] == "ends_at"
    assert not Meeting.objects.exists()
