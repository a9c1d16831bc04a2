"""The forms for the steps of a case after it is raised, one per kind of step.

Each takes the case as the procedure reads it today as ``view``: the informal steps,
levels and outcomes on offer come from the code in force (:mod:`panelkeeper.cases.forms`
holds the base :class:`StepForm` and the forms about people and seats).
"""

from __future__ import annotations

from typing import Any

from django import forms

from panelkeeper.accounts.models import User
from panelkeeper.cases.forms import StepForm, staff_of
from panelkeeper.cases.procedure import ladder_of, policy_of
from panelkeeper.lib.forms import radios_field
from panelkeeper.lib.widgets import GovukDateField
from panelkeeper.members.models import GroupRole, Member
from panelkeeper.rules.ladder import Channel, key_in_words
from panelkeeper.rules.ladder.case import AppealResult, CaseView, EventKind

OTHER = "__other__"
OTHER_LABEL = "Another outcome, with a reason"


def reason_field(label: str, *, missing: str) -> forms.CharField:
    """A reason the step needs, up to 2,000 characters, refused with ``missing`` when empty."""
    return forms.CharField(
        label=label, widget=forms.Textarea, max_length=2000, error_messages={"required": missing}
    )


def _options(view: CaseView | None, kind: EventKind) -> list[str]:
    """The options the procedure offers now for the next step of ``kind`` (none unread)."""
    if view is None:
        return []
    return [o for step in view.next_steps if step.kind is kind for o in step.options]


class GroupMembersField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Members as ticked boxes, each named with the role they hold in the group."""

    def label_from_instance(self, obj: Any) -> str:
        if isinstance(obj, Member) and obj.role != GroupRole.MEMBER:
            return f"{obj.full_name} ({obj.get_role_display()})"
        return str(obj)


class InformalForm(StepForm):
    """An informal step and who gave it (BR-3): staff, members of the group, or both where
    the code says they give it together."""

    step = radios_field("Which informal step?", missing="Select the informal step taken")
    given_by_users = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(),
        label="Members of staff who gave it",
        help_text="Tick everyone who gave it. They will not be able to sit on the "
        "investigating group.",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    given_by_members = GroupMembersField(
        queryset=Member.objects.none(),
        label="Members of the group who gave it",
        help_text="Where the code says two people give it together, such as an officer and "
        "the Chair, tick both.",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offer(
            "step", [(o, o.replace("_", " ")) for o in _options(self.view, EventKind.INFORMAL_STEP)]
        )
        if self.case is not None:
            self.offer_only("given_by_users", staff_of(self.case))
            group = Member.objects.filter(group=self.case.member.group_id)
            self.offer_only(
                "given_by_members",
                group.exclude(pk=self.case.member_id).order_by("role", "full_name"),
            )


class SuspendForm(StepForm):
    until = GovukDateField(
        noun="date the suspension ends",
        label="Until (optional)",
        help_text="The first day they are no longer suspended.",
        required=False,
    )
    reason = forms.CharField(
        label="Reason (optional)", widget=forms.Textarea, max_length=2000, required=False
    )


class LiftSuspensionForm(StepForm):
    reason = forms.CharField(
        label="Reason (optional)", widget=forms.Textarea, max_length=2000, required=False
    )


class DetermineForm(StepForm):
    level = radios_field("What did the decider find?", missing="Select what was found")
    confidentiality = forms.BooleanField(label="It was a breach of confidentiality", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offer(
            "level",
            [(o, self._level_words(o)) for o in _options(self.view, EventKind.LEVEL_DETERMINED)],
        )

    def _level_words(self, key: str) -> str:
        """The level as the code names it ("Minor breach")."""
        ladder = ladder_of(policy_of(self.case.policy_version)) if self.case else None
        found = ladder.level(key) if ladder is not None else None
        return found.label if found is not None else key_in_words(key)


class OutcomeForm(StepForm):
    outcome = radios_field("Which outcome?", missing="Select the outcome")
    other = forms.CharField(
        label="Another outcome, in a few words",
        help_text="For example, Extra training on confidentiality",
        required=False,
        max_length=100,
    )
    reason = forms.CharField(
        label="Reason (needed for an outcome not on offer)",
        widget=forms.Textarea,
        required=False,
        max_length=2000,
    )
    until = GovukDateField(
        noun="date a suspension ends", label="A suspension ends on", required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer = self.view.outcomes_on_offer if self.view is not None else ()
        self.offer("outcome", [(o.key, o.label) for o in offer] + [(OTHER, OTHER_LABEL)])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("outcome") == OTHER:
            if not data.get("other"):
                self.add_error("other", "Enter the other outcome in a few words")
            data["outcome"] = (data.get("other") or "").strip()
        return data


class NoticeForm(StepForm):
    sent_on = GovukDateField(noun="date the notice was sent", label="When was it sent?")
    to = forms.CharField(
        label="Who was it sent to?",
        help_text="Leave blank for the member.",
        max_length=300,
        required=False,
    )
    channel = radios_field(
        "How was it sent?",
        missing="Select how it was sent",
        choices=[(c.value, c.value.capitalize()) for c in Channel],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["effective"]
        if self.case is not None:
            # The notice goes to the member alone (BR-11): others get letters of their own.
            self.fields["to"].help_text = f"Leave blank for the member, {self.case.member}."


class AppealForm(StepForm):
    received_on = GovukDateField(
        noun="date the appeal was received", label="When was the appeal received?"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["effective"]


class LateAppealForm(StepForm):
    accepted = forms.TypedChoiceField(
        label="Is the late appeal accepted?",
        widget=forms.RadioSelect,
        choices=[("yes", "Accepted"), ("no", "Refused")],
        coerce=lambda v: v == "yes",
        error_messages={"required": "Select whether it is accepted"},
    )
    reason = reason_field("Reason", missing="Enter the reason")


class AppealDecisionForm(StepForm):
    result = radios_field(
        "The appeal is",
        missing="Select the decision",
        choices=[(r.value, r.value.capitalize()) for r in AppealResult],
    )
    reason = reason_field("Reasons for the decision", missing="Enter the reasons")
    outcome = forms.SlugField(
        label="If varied: the outcome instead, like training_and_support",
        required=False,
        max_length=100,
    )


class ReasonForm(StepForm):
    reason = reason_field("Reason", missing="Enter the reason")


class OptionalReasonForm(StepForm):
    reason = forms.CharField(
        label="Note (optional)", widget=forms.Textarea, max_length=2000, required=False
    )
