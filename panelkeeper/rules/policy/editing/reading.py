"""A part's current values, read from a code-of-conduct file's plain data.

Reading never raises: a value of the wrong type reads as not set (the loader reports
it at its key), so a form opens on any draft, however broken.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from panelkeeper.rules.calendar.durations import Duration, parse_duration
from panelkeeper.rules.ladder.model import Anchor, Deadline
from panelkeeper.rules.policy.editing.entries import (
    ORIGIN,
    Entry,
    Field,
    Kind,
    Names,
    Row,
    Rows,
    Value,
)

__all__ = ["LIST_KINDS", "lookup", "read_entry", "read_field"]

#: Kinds whose value is a tuple of text; not set reads as ``()``.
LIST_KINDS = frozenset({Kind.CHOICES, Kind.TEXTS, Kind.ROLES, Kind.LEVELS, Kind.STEPS})


def lookup(data: Mapping[str, object], dotted: str) -> object:
    """The value at ``dotted`` in ``data``; ``None`` when it is absent (TOML has no null)."""
    value: object = data
    for name in dotted.split("."):
        if not isinstance(value, Mapping) or name not in value:
            return None
        value = value[name]
    return value


def _duration(raw: object) -> Duration | None:
    if not isinstance(raw, str):
        return None
    try:
        return parse_duration(raw)
    except ValueError:
        return None


def _deadline(raw: object) -> Deadline | None:
    if not isinstance(raw, Mapping):
        return None
    within = _duration(raw.get("within"))
    start = raw.get("from")
    target = raw.get("target", False)
    if within is None or start not in {a.value for a in Anchor} or not isinstance(target, bool):
        return None
    return Deadline(within, Anchor(str(start)), target)


def _texts(raw: object) -> tuple[str, ...] | None:
    if not isinstance(raw, list):
        return None
    return tuple(item for item in raw if isinstance(item, str))


def _typed(kind: Kind, raw: object) -> Value:
    """``raw`` as a value of ``kind``; ``None`` when it is not one."""
    if kind is Kind.YES_NO:
        return raw if isinstance(raw, bool) else None
    if kind in (Kind.WHOLE_NUMBER, Kind.POUNDS):
        return raw if isinstance(raw, int) and not isinstance(raw, bool) else None
    if kind is Kind.DURATION:
        return _duration(raw)
    if kind is Kind.DEADLINE:
        return _deadline(raw)
    if kind is Kind.DATE:
        return raw if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime) else None
    if kind in LIST_KINDS:
        return _texts(raw)
    return raw if isinstance(raw, str) else None


def read_field(field: Field, raw: object) -> Value:
    """The value of ``field`` given what the file holds at its key (``None`` if absent)."""
    value = _typed(field.kind, raw)
    if value is None:
        value = field.default
    if value is None and field.kind in LIST_KINDS:
        return ()
    return value


def _rows(rows: Rows, raw: object) -> tuple[Row, ...]:
    if not isinstance(raw, list):
        return ()
    result: list[Row] = []
    for index, item in enumerate(raw):
        if not isinstance(item, Mapping):
            continue
        row: Row = {ORIGIN: index}
        if rows.key_field:
            key = item.get(rows.key_field)
            row[rows.key_field] = key if isinstance(key, str) else None
        for field in rows.fields:
            row[field.key] = read_entry(field, item.get(field.key))
        result.append(row)
    return tuple(result)


def _names(raw: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, Mapping):
        return ()
    return tuple((key, title) for key, title in raw.items() if isinstance(title, str))


def read_entry(entry: Entry, raw: object) -> Value:
    """The value of ``entry`` given what the file holds at its key (``None`` if absent)."""
    if isinstance(entry, Rows):
        return _rows(entry, raw)
    if isinstance(entry, Names):
        return _names(raw)
    return read_field(entry, raw)
