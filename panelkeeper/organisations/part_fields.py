"""The form fields that ask for one setting of a part, by the kind of value it holds.

Used by :class:`~.part_forms.PartForm`: a setting becomes one field (text, a paragraph,
a yes or no box, a whole number, a date, radios, a list to choose from, ticked boxes),
or for a duration or a deadline a figure with its unit, what it runs from and whether
it is a target. Field names are the dotted keys with ``__`` for dots.
"""

from __future__ import annotations

from typing import Any

from django import forms

from panelkeeper.lib.widgets import GovukDateField
from panelkeeper.rules.calendar.durations import Duration
from panelkeeper.rules.ladder.model import Deadline
from panelkeeper.rules.policy.editing.document import TOMLDocument, choices_for
from panelkeeper.rules.policy.editing.entries import Field, Kind, Value
from panelkeeper.rules.policy.editing.words import UNITS

LISTS = {Kind.CHOICES, Kind.TEXTS, Kind.ROLES, Kind.LEVELS, Kind.STEPS}
PICKED = {Kind.ROLE, Kind.LEVEL, Kind.OUTCOME}


def field_name(key: str) -> str:
    """The form field (or prefix) of the setting at dotted ``key``."""
    return key.replace(".", "__")


def _lower(label: str) -> str:
    return label[:1].lower() + label[1:]


def controls(entry: Field, name: str, document: TOMLDocument) -> dict[str, forms.Field]:
    """The form fields asking for ``entry``, the first named ``name``: one, or for a
    duration or a deadline a figure, its unit, what it runs from and whether it is a
    target."""
    label, hint, kind = entry.label, entry.hint, entry.kind
    # Any setting may be left empty: the file then leaves it out, and its default applies.
    asked: dict[str, Any] = {"required": False, "label": label, "help_text": hint}
    if kind in (Kind.DURATION, Kind.DEADLINE):
        least = 1 if kind is Kind.DEADLINE else 0
        figure = _number(label, "Number", "", least=least)
        figure.error_messages["min_value"] = (
            f"“{label}” must be {least} or more. Enter a number of "
            f"{'days, weeks or months' if least else 'days'}, such as 10"
        )
        found: dict[str, forms.Field] = {
            name: figure,
            f"{name}-unit": forms.ChoiceField(required=False, label="Unit", choices=UNITS),
        }
        if kind is Kind.DEADLINE:
            found[f"{name}-from"] = forms.ChoiceField(
                required=False, label="Counted from", choices=entry.choices
            )
            found[f"{name}-target"] = forms.BooleanField(
                required=False, label="It is a target to aim for, not a limit"
            )
        return found
    if kind is Kind.YES_NO:
        return {name: forms.BooleanField(**asked)}
    if kind is Kind.WHOLE_NUMBER:
        return {name: _number(label, label, hint, least=0)}
    if kind is Kind.POUNDS:
        return {name: _number(label, label, hint, least=1)}
    if kind is Kind.DATE:
        return {name: GovukDateField(noun=_lower(label), **asked)}
    if kind is Kind.TEXT:
        return {name: forms.CharField(**asked)}
    if kind in (Kind.PARAGRAPH, Kind.TEXTS):
        rows = 3 if kind is Kind.PARAGRAPH else 4
        return {
            name: forms.CharField(
                **asked,
                widget=forms.Textarea(attrs={"rows": rows}),
            )
        }
    choices = list(choices_for(entry, document))
    not_listed = {"invalid_choice": f"Choose from the list for “{label}”"}
    if kind in LISTS:
        return {
            name: forms.MultipleChoiceField(
                **asked,
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
                error_messages=not_listed,
            )
        }
    if kind in PICKED or not entry.required:
        choices = [("", "None" if kind in PICKED else "Not set"), *choices]
    widget = forms.Select if kind in PICKED else forms.RadioSelect
    return {
        name: forms.ChoiceField(
            **asked,
            choices=choices,
            widget=widget,
            error_messages=not_listed,
        )
    }


def _number(setting: str, label: str, hint: str, *, least: int) -> forms.IntegerField:
    """A whole number box for ``setting``, from ``least`` to 999."""
    return forms.IntegerField(
        required=False,
        label=label,
        help_text=hint,
        min_value=least,
        max_value=999,
        error_messages={
            "invalid": f"Enter a whole number for “{setting}”",
            "min_value": f"“{setting}” must be {least} or more",
            "max_value": f"“{setting}” must be 999 or fewer",
        },
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
    )


def initial(entry: Field, name: str, value: Value) -> dict[str, object]:
    if isinstance(value, Deadline):
        return {
            name: value.within.amount,
            f"{name}-unit": value.within.unit.value,
            f"{name}-from": value.start.value,
            f"{name}-target": value.target,
        }
    if isinstance(value, Duration):
        return {name: value.amount, f"{name}-unit": value.unit.value}
    if entry.kind is Kind.TEXTS and isinstance(value, tuple):
        return {name: "\n".join(str(v) for v in value)}
    if isinstance(value, tuple):
        return {name: list(value)}
    return {name: value}
