"""Forms for the staff pages: they validate and normalise; accounts.invitations and
organisations.staff decide (STYLE 13)."""

from __future__ import annotations

from django import forms

from panelkeeper.accounts.invitations import BAD_EMAIL
from panelkeeper.accounts.models import Grant
from panelkeeper.lib.forms import radios_field

ROLE_CHOICES = [
    (Grant.Role.OFFICER.value, "Officer: runs the casework and changes the records"),
    (Grant.Role.AUDITOR.value, "Auditor: reads the records and reports, changes nothing"),
]


def role_field() -> forms.ChoiceField:
    return radios_field("Role", missing="Select officer or auditor", choices=ROLE_CHOICES)


def email_field() -> forms.EmailField:
    """The address an invitation goes to."""
    return forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={"required": "Enter their email address", "invalid": BAD_EMAIL},
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class InviteForm(forms.Form):
    email = email_field()
    role = role_field()


class TitleInviteForm(forms.Form):
    """Invite someone new to hold one of the code's staff titles."""

    email = email_field()


class RoleForm(forms.Form):
    role = role_field()


class StaffShownForm(forms.Form):
    """Which list the Staff page shows: the people with a role (and the first
    invitations waiting), or every invitation waiting, a page at a time."""

    INVITATIONS = "invitations"

    shown = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[("", "People with a role"), (INVITATIONS, "Invitations waiting")],
        error_messages={"invalid_choice": "Select people with a role or invitations waiting"},
    )
