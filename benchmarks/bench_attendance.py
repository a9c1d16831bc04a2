"""Attendance over five years of monthly meetings for a group of 30 members.

Two parts. The rules alone: each member's run of missed meetings (MTG-2) and summary,
checked first against a plain backwards scan. Then through the database (SQLite in
memory, migrated): the group's attendance page data and the missed-meetings review of
every member, the work done after each record of attendance.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import time
from collections.abc import Callable, Sequence
from typing import Any

from panelkeeper.rules.attendance import Presence, Seat, Standing, current_absence_run, summarise

MEMBERS = 30
MONTHS = 60
REPEATS = 3


def monthly_dates() -> list[dt.date]:
    return [dt.date(2021 + m // 12, 1 + m % 12, 10) for m in range(MONTHS)]


def seats_for(rng: random.Random) -> list[Seat]:
    seats = []
    for day in monthly_dates():
        standing = Standing.CANCELLED if rng.random() < 0.05 else Standing.EXPECTED
        if rng.random() < 0.03:
            standing = Standing.SUSPENDED
        presence = rng.choices(list(Presence), weights=[8, 2, 1])[0]
        seats.append(Seat(day, standing, presence, late_apologies=rng.random() < 0.2))
    return seats


def backwards_scan(seats: Sequence[Seat]) -> int:
    """The obvious reading: walk back from the latest meeting until one was attended."""
    count = 0
    for seat in sorted(seats, key=lambda s: s.meeting_date, reverse=True):
        if not seat.counts:
            continue
        if seat.presence is Presence.PRESENT:
            break
        count += 1
    return count


def best(function: Callable[[], Any]) -> tuple[float, Any]:
    fastest, result = float("inf"), None
    for _ in range(REPEATS):
        began = time.perf_counter()
        result = function()
        fastest = min(fastest, time.perf_counter() - began)
    return fastest, result


def rules_part() -> None:
    rng = random.Random(20261123)
    group = [seats_for(rng) for _ in range(MEMBERS)]
    for seats in group:
        assert current_absence_run(seats).count == backwards_scan(seats)
    took, _ = best(lambda: [(current_absence_run(s), summarise(s)) for s in group])
    print(f"rules: {MEMBERS} members x {MONTHS} meetings, runs and summaries: {took * 1000:.2f} ms")


def database_part() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "panelkeeper.settings")
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    from panelkeeper.accounts.models import User
    from panelkeeper.meetings.missed import review_member
    from panelkeeper.meetings.models import Attendance, Meeting, MeetingStatus
    from panelkeeper.meetings.seats import attendance_rows, member_seats
    from panelkeeper.members.models import Member, MemberStatus
    from panelkeeper.organisations.models import Group, Organisation, PolicyVersion
    from panelkeeper.rules.policy.presets import preset_text

    organisation = Organisation.objects.create(slug="bench", name="Bench Homes")
    PolicyVersion.objects.create(
        organisation=organisation,
        version="bench",
        source=preset_text("nexus"),
        file_name="nexus.toml",
        preset="nexus",
        status=PolicyVersion.Status.PUBLISHED,
        approved_on=dt.date(2020, 1, 1),
        in_force_from=dt.date(2020, 1, 1),
        published_at=timezone.now(),
    )
    group = Group.objects.create(organisation=organisation, name="Panel")
    actor = User.objects.create_user(username="o@x.org", email="o@x.org", password="x")
    now = timezone.now()
    members = [
        Member.objects.create(
            group=group,
            full_name=f"Member {n}",
            customer_type="tenant",
            started_on=dt.date(2020, 6, 1),
        )
        for n in range(MEMBERS)
    ]
    MemberStatus.objects.bulk_create(
        MemberStatus(
            member=m, status="active", reason="Joined", effective_from=m.started_on, recorded_at=now
        )
        for m in members
    )
    meetings = Meeting.objects.bulk_create(
        Meeting(
            group=group,
            date=day,
            starts_at=dt.time(18),
            place="Hall",
            status=MeetingStatus.HELD,
            created_at=now,
        )
        for day in monthly_dates()
    )
    rng = random.Random(7)
    entries = []
    for meeting in meetings:
        for member in members:
            presence = rng.choices(["present", "apologies", "absent"], weights=[8, 2, 1])[0]
            given = meeting.date - dt.timedelta(days=3) if presence == "apologies" else None
            entries.append(
                Attendance(
                    meeting=meeting,
                    member=member,
                    presence=presence,
                    apologies_given_on=given,
                    recorded_at=now,
                    recorded_by=actor,
                )
            )
    Attendance.objects.bulk_create(entries)
    today = dt.date(2026, 1, 1)
    fresh = list(Meeting.objects.filter(group=group).order_by("date"))
    rows = attendance_rows(members, fresh, today=today)
    for row, member in zip(rows, members, strict=True):
        expected = current_absence_run(member_seats(member, today=today)).count
        assert current_absence_run([s for _, s, _ in row.seats]).count == expected
    took, _ = best(lambda: attendance_rows(members, fresh, today=today))
    print(f"database: group attendance page data, {MEMBERS} x {MONTHS}: {took * 1000:.1f} ms")

    def review_all() -> None:
        from django.db import transaction

        with transaction.atomic():
            for member in members:
                review_member(member=member, actor=actor, today=today)

    took, _ = best(review_all)
    print(f"database: missed-meetings review of all {MEMBERS} members: {took * 1000:.1f} ms")


def main() -> None:
    rules_part()
    database_part()


if __name__ == "__main__":
    main()
