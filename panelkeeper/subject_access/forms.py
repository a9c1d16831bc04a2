"""Forms for subject access requests, their clock, their pack and the data protection
lead. Forms validate and normalise; ``requests.py`` and ``packs.py`` decide."""

from __future__ import annotations

from typing import Any

from django import forms

from panelkeeper.accounts.models import User
from panelkeeper.lib.forms import (
    OrganisationForm,
    line_field,
    optional_line_field,
    radios_field,
    text_field,
)
from panelkeeper.lib.widgets import GovukDateField
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation
from panelkeeper.retention.forms import EraseForm
from panelkeeper.subject_access.lead import officers_of
from panelkeeper.subject_access.models import PauseReason, Requester


class RequestForm(OrganisationForm):
    requester = radios_field("Who asked?", missing="Select who asked", choices=Requester.choices)
    member = forms.ModelChoiceField(
        queryset=Member.objects.none(),
        label="Which member? (if a member asked)",
        required=False,
        empty_label="Choose a member",
    )
    name = forms.CharField(
        label="Their name (if anyone else asked)", max_length=200, required=False
    )
    contact = forms.CharField(
        label="How to reach them (if anyone else asked)", max_length=300, required=False
    )
    received_on = GovukDateField(noun="date it was received", label="When was it received?")
    details = forms.CharField(
        label="What did they ask for? (optional)",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        required=False,
    )

    def for_organisation(self, organisation: Organisation) -> None:
        self.offer_only("member", Member.objects.of(organisation).order_by("full_name"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("requester") == Requester.MEMBER and not data.get("member"):
            self.add_error("member", "Choose the member who asked")
        elif data.get("requester") not in (None, Requester.MEMBER) and not data.get("name"):
            self.add_error("name", "Enter the name of the person who asked")
        return data


class PauseForm(forms.Form):
    reason = radios_field(
        "Why is the clock paused?", missing="Select why", choices=PauseReason.choices
    )
    paused_on = GovukDateField(noun="date it was paused", label="From when?")
    note = forms.CharField(
        label="Note (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )


class ResumeForm(forms.Form):
    resumed_on = GovukDateField(noun="date it restarted", label="When did the clock restart?")


class ExtendForm(forms.Form):
    months = radios_field(
        "Extend by how long in all?",
        missing="Select 1 or 2 months",
        choices=[("1", "1 month"), ("2", "2 months")],
    )
    reason = text_field(
        "Why does it need more time?",
        rows=3,
        limit=2000,
        missing="Enter why the request needs more time",
        what="The reason",
    )


class ReleaseForm(forms.Form):
    reviewed = forms.BooleanField(
        label="I have read the whole pack and it names no one who did not agree to be named",
        error_messages={"required": "Confirm you have read the whole pack"},
    )
    released_on = GovukDateField(noun="date it was released", label="When was it sent to them?")


class LeadForm(OrganisationForm):
    user = forms.ModelChoiceField(
        queryset=User.objects.none(),
        label="Who is your data protection lead?",
        help_text="One of your officers. They read the log of who opened which confidential "
        "record, and are reminded of requests.",
        empty_label="Choose a person",
        error_messages={"required": "Choose your data protection lead"},
    )

    def for_organisation(self, organisation: Organisation) -> None:
        self.offer_only("user", officers_of(organisation))


class MyRequestForm(forms.Form):
    details = line_field(
        "What would you like a copy of?",
        limit=2000,
        missing="Say what you would like a copy of, or write everything",
        hint="For example: everything you hold about me.",
    )


class ErasePersonForm(EraseForm):
    """Who is to be erased: a person who is not a member, by name and contact details,
    above the confirmation every erasure asks for."""

    field_order = ["name", "contact", "confirm"]

    name = line_field(
        "Their name",
        limit=200,
        missing="Enter the name of the person to erase",
        hint="As they gave it when they raised a concern, were named in a case or asked for "
        "a copy of their information.",
    )
    contact = optional_line_field(
        "Their email address or postal address (optional)",
        limit=300,
        what="The contact details",
        hint="Records with these contact details are erased too, whatever name they give.",
    )
