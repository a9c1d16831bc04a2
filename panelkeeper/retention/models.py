"""An organisation's retention schedule and the legal holds that stop records going.

The schedule stores only what an organisation changed: a kind of record with no
:class:`RetentionPeriod` keeps the product's default from :mod:`.kinds`. A hold is
never deleted while its record stays; lifting it is a date, a person and a reason.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from panelkeeper.cases.models import Case
from panelkeeper.concerns.models import Concern
from panelkeeper.lib.fields import optional_key, optional_user_key, user_key
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import OrganisationRecord
from panelkeeper.rules.dates import day_month_year


class RetentionPeriod(OrganisationRecord):
    """How many months an organisation keeps one kind of record (a key of ``kinds.KINDS``),
    or, for ``kinds.CASE_OUTCOME``, the closed cases with one ``outcome`` of its code."""

    kind = models.CharField(max_length=40)
    outcome = models.CharField(
        max_length=100, blank=True, default="", help_text="An outcome's key in the code."
    )
    months = models.PositiveIntegerField()
    changed_at = models.DateTimeField()
    changed_by = user_key()

    class Meta:
        ordering = ["organisation", "kind", "outcome"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "outcome"], name="one_period_a_kind"
            ),
            models.CheckConstraint(condition=Q(months__gte=1), name="period_at_least_a_month"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.outcome}".strip() + f": {self.months} months"


class LegalHoldQuerySet(models.QuerySet["LegalHold"]):
    def in_force(self) -> LegalHoldQuerySet:
        return self.filter(lifted_at__isnull=True)


class LegalHold(OrganisationRecord):
    """A hold on a member, a case or a concern: nothing it covers goes while it stands."""

    member = optional_key(Member)
    case = optional_key(Case)
    concern = optional_key(Concern)
    reason = models.TextField()
    placed_on = models.DateField()
    placed_at = models.DateTimeField()
    placed_by = user_key()
    lifted_on = models.DateField(null=True, blank=True)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = optional_user_key()
    lifted_reason = models.TextField(blank=True)

    objects = LegalHoldQuerySet.as_manager()

    class Meta:
        ordering = ["-placed_at", "-id"]
        # The legal holds list: one organisation's, newest first.
        indexes = [models.Index(fields=["organisation", "-placed_at", "-id"], name="hold_list")]
        constraints = [
            models.CheckConstraint(
                condition=Q(member__isnull=False, case__isnull=True, concern__isnull=True)
                | Q(member__isnull=True, case__isnull=False, concern__isnull=True)
                | Q(member__isnull=True, case__isnull=True, concern__isnull=False),
                name="hold_on_one_record",
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="hold_has_a_reason"),
            models.CheckConstraint(
                condition=Q(lifted_at__isnull=True, lifted_on__isnull=True, lifted_reason="")
                | (
                    Q(lifted_at__isnull=False, lifted_on__isnull=False, lifted_by__isnull=False)
                    & ~Q(lifted_reason="")
                ),
                name="hold_lifted_with_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Legal hold on {self.record_label} from {day_month_year(self.placed_on)}"

    @property
    def record_label(self) -> str:
        if self.case_id is not None:
            return f"case C-{self.case_id:05d}"
        if self.concern_id is not None:
            return f"concern {self.concern_id}"
        return f"member {self.member_id}"
