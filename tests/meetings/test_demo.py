"""The demo organisations come with meetings: three held, one to come, an overdue action."""

from __future__ import annotations

import pytest

from panelkeeper.demo.management.commands.demo import load_organisation
from panelkeeper.meetings.models import Action, Attendance, Meeting, MeetingStatus
from tests.meetings.conftest import TODAY


@pytest.mark.django_db
def test_the_nexus_demo_has_meetings_and_a_member_two_absences_from_a_decision() -> None:
    load_organisation("nexus", TODAY)
    meetings = Meeting.objects.filter(group__organisation__slug="nexus")
    assert meetings.filter(status=MeetingStatus.HELD).count() == 3
    assert meetings.filter(status=MeetingStatus.SCHEDULED, date__gt=TODAY).count() == 1
    assert Attendance.objects.filter(presence="absent").count() == 2
    assert Action.objects.get().is_overdue(TODAY)
    load_organisation("nexus", TODAY)
    assert meetings.count() == 4  # nothing added a second time
