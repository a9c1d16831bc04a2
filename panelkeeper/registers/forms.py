"""Forms for declarations, decisions and settings. They validate and normalise; the
functions in ``interests``, ``conflicts`` and ``gifts`` decide (STYLE 13)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from panelkeeper.lib.forms import ChoosingForm, line_field, radios_field
from panelkeeper.lib.widgets import GovukDateField
from panelkeeper.registers.models import (
    Decision,
    GiftDirection,
    GiftOutcome,
    GiverKind,
    Grounds,
    InterestKind,
    WorkKind,
)
from panelkeeper.registers.routing import MONEY_HINT, ConflictRoute, GiftRoute, parse_money
from panelkeeper.rules.policy.roles import Role


def _long_text(label: str, *, required: str, help_text: str = "") -> forms.CharField:
    """A text box for a few sentences; ``required`` is the error if it is left empty."""
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": required},
    )


def _optional_text(label: str, **kwargs: Any) -> forms.CharField:
    """A short optional text box: a note or a reason."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        **kwargs,
    )


def _offer_roles(form: ChoosingForm, name: str, roles: tuple[Role, ...]) -> None:
    """Offer the code's ``roles`` as the choices of the field ``name``; the only one, if
    there is only one, comes chosen."""
    form.offer(name, [(role.key, role.title) for role in roles])
    if len(roles) == 1:
        form.fields[name].initial = roles[0].key


class InterestForm(forms.Form):
    kind = radios_field(
        "What kind of interest is it?",
        choices=InterestKind.choices,
        missing="Select what kind of interest it is",
    )
    description = _long_text(
        "Describe the interest",
        help_text="For example, the name of the group you belong to and your role in it.",
        required="Describe the interest",
    )
    starts_on = GovukDateField(noun="date the interest started", label="When did it start?")
    ends_on = GovukDateField(
        noun="date the interest ended",
        label="When did it end? (optional)",
        help_text="Leave empty if it has not ended.",
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error(
                "ends_on", "The date it ended must be the same as or after the date it started"
            )
        return data


class CloseInterestForm(forms.Form):
    ends_on = GovukDateField(noun="date the interest ended", label="When did it end?")


class ConfirmForm(forms.Form):
    nil = forms.ChoiceField(
        label="What do you want to record?",
        choices=[
            ("", "My register is complete and up to date"),
            ("nil", "I have nothing to declare (a nil declaration)"),
        ],
        required=False,
        widget=forms.RadioSelect,
    )

    def clean_nil(self) -> bool:
        """Whether this is a nil declaration; otherwise the register is confirmed."""
        chosen: str = self.cleaned_data["nil"]
        return chosen == "nil"


class MoneyField(forms.Field):
    """An amount in pounds and pence, typed as people write it; cleans to a Decimal."""

    widget = forms.TextInput(
        attrs={"inputmode": "decimal", "class": "govuk-input--width-10", "maxlength": "20"}
    )

    def to_python(self, value: Any) -> Decimal | None:
        text = str(value or "").strip()
        if not text:
            return None
        try:
            return parse_money(text)
        except ValueError as error:
            raise forms.ValidationError(str(error), code="invalid") from None


class GiftForm(ChoosingForm):
    direction = radios_field(
        "Was it received or offered?",
        choices=GiftDirection.choices,
        missing="Select whether it was received or offered",
    )
    direction.initial = GiftDirection.RECEIVED  # most declarations are of gifts received
    giver_kind = radios_field(
        "Who gave or offered it?",
        choices=GiverKind.choices,
        missing="Select who gave or offered it",
    )
    giver_name = line_field(
        "Their name or the organisation's name",
        limit=200,
        missing="Enter who gave or offered it",
        hint="Kept private: a published register shows only the kind of giver.",
    )
    description = _long_text(
        "What was it?",
        help_text="For example, lunch at a supplier's event, or a box of chocolates.",
        required="Describe the gift or hospitality",
    )
    value = MoneyField(
        label="Estimated value",
        help_text=f"In pounds, {MONEY_HINT.removeprefix('in pounds and pence, ')}.",
        error_messages={"required": "Enter the estimated value"},
    )
    given_on = GovukDateField(noun="date it was given or offered", label="When was it?")
    declared_on = GovukDateField(
        noun="date it was declared",
        label="When was it declared?",
        help_text="Leave this empty if it is being declared today. If it was declared on "
        "paper or by phone first, give that date. For example, 10 5 2026",
        required=False,
    )
    reported_to_role = radios_field(
        "Who did you tell about it?", missing="Select who you told about it"
    )

    def __init__(self, *args: Any, route: GiftRoute | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if route is None or not route.offered_too:
            # Only thirteen asks for offers; elsewhere the question would only confuse.
            del self.fields["direction"]
        _offer_roles(self, "reported_to_role", route.report_to if route else ())

    def clean(self) -> dict[str, Any]:
        """The declaration as ``gifts.declare_gift`` takes it: received, unless the form
        asks and the answer is offered."""
        cleaned = super().clean() or {}
        cleaned["direction"] = str(cleaned.get("direction") or GiftDirection.RECEIVED)
        return cleaned


class DecideGiftForm(forms.Form):
    outcome = radios_field(
        "What happens to it?",
        choices=GiftOutcome.choices,
        missing="Select what happens to the gift",
    )
    decided_on = GovukDateField(noun="date of the decision", label="When was this decided?")
    note = _optional_text("Note (optional)")


class WorkItemForm(forms.Form):
    kind = radios_field(
        "What kind of work is it?",
        choices=WorkKind.choices,
        missing="Select what kind of work it is",
    )
    title = line_field("Title", limit=300, missing="Enter a title for the work")
    on = GovukDateField(noun="date of the work", label="When does it take place?")


class ConflictDecisionForm(ChoosingForm):
    decision = radios_field(
        "What was decided?", choices=Decision.choices, missing="Select what was decided"
    )
    parts = _optional_text(
        "Which parts does the member withdraw from?",
        help_text="Only for a withdrawal from part of the work.",
    )
    grounds = forms.ChoiceField(
        label="Grounds of the possible conflict",
        help_text="Receiving a report is not a conflict.",
        choices=Grounds.choices,
        initial=Grounds.INTEREST,
        widget=forms.RadioSelect,
    )
    reason = _optional_text("Reason (optional)")
    decided_by_role = radios_field("Who decided?", missing="Select who decided")
    decided_on = GovukDateField(noun="date of the decision", label="When was it decided?")
    told_role = radios_field("Who was told?", missing="Select who was told")
    told_on = GovukDateField(noun="date they were told", label="When were they told?")

    def __init__(self, *args: Any, route: ConflictRoute, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _offer_roles(self, "decided_by_role", route.decided_by)
        _offer_roles(self, "told_role", route.tell)


class ReviseConflictDecisionForm(ConflictDecisionForm):
    """The decision form again, with why it is being revised; ``revises`` carries the id of
    the decision shown, so a revision made meanwhile by someone else is not overwritten."""

    revision_reason = _long_text(
        "Why is the decision being revised?",
        help_text="For example, new information, or the member's interest has ended.",
        required="Enter why the decision is being revised",
    )
    revises = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": "Go back to the work and choose to revise the decision again"},
    )

    field_order = ["revision_reason"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == Decision.WITHDRAWS_IN_PART and not data.get("parts", "").strip():
            self.add_error("parts", "Say which parts of the work the member withdraws from")
        return data


class SettingsForm(forms.Form):
    review_months = forms.IntegerField(
        label="How often must members review their declaration of interests?",
        help_text="In months. A declaration not reviewed for this long is flagged.",
        min_value=1,
        max_value=60,
        error_messages={
            "required": "Enter a review period in months",
            "invalid": "Enter the review period as a whole number of months, like 12",
            "min_value": "Enter a review period between 1 and 60 months",
            "max_value": "Enter a review period between 1 and 60 months",
        },
    )
    published = forms.BooleanField(
        label="Publish the registers on a public page",
        help_text="The public page shows no contact details and no giver's name.",
        required=False,
    )
