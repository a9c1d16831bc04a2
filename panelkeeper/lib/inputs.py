"""What any value typed or sent must be, whether it comes from a form or through the API.

The forms' fields enforce these for pages (``GovukDateField`` takes its years from here,
and Django's ``CharField`` already refuses the NUL character); the API checks every body
it reads and every parameter it is given with :func:`check_sent`, so it refuses what the
forms refuse. A text field the API shares with a form is held to that form field's own
validators (its length limit, and its messages); text no form has, to the longest box
any form offers; a file sent as text, only to the size of the body the server accepts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django import forms
from django.core.exceptions import ValidationError
from pydantic import BaseModel

from panelkeeper.lib.refusals import Problem, Refused

FIRST_YEAR = 1900
LAST_YEAR = 2100
"""Dates are of this century or the last or next: a year outside is a slip of the keys."""

LONGEST_TEXT = 20_000
"""The longest box of text any form offers (a letter's body), for text no form has."""

LARGEST_NUMBER = 2**63 - 1
"""The largest whole number the database stores; ids, counts and offsets are below it."""


def year_in_range(year: int) -> bool:
    """Whether a date in ``year`` may be entered."""
    return FIRST_YEAR <= year <= LAST_YEAR


def check_sent(
    value: object, *, field: str, limits: Mapping[str, forms.Field] | None = None
) -> None:
    """Refuse ``value`` (a body or a parameter named ``field``) if any part of it is what
    no form accepts: a NUL character, text longer than its form field allows, a date
    outside :data:`FIRST_YEAR` to :data:`LAST_YEAR`, a time of day with a time zone, or a
    number too large to store. ``limits`` are the form fields of the body's text fields,
    by the name sent. Every problem is named with the field as sent."""
    problems: list[Problem] = []
    _collect(value, field, limits or {}, problems)
    if problems:
        first = problems[0]
        raise Refused(first.message, field=first.field, problems=problems[1:] and problems)


def _collect(
    value: object, where: str, limits: Mapping[str, forms.Field], problems: list[Problem]
) -> None:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _collect(getattr(value, name), _joined(where, name), limits, problems)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            _collect(str(key), where, {}, problems)
            _collect(item, _joined(where, str(key)), limits, problems)
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            _collect(item, _joined(where, str(index)), limits, problems)
    else:
        message = _problem(value, limits.get(where))
        if message:
            problems.append(Problem(message, where or None))


def _joined(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _problem(value: object, form_field: forms.Field | None) -> str | None:
    if isinstance(value, str):
        return _text_problem(value, form_field)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        if abs(value) > LARGEST_NUMBER:
            return f"Enter a number no larger than {LARGEST_NUMBER:,}"
        return None
    if isinstance(value, dt.time):
        if value.tzinfo is not None:
            return "Enter the time as it is in the UK, without a time zone"
        return None
    if isinstance(value, dt.date) and not year_in_range(value.year):
        return f"Enter a date between {FIRST_YEAR} and {LAST_YEAR}"
    return None


def _text_problem(text: str, form_field: forms.Field | None) -> str | None:
    if "\x00" in text:
        return "Remove the NUL character (\\u0000) from the text"
    if isinstance(form_field, forms.FileField):
        return None  # a file's contents, sent as text: the body's own limit bounds it
    if form_field is not None:
        try:
            form_field.run_validators(text)
        except ValidationError as error:
            return " ".join(error.messages)
    if len(text) > LONGEST_TEXT:
        return f"Enter {LONGEST_TEXT:,} characters or fewer"
    return None
