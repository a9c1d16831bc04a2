"""The form that confirms an organisation's removal: its name, typed."""

from __future__ import annotations

from typing import Any

from django import forms

from panelkeeper.lib.forms import line_field
from panelkeeper.organisations.models import Organisation


class RemovalForm(forms.Form):
    name = line_field(
        "Type the organisation's name to confirm",
        limit=200,
        missing="Type the organisation's name to confirm it should be removed",
        hint="Exactly as it is shown above.",
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"]
        if " ".join(name.split()).casefold() != " ".join(self.organisation.name.split()).casefold():
            raise forms.ValidationError(
                f"Type the organisation's name as it is shown: {self.organisation.name}"
            )
        return name
