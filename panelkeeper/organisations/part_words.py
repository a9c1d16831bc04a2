"""A part's current values in words, for the list of a draft's parts.

Plain words only, as the editor's differences give them (a yes or no, "10 working days
after the outcome is received", role titles, a date as "3 August 2011"); a list of rows
or names by their titles. Never a key from the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from panelkeeper.rules.policy.editing.catalogue import Entry, Field, Names, Part, Rows, Value
from panelkeeper.rules.policy.editing.differences import in_plain_words
from panelkeeper.rules.policy.editing.document import TOMLDocument, values

NONE = "None"


@dataclass(frozen=True)
class Shown:
    """One entry of a part and its value in words."""

    label: str
    words: str


def part_in_words(part: Part, document: TOMLDocument) -> list[Shown]:
    """Each entry of ``part`` with its value in ``document``, in words."""
    current = values(document, part)
    return [Shown(e.label, in_words(e, current.get(e.key), document)) for e in part.entries]


def in_words(entry: Entry, value: Value, document: TOMLDocument) -> str:
    """``value`` of ``entry`` in words, starting with a capital."""
    if isinstance(entry, Names):
        pairs = value if isinstance(value, tuple) else ()
        titles = [str(pair[1]) for pair in pairs if isinstance(pair, tuple)]
        return "; ".join(titles) or NONE
    if isinstance(entry, Rows):
        rows = [row for row in value if isinstance(row, dict)] if isinstance(value, tuple) else []
        title = entry.field(entry.title_field)
        if not isinstance(title, Field):
            return f"{len(rows)} {entry.item_label}s" if rows else NONE
        return "; ".join(in_words(title, row.get(title.key), document) for row in rows) or NONE
    words = in_plain_words(entry, value, document)
    return words[:1].upper() + words[1:]
