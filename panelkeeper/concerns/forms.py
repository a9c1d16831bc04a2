"""Forms for raising a concern, following it up, and an officer's replies and closing.

Forms validate and normalise; the functions in :mod:`panelkeeper.concerns.handling`
decide (STYLE 13). Messages are in GOV.UK's voice.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet

from panelkeeper.cases.forms import setting_field
from panelkeeper.cases.models import RaisedBy, Setting
from panelkeeper.concerns.handling import MAX_MESSAGE, OUTCOME_NEEDS_ADDRESS, Report
from panelkeeper.concerns.models import About, Concern, Message
from panelkeeper.concerns.routing import Raising
from panelkeeper.lib.contacts import letter_contact
from panelkeeper.lib.effective import future_date
from panelkeeper.lib.filters import DateRangeFilter
from panelkeeper.lib.forms import ChoosingForm, optional_line_field, radios_field, text_field
from panelkeeper.lib.widgets import GovukDateField
from panelkeeper.members.models import Member

YES_NO = [("yes", "Yes"), ("no", "No")]
CONSENT_MISSING = "Select yes if we can tell them who raised it"


def _not_future(day: dt.date, today: dt.date, what: str) -> dt.date:
    """``day``, or the error saying that ``what`` must be today or in the past."""
    problem = future_date(day, today=today, what=what)
    if problem is not None:
        raise forms.ValidationError(problem)
    return day


class ConcernForm(ChoosingForm):
    """The public form; its choices are the ones the code in force allows (BR-1)."""

    about = radios_field("What is your concern about?", missing="Select what your concern is about")
    what_happened = text_field(
        "What happened?",
        hint="Say what was said or done, and who else was there.",
        rows=8,
        limit=10000,
        missing="Enter what happened",
        what="What happened",
    )
    happened_on = GovukDateField(
        noun="date it happened",
        label="When did it happen?",
        help_text="If you do not know the exact day, give your best guess. For example, 27 3 2026",
    )
    setting = setting_field(Setting.choices)
    about_whom = optional_line_field(
        "Who is it about? (optional)",
        hint="Their name or role, if you know it.",
        limit=200,
        what="Who it is about",
    )
    reporter_kind = radios_field(
        "Which of these describes you?", missing="Select which of these describes you"
    )
    anonymous = radios_field(
        "Do you want to stay anonymous?",
        missing="Select yes if you want to stay anonymous",
        choices=YES_NO,
        hint="If you stay anonymous you get a receipt code to follow up your concern and "
        "answer questions. We cannot contact you.",
    )
    reporter_name = optional_line_field(
        "Your name",
        hint="Leave this empty if you want to stay anonymous.",
        limit=200,
        what="Your name",
    )
    reporter_contact = optional_line_field(
        "How can we contact you?",
        hint="An email address, phone number or postal address. Leave this empty if you "
        "want to stay anonymous.",
        limit=300,
        what="Contact details",
    )
    outcome_in_writing = forms.ChoiceField(
        label="Can we send you the outcome in writing?",
        help_text="If you say yes, the contact details you give must be an email address or a "
        "postal address with its postcode. We cannot post a letter to a phone number.",
        choices=YES_NO,
        widget=forms.RadioSelect,
        required=False,
    )
    consents_to_identity = radios_field(
        "Can we tell the person concerned who raised it?",
        missing=CONSENT_MISSING,
        choices=YES_NO,
        hint="If you say no, we will not tell them who you are.",
    )

    def __init__(self, *args: Any, raising: Raising, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.raising = raising
        self.today = today
        self.offer("about", [(t.value, t.label) for t in raising.topics])
        self.offer("reporter_kind", [(k.value, k.label) for k in raising.reporter_kinds])
        if len(raising.topics) == 1:
            del self.fields["about"]
        if not raising.tells_outcome:
            del self.fields["outcome_in_writing"]
        if raising.anonymous:
            # Only a named reporter is asked; someone anonymous leaves it, as their name.
            consent = self.fields["consents_to_identity"]
            consent.required = False
            consent.label = "If you give your name: can we tell the person concerned?"
            consent.help_text = "Leave this if you stay anonymous. We will not know who you are."
        else:
            del self.fields["anonymous"]
            self.fields["reporter_name"].help_text = ""
            self.fields[
                "reporter_contact"
            ].help_text = "An email address, phone number or postal address."

    def clean_happened_on(self) -> dt.date:
        return _not_future(self.cleaned_data["happened_on"], self.today, "The date it happened")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.is_anonymous(data):
            return data
        if "reporter_name" in data and not data["reporter_name"].strip():
            self.add_error("reporter_name", "Enter your name, or choose to stay anonymous")
        if "reporter_contact" in data and not data["reporter_contact"].strip():
            self.add_error(
                "reporter_contact", "Enter an email address, phone number or postal address"
            )
        if "outcome_in_writing" in self.fields:
            self._check_outcome_in_writing(data)
        if not data.get("consents_to_identity") and "consents_to_identity" not in self.errors:
            self.add_error("consents_to_identity", CONSENT_MISSING)
        return data

    def _check_outcome_in_writing(self, data: dict[str, Any]) -> None:
        answer = data.get("outcome_in_writing")
        if not answer:
            self.add_error(
                "outcome_in_writing", "Select yes if we can send you the outcome in writing"
            )
        # An empty box already has its own error saying what to enter.
        elif (
            answer == "yes"
            and "reporter_contact" not in self.errors
            and letter_contact(data.get("reporter_contact", "")) is None
        ):
            self.add_error("reporter_contact", OUTCOME_NEEDS_ADDRESS)

    def is_anonymous(self, data: dict[str, Any]) -> bool:
        return "anonymous" in self.fields and data.get("anonymous") == "yes"

    def report(self) -> Report:
        data = self.cleaned_data
        return Report(
            about=About(data.get("about", About.CONDUCT)),
            what_happened=data["what_happened"],
            happened_on=data["happened_on"],
            setting=Setting(data["setting"]),
            about_whom=data["about_whom"],
            reporter_kind=RaisedBy(data["reporter_kind"]),
            anonymous=self.is_anonymous(data),
            reporter_name=data["reporter_name"],
            reporter_contact=data["reporter_contact"],
            consents_to_identity=data.get("consents_to_identity") == "yes",
            outcome_in_writing=(
                not self.is_anonymous(data) and data.get("outcome_in_writing") == "yes"
            ),
        )


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Receipt code",
        help_text="The 16 letters and numbers on your receipt, for example 7KQ2-M9XD-4TPB-HC3R.",
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
        error_messages={
            "required": "Enter your receipt code",
            "max_length": "Enter the receipt code exactly as it is on your receipt",
        },
    )


def _message_body(label: str, *, missing: str) -> forms.CharField:
    """A message between the service and the person who raised a concern, up to
    :data:`MAX_MESSAGE` characters."""
    return text_field(label, rows=5, limit=MAX_MESSAGE, missing=missing, what=label)


class MessageForm(forms.Form):
    body = _message_body("Your message", missing="Enter your message")


class ContactForm(forms.Form):
    """A contact with a named reporter, made outside the service."""

    channel = radios_field(
        "How did you contact them?",
        missing="Select how you contacted them",
        choices=[c for c in Message.Channel.choices if c[0] != Message.Channel.SERVICE],
    )
    sent_on = GovukDateField(noun="date of the contact", label="When?")
    body = _message_body("What was said", missing="Enter what was said")


class CloseForm(forms.Form):
    reason = text_field(
        "Why are you closing it?",
        hint="The person who raised it will read this if they follow it up.",
        rows=4,
        limit=2000,
        missing="Enter why you are closing the concern",
        what="The reason",
    )


class TriageForm(ChoosingForm):
    """Open a breach case from a concern: about whom, from when, citing what (BR-0)."""

    member = forms.ModelChoiceField(
        queryset=Member.objects.none(),
        label="Which member is it about?",
        empty_label="Choose a member",
        error_messages={"required": "Choose the member the concern is about"},
    )
    effective = GovukDateField(
        noun="date it was reported",
        label="When was it reported?",
        help_text="The day the concern was received, unless it reached you another way first.",
    )
    description = forms.CharField(
        label="What happened",
        help_text="As it will read on the case. Leave out anything that would identify an "
        "anonymous reporter.",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
        error_messages={"required": "Describe what happened"},
    )
    setting = setting_field(Setting.choices)
    clauses = forms.MultipleChoiceField(
        label="Which parts of the code does it concern?",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        members: QuerySet[Member],
        clause_choices: list[tuple[str, str]],
        today: dt.date,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.offer_only("member", members)
        self.offer("clauses", clause_choices)
        if not clause_choices:
            del self.fields["clauses"]

    def clean_effective(self) -> dt.date:
        return _not_future(self.cleaned_data["effective"], self.today, "The date it was reported")

    def clean_clauses(self) -> list[str]:
        chosen: list[str] = self.cleaned_data.get("clauses") or []
        if not chosen:
            raise forms.ValidationError("Select at least one part of the code it concerns")
        return chosen


class ConcernFilterForm(DateRangeFilter):
    """Which concerns the list shows: by status, and received between two days."""

    noun = "received"

    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Any status"), *Concern.Status.choices],
        error_messages={"invalid_choice": "Select a status from the list"},
    )
    field_order = ["status", "since", "until"]
