"""Forms for the organisation's details and logo: they take what was typed or chosen;
organisations.details decides (STYLE 13)."""

from __future__ import annotations

from django import forms


class DetailsForm(forms.Form):
    name = forms.CharField(
        label="Organisation's name", error_messages={"required": "Enter the organisation's name"}
    )
    postal_address = forms.CharField(
        label="Postal address", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    contact_email = forms.CharField(
        label="Contact email address",
        required=False,
        widget=forms.EmailInput(attrs={"spellcheck": "false"}),
    )
    telephone = forms.CharField(
        label="Telephone",
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )


class LogoForm(forms.Form):
    logo = forms.FileField(
        label="Logo for letters",
        help_text="A PNG or JPG image, smaller than 1 MB.",
        error_messages={"required": "Select an image"},
    )
