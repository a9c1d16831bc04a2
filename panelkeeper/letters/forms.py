"""Forms for letters: issuing one about a case, and an organisation's own wording.

Forms validate and normalise; ``issuing`` and ``wording`` decide (STYLE 13).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.db import models

from panelkeeper.letters.kinds import LetterKind
from panelkeeper.letters.models import Channel, Letter
from panelkeeper.lib.filters import DateRangeFilter
from panelkeeper.lib.forms import line_field, radios_field
from panelkeeper.lib.widgets import GovukDateField
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation

if TYPE_CHECKING:
    from panelkeeper.cases.models import Case

OUTCOME = "outcome"

CASE_LETTER_CHOICES = [
    (OUTCOME, "The outcome letter (the written notice of the decision)"),
    (LetterKind.INVESTIGATION.value, LetterKind.INVESTIGATION.label),
    (LetterKind.GUIDANCE.value, LetterKind.GUIDANCE.label),
    (LetterKind.APPEAL_ACKNOWLEDGED.value, LetterKind.APPEAL_ACKNOWLEDGED.label),
    (LetterKind.APPEAL_DECIDED.value, LetterKind.APPEAL_DECIDED.label),
    (LetterKind.APPEAL_LATE_REFUSED.value, LetterKind.APPEAL_LATE_REFUSED.label),
]


class IssueForm(forms.Form):
    kind = radios_field(
        "Which letter", choices=CASE_LETTER_CHOICES, missing="Select which letter to send"
    )
    reasons = forms.CharField(
        label="Why it was decided (optional)",
        help_text="Outcome letters only. Leave empty to explain from the case's record.",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    actions = forms.CharField(
        label="What the member agreed to do (guidance letters)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    review_on = GovukDateField(label="Review date (guidance letters)", required=False)
    by_hand = forms.ChoiceField(
        label="How does it reach the member?",
        choices=[
            ("", "As they prefer: by email or by post"),
            (Channel.HAND.value, "By hand: you give it to them in person today"),
        ],
        widget=forms.RadioSelect,
        required=False,
        initial="",
        help_text="A letter handed over counts as received the same day. Print it from the "
        "letter's page once it is sent.",
    )
    corrects = forms.ModelChoiceField(
        label="This letter corrects (optional)",
        queryset=Letter.objects.none(),
        required=False,
        empty_label="Not a correction",
        error_messages={"invalid_choice": "Select a letter sent about this case"},
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        corrects = self.fields["corrects"]
        assert isinstance(corrects, forms.ModelChoiceField)
        corrects.queryset = Letter.objects.filter(case=case).to_member()

    @property
    def channel(self) -> str | None:
        return self.cleaned_data["by_hand"] or None

    @property
    def letter_kind(self) -> str | None:
        kind = self.cleaned_data["kind"]
        return None if kind == OUTCOME else kind


class WordingForm(forms.Form):
    subject = line_field("Subject", limit=300, missing="Enter a subject")
    body = forms.CharField(
        label="Wording of the letter",
        help_text="Leave a blank line between paragraphs. Put a placeholder name in braces.",
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 18}),
        error_messages={"required": "Enter the wording of the letter"},
    )
    case = forms.TypedChoiceField(
        label="Preview with case",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[],
        error_messages={"invalid_choice": "Select a case of this organisation"},
    )

    def __init__(self, *args: Any, cases: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        case = self.fields["case"]
        assert isinstance(case, forms.ChoiceField)
        case.choices = [("", "No case: show sample values"), *cases]


class Sent(models.TextChoices):
    """Whether a letter has gone to the person it is addressed to."""

    SENT = "sent", "Sent"
    UNSENT = "unsent", "Kept but not sent"


class LetterFilterForm(DateRangeFilter):
    """Which letters the list shows: to or about one member, of one kind, sent or not, and
    sent (issued) between two days."""

    noun = "sent"

    member = forms.ModelChoiceField(
        queryset=Member.objects.none(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "Choose a member of this organisation"},
    )
    kind = forms.ChoiceField(
        label="Kind of letter",
        required=False,
        choices=[("", "Any kind"), *LetterKind.choices],
        error_messages={"invalid_choice": "Select a kind of letter from the list"},
    )
    sent = forms.ChoiceField(
        label="Sent or not",
        required=False,
        choices=[("", "Either"), *Sent.choices],
        error_messages={"invalid_choice": "Select whether the letter was sent from the list"},
    )
    field_order = ["kind", "sent", "since", "until", "member"]

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        member = self.fields["member"]
        assert isinstance(member, forms.ModelChoiceField)
        member.queryset = Member.objects.of(organisation)
