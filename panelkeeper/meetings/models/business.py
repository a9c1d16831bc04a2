"""What a meeting decides and records: decisions and votes (MTG-3), actions (MTG-6), members
asked to leave (MTG-5), and private calendar feeds."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q

from panelkeeper.lib.fields import Recorded, optional_key, optional_user_key, user_key
from panelkeeper.meetings.models.meetings import AgendaItem, Meeting
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Group
from panelkeeper.rules.attendance import Outcome, Vote


class DecisionMethod(models.TextChoices):
    VOTE = "vote", "By vote (simple majority)"
    CONSENSUS = "consensus", "By consensus"


class Decision(Recorded):
    """A motion put to a meeting and its outcome (MTG-3).

    Open while ``outcome`` is empty; votes are cast while it is open, then the outcome is
    worked out by simple majority. A decision by consensus records no votes.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    item = optional_key(AgendaItem, related_name="decisions")
    motion = models.TextField(max_length=2000)
    method = models.CharField(max_length=10, choices=DecisionMethod.choices)
    outcome = models.CharField(
        max_length=12, choices=[(o.value, o.name.title()) for o in Outcome], blank=True
    )

    class Meta:
        ordering = ["meeting", "recorded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(method="consensus") | Q(outcome__in=["", "consensus"]),
                name="consensus_outcome",
            ),
        ]

    def __str__(self) -> str:
        return self.motion[:80]

    @property
    def is_open(self) -> bool:
        return not self.outcome


class VoteCast(models.Model):
    """One member's vote on a decision: for, against or abstain (MTG-3); one each."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="votes")
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+")
    vote = models.CharField(max_length=10, choices=[(v.value, v.name.title()) for v in Vote])
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["decision", "member__full_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "member"], name="one_vote_each"),
            models.CheckConstraint(
                condition=Q(vote__in=[v.value for v in Vote]), name="vote_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.vote}"


class Action(Recorded):
    """Work allocated at a meeting, with its owner and due date (MTG-6).

    The owner is a member or a member of staff. Overdue is read from the date passed in
    (``due_on`` before today and not done), never stored.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="actions")
    description = models.CharField(max_length=500)
    owner_member = optional_key(Member)
    owner_user = optional_user_key()
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        # Open actions by due date, and done ones latest first (the same index backwards).
        indexes = [models.Index(fields=["done_on", "due_on", "id"], name="action_by_due")]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner_member__isnull=True) ^ Q(owner_user__isnull=True),
                name="action_has_one_owner",
            ),
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def owner_name(self) -> str:
        if self.owner_member is not None:
            return self.owner_member.full_name
        assert self.owner_user is not None
        return self.owner_user.get_full_name() or self.owner_user.email

    def is_overdue(self, today: dt.date) -> bool:
        return self.done_on is None and self.due_on < today


class AskedToLeave(Recorded):
    """The chair asked a member to leave the meeting at once for a serious breach (MTG-5).

    A record for the breach-cases work to turn into a serious-breach case.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="sent_out")
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+")
    what_happened = models.TextField(max_length=2000)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        verbose_name_plural = "members asked to leave"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="asked_to_leave_once"),
        ]

    def __str__(self) -> str:
        return f"{self.member} asked to leave {self.meeting}"


class CalendarFeed(models.Model):
    """A private calendar feed of one member's or one group's meetings.

    The URL carries a random secret; only its SHA-256 is stored, so the URL is shown once
    when made. Revoking keeps the row (for the record) and the feed answers 404 after.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    member = optional_key(Member)
    group = optional_key(Group)
    secret_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    created_by = user_key()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(member__isnull=True) ^ Q(group__isnull=True),
                name="feed_of_a_member_or_a_group",
            ),
        ]

    def __str__(self) -> str:
        return f"Calendar feed of {self.member or self.group}"
