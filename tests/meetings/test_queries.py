"""Reading meetings for a member's pages: each meeting with the apologies the member sent
for it (MTG-1), in the query that reads the meetings."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from panelkeeper.meetings.attendance import send_apologies
from panelkeeper.meetings.models import Attendance, Meeting
from panelkeeper.meetings.queries import with_apologies_sent
from panelkeeper.organisations.models import PolicyVersion
from tests.factory import Factory
from tests.meetings.conftest import TODAY

D = dt.date


def test_each_meeting_comes_with_the_apologies_the_member_sent_in_one_query_mtg_1(
    factory: Factory, nexus: PolicyVersion
) -> None:
    member, other = factory.member_record, factory.panel_member()
    first, second, third = (factory.meeting(date=D(2026, 12, day)) for day in (3, 10, 17))
    send_apologies(
        meeting=first, member=member, reason="Away", arrives_at=dt.time(19, 15),
        actor=factory.member(), today=TODAY,
    )  # fmt: skip
    send_apologies(meeting=second, member=other, actor=factory.officer(), today=TODAY)
    meetings = Meeting.objects.filter(pk__in=[first.pk, second.pk, third.pk]).order_by("date")
    with CaptureQueriesContext(connection) as queries:
        rows = with_apologies_sent(member, meetings)
    assert len(queries) == 1
    assert [(meeting.pk, sent is None) for meeting, sent in rows] == [
        (first.pk, False),
        (second.pk, True),
        (third.pk, True),
    ]
    sent = rows[0][1]
    assert isinstance(sent, Attendance)
    stored = Attendance.objects.get(meeting=first, member=member)
    assert (sent.pk, sent.meeting_id, sent.member_id, sent.presence) == (
        stored.pk, first.pk, member.pk, "apologies",
    )  # fmt: skip
    assert (sent.apologies_given_on, sent.arrives_at) == (TODAY, dt.time(19, 15))
    # What the list did not read is read when asked for.
    assert sent.reason == "Away" and sent.recorded_at == stored.recorded_at
