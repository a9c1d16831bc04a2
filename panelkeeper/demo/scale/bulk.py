"""Rows in bulk, and the audit entries the domain would have written for them.

The generator writes rows in bulk rather than through the domain functions, which check
and write one record at a time. What those functions would also have written comes with
the rows: a :class:`Trail` collects one audit entry per record, as the domain function
that makes such a record names it (action and fields), and :func:`seal_and_insert`
seals them onto each organisation's chain in order (the same
:func:`~panelkeeper.audit.chain.seal` the domain uses), so ``panelkeeper audit verify``
checks a generated organisation like any other.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db import connection, models
from django.utils import timezone

from panelkeeper.audit.chain import seal
from panelkeeper.audit.models import AuditChain, AuditEntry

BATCH = 2000

type Field = models.Field[Any, Any]


def insert[M: models.Model](rows: Sequence[M]) -> list[M]:
    """Insert ``rows`` (all of one model), each getting its primary key."""
    if not rows:
        return []
    model = type(rows[0])
    if connection.vendor != "postgresql":
        return model._default_manager.bulk_create(rows, batch_size=BATCH)
    names = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
    keys = insert_values(model, names, [[getattr(row, name) for name in names] for row in rows])
    for row, key in zip(rows, keys, strict=True):
        row.pk = key
    return list(rows)


def insert_values(
    model: type[models.Model], names: Sequence[str], rows: Sequence[Sequence[object]]
) -> list[int]:
    """Insert ``rows``, each the values of the fields ``names`` (attribute names, such as
    ``member_id``), as a model instance would hold them; every other field takes its
    default, and a field set on save (``auto_now_add``) the time now, as Django's INSERT
    would. The new rows' primary keys, in order.

    On PostgreSQL the keys are drawn from the table's sequence first and the rows sent
    with COPY, several times faster than INSERT for the millions of rows of a national
    run, and no model instance is made for a row (that alone takes a good part of the
    time for a million rows); elsewhere ``bulk_create`` in batches.
    """
    if not rows:
        return []
    if connection.vendor != "postgresql":
        made = model._default_manager.bulk_create(
            [model(**dict(zip(names, row, strict=True))) for row in rows], batch_size=BATCH
        )
        return [row.pk for row in made]
    meta = model._meta
    fields = {f.attname: f for f in meta.concrete_fields}
    given = [fields[name] for name in names]
    others = [f for f in meta.concrete_fields if not f.primary_key and f not in given]
    now = timezone.now()
    prepare = [_preparer(f, now) for f in given]
    rest = [_default(f, now) for f in others]
    quote = connection.ops.quote_name
    table = quote(str(meta.db_table))
    columns = ", ".join(quote(str(f.column)) for f in [meta.pk, *given, *others])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(rows)],
        )
        keys = [key for (key,) in cursor.fetchall()]
        plain = all(step is None for step in prepare)
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for key, row in zip(keys, rows, strict=True):
                values = (
                    row
                    if plain
                    else [
                        value if step is None else step(value)
                        for value, step in zip(row, prepare, strict=True)
                    ]
                )
                copy.write_row([key, *values, *[make() for make in rest]])
    return keys


#: Fields whose values go to the database as a model instance holds them; any other
#: field (JSON, a file, a decimal) goes through its own preparation, as Django's INSERT
#: would.
_AS_THEY_ARE = (
    models.BigIntegerField,
    models.BooleanField,
    models.CharField,
    models.DateField,  # and so DateTimeField, holding aware times
    models.ForeignKey,
    models.IntegerField,
    models.TextField,
    models.TimeField,
    models.UUIDField,
)


def _set_on_save(field: Field) -> bool:
    return bool(getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False))


def _preparer(field: Field, now: dt.datetime) -> Callable[[object], object] | None:
    """How a value of ``field`` is made ready for the database; None if it is ready."""
    if _set_on_save(field):
        return lambda _: now
    if isinstance(field, models.JSONField):
        # As JSON text, which COPY hands to the column to read: the text Django sends.
        encoder = field.encoder
        return lambda value: None if value is None else json.dumps(value, cls=encoder)
    if isinstance(field, _AS_THEY_ARE) and not isinstance(field, models.FileField):
        return None
    return lambda value: field.get_db_prep_save(value, connection)


def _default(field: Field, now: dt.datetime) -> Callable[[], object]:
    """The value of a field not given, for each row: a default that is made afresh (a
    new identifier) is made for each row, any other prepared once."""
    prepare = _preparer(field, now) or (lambda value: value)
    if field.has_default() and callable(field.default):
        return lambda: prepare(field.get_default())
    value = prepare(field.get_default())
    return lambda: value


class Entry(NamedTuple):
    """An audit entry before it is sealed: the columns :func:`seal` hashes."""

    organisation_id: int
    at: dt.datetime
    actor_id: int
    action: str
    object_type: str
    object_id: str
    fields: Sequence[str]


@dataclass
class Trail:
    """One organisation's audit entries for the records generated for it."""

    organisation_id: int
    #: Who recorded the records: the organisation's officer.
    actor_id: int
    entries: list[Entry] = field(default_factory=list)

    def add(
        self, obj: models.Model, *, action: str, fields: Sequence[str], at: dt.datetime
    ) -> None:
        self.record(obj._meta.label, obj.pk, action=action, fields=fields, at=at)

    def record(
        self, label: str, key: int, *, action: str, fields: Sequence[str], at: dt.datetime
    ) -> None:
        """The entry for the record ``label`` (a model's label) numbered ``key``."""
        self.entries.append(
            Entry(self.organisation_id, at, self.actor_id, action, label, str(key), fields)
        )


def seal_and_insert(trails: Sequence[Trail]) -> int:
    """Seal each trail's entries in the order they happened onto a new chain for its
    organisation, insert them all and each chain's head; how many entries. Call inside
    the transaction that wrote their records: the organisations are new, so none has a
    chain yet (its head's unique constraint would refuse a second)."""
    rows: list[tuple[object, ...]] = []
    heads: list[tuple[int, str, int]] = []
    for trail in trails:
        if not trail.entries:
            continue
        trail.entries.sort(key=lambda entry: entry.at)
        digest = ""
        for entry in trail.entries:
            digest = seal(digest, entry)
            rows.append((*entry, digest))
        heads.append((trail.organisation_id, digest, len(rows) - 1))
        trail.entries = []
    keys = insert_values(AuditEntry, [*Entry._fields, "digest"], rows)
    insert_values(
        AuditChain,
        ["organisation_id", "head", "last_entry_id"],
        [(organisation, digest, keys[last]) for organisation, digest, last in heads],
    )
    return len(rows)
