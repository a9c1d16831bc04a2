"""A breach case, its append-only events, its parties and the seats of its group.

A seat filled by mistake, or whose holder cannot sit after all, is released by a
record of its own (``SeatRelease``) while the group is still to be convened; a person
added by mistake is taken off the case with a date and a reason. Neither is deleted:
``current()`` on seats and parties reads what is in force.

The events are the record (DESIGN "A breach case"). The case row keeps a copy of what
the events change (state, level, next due date) so lists need no replay; every domain
function in :mod:`panelkeeper.cases.changes` rewrites that copy in the same
transaction as the event it writes. What time alone changes (overdue, a window
lapsed) is never stored: it is computed when a case is read, on the date asked for.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q

from panelkeeper.lib.fields import (
    RecordedOrAutomatic,
    optional_key,
    optional_one_to_one,
    optional_user_key,
)
from panelkeeper.meetings.models import AskedToLeave, MissedMeetings
from panelkeeper.members.models import Member
from panelkeeper.registers.models import WorkItem
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.ladder import Channel, Effect, Raiser, key_in_words
from panelkeeper.rules.ladder.case import AppealResult, CaseKind, CaseView, EventKind, State

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.organisations.models import Organisation


def _choices(enum: type[StrEnum], labels: dict[str, str] | None = None) -> list[tuple[str, str]]:
    labels = labels or {}
    return [(m.value, labels.get(m.value, m.value.replace("_", " ").capitalize())) for m in enum]


class CaseState(models.TextChoices):
    """The procedure's states, declared once in the rules (STYLE 8); values match ``State``."""

    REPORTED = State.REPORTED.value, "Reported"
    INFORMAL = State.INFORMAL.value, "Informal stage"
    INVESTIGATING = State.INVESTIGATING.value, "Being investigated"
    DECIDED = State.DECIDED.value, "Decided"
    APPEALED = State.APPEALED.value, "Appealed"
    CLOSED = State.CLOSED.value, "Closed"
    WITHDRAWN = State.WITHDRAWN.value, "Withdrawn"


class Setting(models.TextChoices):
    """Where the conduct happened (MEM-9: when the code applies); a concern says the same (BR-0)."""

    MEETING = "meeting", "At a meeting"
    SCRUTINY_WORK = "scrutiny_work", "During scrutiny work"
    EVENT = "event", "At an event or training"
    ONLINE = "online", "Online, by email or on social media"
    OTHER = "other", "Somewhere else"


class RaisedBy(models.TextChoices):
    """Who raised the breach, or the concern it came from (BR-1); values match the rules'
    ``Raiser``."""

    CUSTOMER = Raiser.CUSTOMER.value, "A customer"
    STAFF = Raiser.STAFF.value, "A member of staff"
    BOARD_MEMBER = Raiser.BOARD_MEMBER.value, "A Board member"
    PANEL_MEMBER = Raiser.PANEL_MEMBER.value, "A member of the panel or group"
    PUBLIC = Raiser.PUBLIC.value, "A member of the public"


class CaseQuerySet(models.QuerySet["Case"]):
    def of(self, organisation: Organisation | int) -> CaseQuerySet:
        return self.filter(organisation=organisation)

    def open(self) -> CaseQuerySet:
        return self.exclude(state__in=[CaseState.CLOSED, CaseState.WITHDRAWN])

    def overdue(self, *, today: dt.date) -> CaseQuerySet:
        return self.filter(next_due__lt=today)

    def by_next_due(self) -> CaseQuerySet:
        """Earliest due first (so overdue first), cases with nothing due last."""
        return self.order_by(models.F("next_due").asc(nulls_last=True), "-began_on", "-id")

    def for_investigator(self, user: User) -> CaseQuerySet:
        """Cases where ``user`` holds a seat that has not been released."""
        held = Q(seats__user=user) | Q(seats__member__user=user)
        return self.filter(held, seats__release__isnull=True).distinct()

    def involving(self, user: User) -> CaseQuerySet:
        """Cases ``user`` has a part in: about them (or the member they advocate for), on a
        seat of the investigating group, routed to them (BR-2), or as the appeal officer."""
        return self.filter(
            Q(member__user=user)
            | Q(member__advocate=user)
            | Q(pk__in=self.for_investigator(user).values("pk"))
            | Q(handler=user)
            | Q(appeal_officer=user)
        ).distinct()


class Case(models.Model):
    """A breach (or an exclusion without one) about one member, under one version of the code."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="cases"
    )
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="cases")
    policy_version = models.ForeignKey(
        "organisations.PolicyVersion", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(
        max_length=10,
        choices=_choices(CaseKind, {CaseKind.EXCLUSION: "Exclusion without a breach"}),
        default=CaseKind.BREACH,
    )
    began_on = models.DateField()
    # What the report says (BR-0, BR-1, MEM-9).
    description = models.TextField(blank=True)
    setting = models.CharField(max_length=20, choices=Setting.choices, blank=True)
    clauses = models.JSONField(default=list, blank=True)
    raised_by = models.CharField(max_length=20, choices=RaisedBy.choices, blank=True)
    anonymous = models.BooleanField(default=False)
    reporter_name = models.CharField(max_length=200, blank=True)
    reporter_consents_to_identity = models.BooleanField(default=False)
    subject_is_chair = models.BooleanField(default=False)
    # Where it went (BR-2) and, once lodged, whom the appeal is put to (BR-12).
    routed_to = models.CharField(max_length=300, blank=True)
    handler = optional_user_key()
    appeal_to = models.CharField(max_length=200, blank=True)
    appeal_officer = optional_user_key(related_name="appeals_put_to_me")
    # Where it came from, when another app's record opened it (MTG-5, MTG-2).
    asked_to_leave = optional_one_to_one(AskedToLeave)
    missed_meetings = optional_one_to_one(MissedMeetings)
    work = optional_one_to_one(WorkItem)
    # The copy of what events change, for lists (rewritten with every event).
    state = models.CharField(max_length=20, choices=CaseState.choices)
    level = models.CharField(max_length=50, blank=True)
    next_due = models.DateField(null=True, blank=True)
    # Which deadline ``next_due`` is (its key in the ladder's DEADLINE_LABELS, blank with
    # none), and whether it is counted in working days: what Today says of it, unreplayed.
    next_deadline = models.CharField(max_length=30, blank=True)
    next_due_in_working_days = models.BooleanField(default=False)
    created_at = models.DateTimeField()
    created_by = optional_user_key()

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-began_on", "-id"]
        indexes = [
            # The list of cases by what is due (by_next_due); also what is overdue.
            models.Index(
                fields=["organisation", "next_due", "-began_on", "-id"], name="case_next_due"
            ),
            models.Index(fields=["member", "began_on"], name="case_member"),
            # Today's outcomes waiting to be confirmed in writing: one state of one
            # organisation's cases.
            models.Index(fields=["organisation", "state"], name="case_state"),
            # The API's list of cases: one organisation's, latest raised first.
            models.Index(fields=["organisation", "-began_on", "-id"], name="case_list"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=CaseState.values), name="case_state"),
            models.CheckConstraint(condition=Q(kind__in=list(CaseKind)), name="case_kind"),
            models.CheckConstraint(
                condition=Q(anonymous=False) | Q(reporter_name=""),
                name="anonymous_case_has_no_reporter_name",
            ),
        ]

    def __str__(self) -> str:
        return f"Case {self.reference}: {self.member}"

    @property
    def level_in_words(self) -> str:
        """The level for a list of cases ("Minor", "No breach"); a case's own page gives
        the code's full label."""
        return key_in_words(self.level) if self.level else ""

    @property
    def reference(self) -> str:
        return reference_of(self.pk)


def reference_of(pk: int | None) -> str:
    """The reference a case is known by (C-00042), from its id; for lists read as values."""
    return f"C-{pk:05d}" if pk else "C-new"


class CaseEventText(models.Model):
    """What a step of a case says in words: its reason, and who a written notice went to
    (BR-11). Kept apart from the event so that erasure can take a person's name out of
    it while the event itself, the record, is never changed.

    The database enforces it (:mod:`panelkeeper.cases.triggers`): a text is changed only
    by taking words out and putting the erasure mark in their place, and deleted only
    once its event has gone, which only the removal of its case allows. An event names
    its text, so a text cannot be added to an event after it was written.
    """

    reason = models.TextField(blank=True)
    to = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(reason="") | ~Q(to=""), name="case_event_text_says_something"
            ),
        ]

    def __str__(self) -> str:
        return f"Text of a case event ({self.pk})"


class CaseEventManager(models.Manager["CaseEvent"]):
    """Every read of events brings each one's text in the same query (one join), so
    reading ``reason`` or ``to`` never costs a query per event, even through
    ``case.events`` or ``prefetch_related("events")``."""

    def get_queryset(self) -> models.QuerySet[CaseEvent]:
        return super().get_queryset().select_related("text")


# The case row's copy of its next deadline, for lists and Today.
NEXT_DEADLINE_FIELDS = ("next_due", "next_deadline", "next_due_in_working_days")


def copy_next_deadline(case: Case, view: CaseView) -> bool:
    """Set ``case``'s copy of its next deadline from ``view`` (the case as its code reads
    it); whether the copy changed. The caller saves ``NEXT_DEADLINE_FIELDS``."""
    found = view.next_deadline
    copy = (found.due, found.key, found.working_days) if found is not None else (None, "", False)
    before = (case.next_due, case.next_deadline, case.next_due_in_working_days)
    case.next_due, case.next_deadline, case.next_due_in_working_days = copy
    return copy != before


EVENT_ORDER = ("effective", "recorded_at", "id")
"""One case's events in order. Lists of many cases' events are ordered by case first
(``Meta.ordering``), which joins each event to its case to order by the case's own order;
one case's events, or events prefetched case by case, need no such join."""


class CaseEvent(RecordedOrAutomatic):
    """One step of a case, append-only (database triggers refuse UPDATE and DELETE).

    ``effective`` is when it took effect, ``recorded_on`` the day it was entered
    (never earlier). The fields mirror :class:`panelkeeper.rules.ladder.case.Event`;
    its words (``reason``, and ``to``: who a written notice went to, BR-11) are in its
    :class:`CaseEventText`, if it has any.
    """

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=30, choices=_choices(EventKind))
    effective = models.DateField()
    recorded_on = models.DateField()
    step = models.CharField(max_length=100, blank=True)
    level = models.CharField(max_length=50, blank=True)
    outcome = models.CharField(max_length=100, blank=True)
    effect = models.CharField(max_length=30, choices=_choices(Effect), blank=True)
    channel = models.CharField(max_length=10, choices=_choices(Channel), blank=True)
    until = models.DateField(null=True, blank=True)
    accepted = models.BooleanField(null=True, blank=True)
    result = models.CharField(max_length=20, choices=_choices(AppealResult), blank=True)
    confidentiality = models.BooleanField(default=False)
    text = models.OneToOneField(
        CaseEventText, on_delete=models.PROTECT, null=True, blank=True, related_name="event"
    )

    objects = CaseEventManager()

    class Meta:
        ordering = ["case", *EVENT_ORDER]
        # A case's steps in order, read forwards by the ladder and backwards for its
        # latest outcome (the retention schedule asks that of every closed case).
        indexes = [
            models.Index(fields=["case", "effective", "recorded_at", "id"], name="event_in_order")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(recorded_on__gte=models.F("effective")),
                name="event_recorded_after_effect",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {day_month_year(self.effective)}"

    @property
    def late(self) -> bool:
        return self.recorded_on > self.effective

    @property
    def reason(self) -> str:
        return self.text.reason if self.text is not None else ""

    @property
    def to(self) -> str:
        return self.text.to if self.text is not None else ""


class PartyRole(models.TextChoices):
    """People a case involves besides its subject (Interpretation 11)."""

    REPORTER = "reporter", "Raised the breach"
    WITNESS = "witness", "A witness"
    ADVISED = "advised", "Gave guidance in the same matter"
    IMPLICATED = "implicated", "Implicated"


PARTY_ORDER = ("role", "id")
"""One case's parties in order, without the join ordering by case needs (``EVENT_ORDER``)."""


class CasePartyQuerySet(models.QuerySet["CaseParty"]):
    def current(self) -> CasePartyQuerySet:
        """People still involved: not taken off the case."""
        return self.filter(removed_on__isnull=True)

    def removed(self) -> CasePartyQuerySet:
        return self.filter(removed_on__isnull=False)


class CaseParty(models.Model):
    """A person involved in a case: a member, a user (staff), or a name only.

    Someone added by mistake is taken off with ``removed_on`` and a reason, never deleted;
    whoever raised the breach stays, since that is what the report says.
    """

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="parties")
    role = models.CharField(max_length=20, choices=PartyRole.choices)
    member = optional_key(Member)
    user = optional_user_key()
    name = models.CharField(max_length=200, blank=True)
    contact = models.CharField(
        max_length=300,
        blank=True,
        help_text="For a person known by name only: an email or postal address for letters.",
    )
    agreed_to_letters = models.BooleanField(
        default=False,
        help_text="A person known by name only agreed to be written to at ``contact``.",
    )
    step = optional_key(
        CaseEvent,
        related_name="givers",
        help_text="The informal step they gave, for someone who gave guidance (BR-3).",
    )
    added_on = models.DateField()
    recorded_at = models.DateTimeField()
    removed_on = models.DateField(null=True, blank=True)
    removed_reason = models.TextField(blank=True)
    removed_by = optional_user_key()

    objects = CasePartyQuerySet.as_manager()

    class Meta:
        ordering = ["case", *PARTY_ORDER]
        verbose_name_plural = "case parties"
        constraints = [
            models.CheckConstraint(condition=Q(role__in=PartyRole.values), name="party_role"),
            models.CheckConstraint(
                condition=Q(removed_on__isnull=True, removed_reason="")
                | (Q(removed_on__isnull=False) & ~Q(removed_reason="")),
                name="party_removed_with_a_reason",
            ),
            models.CheckConstraint(
                condition=~Q(role=PartyRole.REPORTER) | Q(removed_on__isnull=True),
                name="party_reporter_stays",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.display_name}"

    @property
    def display_name(self) -> str:
        if self.member_id is not None:
            return str(self.member)
        if self.user_id is not None:
            return str(self.user)  # a user is known by their full name, else their email
        return self.name


SEAT_ORDER = ("seated_on", "id")
"""One case's seats in order, without the join ordering by case needs (``EVENT_ORDER``)."""


class SeatQuerySet(models.QuerySet["Seat"]):
    def current(self) -> SeatQuerySet:
        """Seats not released: the group as it stands."""
        return self.filter(release__isnull=True)

    def released(self) -> SeatQuerySet:
        return self.filter(release__isnull=False)


class Seat(RecordedOrAutomatic):
    """A seat on the case's investigating group (BR-6), filled only when COI-4 allows.

    Append-only: a seat is given up by a :class:`SeatRelease`, never changed or deleted.
    """

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="seats")
    role_key = models.CharField(max_length=100)
    role_title = models.CharField(max_length=200)
    member = optional_key(Member)
    user = optional_user_key()
    impartial = models.BooleanField(default=False)
    seated_on = models.DateField()

    objects = SeatQuerySet.as_manager()

    class Meta:
        ordering = ["case", *SEAT_ORDER]
        constraints = [
            models.CheckConstraint(
                condition=Q(member__isnull=False) | Q(user__isnull=False), name="seat_has_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_name} as {self.role_title}"

    @property
    def person_name(self) -> str:
        if self.member_id is not None:
            return str(self.member)
        return str(self.user)  # a user is known by their full name, else their email

    @property
    def is_released(self) -> bool:
        """Whether the seat was given up, as :meth:`SeatQuerySet.released` finds it (read
        with ``select_related("release")`` to ask it of many seats without a query each)."""
        return hasattr(self, "release")


class SeatRelease(RecordedOrAutomatic):
    """A seat given up before the group was convened: filled by mistake, or its holder
    turned out to be conflicted or left. Append-only (database triggers), one per seat."""

    seat = models.OneToOneField(Seat, on_delete=models.PROTECT, related_name="release")
    released_on = models.DateField()
    reason = models.TextField()

    class Meta:
        ordering = ["seat", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="seat_release_has_a_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.seat} released on {day_month_year(self.released_on)}"


class GuestPart(models.TextChoices):
    """What someone from outside the team is invited to a case for."""

    SEAT = "seat", "A seat on the investigating group"
    APPEAL_OFFICER = "appeal_officer", "Deciding the appeal"


GUEST_ORDER = ("name", "id")
"""One case's invitations in order, without the join ordering by case needs
(``EVENT_ORDER``)."""


class CaseInvitation(models.Model):
    """What an invitation to one case is for: a seat on its investigating group (BR-6) or
    deciding its appeal (BR-12). Accepting it gives that part, in that case alone; the
    invitation itself (email, link, expiry, acceptance) is ``accounts.Invitation``.

    ``removed_on`` is the day an officer took the person off the case again: the seat is
    released, or the appeal is no longer put to them.
    """

    invitation = models.OneToOneField(
        "accounts.Invitation", on_delete=models.PROTECT, related_name="for_case"
    )
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="invitations")
    name = models.CharField(max_length=200)
    part = models.CharField(max_length=20, choices=GuestPart.choices)
    role_key = models.CharField(max_length=100, blank=True)
    role_title = models.CharField(max_length=200, blank=True)
    impartial = models.BooleanField(default=False)
    removed_on = models.DateField(null=True, blank=True)
    removed_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["case", *GUEST_ORDER]
        constraints = [
            models.CheckConstraint(condition=Q(part__in=GuestPart.values), name="guest_part"),
            models.CheckConstraint(
                condition=~Q(part=GuestPart.SEAT) | ~Q(role_key=""),
                name="guest_seat_has_a_role",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} invited to case {self.case.reference}: {self.what}"

    @property
    def what(self) -> str:
        if self.part == GuestPart.SEAT:
            impartial = ", as an impartial member" if self.impartial else ""
            return f"a seat on the investigating group as {self.role_title}{impartial}"
        return "deciding the appeal"
