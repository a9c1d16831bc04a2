"""The filters of the registers' lists, as GET forms the pages show and the API shares.

Every field may be left empty. Pages and the API read them through ``lib.filters``: a
filter that does not validate is shown with its message and the list is shown unfiltered;
the API refuses it (422) with the same message.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models

from panelkeeper.lib.forms import OrganisationForm
from panelkeeper.lib.widgets import GovukDateField
from panelkeeper.organisations.models import Group, Organisation
from panelkeeper.registers.models import GiftStatus, InterestKind, WorkKind

NAME_LIMIT = 100


class InterestState(models.TextChoices):
    """Whether an interest is current today or has ended."""

    CURRENT = "current", "Current today"
    ENDED = "ended", "Ended"


def _name(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=NAME_LIMIT,
        error_messages={"max_length": f"Enter {NAME_LIMIT} characters or fewer"},
    )


def _choice(label: str, every: str, choices: list[tuple[str, str]], what: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[("", every), *choices],
        error_messages={"invalid_choice": f"Select {what} from the list"},
    )


class InterestFilterForm(OrganisationForm):
    name = _name("Member's name")
    group = forms.ModelChoiceField(
        label="Group",
        required=False,
        queryset=Group.objects.none(),
        empty_label="All groups",
        error_messages={"invalid_choice": "Select a group from the list"},
    )
    kind = _choice("Kind", "All kinds", InterestKind.choices, "a kind of interest")
    state = _choice(
        "Current or ended", "Current and ended", InterestState.choices, "current or ended"
    )

    def for_organisation(self, organisation: Organisation) -> None:
        self.offer_only("group", Group.objects.filter(organisation=organisation).order_by("name"))


class GiftFilterForm(OrganisationForm):
    name = _name("Member's name")
    status = _choice("Where it has got to", "Any", GiftStatus.choices, "where it has got to")
    given_from = GovukDateField(
        noun="first date",
        label="Given on or after",
        required=False,
        help_text="For example, 1 4 2026.",
    )
    given_to = GovukDateField(noun="last date", label="Given on or before", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("given_from"), data.get("given_to")
        if first and last and last < first:
            self.add_error("given_to", "The last date must be the same as or after the first date")
        return data


class WorkFilterForm(OrganisationForm):
    title = _name("Title")
    kind = _choice("Kind", "All kinds", WorkKind.choices, "a kind of work")


def filter_data(form: forms.Form) -> dict[str, str]:
    """What ``form`` was given for its fields (a date as its day, month and year), to
    bind it again later: an export keeps its list's filters this way."""
    names = set(form.fields)
    return {
        key: str(value)
        for key, value in form.data.items()
        if (key in names or key.rsplit("_", 1)[0] in names) and value not in ("", None)
    }
