"""Writing a part's values into a tomlkit document, keeping what the form does not show.

Only values that differ from the document's are written, so comments and layout
survive wherever nothing changed. An emptied value, or one equal to what an absent key
means, removes its key; a table left with nothing but its rule ids goes with it. A
table the form creates cites the rule ids :data:`NEW_TABLE_RULES` gives it; a row the
form adds cites its :class:`Rows`' ``new_rules`` and gets a key made from its title.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, MutableMapping, Sequence
from typing import Any, cast

import tomlkit
from tomlkit.items import AoT, InlineTable

from panelkeeper.rules.calendar.durations import Duration
from panelkeeper.rules.ladder.model import NO_BREACH, Deadline
from panelkeeper.rules.policy.editing.entries import (
    ORIGIN,
    Entry,
    Field,
    Kind,
    Names,
    Part,
    Row,
    Rows,
    Value,
)
from panelkeeper.rules.policy.editing.reading import LIST_KINDS, lookup, read_entry
from panelkeeper.rules.policy.roles import MemberRole

__all__ = [
    "NEW_TABLE_RULES",
    "Container",
    "keyed_names",
    "make_key",
    "names_of",
    "normalise",
    "rows_of",
    "with_duties",
    "write_entry",
]

#: The rule ids a table cites when a form creates it, where the file asks it to cite some.
NEW_TABLE_RULES: dict[str, tuple[str, ...]] = {
    "breach.raising": ("BR-1", "BR-2", "BR-13"),
    "breach.escalation": ("BR-8",),
    "breach.group": ("BR-6",),
    "breach.suspension": ("BR-9",),
    "breach.deadlines": ("BR-5",),
    "breach.receipt": ("BR-12",),
    "breach.appeal": ("BR-12",),
}

_CITES = frozenset({"rules", "adopted"})
_NOT_KEY = re.compile(r"[^a-z0-9]+")

# tomlkit's containers are mappings of its own item types; Any keeps them assignable.
type Container = MutableMapping[str, Any]


# -- what a form sends, made comparable with what the document holds -----------


def normalise(entry: Entry, value: Value) -> Value:
    """``value`` as :func:`read_entry` would give it: blank text is not set, lists are tuples."""
    if isinstance(entry, Rows):
        rows = value if isinstance(value, tuple) else ()
        return tuple(_normal_row(entry, row) for row in rows if isinstance(row, dict))
    if isinstance(entry, Names):
        return names_of(value)
    if isinstance(value, str):
        value = value.strip() or None
    if entry.kind in LIST_KINDS:
        items = value if isinstance(value, tuple) else ()
        return tuple(s.strip() for s in items if isinstance(s, str) and s.strip())
    return entry.default if value is None else value


def names_of(value: Value) -> tuple[tuple[str, str], ...]:
    """The (key, title) pairs in ``value``, trimmed; pairs with no title are left out."""
    result: list[tuple[str, str]] = []
    for pair in value if isinstance(value, tuple) else ():
        if isinstance(pair, tuple) and len(pair) == 2:
            key, title = pair
            if isinstance(key, str) and isinstance(title, str) and title.strip():
                result.append((key.strip(), title.strip()))
    return tuple(result)


def _normal_row(rows: Rows, row: Row) -> Row:
    origin = row.get(ORIGIN)
    result: Row = {ORIGIN: origin if isinstance(origin, int) else None}
    if rows.key_field:
        result[rows.key_field] = row.get(rows.key_field)
    for field in rows.fields:
        result[field.key] = normalise(field, row.get(field.key))
    return result


# -- values as TOML ------------------------------------------------------------


def _item(value: Value) -> object:
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, Deadline):
        table = tomlkit.inline_table()
        table.update({"within": str(value.within), "from": value.start.value})
        if value.target:
            table["target"] = True
        return table
    if isinstance(value, tuple):
        return list(value)
    return value


def _is_unset(field: Field, value: Value) -> bool:
    """Whether ``value`` is best written by leaving the key out."""
    return value is None or value == () or (value == field.default and not field.required)


# -- tables ---------------------------------------------------------------------


def _table_at(
    root: Container, path: list[str], *, created: list[Container] | None = None
) -> Container | None:
    """The table at ``path`` (dotted parts); ``None`` if it is missing.

    Given ``created``, a missing table is created, with the rule ids it cites, and added
    to that list.
    """
    table = root
    for depth, name in enumerate(path):
        inner = table.get(name)
        if not isinstance(inner, MutableMapping):
            if created is None:
                return None
            inner = tomlkit.inline_table() if isinstance(table, InlineTable) else tomlkit.table()
            rules = NEW_TABLE_RULES.get(".".join(path[: depth + 1]))
            if rules:
                inner["rules"] = list(rules)
            table[name] = inner
            inner = table[name]
            created.append(inner)
        table = inner
    return table


def _remove(root: Container, path: list[str], name: str) -> None:
    """Remove ``name`` from the table at ``path``, and tables it leaves holding only rule ids.

    Called only for a key whose value differs from an unset one, so it is there.
    """
    table = cast(Container, _table_at(root, path))
    del table[name]
    while path and set(table) <= _CITES:
        parent = cast(Container, _table_at(root, path[:-1]))
        del parent[path[-1]]
        path, table = path[:-1], parent


def _put(table: Container, name: str, value: Value) -> None:
    old = table.get(name)
    if isinstance(value, Deadline) and isinstance(old, InlineTable):
        # Changed in place, so the table keeps its spacing.
        old["within"] = str(value.within)
        old["from"] = value.start.value
        if value.target:
            old["target"] = True
        elif "target" in old:
            del old["target"]
    else:
        table[name] = _item(value)


def _set(
    root: Container, path: list[str], name: str, value: Value, created: list[Container]
) -> None:
    table = _table_at(root, path, created=created)
    if table is not None:
        _put(table, name, value)


# -- keys for what a form adds -------------------------------------------------


def make_key(title: str, taken: Collection[str]) -> str:
    """A key in lower case with underscores, made from ``title``, unlike any in ``taken``."""
    words = _NOT_KEY.sub("_", title.lower())
    # The text is lower case, so mutmut's "XX_XX" would strip just what "_" does.
    base = words.strip("_")[:40].strip("_") or "item"  # pragma: no mutate
    if not base[0].isalpha():
        base = f"item_{base}"
    key, number = base, 2
    while key in taken:
        key, number = f"{base}_{number}", number + 1
    return key


def _standard_id(slug: str, taken: Collection[str]) -> str:
    """A conduct standard's id under the code's slug: ``<slug>.own.<n>``."""
    number = 1
    while f"{slug}.own.{number}" in taken:
        number += 1
    return f"{slug}.own.{number}"


def _new_key(rows: Rows, row: Row, taken: Collection[str], slug: str) -> str:
    if rows.key_field == "id":
        return _standard_id(slug, taken)
    title = row.get(rows.title_field)
    return make_key(title if isinstance(title, str) else "", {*taken, NO_BREACH})


# -- rows and names -------------------------------------------------------------


def _write_rows(table: Container, name: str, rows: Rows, new: tuple[Row, ...], slug: str) -> None:
    """Write ``new`` as the list ``name`` of ``table``, each row over the one it came from."""
    old = table.get(name)
    old_items: list[Any] = list(old) if isinstance(old, list) else []
    if not new:
        del table[name]
        return
    inline = isinstance(old, list) and not isinstance(old, AoT) if old_items else rows.inline
    used: list[int] = []
    taken = {str(r[rows.key_field]) for r in new if rows.key_field and r.get(rows.key_field)}
    written: list[tuple[int | None, Any]] = []
    for row in new:
        origin = row.get(ORIGIN)
        if isinstance(origin, int) and 0 <= origin < len(old_items) and origin not in used:
            used.append(origin)
            item = old_items[origin]
        else:
            origin = None
            item = tomlkit.inline_table() if inline else tomlkit.table()
            if rows.key_field:
                key = _new_key(rows, row, taken, slug)
                taken.add(key)
                item[rows.key_field] = key
            if rows.new_rules:
                item["rules"] = list(rows.new_rules)
        for field in rows.fields:
            _write_in(item, field, row.get(field.key), slug)
        if origin is None and not inline:
            item.add(tomlkit.nl())
        written.append((origin, item))
    if isinstance(old, list) and used == sorted(used):
        # Rows kept in their order: change the list in place, so its layout stays.
        for index in reversed(range(len(old_items))):
            if index not in used:
                del old[index]
        for position, (origin, item) in enumerate(written):
            if origin is None:
                old.insert(position, item)
        return
    fresh: Any = tomlkit.array() if inline else tomlkit.aot()
    for _, item in written:
        fresh.append(item)
    if inline:
        fresh.multiline(True)
    table[name] = fresh


def rows_of(value: Value) -> tuple[Row, ...]:
    """The rows in ``value``; ``()`` when it holds none."""
    return tuple(r for r in value if isinstance(r, dict)) if isinstance(value, tuple) else ()


def _plain(table: Any) -> dict[str, object]:
    """A tomlkit table as plain Python values (tomlkit's own true/false are no bools)."""
    data: dict[str, object] = table.unwrap()
    return data


def _write_in(table: Container, entry: Field | Rows, value: Value, slug: str) -> None:
    """Write one field of a row (a nested list of rows included) into the row's table."""
    value = normalise(entry, value)
    if value == read_entry(entry, _plain(table).get(entry.key)):
        return
    if isinstance(entry, Rows):
        _write_rows(table, entry.key, entry, rows_of(value), slug)
    elif _is_unset(entry, value):
        del table[entry.key]
    else:
        _put(table, entry.key, value)


def keyed_names(
    names: Sequence[tuple[str, str]], taken: Collection[str] = ()
) -> tuple[tuple[str, str], ...]:
    """``names`` in the same order, each new one (key "") given a key made from its title,
    unlike the others', the member roles' and any in ``taken``. A name with no title
    keeps its empty key: it is not a name (see :func:`names_of`)."""
    used = {*taken, *(key for key, _ in names if key), *(m.value for m in MemberRole)}
    result: list[tuple[str, str]] = []
    for key, title in names:
        if not key and title.strip():
            key = make_key(title, used)
            used.add(key)
        result.append((key, title))
    return tuple(result)


def with_duties(
    part: Part, values: Mapping[str, Value], duties: Mapping[str, Collection[str]]
) -> dict[str, Value]:
    """``values`` of ``part`` with each title key in ``duties`` given the duties named
    there (keys of the part's duty fields): added to a list of titles, or put in place
    of the one title a single-title duty names. Duties the part lacks are ignored."""
    result = dict(values)
    for field in part.duties:
        for key, chosen in duties.items():
            if field.key not in chosen:
                continue
            if field.kind is Kind.ROLE:
                result[field.key] = key
            else:
                held = result.get(field.key)
                listed = tuple(str(v) for v in held) if isinstance(held, tuple) else ()
                result[field.key] = listed if key in listed else (*listed, key)
    return result


def _write_names(table: Container, new: tuple[tuple[str, str], ...]) -> None:
    new = keyed_names(new)
    keep = {key for key, _ in new}
    for key in [k for k in table if k not in keep]:
        del table[key]
    for key, title in new:
        if table.get(key) != title:
            table[key] = title


def write_entry(
    root: Container, entry: Entry, value: Value, slug: str, created: list[Container]
) -> None:
    """Write ``entry``'s ``value`` into the document ``root`` if it differs from what is there.

    ``slug`` is the code's short name, from which a new conduct standard's id is made;
    tables the write creates are added to ``created``.
    """
    value = normalise(entry, value)
    *path, name = entry.key.split(".")
    if value == read_entry(entry, lookup(_plain(root), entry.key)):
        return
    if (isinstance(entry, Field) and _is_unset(entry, value)) or value == ():
        _remove(root, path, name)
    elif isinstance(entry, Rows):
        table = _table_at(root, path, created=created)
        if table is not None:
            _write_rows(table, name, entry, rows_of(value), slug)
    elif isinstance(entry, Names):
        table = _table_at(root, [*path, name], created=created)
        if table is not None and isinstance(value, tuple):
            _write_names(table, names_of(value))
    else:
        _set(root, path, name, value, created)
