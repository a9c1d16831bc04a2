"""Forms for the code's versions, role holders and closure days, and the deadline planner.

Forms validate and normalise; the functions in ``policies``, ``role_holders`` and
``closure_days`` decide (STYLE 13).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from panelkeeper.accounts.models import User
from panelkeeper.accounts.people import known_to

# bound is named here too for the case pages, which import it from this module.
from panelkeeper.lib.forms import ChoosingForm, OrganisationForm, line_field, radios_field
from panelkeeper.lib.forms import bound as bound
from panelkeeper.lib.widgets import GovukDateField
from panelkeeper.organisations.models import Organisation
from panelkeeper.organisations.planning import STEP_MISSING
from panelkeeper.rules.ladder.planner import PlanStep
from panelkeeper.rules.policy.presets import PRESETS, load_preset

# A code of conduct is a few kilobytes; anything far larger is the wrong file.
MAX_UPLOAD_BYTES = 256 * 1024


@cache
def preset_label(slug: str) -> str:
    """ "vela: Customer Scrutiny Panel code of conduct, Vela Group (...)"; presets never change."""
    code = load_preset(slug).code
    return f"{slug}: {code.title or 'code of conduct'}, {code.organisation}"


def _preset_choices() -> list[tuple[str, str]]:
    return [(slug, preset_label(slug)) for slug in PRESETS]


class PresetForm(forms.Form):
    # A callable, so the presets are read when a form is drawn, not when this is imported.
    preset = radios_field(
        "Which preset do you want to start from?",
        choices=_preset_choices,
        missing="Select a preset",
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Upload a code of conduct file",
        help_text="A TOML file, such as one downloaded from this service and edited.",
        error_messages={"required": "Select a TOML file"},
    )

    def clean_file(self) -> UploadedFile[bytes]:
        upload: UploadedFile[bytes] = self.cleaned_data["file"]
        if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 256 KB")
        raw = upload.read()
        try:
            self.cleaned_data["text"] = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                "The selected file must be a text file saved as UTF-8"
            ) from None
        return upload

    @property
    def text(self) -> str:
        return str(self.cleaned_data["text"])

    @property
    def file_name(self) -> str:
        name = self.cleaned_data["file"].name or "upload.toml"
        return str(name)[:200]


class PublishForm(forms.Form):
    approved_on = GovukDateField(
        noun="date the code was approved",
        label="When was this version approved?",
        help_text="The home page and the rulebook give this date. For example, 27 3 2026",
    )
    in_force_from = GovukDateField(
        noun="date it comes into force",
        label="When does it come into force?",
        help_text="Cases raised on or after this date follow this version.",
    )


class RoleHolderForm(OrganisationForm):
    user = forms.ModelChoiceField(
        queryset=User.objects.none(),
        label="Who holds this title?",
        help_text="This organisation's staff, earlier holders of its titles, and people it "
        "invited to a case or a title. To choose someone else, invite them instead.",
        empty_label="Choose a person",
        error_messages={"required": "Choose who holds this title"},
    )
    effective_from = GovukDateField(
        noun="date they start",
        label="From when?",
        help_text="The current holder, if any, stops on this date.",
    )

    def for_organisation(self, organisation: Organisation) -> None:
        self.offer_only("user", known_to(organisation))


class ClosureDayForm(forms.Form):
    date = GovukDateField(noun="date the organisation is closed", label="Date")
    reason = line_field(
        "Why is it closed?",
        limit=200,
        missing="Enter why the organisation is closed",
        hint="For example, staff training day",
    )


class OrganisationSettingsForm(forms.Form):
    """The organisation's settings; the API validates its bodies with this form too."""

    region = forms.ChoiceField(
        label="Which bank holidays do your working days skip?",
        help_text="Deadlines in working days skip weekends, these bank holidays and your "
        "closure days.",
        choices=Organisation.Region.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the nation whose bank holidays apply",
            "invalid_choice": "Select England, Scotland, Wales or Northern Ireland",
        },
    )


class PlannerForm(ChoosingForm):
    """The rulebook's deadline planner: a step of a breach and the day it happened."""

    step = radios_field("If this step happened", missing=STEP_MISSING)
    on = GovukDateField(
        noun="date the step happened",
        label="On this date",
        help_text="For example, 24 12 2026",
    )

    def __init__(self, *args: Any, steps: Sequence[PlanStep], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offer("step", [(s.value, s.label[:1].upper() + s.label[1:]) for s in steps])
        self.fields["step"].error_messages["invalid_choice"] = STEP_MISSING


class ResendForm(forms.Form):
    """The address to send a refused email to again; ``undelivered.resend_message`` decides."""

    to = forms.CharField(
        label="Email address",
        help_text="Correct the address if it was wrong, or send it to the same one again.",
        error_messages={"required": "Enter the email address to send it to"},
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
