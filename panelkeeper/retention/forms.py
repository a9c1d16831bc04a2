"""Forms for the retention schedule, legal holds and erasure; they validate, never decide."""

from __future__ import annotations

from django import forms
from django.db import models

from panelkeeper.lib.forms import line_field, radios_field, text_field
from panelkeeper.retention.kinds import CASE_OUTCOME, KINDS
from panelkeeper.retention.schedule import LONGEST


class PeriodForm(forms.Form):
    months = forms.IntegerField(
        label="How many months are these records kept?",
        help_text="For example, 72 for six years.",
        min_value=1,
        max_value=LONGEST,
        error_messages={
            "required": "Enter how many months these records are kept",
            "invalid": "Enter the number of months as a whole number, like 72",
            "min_value": "Enter at least 1 month",
            "max_value": f"Enter {LONGEST} months or fewer",
        },
    )


class HoldForm(forms.Form):
    record = radios_field(
        "What do you want to hold?",
        missing="Choose a member, a case or a concern",
        choices=[("member", "A member"), ("case", "A case"), ("concern", "A concern")],
    )
    reference = line_field(
        "Its number or reference",
        limit=20,
        missing="Enter the number of the member or concern, or the case's reference",
        hint="A member's or a concern's number, or a case reference such as C-00012.",
    )
    reason = text_field(
        "Why must these records be kept?",
        rows=3,
        limit=2000,
        missing="Enter why these records must be kept",
        what="The reason",
        hint="For example, a claim has been made and the records may be needed.",
    )


class ReasonForm(forms.Form):
    """Why a hold is lifted."""

    reason = text_field(
        "Why is the hold lifted?",
        rows=3,
        limit=2000,
        missing="Enter why the hold is lifted",
        what="The reason",
    )


class EraseForm(forms.Form):
    """The confirmation every erasure asks for: a member's, or anyone else's."""

    confirm = forms.BooleanField(
        label="I confirm this person asked for their records to be erased, and that this "
        "cannot be undone",
        error_messages={"required": "Confirm that the person asked for erasure"},
    )


class HoldState(models.TextChoices):
    IN_FORCE = "in_force", "In force"
    LIFTED = "lifted", "Lifted"


class HoldFilterForm(forms.Form):
    """Which legal holds the list shows: those in force, those lifted, or both."""

    state = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[("", "In force and lifted"), *HoldState.choices],
        error_messages={"invalid_choice": "Select which holds to show from the list"},
    )


class DueFilterForm(forms.Form):
    """Which records of the dry run the list shows: one kind's, or a summary of each."""

    kind = forms.ChoiceField(
        label="Kind of record",
        required=False,
        choices=[("", "Every kind"), *((kind.key, kind.label) for kind in (*KINDS, CASE_OUTCOME))],
        error_messages={"invalid_choice": "Select a kind of record from the list"},
    )
