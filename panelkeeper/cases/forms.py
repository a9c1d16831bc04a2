"""Forms for raising a breach, reading a case on a date, and the people and seats of a case.

Forms validate and normalise; the domain functions decide (STYLE 13). :class:`StepForm`
is the base of every step's form; the forms of the other steps, whose choices come from
the code in force, are in :mod:`panelkeeper.cases.step_forms`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.db.models import QuerySet

from panelkeeper.accounts.models import User
from panelkeeper.accounts.people import choosable_for
from panelkeeper.cases.changes.appeals import GROUNDS_LIMIT
from panelkeeper.cases.models import Case, PartyRole, RaisedBy, Setting
from panelkeeper.cases.seats import group_roles, invited_users
from panelkeeper.lib.forms import ChoosingForm, radios_field, text_field
from panelkeeper.lib.widgets import GovukDateField
from panelkeeper.members.models import Member
from panelkeeper.organisations.staff_forms import email_field
from panelkeeper.rules.ladder.case import CaseView


def effective_field(noun: str = "date it took effect") -> GovukDateField:
    return GovukDateField(
        noun=noun,
        label="When did it take effect?",
        help_text="Leave blank for today. For example, 27 3 2026",
        required=False,
    )


def setting_field(choices: Sequence[tuple[str, str]]) -> forms.ChoiceField:
    """Where the conduct happened (MEM-9: when the code applies), from a breach or a concern."""
    return radios_field("Where did it happen?", missing="Select where it happened", choices=choices)


NAME_ONLY_HINT = (
    "Only for someone known to us by name alone: members and staff get letters at the details "
    "on their own record. A postal address needs its postcode."
)


def contact_field(
    label: str = "Email or postal address for letters (optional)", hint: str = NAME_ONLY_HINT
) -> forms.CharField:
    """Where a person known by name only agreed to be written to (BR-11)."""
    return forms.CharField(
        label=label,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=300,
        required=False,
        error_messages={"max_length": "The address for letters must be 300 characters or fewer"},
    )


def letters_agreed_field() -> forms.BooleanField:
    return forms.BooleanField(
        label="They agreed to be sent the outcome in writing there", required=False
    )


def staff_of(case: Case) -> QuerySet[User]:
    """Users with a grant in the case's organisation."""
    return User.objects.filter(grants__organisation=case.organisation_id).distinct()


class AsOfForm(forms.Form):
    """Read a case as it stood on a past date, or projected to a later one (DESIGN "A
    breach case")."""

    as_of = GovukDateField(
        noun="date to read the case on",
        label="Read the case on a date",
        help_text=(
            "An earlier date shows the case as it stood then; a later one shows what will be "
            "due if nothing more is recorded. For example, 27 3 2026. Leave blank for today."
        ),
        required=False,
    )


class RaiseForm(ChoosingForm):
    member = forms.ModelChoiceField(
        queryset=Member.objects.none(),
        label="Which member is the breach about?",
        empty_label="Choose a member",
        error_messages={"required": "Choose the member the breach is about"},
    )
    description = forms.CharField(
        label="What happened?",
        widget=forms.Textarea,
        max_length=5000,
        error_messages={"required": "Describe what happened"},
    )
    effective = GovukDateField(
        noun="date it was reported",
        label="When was it reported?",
        help_text="Leave blank for today. For example, 27 3 2026",
        required=False,
    )
    setting = setting_field(Setting.choices)
    clauses = forms.MultipleChoiceField(
        label="Which parts of the code or its documents does it concern?",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one clause it concerns"},
    )
    raised_by = radios_field(
        "Who raised it?", missing="Select who raised it", choices=RaisedBy.choices
    )
    reporter_name = forms.CharField(
        label="Name of the person who raised it (optional)", max_length=200, required=False
    )
    reporter_consents_to_identity = forms.BooleanField(
        label="They agree that the member may be told who raised it", required=False
    )
    anonymous = forms.BooleanField(label="They asked to stay anonymous", required=False)
    reporter_contact = contact_field(
        hint="Leave this empty if they are a member or a member of staff: their letters go to "
        "the details on their own record. A postal address needs its postcode."
    )
    reporter_agreed_to_letters = letters_agreed_field()

    def __init__(
        self,
        *args: Any,
        members: QuerySet[Member],
        clauses: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.offer_only("member", members)
        self.offer("clauses", clauses)
        if not clauses:
            self.fields["clauses"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("reporter_contact", "").strip() or data.get("reporter_agreed_to_letters")):
            return data
        if data.get("anonymous"):
            self.add_error(
                "reporter_contact", "Leave the address for letters empty for an anonymous report"
            )
        elif not data.get("reporter_name", "").strip():
            self.add_error(
                "reporter_name",
                "Enter the name of the person who raised it, or "
                "leave the address for letters empty",
            )
        return data


class StepForm(ChoosingForm):
    """Only the date it took effect: member informed, group convened, lifted, considered."""

    effective = effective_field()

    def __init__(
        self, *args: Any, view: CaseView | None = None, case: Case | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.view, self.case = view, case


class PartyForm(StepForm):
    role = radios_field(
        "How are they involved?", missing="Select how they are involved", choices=PartyRole.choices
    )
    member = forms.ModelChoiceField(
        queryset=Member.objects.none(),
        required=False,
        label="A member (optional)",
        empty_label="Not a member",
    )
    user = forms.ModelChoiceField(
        queryset=User.objects.none(),
        required=False,
        label="A member of staff (optional)",
        empty_label="Not staff",
    )
    name = forms.CharField(label="Or their name", max_length=200, required=False)
    contact = contact_field()
    agreed_to_letters = letters_agreed_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.case is not None:
            self.offer_only("member", Member.objects.of(self.case.organisation_id))
            self.offer_only("user", staff_of(self.case))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        wants_letters = data.get("contact", "").strip() or data.get("agreed_to_letters")
        if wants_letters and (data.get("member") or data.get("user")):
            self.add_error(
                "contact",
                "Leave the address for letters empty for a member or a "
                "member of staff: their letters go to their own record",
            )
        return data


class PartyContactForm(forms.Form):
    """Where a person known by name only agreed to be written to (BR-11)."""

    contact = contact_field(
        label="Email or postal address for letters",
        hint="A postal address needs its postcode. Leave it empty to keep no address for them.",
    )
    agreed_to_letters = letters_agreed_field()


class SeatForm(PartyForm):
    role_key = radios_field("Which seat?", missing="Select the seat")
    impartial = forms.BooleanField(label="They sit as an impartial member", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("role", "name", "contact", "agreed_to_letters"):
            del self.fields[name]
        if self.case is not None:
            self.offer("role_key", [(k, r.title) for k, r in group_roles(self.case).items()])
            invited = invited_users(self.case)
            self.offer_only("user", choosable_for(self.case.organisation_id, invited=invited))
        self.fields["user"].help_text = (
            "Staff of this organisation, the holders of its staff titles, members who sign "
            "in, and the people invited to this case. To seat someone else, invite them to "
            "the case from the case page."
        )


def why_field(question: str, example: str, missing: str) -> forms.CharField:
    """The reason an officer gives for undoing something recorded by mistake."""
    return forms.CharField(
        label=question,
        help_text=example,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": missing},
    )


class ReleaseSeatForm(StepForm):
    """Why a seat is given up before the group is convened (BR-6, COI-4)."""

    effective = effective_field("date the seat was released")
    reason = why_field(
        "Why is the seat being released?",
        "For example, filled in error, or they have a conflict that came to light.",
        "Enter why the seat is being released",
    )


class RemovePartyForm(StepForm):
    """Why someone added to a case by mistake is taken off it (Interpretation 11)."""

    effective = effective_field("date they were taken off the case")
    reason = why_field(
        "Why are they being taken off the case?",
        "For example, added to the wrong case, or recorded as a witness in error.",
        "Enter why they are being taken off the case",
    )


class GuestForm(ChoosingForm):
    """Invite someone from outside the team to one part of one case."""

    email = email_field()
    name = forms.CharField(
        label="Full name", max_length=200, error_messages={"required": "Enter their name"}
    )
    part = radios_field("What are they invited for?", missing="Select what they are invited for")
    impartial = forms.BooleanField(
        label="They sit as an impartial member",
        help_text="Only for a seat on the group.",
        required=False,
    )

    def __init__(self, *args: Any, parts: Sequence[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offer("part", parts)


class TakeOffGuestForm(StepForm):
    """Why someone invited to the case is taken off it: their access ends."""

    effective = effective_field("date they were taken off the case")
    reason = why_field(
        "Why are they being taken off the case?",
        "For example, they turned out to have a conflict, or are no longer available.",
        "Enter why they are being taken off the case",
    )


class OnlineAppealForm(forms.Form):
    """The member's own appeal, sent from their case page (BR-12)."""

    grounds = text_field(
        "Why do you think the decision is wrong?",
        rows=8,
        limit=GROUNDS_LIMIT,
        missing="Tell us why you think the decision is wrong",
        what="Your appeal",
        hint="Say what you think was wrong and what you would like to happen. "
        "Write as much or as little as you like.",
    )
