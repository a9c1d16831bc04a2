"""The form an installation administrator starts an organisation with; it validates the
shape of what was typed, and organisations.founding decides (STYLE 13)."""

from __future__ import annotations

from django import forms

from panelkeeper.accounts.invitations import BAD_EMAIL
from panelkeeper.lib.forms import line_field, radios_field
from panelkeeper.organisations.forms import PresetForm
from panelkeeper.organisations.models import Organisation


class FoundingForm(PresetForm):
    """Name, short name, region, preset (as on the versions page) and the first officer."""

    field_order = ["name", "slug", "region", "preset", "officer_email"]

    name = line_field("Organisation's name", limit=200, missing="Enter the organisation's name")
    slug = forms.CharField(
        label="Short name",
        help_text="Used in web addresses: letters, numbers and hyphens, like kestrel.",
        max_length=50,
        error_messages={"required": "Enter a short name"},
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocapitalize": "none"}),
    )
    region = radios_field(
        "Whose bank holidays do its working days skip?",
        missing="Select where the organisation's bank holidays come from",
        choices=Organisation.Region.choices,
    )
    officer_email = forms.EmailField(
        label="Email address of its first officer",
        help_text="We will email them an invitation. They choose their own password.",
        max_length=254,
        error_messages={
            "required": "Enter the first officer's email address",
            "invalid": BAD_EMAIL,
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
