"""What the organisation gives members in return: training (MEM-4), expenses and rewards (MEM-5).

An appointment or appraisal records the training needs identified and the training
given (MEM-4). Expenses and rewards are claimed per activity and are the only payments
a member receives (MEM-5); each moves submitted → approved → paid, or is refused with a
reason.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from panelkeeper.lib.fields import optional_user_key
from panelkeeper.rules.dates import day_month_year


class Appraisal(models.Model):
    class AppraisalKind(models.TextChoices):
        APPOINTMENT = "appointment", "Appointment"
        APPRAISAL = "appraisal", "Appraisal"

    Kind = AppraisalKind  # the OpenAPI names enums by class: one name each

    member = models.ForeignKey(
        "members.Member", on_delete=models.PROTECT, related_name="appraisals"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    held_on = models.DateField()
    training_needs = models.TextField(blank=True)
    training_given = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    recorded_by = optional_user_key()
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["member", "-held_on", "-id"]
        indexes = [models.Index(fields=["member", "-held_on", "-id"], name="appraisal_list")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["appointment", "appraisal"]), name="appraisal_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.member} on {day_month_year(self.held_on)}"


class Expense(models.Model):
    class ExpenseKind(models.TextChoices):
        EXPENSE = "expense", "Expense"
        REWARD = "reward", "Reward"

    Kind = ExpenseKind  # the OpenAPI names enums by class: one name each

    class ExpenseState(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        APPROVED = "approved", "Approved"
        PAID = "paid", "Paid"
        REFUSED = "refused", "Refused"

    State = ExpenseState  # the OpenAPI names enums by class: one name each

    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="expenses")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    activity = models.CharField(max_length=200)
    activity_on = models.DateField()
    description = models.CharField(max_length=500, blank=True)
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    state = models.CharField(max_length=10, choices=State.choices, default=State.SUBMITTED)
    refusal_reason = models.CharField(max_length=500, blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)
    submitted_by = optional_user_key()
    decided_by = optional_user_key()
    decided_on = models.DateField(null=True, blank=True)
    paid_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["member", "-activity_on", "-id"]
        indexes = [models.Index(fields=["member", "-activity_on", "-id"], name="expense_list")]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="expense_amount_positive"),
            models.CheckConstraint(
                condition=~Q(state="refused") | ~Q(refusal_reason=""), name="refusal_has_reason"
            ),
            models.CheckConstraint(
                condition=~Q(state="paid") | Q(paid_on__isnull=False), name="paid_has_date"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of £{self.amount} for {self.activity}"
