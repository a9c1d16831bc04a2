"""What a form of the code editor is made of: parts, fields, rows and names.

A :class:`Part` is one form, grouped as the rulebook is. Its entries are
:class:`Field` (one setting at a dotted key), :class:`Rows` (a list of tables officers
add to, change and remove from, such as the levels of breach) and :class:`Names` (a
table of key = "Title" pairs, such as the staff titles, where officers add, rename and
remove entries). Keys are the file's own dotted keys; a row's fields use keys inside
the row. Nothing here reads a file: :mod:`.document` does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from panelkeeper.rules.calendar.durations import Duration
from panelkeeper.rules.ladder.model import Deadline

__all__ = ["ORIGIN", "Entry", "Field", "Kind", "Names", "Part", "Row", "Rows", "Value", "yes_no"]


class Kind(StrEnum):
    """What sort of value a field holds, and so how a form asks for it."""

    TEXT = "text"  # one line of text: str
    PARAGRAPH = "paragraph"  # a few sentences: str
    YES_NO = "yes/no"  # bool
    WHOLE_NUMBER = "whole number"  # int
    POUNDS = "pounds"  # int: an amount in whole pounds
    DURATION = "duration"  # Duration: a figure and a unit
    DEADLINE = "deadline"  # Deadline: a duration, the event it runs from, a target or not
    DATE = "date"  # datetime.date
    CHOICE = "choice"  # one of Field.choices: str
    CHOICES = "choices"  # several of Field.choices: tuple[str, ...]
    TEXTS = "list of short texts"  # tuple[str, ...]
    ROLE = "role"  # a role key the document declares: str
    ROLES = "roles"  # tuple[str, ...]
    LEVEL = "level"  # a level of breach the document defines: str
    LEVELS = "levels"  # tuple[str, ...]
    STEPS = "informal steps"  # informal steps the document defines: tuple[str, ...]
    OUTCOME = "outcome"  # an outcome the document defines: str


#: The values a part's entries hold: see :class:`Kind`; ``None`` when a setting is not
#: set. A :class:`Rows` entry holds a tuple of :data:`Row`; a :class:`Names` entry a
#: tuple of (key, title) pairs, key "" for a name added on the form.
type Value = (
    str
    | int
    | bool
    | dt.date
    | Duration
    | Deadline
    | tuple[str, ...]
    | tuple[Row, ...]
    | tuple[tuple[str, str], ...]
    | None
)
type Row = dict[str, Value]

#: The key in a row holding the position of the row in the document it was read from
#: (``None`` for a row added on the form), so that what the form does not show (rule
#: ids, comments) stays with the row when rows are reordered, changed or removed.
ORIGIN = "_from"


@dataclass(frozen=True)
class Field:
    """One setting: ``key`` is its dotted key (inside the row, for a row's field).

    ``default`` is what the file means when the key is absent: writing the default
    back removes the key. ``choices`` pairs each value with its plain words. ``duty``
    is, for a field naming which staff title does something, that duty in a title's
    words ("Investigates a breach"), so a title added on the form can be given it.
    """

    key: str
    label: str
    kind: Kind
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    required: bool = False
    default: Value = None
    duty: str = ""


def yes_no(key: str, label: str, *, default: bool = False) -> Field:
    """A setting that is on or off; absent from the file, it is ``default``."""
    return Field(key, label, Kind.YES_NO, default=default)


@dataclass(frozen=True)
class Rows:
    """A list of tables officers add to, change and remove from.

    ``key_field`` names the row's key in the file (made from ``title_field`` for a new
    row, never shown), or is empty when rows have none. ``title_field`` names the field
    a row is known by in lists and differences. ``new_rules`` are the rule ids a new
    row cites, where the file asks each row to cite some. A ``key_field`` of "id" holds
    a conduct standard's id, which a new row makes from the code's slug.
    """

    key: str
    label: str
    item_label: str
    fields: tuple[Field | Rows, ...]
    key_field: str = ""
    title_field: str = "label"
    hint: str = ""
    new_rules: tuple[str, ...] = ()
    required: bool = False
    inline: bool = False
    """A list the form creates is written as inline tables (``[{ ... }]``), not ``[[...]]``."""

    def field(self, key: str) -> Field | Rows | None:
        return next((f for f in self.fields if f.key == key), None)


@dataclass(frozen=True)
class Names:
    """A table of ``key = "Title"`` pairs (the groups, the staff titles)."""

    key: str
    label: str
    item_label: str
    hint: str = ""
    required: bool = False


type Entry = Field | Rows | Names


@dataclass(frozen=True)
class Part:
    """One form: what it governs in plain words (``says``), its rule ids, its entries."""

    slug: str
    title: str
    says: str
    rules: tuple[str, ...]
    entries: tuple[Entry, ...]

    def entry(self, key: str) -> Entry | None:
        return next((e for e in self.entries if e.key == key), None)

    @property
    def duties(self) -> tuple[Field, ...]:
        """The fields naming which staff title does something, each with its duty."""
        return tuple(e for e in self.entries if isinstance(e, Field) and e.duty)
