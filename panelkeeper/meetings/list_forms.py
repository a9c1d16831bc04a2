"""The filters of the meetings lists, as GET forms: they validate and normalise the
choices; :mod:`panelkeeper.meetings.listing` picks the rows. The API takes the same
choices (the enums of ``listing``) and refuses what these forms refuse."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from panelkeeper.lib.forms import ChoosingForm
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.widgets import GovukDateField
from panelkeeper.meetings.listing import (
    SHOWN,
    WHEN,
    ActionState,
    MeetingFilters,
    refuse_backwards,
)
from panelkeeper.organisations.models import Group


class ListFilterForm(ChoosingForm):
    """A list's filters. An invalid filter shows its error over the whole list."""

    @property
    def applied(self) -> dict[str, Any]:
        """The filters to apply: the cleaned data, or none while they do not validate."""
        return self.cleaned_data if self.is_bound and self.is_valid() else {}

    def narrows(self) -> bool:
        """Whether a filter narrows the list, so that an empty one says "No … match"."""
        return any(self.applied.values())


class GroupFilterForm(ListFilterForm):
    """A list's filters, one of which is the group, among the ``groups`` it is given."""

    group = forms.ChoiceField(label="Group", required=False)

    def __init__(self, *args: Any, groups: Sequence[Group] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offer("group", [("", "All groups")] + [(str(g.pk), g.name) for g in groups])
        self.groups = {str(g.pk): g for g in groups}

    def group_chosen(self) -> Group | None:
        return self.groups.get(self.applied.get("group") or "")


class MeetingFilterForm(GroupFilterForm):
    when = forms.ChoiceField(label="When", choices=WHEN, required=False)
    start = GovukDateField(label="From", noun="start date", required=False)
    end = GovukDateField(label="To", noun="end date", required=False)

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean()
        try:
            refuse_backwards(self.cleaned_data.get("start"), self.cleaned_data.get("end"))
        except Refused as refusal:
            self.add_error("end", refusal.message.rstrip("."))
        return cleaned

    def filters(self) -> MeetingFilters:
        chosen = self.applied
        return MeetingFilters(
            group=self.group_chosen(),
            when=chosen.get("when", ""),
            start=chosen.get("start"),
            end=chosen.get("end"),
        )


class ActionFilterForm(GroupFilterForm):
    state = forms.ChoiceField(label="Show", choices=ActionState.choices, required=False)

    def state_chosen(self) -> str:
        return str(self.applied.get("state") or ActionState.OPEN)


class AttendanceFilterForm(ListFilterForm):
    """Which members of a large group the attendance page lists."""

    name = forms.CharField(label="Name contains", required=False, max_length=100)
    shown = forms.ChoiceField(label="Show", choices=SHOWN, required=False)
