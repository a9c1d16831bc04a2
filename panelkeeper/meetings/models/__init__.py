"""The meetings app's models, split by subject; import them from here."""

from panelkeeper.meetings.models.business import (
    Action,
    AskedToLeave,
    CalendarFeed,
    Decision,
    DecisionMethod,
    VoteCast,
)
from panelkeeper.meetings.models.meetings import (
    AgendaItem,
    AgendaKind,
    Attendance,
    ChairBasis,
    Meeting,
    MeetingQuerySet,
    MeetingStatus,
    MissedMeetings,
    MissedMeetingsQuerySet,
    MissedMeetingsStatus,
    Paper,
)

__all__ = [
    "Action",
    "AgendaItem",
    "AgendaKind",
    "AskedToLeave",
    "Attendance",
    "CalendarFeed",
    "ChairBasis",
    "Decision",
    "DecisionMethod",
    "Meeting",
    "MeetingQuerySet",
    "MeetingStatus",
    "MissedMeetings",
    "MissedMeetingsQuerySet",
    "MissedMeetingsStatus",
    "Paper",
    "VoteCast",
]
