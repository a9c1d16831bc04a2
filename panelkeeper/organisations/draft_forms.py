"""Forms for drafts of the code: where a draft starts, and one form per part of the code.

They validate and normalise; :mod:`panelkeeper.organisations.drafting` decides (STYLE 13).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from panelkeeper.lib.forms import OrganisationForm, radios_field
from panelkeeper.organisations.forms import preset_label
from panelkeeper.organisations.models import Organisation, PolicyVersion
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.policy.presets import PRESETS


def start_choices(organisation: Organisation, *, today: dt.date) -> list[tuple[str, str]]:
    """Where a new draft may start, as (value, words): each preset, then each published
    version of ``organisation``'s code, newest first, the one in force on ``today`` so
    marked."""
    in_force = PolicyVersion.objects.in_force(organisation, on=today)
    choices = [(f"preset:{slug}", f"Preset {preset_label(slug)}") for slug in PRESETS]
    for version in PolicyVersion.objects.published().filter(organisation=organisation):
        when = day_month_year(version.in_force_from) if version.in_force_from else ""
        state = "in force now" if version == in_force else f"in force from {when}"
        choices.append((f"version:{version.pk}", f"Version “{version.version}” ({state})"))
    return choices


class StartDraftForm(OrganisationForm):
    start_from = radios_field(
        "What do you want to start from?",
        hint="Nothing changes for members until you publish the draft.",
        missing="Select a preset or a version to start from",
    )
    version_name = forms.CharField(
        label="Version name (optional)",
        help_text="Leave it empty to keep a preset's own name, or, from one of your "
        "versions, to take the next name after it, such as 2.1 after 2.0. You can change "
        "it later under Names and words.",
        required=False,
        max_length=100,
        error_messages={"max_length": "The version name must be 100 characters or fewer"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["start_from"].error_messages["invalid_choice"] = (
            "Select a preset or a version to start from"
        )

    def for_organisation(self, organisation: Organisation) -> None:
        self.offer("start_from", start_choices(organisation, today=timezone.localdate()))
