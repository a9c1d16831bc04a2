"""The access log and answered subject access requests on the retention schedule: each
goes when its time is up, through the one deletion the access log's triggers allow, and
nothing under a legal hold goes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.core.models import Removal
from panelkeeper.retention.holds import place_hold
from panelkeeper.retention.purge import due_records, purge
from panelkeeper.retention.removal import mark
from panelkeeper.subject_access import requests as sar
from panelkeeper.subject_access.models import Pack, Pause, PauseReason, RecordView
from panelkeeper.subject_access.models import SubjectAccessRequest as Request
from panelkeeper.subject_access.packs import build_pack, release_pack
from tests.factory import Factory
from tests.retention.clock import clock_at
from tests.subject_access.asking import asks

READ_ON = dt.date(2026, 11, 25)
RELEASED_ON = dt.date(2026, 12, 3)


@pytest.fixture(autouse=True)
def pinned_clock() -> Iterator[None]:
    with clock_at(READ_ON):
        yield


def _read_case(factory: Factory, officer: User) -> RecordView:
    client = Client()
    client.force_login(officer)
    client.get(reverse("cases:detail", kwargs={"org": "home", "pk": factory.the_case.pk}))
    return RecordView.objects.get()


def _answered_request(factory: Factory, officer: User) -> Request:
    request = asks(factory, on=READ_ON, name="Rita Reporter", actor=officer)
    sar.pause(
        request=request,
        reason=PauseReason.IDENTITY,
        paused_on=READ_ON,
        note="",
        actor=officer,
        today=READ_ON,
    )
    sar.resume(request=request, resumed_on=READ_ON, actor=officer, today=READ_ON)
    pack = build_pack(request=request, actor=officer)
    with clock_at(RELEASED_ON):
        release_pack(
            pack=pack, reviewed=True, released_on=RELEASED_ON, actor=officer, today=RELEASED_ON
        )
    return request


def _due(factory: Factory, on: dt.date) -> list[tuple[str, str, dt.date]]:
    return [
        (d.kind.key, d.label, d.due_on)
        for d in due_records(factory.home, today=on)
        if d.kind.key in ("access_log", "subject_access_requests")
    ]


def test_a_reading_can_be_deleted_only_once_it_is_marked_and_never_changed(
    factory: Factory, officer: User
) -> None:
    """On SQLite and on PostgreSQL alike (the suite runs on both)."""
    kept = _read_case(factory, officer)
    with clock_at(READ_ON):
        other = RecordView.objects.create(
            organisation=factory.home,
            reader=officer,
            role="officer",
            kind="member",
            record_id=factory.member_record.pk,
            member=factory.member_record,
            viewed_at=kept.viewed_at,
        )
    delete = "DELETE FROM subject_access_recordview WHERE id = %s"
    update = "UPDATE subject_access_recordview SET role = 'auditor' WHERE id = %s"
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(delete, [other.pk])
    mark("subject_access_recordview", other.pk)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(update, [other.pk])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(delete, [kept.pk])
    with connection.cursor() as cursor:
        cursor.execute(delete, [other.pk])
    assert list(RecordView.objects.values_list("pk", "role")) == [(kept.pk, "officer")]


def test_a_reading_goes_two_years_after_it_was_read(factory: Factory, officer: User) -> None:
    view = _read_case(factory, officer)
    case = factory.the_case
    assert _due(factory, dt.date(2028, 11, 24)) == []
    assert _due(factory, dt.date(2028, 11, 25)) == [
        ("access_log", f"Breach case {case.pk} read by Officer", dt.date(2028, 11, 25))
    ]
    with clock_at(dt.date(2028, 11, 25)):
        gone = purge(factory.home, today=dt.date(2028, 11, 25))
    assert gone["access_log"] == 1
    assert not RecordView.objects.exists()
    assert Removal.objects.filter(record_table="subject_access_recordview", record_id=view.pk)


def test_a_hold_on_the_case_or_its_member_keeps_the_readings_of_it(
    factory: Factory, officer: User
) -> None:
    _read_case(factory, officer)
    hold = place_hold(
        organisation=factory.home, reason="A claim.", actor=officer, case=factory.the_case
    )
    assert _due(factory, dt.date(2030, 1, 1)) == []
    hold.lifted_at = hold.placed_at  # lifted, then the member held instead
    hold.lifted_on, hold.lifted_by, hold.lifted_reason = READ_ON, officer, "Settled."
    hold.save()
    place_hold(
        organisation=factory.home, reason="A claim.", actor=officer, member=factory.the_case.member
    )
    assert _due(factory, dt.date(2030, 1, 1)) == []
    with clock_at(dt.date(2030, 1, 1)):
        purge(factory.home, today=dt.date(2030, 1, 1))
    assert RecordView.objects.count() == 1


def test_an_answered_request_goes_a_year_after_its_pack_was_released(
    factory: Factory, officer: User
) -> None:
    request = _answered_request(factory, officer)
    asks(factory, on=READ_ON, name="Still waiting", actor=officer)
    assert _due(factory, dt.date(2027, 12, 2)) == []
    assert _due(factory, dt.date(2027, 12, 3)) == [
        (
            "subject_access_requests",
            f"Subject access request {request.reference}",
            dt.date(2027, 12, 3),
        )
    ]
    with clock_at(dt.date(2027, 12, 3)):
        gone = purge(factory.home, today=dt.date(2027, 12, 3))
    assert gone["subject_access_requests"] == 1
    assert list(Request.objects.values_list("name", flat=True)) == ["Still waiting"]
    assert not Pack.objects.exists() and not Pause.objects.exists()


def test_a_hold_on_the_member_who_asked_keeps_their_request(
    factory: Factory, officer: User
) -> None:
    member = factory.member_record
    request = asks(factory, on=READ_ON, member=member, actor=officer)
    pack = build_pack(request=request, actor=officer)
    release_pack(pack=pack, reviewed=True, released_on=READ_ON, actor=officer, today=READ_ON)
    place_hold(organisation=factory.home, reason="A claim.", actor=officer, member=member)
    assert _due(factory, dt.date(2030, 1, 1)) == []


def test_the_schedule_page_and_the_privacy_notice_say_how_long_each_is_kept(
    factory: Factory, officer_client: Client
) -> None:
    schedule = officer_client.get(reverse("retention:schedule", kwargs={"org": "home"})).text
    notice = Client().get(reverse("subject_access:privacy", kwargs={"org": "home"})).text
    for page in (schedule, notice):
        assert "Who read a confidential record (the access log)" in page
        assert "Subject access requests that were answered, with their packs" in page
    assert "2 years after the day it was read" in schedule
    assert "1 year after the day the pack was released" in schedule
