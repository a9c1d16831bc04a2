"""The filters of a list, read once by its page and once by its API operation, both
through the list's one filter form, so the two validate alike; and the page of rows an
operation answers.

A page reads its GET form with :func:`page_filters`: filters that do not validate leave
the list unfiltered and the form shows why. An operation reads its query with
:func:`query_filters`: filters that do not validate are refused (422), one problem per
field, named as sent. Filters kept to apply later (a register's file, built by a task)
are bound again with :func:`bound_filters`; sent in a body, read with :func:`query_data`
and refused with :func:`refusal`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Schema

from panelkeeper.lib.api import PAGE_SIZE, PageQuery, paged
from panelkeeper.lib.refusals import Problem, Refused
from panelkeeper.lib.widgets import PARTS, GovukDateField, GovukDateInput


def bound_filters[F: forms.Form](
    form_class: type[F], data: Mapping[str, Any], **options: Any
) -> tuple[F, dict[str, Any]]:
    """``form_class`` bound to ``data`` (a query string, or filters kept to bind again),
    and the filters it chose: none when the form does not validate."""
    form = form_class(data, **options)
    return form, (dict(form.cleaned_data) if form.is_valid() else {})


def page_filters[F: forms.Form](
    form_class: type[F], request: HttpRequest, **options: Any
) -> tuple[F, dict[str, Any]]:
    """The page's filter form bound to its query string, and the filters it chose: none
    when the form does not validate."""
    return bound_filters(form_class, request.GET, **options)


def _as_data(field: forms.Field, name: str, value: Any) -> dict[str, Any]:
    """``value`` of a query as the form's ``field`` reads it from a query string."""
    if isinstance(field.widget, GovukDateInput) and isinstance(value, dt.date):
        return {f"{name}_{part}": str(getattr(value, part)) for part in PARTS}
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool):
        value = "true" if value else ""
    return {name: str(value)}


def query_data(form_class: type[forms.Form], query: Schema) -> dict[str, Any]:
    """The filters ``query`` (or a body) sent, as ``form_class`` reads them from a query
    string: its other fields (the page, a file's format) and what was left out, left out."""
    data: dict[str, Any] = {}
    fields = form_class.base_fields
    for name, value in query.model_dump(exclude_none=True).items():
        if name in fields:
            data.update(_as_data(fields[name], name, value))
    return data


def refusal(form: forms.Form) -> Refused:
    """The refusal (422) of a filter form that did not validate: its message, or one
    problem per mistake, each naming its field."""
    problems = [
        Problem(str(message), None if name == NON_FIELD_ERRORS else name)
        for name, messages in form.errors.items()
        for message in messages
    ]
    first = problems[0]
    if len(problems) == 1:
        return Refused(first.message, field=first.field)
    return Refused(
        f"Correct the {len(problems)} problems listed.", field=first.field, problems=problems
    )


def query_filters(form_class: type[forms.Form], query: Schema, **options: Any) -> dict[str, Any]:
    """The filters ``query`` chose, validated by the page's ``form_class``; refused with one
    problem per field when they do not validate."""
    form, chosen = bound_filters(form_class, query_data(form_class, query), **options)
    if not form.is_valid():
        raise refusal(form)
    return chosen


class DateRangeFilter(forms.Form):
    """A filter form for a list of dated rows: from and to a day, both included, either
    left empty. Each list names its date (``noun``: "sent", "received")."""

    noun = "dated"

    since = GovukDateField(noun="first day", label="From", required=False)
    until = GovukDateField(noun="last day", label="To", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["since"].label = f"{self.noun.capitalize()} from"
        self.fields["until"].label = f"{self.noun.capitalize()} up to"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since is not None and until is not None and since > until:
            self.add_error("until", "The last day must be the same as or after the first day")
        return cleaned


def within_days[Q: QuerySet[Any]](rows: Q, column: str, chosen: dict[str, Any]) -> Q:
    """``rows`` whose ``column`` falls in the days a :class:`DateRangeFilter` chose.

    A moment (a ``DateTimeField``) is compared with the bounds of the days in the local
    time zone, so the column's index serves the range."""
    since, until = chosen.get("since"), chosen.get("until")
    if isinstance(rows.model._meta.get_field(column), models.DateTimeField):
        if since is not None:
            rows = rows.filter(**{f"{column}__gte": _midnight(since)})
        if until is not None:
            rows = rows.filter(**{f"{column}__lt": _midnight(until + dt.timedelta(days=1))})
        return rows
    if since is not None:
        rows = rows.filter(**{f"{column}__gte": since})
    if until is not None:
        rows = rows.filter(**{f"{column}__lte": until})
    return rows


def _midnight(day: dt.date) -> dt.datetime:
    """The start of ``day`` where the organisation is (the installation's time zone)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


class DateRangeQuery(PageQuery):
    """A page of a list of dated rows, from and to a day (both included)."""

    since: dt.date | None = None
    until: dt.date | None = None


def page_of(
    rows: QuerySet[Any] | Sequence[Any], query: PageQuery, name: str, *, size: int = PAGE_SIZE
) -> dict[str, Any]:
    """The answer of a list operation: the page ``query`` asks for of ``rows`` under
    ``name``, with the page's :class:`~panelkeeper.lib.api.PageOut` fields. The rows stay
    records, so the response schema reads each one's fields from its attributes itself."""
    found, counts = paged(rows, query, size=size)
    return {**counts, name: found}
