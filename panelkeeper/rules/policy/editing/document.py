"""A draft code of conduct as a tomlkit document, read and written one part at a time.

``parse(text)`` keeps comments and layout; ``values(document, part)`` gives the part's
current values (:data:`Value`); ``with_values(document, part, values)`` returns a new
document with them written, changing nothing else; ``to_toml(document)`` gives the text.
``choices_for(field, document)`` lists the choices a field offers, those that come
from the document itself (roles, levels, informal steps, outcomes) included.
``problem_target(part, key)`` says which entry of a part a loader problem belongs to.

The written text is checked as any file is, by
:func:`panelkeeper.rules.policy.loader.check_policy`; nothing here validates.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import tomlkit
from tomlkit import TOMLDocument
from tomlkit.items import Table

from panelkeeper.rules.policy.editing.entries import Field, Kind, Names, Part, Rows, Value
from panelkeeper.rules.policy.editing.reading import lookup, read_entry
from panelkeeper.rules.policy.editing.writing import Container, write_entry
from panelkeeper.rules.policy.roles import MEMBER_ROLE_DEFAULT_TITLES

__all__ = [
    "TOMLDocument",
    "Target",
    "choices_for",
    "parse",
    "problem_target",
    "role_choices",
    "to_toml",
    "values",
    "with_values",
]


def parse(text: str) -> TOMLDocument:
    """The document ``text`` holds, comments and layout kept.

    Raises ``tomlkit.exceptions.ParseError`` (a ``ValueError``) for text that is not TOML.
    """
    return tomlkit.parse(text)


def to_toml(document: TOMLDocument) -> str:
    return tomlkit.dumps(document)


def _plain(document: TOMLDocument) -> dict[str, object]:
    return document.unwrap()


def values(document: TOMLDocument, part: Part) -> dict[str, Value]:
    """Every entry of ``part`` with its value in ``document``, keyed by the entry's key."""
    data = _plain(document)
    return {entry.key: read_entry(entry, lookup(data, entry.key)) for entry in part.entries}


def with_values(document: TOMLDocument, part: Part, new: Mapping[str, Value]) -> TOMLDocument:
    """A new document: ``document`` with the entries of ``part`` named in ``new`` written.

    Entries ``new`` leaves out, and values equal to the document's, are left as they are,
    comments included. ``document`` itself is not changed.
    """
    result = parse(to_toml(document))
    slug = lookup(_plain(result), "code.slug")
    created: list[Container] = []
    for entry in part.entries:
        if entry.key in new:
            write_entry(
                result, entry, new[entry.key], slug if isinstance(slug, str) else "code", created
            )
    for table in created:
        if isinstance(table, Table):
            table.add(tomlkit.nl())  # a blank line before whatever follows, as written by hand
    return result


# -- choices ---------------------------------------------------------------------


def role_choices(document: TOMLDocument) -> tuple[tuple[str, str], ...]:
    """Every role the document may name: its staff titles, then the member roles."""
    data = _plain(document)
    staff = lookup(data, "roles.staff")
    titles = lookup(data, "roles.members")
    result = [
        (key, title)
        for key, title in (staff.items() if isinstance(staff, Mapping) else ())
        if isinstance(title, str)
    ]
    for role, default in MEMBER_ROLE_DEFAULT_TITLES.items():
        title = titles.get(role.value) if isinstance(titles, Mapping) else None
        result.append((role.value, title if isinstance(title, str) else default))
    return tuple(result)


def _row_choices(document: TOMLDocument, key: str, title: str) -> tuple[tuple[str, str], ...]:
    rows = lookup(_plain(document), key)
    return tuple(
        (row["key"], str(row.get(title, row["key"])))
        for row in (rows if isinstance(rows, list) else ())
        if isinstance(row, Mapping) and isinstance(row.get("key"), str)
    )


def choices_for(field: Field, document: TOMLDocument) -> tuple[tuple[str, str], ...]:
    """The (value, plain words) pairs ``field`` offers in ``document``."""
    if field.kind in (Kind.ROLE, Kind.ROLES):
        return role_choices(document)
    if field.kind in (Kind.LEVEL, Kind.LEVELS):
        return _row_choices(document, "breach.levels", "label")
    if field.kind is Kind.STEPS:
        return _row_choices(document, "breach.informal", "label")
    if field.kind is Kind.OUTCOME:
        return _row_choices(document, "breach.outcomes", "label")
    return field.choices


# -- problems on fields ------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Where a problem belongs on a part's form.

    ``entry`` is the entry's key; for a :class:`Rows` entry ``row`` is the row's
    position and ``field`` the row's field (a nested list's key for its rows'
    problems); for a :class:`Names` entry ``name`` is the name's key.
    """

    entry: str
    row: int | None = None
    field: str | None = None
    name: str | None = None


_ROW = re.compile(r"^\[(\d+)\](?:\.([a-z_]+))?")


def problem_target(part: Part, problem_key: str) -> Target | None:
    """The entry of ``part`` a problem reported at ``problem_key`` belongs to.

    ``None`` when it belongs to none of them (then the page shows it above the form).
    """
    for entry in part.entries:
        if not problem_key.startswith(entry.key):
            continue
        rest = problem_key[len(entry.key) :]
        # A problem key has no "X" in it, so mutmut's "XX.[XX" matches what ".[" does.
        if rest == "" or (isinstance(entry, Field) and rest[0] in ".["):  # pragma: no mutate
            return Target(entry.key)
        if isinstance(entry, Names) and rest[0] == ".":
            return Target(entry.key, name=rest[1:].split(".")[0])
        if isinstance(entry, Rows):
            match = _ROW.match(rest)
            if match is not None:
                field = match.group(2)
                known = field is not None and entry.field(field) is not None
                return Target(entry.key, int(match.group(1)), field if known else None)
    return None
