"""Forms for appointments and appraisals (MEM-4), expenses and rewards (MEM-5)."""

from __future__ import annotations

from django import forms

from panelkeeper.lib.forms import line_field, radios_field
from panelkeeper.lib.widgets import GovukDateField
from panelkeeper.members.models import Appraisal, Expense


class AppraisalForm(forms.Form):
    kind = radios_field(
        "Appointment or appraisal?",
        choices=Appraisal.Kind.choices,
        missing="Select appointment or appraisal",
    )
    held_on = GovukDateField(noun="date it was held", label="Date held")
    training_needs = forms.CharField(
        label="Training needs identified", required=False, widget=forms.Textarea
    )
    training_given = forms.CharField(label="Training given", required=False, widget=forms.Textarea)
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea)


class ExpenseForm(forms.Form):
    kind = radios_field(
        "Expense or reward?",
        choices=Expense.Kind.choices,
        missing="Select expense or reward",
    )
    activity = line_field(
        "Activity",
        limit=200,
        missing="Enter the activity",
        hint="For example, panel meeting on 3 March",
    )
    activity_on = GovukDateField(noun="date of the activity", label="Date of the activity")
    amount = line_field(
        "Amount in pounds",
        limit=20,
        missing="Enter the amount in pounds, like 12.50",
        hint="For example, 12.50",
    )
    description = forms.CharField(label="Details", required=False, max_length=500)


class ExpenseDecisionForm(forms.Form):
    state = radios_field(
        "Decision",
        choices=[
            (Expense.State.APPROVED, "Approve"),
            (Expense.State.REFUSED, "Refuse"),
            (Expense.State.PAID, "Mark as paid"),
        ],
        missing="Select a decision",
    )
    reason = forms.CharField(label="Reason for refusing", required=False, max_length=500)
