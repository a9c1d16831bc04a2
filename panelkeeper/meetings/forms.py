"""Forms for meetings. They validate and normalise; the domain functions decide (STYLE 13)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypedDict

from django import forms
from django.forms import BoundField
from django.forms.utils import ErrorDict

from panelkeeper.accounts.models import User
from panelkeeper.lib.forms import ChoosingForm, escaped, line_field, radios_field
from panelkeeper.lib.widgets import PARTS, GovukDateField
from panelkeeper.meetings.models import AgendaItem, ChairBasis, DecisionMethod
from panelkeeper.meetings.schedule import MOVABLE_FIELDS
from panelkeeper.members.models import Member
from panelkeeper.rules.attendance import Presence, Vote
from panelkeeper.rules.meetings import ChairBasis as Basis
from panelkeeper.rules.meetings import (
    Method,
    chair_bases_allowed,
    method_refusal,
    methods_allowed,
)
from panelkeeper.rules.policy.sections import Meetings

PRESENCE_CHOICES = [
    (Presence.PRESENT.value, "Present"),
    (Presence.APOLOGIES.value, "Apologies"),
    (Presence.ABSENT.value, "Absent without apologies"),
]


def member_choices(members: Sequence[Member]) -> list[tuple[str, str]]:
    return [("", "Choose a member")] + [(str(m.pk), m.full_name) for m in members]


class MemberChoiceForm(ChoosingForm):
    """A form with one field, ``member_field``, choosing among the ``members`` it is given.

    ``members`` maps each choice's value to its member, so a view reads the member chosen
    in a required field as ``form.members[form.cleaned_data["member"]]``.
    """

    member_field = "member"

    def __init__(self, *args: Any, members: Sequence[Member] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offer(self.member_field, member_choices(members))
        self.members = {str(m.pk): m for m in members}

    def chosen(self) -> dict[str, Any]:
        """The cleaned data with the member chosen (or None) in place of its choice, as the
        domain functions take it."""
        member = self.members.get(self.cleaned_data.get(self.member_field) or "")
        return {**self.cleaned_data, self.member_field: member}


class TimeAndPlaceForm(forms.Form):
    """When and where a meeting is: on its own, the form that moves a meeting."""

    date = GovukDateField(noun="date of the meeting", help_text="For example, 10 12 2026")
    starts_at = forms.TimeField(
        label="Start time",
        help_text="For example, 18:30",
        error_messages={"required": "Enter the start time", "invalid": "Enter a time like 18:30"},
    )
    ends_at = forms.TimeField(
        label="End time (optional)",
        help_text="For example, 20:30. If you leave it empty, calendars show two hours.",
        required=False,
        error_messages={"invalid": "Enter a time like 20:30"},
    )
    place = forms.CharField(label="Place", required=False, max_length=300)
    online_link = forms.URLField(
        label="Online link",
        required=False,
        max_length=500,
        error_messages={"invalid": "Enter the online link as a web address, like https://…"},
    )

    def time_and_place(self) -> dict[str, Any]:
        """The date, times and place, as the domain functions name them."""
        return {name: self.cleaned_data[name] for name in MOVABLE_FIELDS}


class ChairForm(MemberChoiceForm):
    """Who chairs a meeting (MTG-4): on its own, the form that changes the chair."""

    member_field = "chair"

    chair_basis = forms.ChoiceField(
        label="Who chairs the meeting?",
        choices=ChairBasis.choices,
        initial=ChairBasis.STANDING,
        widget=forms.RadioSelect,
    )
    chair = forms.ChoiceField(label="Chair for this meeting (rota or standing in)", required=False)

    def __init__(self, *args: Any, meetings: Meetings | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the ways the code lets a meeting be chaired are offered (MTG-4).
        allowed = chair_bases_allowed(meetings)
        field = self.fields["chair_basis"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(v, label) for v, label in ChairBasis.choices if v in allowed]
        if Basis.ROTA not in allowed:
            field.error_messages["invalid_choice"] = (
                "The code of conduct has a standing Chair, not a chair by rota: choose the "
                "Chair, or the Vice Chair standing in"
            )
            self.fields["chair"].label = "Chair for this meeting (standing in)"

    def chair_member(self) -> Member | None:
        return self.members.get(self.cleaned_data.get("chair") or "")

    def chosen(self) -> dict[str, Any]:
        """Who chairs, as ``name_chair`` and ``schedule_meeting`` take it."""
        return {"chair": self.chair_member(), "chair_basis": self.cleaned_data["chair_basis"]}


class ScheduleForm(TimeAndPlaceForm, ChairForm):
    held = forms.BooleanField(label="This meeting has already taken place", required=False)
    field_order = [
        "date", "starts_at", "ends_at", "place", "online_link", "held", "chair_basis", "chair",
    ]  # fmt: skip

    def chosen(self) -> dict[str, Any]:
        """When and where, who chairs and whether it was held, as ``schedule_meeting``
        takes them."""
        return {**self.time_and_place(), **super().chosen(), "held": self.cleaned_data["held"]}


class CancelForm(forms.Form):
    reason = line_field(
        "Why is the meeting cancelled?", limit=500, missing="Enter why the meeting is cancelled"
    )


class DateBox(TypedDict):
    """One box of a date in a compact row (its day, month or year): the row's template
    labels each box itself, so the box carries only what differs from row to row."""

    id: str
    name: str
    value: str
    error: bool


class Option(TypedDict):
    """One radio of a compact row, as ``GovukBoundField.options`` gives it."""

    id: str
    name: str
    value: str
    label: str
    checked: bool


class AttendanceRow(TypedDict):
    """A member's fields on the attendance page. Rows and their fields are dicts of what
    the template reads: it finds a dict's keys at once, where each attribute of a bound
    field first costs it a failed lookup, and a page has fifty members. Their texts are
    escaped here, once, so the template draws them as they are (see ``escaped``)."""

    member: Member
    presence: dict[str, Any]
    given: dict[str, Any]
    day: DateBox
    month: DateBox
    year: DateBox
    reason: dict[str, Any]


def _read(field: BoundField, errors: ErrorDict, *names: str) -> dict[str, Any]:
    """The attributes ``names`` of ``field``, read once, texts escaped, and its errors
    among its form's ``errors`` (a field asked for its own makes an empty list each time)."""
    read = {name: escaped(getattr(field, name)) for name in names}
    return read | {"errors": errors.get(field.name, [])}


class AttendanceForm(forms.Form):
    """One radio group and one optional date per expected member."""

    def __init__(self, *args: Any, members: Sequence[Member] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.members = list(members)
        for member in self.members:
            self.fields[f"presence_{member.pk}"] = forms.ChoiceField(
                label=member.full_name,
                choices=PRESENCE_CHOICES,
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"given_{member.pk}"] = GovukDateField(
                label=f"Date {member.full_name} gave apologies",
                noun="date the apologies were given",
                required=False,
                help_text="Only for apologies",
            )
            self.fields[f"reason_{member.pk}"] = forms.CharField(
                label=f"Reason {member.full_name} gave",
                required=False,
                max_length=500,
                help_text="Only for apologies",
            )

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean()
        # Asked only of a form otherwise valid, so that this error never hides another.
        if not self.errors and not self.entries():
            raise forms.ValidationError(
                "Select present, apologies or absent for at least one member on this page"
            )
        return cleaned

    def rows(self) -> list[AttendanceRow]:
        """Each member's fields, for the page's compact rows (a few hundred fields drawn by
        the field templates one by one cost more than the rest of the page together)."""
        # Every member's radios offer the same choices: escaped once for the page. A radio
        # is checked, as Django checks it, when its value as text is the value chosen.
        choices = [(str(value), escaped(label)) for value, label in PRESENCE_CHOICES]
        errors = self.errors
        rows = []
        for member in self.members:
            presence = self[f"presence_{member.pk}"]
            picked = presence.value()
            chosen = "" if picked is None else str(picked)
            name = escaped(presence.html_name)
            options = [
                Option(
                    id=escaped(f"{presence.auto_id}_{index}"),
                    name=name,
                    value=escaped(text),
                    label=label,
                    checked=text == chosen,
                )
                for index, (text, label) in enumerate(choices)
            ]
            given = self[f"given_{member.pk}"]
            if self.is_bound:
                values = [self.data.get(f"{given.html_name}_{part}", "") for part in PARTS]
            else:
                day = self.initial.get(given.name)
                values = [day.day, day.month, day.year] if day else ["", "", ""]
            wrong = set(getattr(given, "error_parts", PARTS)) if given.name in errors else set()
            day_box, month_box, year_box = (
                DateBox(
                    id=escaped(f"{given.auto_id}_{part}"),
                    name=escaped(f"{given.html_name}_{part}"),
                    value=escaped(str(value)),
                    error=part in wrong,
                )
                for part, value in zip(PARTS, values, strict=True)
            )
            reason = self[f"reason_{member.pk}"]
            rows.append(
                AttendanceRow(
                    member=member,
                    presence=_read(presence, errors, "error_id", "label") | {"options": options},
                    given=_read(given, errors, "error_id", "hint_id", "label", "auto_id"),
                    day=day_box,
                    month=month_box,
                    year=year_box,
                    reason=_read(reason, errors, "error_id", "hint_id", "label", "auto_id")
                    | {
                        "html_name": escaped(reason.html_name),
                        "value": escaped(reason.value() or ""),
                    },
                )
            )
        return rows

    def entries(self) -> list[tuple[Member, dict[str, Any]]]:
        """Each member with a presence chosen, and what was entered for them as
        ``record_attendance`` takes it."""
        data = self.cleaned_data
        return [
            (
                m,
                {
                    "presence": data[f"presence_{m.pk}"],
                    "apologies_given_on": data.get(f"given_{m.pk}"),
                    "reason": data.get(f"reason_{m.pk}", ""),
                },
            )
            for m in self.members
            if data.get(f"presence_{m.pk}")
        ]

    def field_for(self, member: Member, field: str | None) -> str | None:
        """The form field a refusal about ``member`` belongs to."""
        match field:
            case "apologies_given_on":
                return f"given_{member.pk}"
            case "reason":
                return f"reason_{member.pk}"
            case None:
                return None
            case _:
                return f"presence_{member.pk}"


class ApologiesForm(forms.Form):
    """A member's apologies. The reason is asked for only where the code wants one
    (MTG-1); otherwise it is theirs to give or not."""

    reason = forms.CharField(
        label="Why can you not come? (optional)",
        required=False,
        max_length=500,
        error_messages={
            "required": "Tell us why you cannot come",
            "max_length": "Keep your reason to 500 characters or fewer",
        },
    )
    arrives_at = forms.TimeField(
        label="If you will arrive late, when do you expect to arrive?",
        help_text="For example, 19:15. Leave empty if you cannot come at all.",
        required=False,
        error_messages={"invalid": "Enter a time like 19:15"},
    )

    def __init__(self, *args: Any, reason_needed: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if reason_needed:
            field = self.fields["reason"]
            field.required = True
            field.label = "Why can you not come?"
            field.help_text = "Your group asks for a reason with apologies."


class ItemForm(forms.Form):
    title = line_field("Agenda item", limit=300, missing="Enter the agenda item")


class DecisionForm(ChoosingForm):
    motion = forms.CharField(
        label="Motion", widget=forms.Textarea, error_messages={"required": "Enter the motion"}
    )
    method = radios_field(
        "How was it decided?",
        choices=DecisionMethod.choices,
        missing="Select how it was decided",
    )
    item = forms.ChoiceField(label="Agenda item it belongs to", required=False)

    def __init__(
        self,
        *args: Any,
        items: Sequence[AgendaItem] = (),
        meetings: Meetings | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        # The code's way of deciding is the default and the limit (MTG-3).
        allowed = methods_allowed(meetings)
        method = self.fields["method"]
        assert isinstance(method, forms.ChoiceField)
        method.choices = [(v, label) for v, label in DecisionMethod.choices if v in allowed]
        method.initial = allowed[0]
        other = [m for m in Method if m not in allowed]
        refusal = method_refusal(meetings, other[0]) if other else None
        if refusal is not None:
            method.error_messages["invalid_choice"] = refusal.rstrip(".")
        self.offer("item", [("", "None")] + [(str(i.pk), str(i)) for i in items])
        self.items = {str(i.pk): i for i in items}

    def chosen(self) -> dict[str, Any]:
        """The cleaned data with the agenda item chosen (or None), as ``open_decision``
        takes it."""
        return {**self.cleaned_data, "item": self.items.get(self.cleaned_data["item"] or "")}


class VoteForm(MemberChoiceForm):
    member = forms.ChoiceField(label="Member", error_messages={"required": "Choose a member"})
    vote = radios_field(
        "Vote",
        choices=[(v.value, v.value.title()) for v in Vote],
        missing="Select for, against or abstain",
    )


class ActionForm(ChoosingForm):
    description = line_field("Action", limit=500, missing="Describe the action")
    owner = forms.ChoiceField(label="Owner", error_messages={"required": "Choose the owner"})
    due_on = GovukDateField(label="Due date", noun="due date")

    def __init__(
        self, *args: Any, members: Sequence[Member] = (), staff: Sequence[User] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "Choose the owner")]
        choices += [(f"m{m.pk}", m.full_name) for m in members]
        choices += [(f"u{u.pk}", f"{u.get_full_name() or u.email} (staff)") for u in staff]
        self.offer("owner", choices)
        self.owners: dict[str, Member | User] = {f"m{m.pk}": m for m in members}
        self.owners |= {f"u{u.pk}": u for u in staff}

    def chosen(self) -> dict[str, Any]:
        """The action, its due date and its owner (a member or a member of staff), as
        ``allocate_action`` takes them."""
        owner = self.owners.get(self.cleaned_data["owner"])
        return {
            "description": self.cleaned_data["description"],
            "due_on": self.cleaned_data["due_on"],
            "owner_member": owner if isinstance(owner, Member) else None,
            "owner_user": owner if isinstance(owner, User) else None,
        }


class AskedToLeaveForm(MemberChoiceForm):
    member = forms.ChoiceField(label="Member", error_messages={"required": "Choose a member"})
    what_happened = forms.CharField(
        label="What happened",
        widget=forms.Textarea,
        error_messages={"required": "Describe the serious breach the chair acted on"},
    )


class MissedDecisionForm(forms.Form):
    outcome = radios_field(
        "What did the group decide?",
        choices=[
            ("accept", "Accept exceptional circumstances"),
            ("end", "Confirm that membership ends"),
        ],
        missing="Select what the group decided",
    )
    reason = forms.CharField(
        label="Reason", widget=forms.Textarea, error_messages={"required": "Enter the reason"}
    )
    decided_on = GovukDateField(label="Date of the decision", noun="date of the decision")


class PeriodForm(forms.Form):
    start = GovukDateField(label="From", noun="start of the period", required=False)
    end = GovukDateField(label="To", noun="end of the period", required=False)


class RestForm(forms.Form):
    """Everyone expected with nothing recorded yet, recorded at once as present or as
    absent without apologies (MTG-1); apologies are recorded one member at a time."""

    presence = radios_field(
        "Record everyone not yet recorded as",
        choices=[c for c in PRESENCE_CHOICES if c[0] != Presence.APOLOGIES],
        missing="Select present or absent without apologies",
    )
