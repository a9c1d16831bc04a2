"""Meetings and what happens at them: agenda, attendance, decisions, actions (MTG-1 to MTG-6).

Models only declare what the database enforces; every change goes through the
``<verb>_<noun>`` functions in this app's modules (STYLE 7). Each row reaches its
organisation through the meeting's group, and every query is scoped by it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from panelkeeper.lib.fields import (
    Recorded,
    optional_key,
    optional_one_to_one,
    optional_user_key,
    user_key,
)
from panelkeeper.members.models import Member, MemberStatus
from panelkeeper.registers.models import Gift
from panelkeeper.rules.attendance import Presence
from panelkeeper.rules.dates import day_month_year

if TYPE_CHECKING:
    from panelkeeper.organisations.models import Group, Organisation


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class ChairBasis(models.TextChoices):
    """Who chairs a meeting (MTG-4): the standing Chair, a member by rota, or the Vice Chair."""

    STANDING = "standing", "The Chair"
    ROTA = "rota", "A member chairing by rota"
    VICE_CHAIR = "vice_chair", "The Vice Chair standing in"


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def of(self, organisation: Organisation) -> MeetingQuerySet:
        return self.filter(group__organisation=organisation)

    def of_group_between(self, group_id: int, *, first: dt.date, last: dt.date) -> MeetingQuerySet:
        """The group's meetings from ``first`` to ``last`` (both included), oldest first, as
        attendance is counted."""
        return self.filter(group_id=group_id, date__range=(first, last)).order_by("date", "id")

    def next_for(self, group: Group, *, today: dt.date) -> Meeting | None:
        """The group's next scheduled meeting on or after ``today``, if one is arranged."""
        return (
            self.filter(group=group, status=MeetingStatus.SCHEDULED, date__gte=today)
            .order_by("date", "starts_at", "id")
            .first()
        )


class Meeting(models.Model):
    """One meeting of a group, with the chair for that meeting (MTG-4).

    ``chair`` empty means the group's standing Chair on the day; the Vice Chair stands in
    when the Chair sends apologies or is suspended (see ``schedule.chair_for``).
    ``ends_at`` is optional, later than ``starts_at`` on the same day; calendars assume
    two hours when it is empty. ``sequence`` counts the changes calendars must pick up
    (a move, a cancellation): it is the event's SEQUENCE in the .ics feed. ``uid`` is
    random, fixed when the meeting is made: its calendar events' UID, so a calendar
    fed by two installations never mistakes one's meeting for the other's.
    """

    group = models.ForeignKey("organisations.Group", on_delete=models.PROTECT, related_name="+")
    date = models.DateField()
    starts_at = models.TimeField("start time")
    ends_at = models.TimeField("end time", null=True, blank=True)
    place = models.CharField(max_length=300, blank=True)
    online_link = models.URLField("online link", max_length=500, blank=True)
    status = models.CharField(
        max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    cancelled_reason = models.CharField(max_length=500, blank=True)
    sequence = models.PositiveIntegerField(default=0)
    uid = models.UUIDField("calendar UID", default=uuid.uuid4, unique=True, editable=False)
    chair = optional_key(Member)
    chair_basis = models.CharField(
        max_length=12, choices=ChairBasis.choices, default=ChairBasis.STANDING
    )
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-starts_at", "-id"]
        # The meetings list reads each group's meetings in date order, both ways.
        indexes = [
            models.Index(fields=["group", "date", "starts_at", "id"], name="meeting_group_when")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=MeetingStatus.values), name="meeting_status_known"
            ),
            models.CheckConstraint(
                condition=~Q(place="", online_link=""), name="meeting_has_place_or_link"
            ),
            models.CheckConstraint(
                condition=~Q(status="cancelled") | ~Q(cancelled_reason=""),
                name="cancelled_meeting_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                name="meeting_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.group} on {day_month_year(self.date)}"

    @property
    def where(self) -> str:
        """The place, the link, or both, as one line."""
        return " · ".join(part for part in (self.place, self.online_link) if part)


class PaperQuerySet(models.QuerySet["Paper"]):
    def current(self) -> PaperQuerySet:
        """Papers still on their meeting: the ones members see and download."""
        return self.filter(removed_at__isnull=True)


class Paper(models.Model):
    """A paper for a meeting, uploaded for members to read beforehand (MTG-6).

    A removed paper keeps its row, without its file, so the meeting's record still says
    which paper was taken off, when and by whom (see ``papers.remove_paper``).
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="papers")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to="meeting-papers/%Y/", blank=True)
    uploaded_at = models.DateTimeField()
    uploaded_by = user_key()
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = optional_user_key()

    objects = PaperQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(removed_at__isnull=True, removed_by__isnull=True)
                | Q(removed_at__isnull=False, removed_by__isnull=False, file=""),
                name="removed_paper_keeps_no_file",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class MissedMeetingsStatus(models.TextChoices):
    OPEN = "open", "Waiting for the group's decision"
    ACCEPTED = "accepted", "Exceptional circumstances accepted"
    ENDED = "ended", "Membership ended"
    WITHDRAWN = "withdrawn", "No longer needed"  # a later record broke the run


class MissedMeetingsQuerySet(models.QuerySet["MissedMeetings"]):
    def open(self) -> MissedMeetingsQuerySet:
        return self.filter(status=MissedMeetingsStatus.OPEN)

    def confirmed_endings(self) -> MissedMeetingsQuerySet:
        """Endings the group confirmed: each one is for the breach-cases work to turn into an
        exclusion case, with its notice and appeal (MTG-2, Interpretation 6)."""
        return self.filter(status=MissedMeetingsStatus.ENDED)


class MissedMeetings(models.Model):
    """A decision opened for the group when a member misses more meetings in a row than the
    code allows (MTG-2): accept exceptional circumstances, or confirm membership ends.

    ``first_missed_on`` and ``last_missed_on`` are the dates of the run's first and latest
    counted meeting, kept current while the decision is open. ``ended_status`` is the
    status record that ended the membership, once confirmed.
    """

    member = models.ForeignKey(
        "members.Member", on_delete=models.PROTECT, related_name="missed_meetings"
    )
    group = models.ForeignKey("organisations.Group", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=10, choices=MissedMeetingsStatus.choices, default=MissedMeetingsStatus.OPEN
    )
    missed = models.PositiveSmallIntegerField("meetings missed in a row")
    limit = models.PositiveSmallIntegerField()
    first_missed_on = models.DateField()
    last_missed_on = models.DateField()
    opened_on = models.DateField()
    opened_at = models.DateTimeField()
    reason = models.TextField(blank=True)
    decided_on = models.DateField(null=True, blank=True)
    decided_at_meeting = optional_key(Meeting)
    decided_by = optional_user_key()
    ended_status = optional_one_to_one(MemberStatus)

    objects = MissedMeetingsQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_on", "-id"]
        indexes = [models.Index(fields=["group", "opened_on", "id"], name="missed_group_opened")]
        verbose_name_plural = "missed-meetings decisions"
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=MissedMeetingsStatus.values), name="missed_status_known"
            ),
            models.UniqueConstraint(
                fields=["member"], condition=Q(status="open"), name="one_open_missed_decision"
            ),
            models.CheckConstraint(
                condition=Q(status="open") | Q(decided_on__isnull=False),
                name="missed_decision_dated",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["accepted", "ended"]) | ~Q(reason=""),
                name="missed_decision_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.missed} meetings missed in a row"


class AgendaKind(models.TextChoices):
    MATTER = "matter", "Item"
    GIFT = "gift", "Gift or hospitality to discuss"
    MISSED_MEETINGS = "missed_meetings", "Missed meetings"


class AgendaItem(models.Model):
    """One item on a meeting's agenda, with the piece of work conflicts are checked against
    (COI-2). A waiting matter (a gift, GIFT-2; a missed-meetings decision, MTG-2) points to
    its record; an item moves on to the next meeting only when its meeting is cancelled."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="agenda")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=AgendaKind.choices)
    title = models.CharField(max_length=300)
    work = models.OneToOneField(
        "registers.WorkItem", on_delete=models.PROTECT, related_name="agenda_item"
    )
    gift = optional_key(Gift)
    missed_meetings = optional_key(MissedMeetings, related_name="items")

    class Meta:
        ordering = ["meeting", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="agenda_position"),
            models.UniqueConstraint(
                fields=["meeting", "gift"], condition=Q(gift__isnull=False), name="gift_once"
            ),
            models.UniqueConstraint(
                fields=["meeting", "missed_meetings"],
                condition=Q(missed_meetings__isnull=False),
                name="missed_meetings_once",
            ),
            models.CheckConstraint(
                condition=(Q(kind="gift") & Q(gift__isnull=False, missed_meetings__isnull=True))
                | (Q(kind="missed_meetings") & Q(gift__isnull=True, missed_meetings__isnull=False))
                | (Q(kind="matter") & Q(gift__isnull=True, missed_meetings__isnull=True)),
                name="agenda_item_points_to_its_matter",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


class Attendance(Recorded):
    """How one member stood at one meeting (MTG-1): present, apologies, or absent.

    Apologies keep when they were given and the reason. Apologies for arriving late carry
    ``arrives_at``, the time the member expects to arrive; a member who then attends is
    recorded present and keeps their apologies. ``late`` marks apologies given after the
    code's notice (Interpretation 7): still apologies.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="attendance")
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+")
    presence = models.CharField(
        max_length=10, choices=[(p.value, p.name.title()) for p in Presence]
    )
    apologies_given_on = models.DateField(null=True, blank=True)
    reason = models.CharField(max_length=500, blank=True)
    arrives_at = models.TimeField("expected arrival time", null=True, blank=True)
    late = models.BooleanField("apologies given late", default=False)

    class Meta:
        ordering = ["meeting", "member__full_name", "id"]
        # The few records that keep a reason for apologies: the retention schedule clears
        # them in time, and counts them for every meeting of an organisation.
        indexes = [
            models.Index(fields=["meeting"], condition=~Q(reason=""), name="attendance_with_reason")
        ]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="one_attendance_a_meeting"),
            models.CheckConstraint(
                condition=Q(presence__in=[p.value for p in Presence]), name="presence_known"
            ),
            models.CheckConstraint(
                condition=~Q(presence="apologies") | Q(apologies_given_on__isnull=False),
                name="apologies_are_dated",
            ),
            models.CheckConstraint(
                condition=Q(apologies_given_on__isnull=False) | Q(late=False),
                name="only_apologies_late",
            ),
            models.CheckConstraint(
                condition=~Q(presence="absent") | Q(apologies_given_on__isnull=True),
                name="absent_without_apologies",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} at {self.meeting}: {self.presence}"
