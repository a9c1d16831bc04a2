"""The search box's one question."""

from __future__ import annotations

from django import forms

from panelkeeper.today.search import LONGEST


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search for a member or a case",
        help_text="A name, an email address or a case reference, like C-00012",
        max_length=LONGEST,
        error_messages={
            "required": "Enter a name, an email address or a case reference",
            "max_length": f"Search with {LONGEST} characters or fewer",
        },
    )
