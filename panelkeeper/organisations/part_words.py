"""A part's current values in words, for the list of a draft's parts.

Plain words only: a yes or no, "10 working days from receipt of the outcome", the
titles a role list names, a date as "3 August 2011"; never a key from the file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from panelkeeper.rules.calendar.durations import Duration
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.ladder.model import Deadline
from panelkeeper.rules.policy.editing.catalogue import Entry, Field, Names, Part, Rows, Value
from panelkeeper.rules.policy.editing.document import TOMLDocument, choices_for, values
from panelkeeper.rules.policy.editing.words import ANCHORS, UNITS

NOT_SET = "Not set"


@dataclass(frozen=True)
class Shown:
    """One entry of a part and its value in words."""

    label: str
    words: str


def part_in_words(part: Part, document: TOMLDocument) -> list[Shown]:
    """Each entry of ``part`` with its value in ``document``, in words."""
    current = values(document, part)
    return [Shown(e.label, in_words(e, current.get(e.key), document)) for e in part.entries]


def duration_words(duration: Duration) -> str:
    unit = dict(UNITS).get(duration.unit.value, duration.unit.value)
    if duration.amount == 1:
        unit = unit.removesuffix("s")
    return f"{duration.amount} {unit}"


def in_words(entry: Entry, value: Value, document: TOMLDocument) -> str:
    """``value`` of ``entry`` in words; :data:`NOT_SET` when it has none."""
    if isinstance(entry, Names):
        titles = [title for _, title in value] if isinstance(value, tuple) else []
        return ", ".join(str(t) for t in titles) or NOT_SET
    if isinstance(entry, Rows):
        rows = [row for row in value if isinstance(row, dict)] if isinstance(value, tuple) else []
        if not rows:
            return NOT_SET
        title_field = entry.field(entry.title_field)
        titles = [
            in_words(title_field, row.get(entry.title_field), document)
            if isinstance(title_field, Field)
            else ""
            for row in rows
        ]
        return "; ".join(t for t in titles if t) or f"{len(rows)} {entry.item_label}s"
    return _field_words(entry, value, document)


def _field_words(field: Field, value: Value, document: TOMLDocument) -> str:
    if value is None or value == () or value == "":
        return NOT_SET
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Deadline):
        start = dict(ANCHORS).get(value.start.value, value.start.value)
        target = " (a target)" if value.target else ""
        return f"{duration_words(value.within)} from {start[:1].lower()}{start[1:]}{target}"
    if isinstance(value, Duration):
        return duration_words(value)
    if isinstance(value, dt.date):
        return day_month_year(value)
    named = dict(choices_for(field, document))
    if isinstance(value, tuple):
        return ", ".join(named.get(str(v), str(v)) for v in value)
    return named.get(str(value), str(value))
