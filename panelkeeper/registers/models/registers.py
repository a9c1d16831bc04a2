"""Interests, register reviews, work items, conflict decisions and gifts (COI, GIFT).

Nothing here is ever deleted: an interest that ends is closed with a date, a decision is
a row of its own, and a gift's outcome is written once. Changes go through the functions
in ``interests``, ``conflicts`` and ``gifts`` (STYLE 7); the models declare only what the
database enforces. Every row carries its organisation so every query can be scoped by it.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Exists, F, OuterRef, Q

from panelkeeper.lib.fields import Recorded, optional_user_key, user_key
from panelkeeper.organisations.models import Group, OrganisationRecord
from panelkeeper.registers.routing import DEFAULT_REVIEW_MONTHS
from panelkeeper.rules.dates import day_month_year


class RegisterSettings(models.Model):
    """An organisation's choices for its registers: review period and publication (COI-1)."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="register_settings"
    )
    review_months = models.PositiveSmallIntegerField(default=DEFAULT_REVIEW_MONTHS)
    published = models.BooleanField(
        default=False, help_text="Show the registers on a public page, without contact details."
    )

    class Meta:
        verbose_name_plural = "register settings"
        constraints = [
            models.CheckConstraint(
                condition=Q(review_months__gte=1, review_months__lte=60),
                name="review_months_1_to_60",
            )
        ]

    def __str__(self) -> str:
        return f"Register settings of {self.organisation}"


class InterestKind(models.TextChoices):
    PERSONAL = "personal", "Personal"
    CLOSE_RELATIVE = "close_relative", "Through a close relative"
    MEMBERSHIP = "membership", "Membership of a tenant or customer group or other organisation"
    EMPLOYMENT = "employment", "Employment"
    OTHER = "other", "Other"


class InterestQuerySet(models.QuerySet["Interest"]):
    def current(self, *, on: object) -> InterestQuerySet:
        """Interests in effect on ``on``: started and not ended (``ends_on`` is the last day)."""
        return self.filter(starts_on__lte=on).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))


class Interest(OrganisationRecord):
    """One declared interest of a member (COI-1), from ``starts_on`` to ``ends_on`` inclusive.

    ``ends_on`` empty means still current. Closing an interest sets ``ends_on`` and keeps
    the row, so the register shows what was declared at any date.
    """

    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="interests")
    kind = models.CharField(max_length=20, choices=InterestKind.choices)
    description = models.TextField(max_length=1000)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    declared_at = models.DateTimeField()
    declared_by = user_key()
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = optional_user_key()

    objects = InterestQuerySet.as_manager()

    class Meta:
        ordering = ["member__full_name", "-starts_on", "-id"]
        indexes = [
            models.Index(fields=["organisation", "member"], name="interest_org_member"),
            # The register of interests, latest started first; and filtered by kind.
            models.Index(fields=["organisation", "-starts_on", "-id"], name="interest_list"),
            models.Index(
                fields=["organisation", "kind", "-starts_on", "-id"], name="interest_kind_list"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="interest_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=InterestKind.values), name="interest_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description[:60]}"


class Review(OrganisationRecord, Recorded):
    """A member's register confirmed as complete on a date (COI-1), one row per confirmation.

    ``nil`` is a nil declaration: nothing to declare. Declaring or closing an interest is
    also a review of the register, and writes a row here in the same transaction, so the
    latest row says when the register was last known to be current.
    """

    member = models.ForeignKey(
        "members.Member", on_delete=models.PROTECT, related_name="register_reviews"
    )
    reviewed_on = models.DateField()
    nil = models.BooleanField(default=False)

    class Meta:
        ordering = ["member", "-reviewed_on", "-recorded_at", "-id"]
        indexes = [models.Index(fields=["member", "reviewed_on"], name="review_member_day")]

    def __str__(self) -> str:
        what = "nil declaration" if self.nil else "register confirmed"
        return f"{self.member}: {what} on {day_month_year(self.reviewed_on)}"


class ReviewReminder(models.Model):
    """An email asking a member to confirm or update their declaration (COI-1).

    Unique per member and due date: the daily job sends one reminder for each lapse,
    however many times it runs.
    """

    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField()
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["member", "due_on"], name="one_reminder_per_lapse")
        ]

    def __str__(self) -> str:
        return f"Reminder to {self.member} (due {day_month_year(self.due_on)})"


class WorkKind(models.TextChoices):
    AGENDA_ITEM = "agenda_item", "Agenda item"
    CASE = "case", "Breach case"
    PROJECT = "project", "Scrutiny project"
    OTHER = "other", "Other work"


class WorkItem(OrganisationRecord):
    """A piece of work a conflict of interest is checked against (COI-2).

    Meetings create one per agenda item, cases one per case, scrutiny projects one per
    project; ``on`` is the date the work happens (the meeting, the case's start).
    """

    kind = models.CharField(max_length=20, choices=WorkKind.choices)
    title = models.CharField(max_length=300)
    on = models.DateField("date")
    created_at = models.DateTimeField()
    created_by = optional_user_key()

    class Meta:
        ordering = ["organisation", "-on", "-id"]
        indexes = [
            # The list of work, latest first; and filtered by kind.
            models.Index(fields=["organisation", "-on", "-id"], name="work_list"),
            models.Index(fields=["organisation", "kind", "-on", "-id"], name="work_kind_list"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=WorkKind.values), name="work_kind_known")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


class Decision(models.TextChoices):
    NO_CONFLICT = "no_conflict", "No conflict"
    WITHDRAWS_IN_PART = "in_part", "Withdraws from part of the work"
    WITHDRAWS_ENTIRELY = "entirely", "Withdraws from the work entirely"


class Grounds(models.TextChoices):
    """Why a member may be conflicted (Interpretation 11); receiving a report is never one."""

    INTEREST = "interest", "A declared interest"
    ADVISED = "advised", "Gave guidance on the same matter"
    WITNESS = "witness", "A witness"
    IMPLICATED = "implicated", "Implicated in the matter"


class ConflictDecisionQuerySet(models.QuerySet["ConflictDecision"]):
    def known_on(self, on: object) -> ConflictDecisionQuerySet:
        """Decisions taken on or before ``on``."""
        return self.filter(decided_on__lte=on)

    def in_force(self, *, on: object) -> ConflictDecisionQuerySet:
        """Decisions taken on or before ``on`` and not replaced by a revision taken by then.

        At most one per member and work: revisions form a single chain whose dates never
        go backwards, so the decision in force is the one whose own revision (if any) was
        taken after ``on``.
        """
        replaced = ConflictDecision.objects.filter(revises=OuterRef("pk"), decided_on__lte=on)
        return self.known_on(on).exclude(Exists(replaced))

    def history(self) -> ConflictDecisionQuerySet:
        """Latest first: by date of the decision, then by the order it was recorded.

        On the same day the revision is always recorded after the decision it revises, so
        its id is higher; ``id`` rather than ``recorded_at`` settles ties because two rows
        may share a timestamp, never an id.
        """
        return self.order_by("member_id", "-decided_on", "-id")


class ConflictDecision(OrganisationRecord, Recorded):
    """For one member and one piece of work, what was decided about a conflict (COI-2, COI-3).

    ``decided_by_role`` is the role the code names (Interpretation 12), kept as key and
    title as they stood; ``recorded_by`` is the user who entered it. ``told_role`` and
    ``told_on`` record that the named role was told (COI-3).

    A decider may reconsider: a revision is a new row that ``revises`` the one it
    replaces, with a ``revision_reason``, and takes effect from its own ``decided_on``.
    The earlier row stays as it was. Each member has one first decision per work and
    each decision is revised at most once, so the rows for a member and a work form a
    single chain; :meth:`ConflictDecisionQuerySet.in_force` reads it on a date.
    """

    work = models.ForeignKey(WorkItem, on_delete=models.PROTECT, related_name="decisions")
    member = models.ForeignKey(
        "members.Member", on_delete=models.PROTECT, related_name="conflict_decisions"
    )
    decision = models.CharField(max_length=20, choices=Decision.choices)
    grounds = models.CharField(max_length=20, choices=Grounds.choices, default=Grounds.INTEREST)
    parts = models.TextField(blank=True, help_text="Which parts, for a partial withdrawal.")
    reason = models.TextField(blank=True)
    decided_by_role = models.CharField(max_length=100)
    decided_by_title = models.CharField(max_length=200)
    decided_on = models.DateField()
    told_role = models.CharField(max_length=100)
    told_title = models.CharField(max_length=200)
    told_on = models.DateField()
    revises = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revision",
        help_text="The decision this one replaces, from this one's date.",
    )
    revision_reason = models.TextField(blank=True)

    objects = ConflictDecisionQuerySet.as_manager()

    class Meta:
        ordering = ["work", "member__full_name", "decided_on", "id"]
        indexes = [
            models.Index(fields=["work", "member", "decided_on"], name="conflict_work_member_day")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["work", "member"],
                condition=Q(revises__isnull=True),
                name="one_first_decision_per_member",
            ),
            models.CheckConstraint(
                condition=Q(revises__isnull=True, revision_reason="")
                | (Q(revises__isnull=False) & ~Q(revision_reason="")),
                name="a_revision_and_only_a_revision_gives_its_reason",
            ),
            models.CheckConstraint(
                condition=Q(decision__in=Decision.values), name="conflict_decision_known"
            ),
            models.CheckConstraint(
                condition=~Q(decision="in_part") | ~Q(parts=""),
                name="partial_withdrawal_names_parts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} on {self.work}: {self.get_decision_display()}"


class GiftDirection(models.TextChoices):
    RECEIVED = "received", "Received"
    OFFERED = "offered", "Offered and declined"


class GiverKind(models.TextChoices):
    """Who gave it, as the public register shows it: the giver's name is never published."""

    CONTRACTOR = "contractor", "A contractor or supplier"
    CUSTOMER = "customer", "A customer or resident"
    STAFF = "staff", "A member of staff"
    ORGANISATION = "organisation", "Another organisation"
    OTHER = "other", "Someone else"


class GiftStatus(models.TextChoices):
    WAITING_FOR_MEETING = "waiting_for_meeting", "Waiting for a meeting"
    ON_AGENDA = "on_agenda", "On a meeting's agenda"
    WAITING_FOR_DECISION = "waiting_for_decision", "Waiting for a decision"
    DECIDED = "decided", "Discussed"


class GiftOutcome(models.TextChoices):
    KEPT = "kept", "Kept"
    RETURNED = "returned", "Returned"
    DONATED = "donated", "Donated"
    SHARED = "shared", "Shared"
    DECLINED = "declined", "Declined"


class GiftQuerySet(models.QuerySet["Gift"]):
    def waiting_for_meeting(self, group: Group) -> GiftQuerySet:
        """Gifts the group is to discuss that are on no meeting's agenda yet (GIFT-2)."""
        return self.filter(group=group, status=GiftStatus.WAITING_FOR_MEETING)

    def undecided(self) -> GiftQuerySet:
        return self.exclude(status=GiftStatus.DECIDED)


class Gift(OrganisationRecord):
    """One gift or hospitality received (or, where the code says so, offered) (GIFT-1, GIFT-3).

    ``giver_name`` is a third party's name: officers see it, the public register never
    does (it shows ``giver_kind``). ``group`` is the member's group, whose next meeting
    discusses the gift when the code says so (GIFT-2). The outcome is written once.

    ``declared_on`` is the day the member declared it, which may be before the day it
    was entered (``declared_at``): a declaration made on paper is typed in later. Where
    the group discusses it, it goes on the agenda of the group's first meeting after
    that day; ``agenda_on`` is that meeting's date while it is on one agenda (status
    ``on_agenda``), and a gift is on one agenda at a time.
    """

    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="gifts")
    group = models.ForeignKey("organisations.Group", on_delete=models.PROTECT, related_name="+")
    direction = models.CharField(
        max_length=10, choices=GiftDirection.choices, default=GiftDirection.RECEIVED
    )
    giver_kind = models.CharField(max_length=20, choices=GiverKind.choices)
    giver_name = models.CharField(max_length=200)
    description = models.TextField(max_length=1000)
    value = models.DecimalField(max_digits=8, decimal_places=2)
    under_threshold = models.BooleanField(
        default=False,
        help_text="Worth no more than the code's threshold on the day it was given, so "
        "declaring it was the member's choice.",
    )
    given_on = models.DateField()
    reported_to_role = models.CharField(max_length=100)
    reported_to_title = models.CharField(max_length=200)
    declared_on = models.DateField()
    declared_at = models.DateTimeField()
    declared_by = user_key()
    status = models.CharField(max_length=20, choices=GiftStatus.choices)
    agenda_on = models.DateField(
        null=True, blank=True, help_text="The date of the meeting whose agenda it is on."
    )
    decides_title = models.CharField(
        max_length=200, help_text="Who settles what happens to it: the group or a role."
    )
    outcome = models.CharField(max_length=10, choices=GiftOutcome.choices, blank=True)
    outcome_note = models.TextField(blank=True)
    decided_on = models.DateField(null=True, blank=True)
    decided_by = optional_user_key()
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = GiftQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "-given_on", "-id"]
        indexes = [
            models.Index(fields=["group", "status"], name="gift_group_status"),
            # The gifts register: one organisation's, latest given first.
            models.Index(fields=["organisation", "-given_on", "-id"], name="gift_list"),
            # ... filtered by where the declaration has got to.
            models.Index(
                fields=["organisation", "status", "-given_on", "-id"], name="gift_status_list"
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(value__gte=0), name="gift_value_not_negative"),
            models.CheckConstraint(
                condition=Q(direction__in=GiftDirection.values), name="gift_direction_known"
            ),
            models.CheckConstraint(
                condition=Q(giver_kind__in=GiverKind.values), name="gift_giver_kind_known"
            ),
            models.CheckConstraint(
                condition=(
                    Q(status="decided", decided_on__isnull=False, decided_at__isnull=False)
                    & ~Q(outcome="")
                )
                | (
                    Q(status__in=["waiting_for_meeting", "on_agenda", "waiting_for_decision"])
                    & Q(outcome="", decided_on__isnull=True)
                ),
                name="gift_outcome_only_when_decided",
            ),
            models.CheckConstraint(
                condition=Q(status="on_agenda", agenda_on__isnull=False)
                | (~Q(status="on_agenda") & Q(agenda_on__isnull=True)),
                name="gift_agenda_date_only_on_agenda",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_direction_display()}: {self.description[:60]}"
