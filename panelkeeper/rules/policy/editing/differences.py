"""What one text of a code of conduct changes from another, in words, part by part.

``differences(before_text, after_text)`` compares the two through the catalogue, so
each difference is named by the label its form uses and both sides are in words:
role titles rather than keys, dates as "3 August 2011", plain words for every choice.
A row or name added or removed is one difference ("Documents: Confidentiality
Statement removed"); a setting a form does not show is not compared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from tomlkit import TOMLDocument

from panelkeeper.rules.calendar.durations import Duration
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.explain.sections import duration
from panelkeeper.rules.labels import in_words
from panelkeeper.rules.ladder.model import Deadline
from panelkeeper.rules.policy.editing.catalogue import PARTS
from panelkeeper.rules.policy.editing.document import choices_for, parse, values
from panelkeeper.rules.policy.editing.entries import Field, Kind, Names, Part, Row, Rows, Value
from panelkeeper.rules.policy.editing.writing import names_of, rows_of

__all__ = ["Difference", "described", "differences", "in_plain_words"]

NOT_SET = "not set"
_LISTED = frozenset({Kind.CHOICES, Kind.TEXTS, Kind.ROLES, Kind.LEVELS, Kind.STEPS})


@dataclass(frozen=True)
class Difference:
    """One change: the part's title, the setting's label, and each side in words.

    ``before`` is ``None`` for something added, ``after`` for something removed.
    """

    part: str
    label: str
    before: str | None
    after: str | None

    def __str__(self) -> str:
        if self.before is None:
            return f"{self.label}: {self.after} added"
        if self.after is None:
            return f"{self.label}: {self.before} removed"
        return f"{self.label}: {self.before} → {self.after}"


def _word(value: str, choices: tuple[tuple[str, str], ...]) -> str:
    return dict(choices).get(value, value)


def in_plain_words(field: Field, value: Value, document: TOMLDocument) -> str:
    """``value`` of ``field`` as an officer reads it; role and level keys by their titles."""
    if value is None or value == ():
        return NOT_SET if field.kind not in _LISTED else "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Duration):
        return duration(value)
    if isinstance(value, Deadline):
        target = ", as a target" if value.target else ""
        return f"{duration(value.within)} after {value.start.label}{target}"
    if isinstance(value, dt.date):
        return day_month_year(value)
    if field.kind is Kind.POUNDS:
        return f"£{value}"
    choices = choices_for(field, document)
    if isinstance(value, tuple):
        return in_words([_word(str(v), choices) for v in value])
    return _word(str(value), choices)


@dataclass(frozen=True)
class _Sides:
    """Both documents, and where in the catalogue the comparison stands."""

    part: str
    before: TOMLDocument
    after: TOMLDocument


def _field(sides: _Sides, field: Field, label: str, old: Value, new: Value) -> Iterator[Difference]:
    if old != new:
        yield Difference(
            sides.part,
            label,
            in_plain_words(field, old, sides.before),
            in_plain_words(field, new, sides.after),
        )


def _names(sides: _Sides, names: Names, old: Value, new: Value) -> Iterator[Difference]:
    before, after = dict(names_of(old)), dict(names_of(new))
    for key, title in before.items():
        if key not in after:
            yield Difference(sides.part, names.label, title, None)
        elif after[key] != title:
            yield Difference(sides.part, names.label, title, after[key])
    for key, title in after.items():
        if key not in before:
            yield Difference(sides.part, names.label, None, title)


def _identity(rows: Rows, row: Row) -> object:
    return row.get(rows.key_field) if rows.key_field else row.get(rows.title_field)


def _title(rows: Rows, row: Row, document: TOMLDocument) -> str:
    """A row's title in words: a seat's role by its title, not its key."""
    title = row.get(rows.title_field)
    if not isinstance(title, str):
        return rows.item_label
    field = rows.field(rows.title_field)
    return _word(title, choices_for(field, document)) if isinstance(field, Field) else title


def _rows(sides: _Sides, rows: Rows, label: str, old: Value, new: Value) -> Iterator[Difference]:
    before = {_identity(rows, r): r for r in rows_of(old)}
    after = {_identity(rows, r): r for r in rows_of(new)}
    for identity, row in before.items():
        if identity not in after:
            yield Difference(sides.part, label, _title(rows, row, sides.before), None)
            continue
        changed = after[identity]
        where = f"{rows.item_label} “{_title(rows, row, sides.before)}”"
        for field in rows.fields:
            yield from _entry(
                sides, field, f"{field.label} ({where})", row.get(field.key), changed.get(field.key)
            )
    for identity, row in after.items():
        if identity not in before:
            yield Difference(sides.part, label, None, _title(rows, row, sides.after))


def _entry(
    sides: _Sides, entry: Field | Rows | Names, label: str, old: Value, new: Value
) -> Iterator[Difference]:
    if isinstance(entry, Rows):
        yield from _rows(sides, entry, label, old, new)
    elif isinstance(entry, Names):
        yield from _names(sides, entry, old, new)
    else:
        yield from _field(sides, entry, label, old, new)


def differences(before_text: str, after_text: str) -> tuple[Difference, ...]:
    """Every setting a form shows that differs between the two texts, in the catalogue's order.

    A setting two parts show is reported once, under the first. Raises ``ValueError``
    for a text that is not TOML.
    """
    before, after = parse(before_text), parse(after_text)
    seen: set[str] = set()
    result: list[Difference] = []
    for part in PARTS:
        sides = _Sides(part.title, before, after)
        old, new = values(before, part), values(after, part)
        for entry in part.entries:
            if entry.key not in seen:
                seen.add(entry.key)
                result.extend(_entry(sides, entry, entry.label, old[entry.key], new[entry.key]))
    return tuple(result)


def described(document: TOMLDocument, part: Part) -> tuple[tuple[str, str], ...]:
    """Each entry of ``part`` as (label, its value in words): a part's settings at a glance.

    A list of rows or names reads as their titles ("none" when there are none).
    """
    current = values(document, part)
    result: list[tuple[str, str]] = []
    for entry in part.entries:
        value = current[entry.key]
        if isinstance(entry, Rows):
            words = in_words([_title(entry, row, document) for row in rows_of(value)])
        elif isinstance(entry, Names):
            words = in_words([title for _, title in names_of(value)])
        else:
            words = in_plain_words(entry, value, document)
        result.append((entry.label, words or "none"))
    return tuple(result)
