"""Rows in bulk, and the audit entries the domain would have written for them.

The generator writes rows with ``bulk_create`` in batches rather than through the
domain functions, which check and write one record at a time. What those functions
would also have written comes with the rows: :class:`Trail` collects one audit entry
per record, as the domain function that makes such a record names it (action and
fields), and seals them onto the organisation's chain in order (the same
:func:`~panelkeeper.audit.chain.seal` the domain uses), so ``panelkeeper audit verify``
checks a generated organisation like any other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.db import connection, models

from panelkeeper.audit.chain import seal
from panelkeeper.audit.models import AuditChain, AuditEntry

BATCH = 2000


def insert[M: models.Model](rows: Sequence[M]) -> list[M]:
    """Insert ``rows`` (all of one model), each getting its primary key.

    On PostgreSQL the keys are drawn from the table's sequence first and the rows sent
    with COPY, several times faster than INSERT for the millions of rows of a national
    run; elsewhere ``bulk_create`` in batches.
    """
    if not rows:
        return []
    model = type(rows[0])
    if connection.vendor != "postgresql":
        return model._default_manager.bulk_create(rows, batch_size=BATCH)
    meta = model._meta
    table = connection.ops.quote_name(str(meta.db_table))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(rows)],
        )
        for row, (pk,) in zip(rows, cursor.fetchall(), strict=True):
            row.pk = pk
        fields = meta.concrete_fields
        columns = ", ".join(connection.ops.quote_name(str(field.column)) for field in fields)
        readers = [_reader(field) for field in fields]
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([read(row) for read in readers])
    return list(rows)


#: Fields whose values go to the database as they are, read straight off the row; any
#: other field (JSON, a file, a decimal, a time set on save) goes through its own
#: preparation, as Django's INSERT would.
_AS_THEY_ARE = (
    models.AutoField,
    models.BigAutoField,
    models.BigIntegerField,
    models.BooleanField,
    models.CharField,
    models.DateField,
    models.ForeignKey,
    models.IntegerField,
    models.TextField,
)


def _reader(field: models.Field[object, object]) -> Callable[[models.Model], object]:
    attname = field.attname
    plain = isinstance(field, _AS_THEY_ARE) and not isinstance(
        field, models.DateTimeField | models.FileField
    )
    if (
        plain
        and not getattr(field, "auto_now", False)
        and not getattr(field, "auto_now_add", False)
    ):
        return lambda row: getattr(row, attname)
    return lambda row: field.get_db_prep_save(field.pre_save(row, add=True), connection)


@dataclass
class Trail:
    """One organisation's audit entries for the records generated for it."""

    organisation_id: int
    #: Who recorded the records: the organisation's officer.
    actor_id: int
    entries: list[AuditEntry] = field(default_factory=list)

    def add(
        self,
        obj: models.Model,
        *,
        action: str,
        fields: Sequence[str],
        at: dt.datetime,
    ) -> None:
        self.entries.append(
            AuditEntry(
                organisation_id=self.organisation_id,
                at=at,
                actor_id=self.actor_id,
                action=action,
                object_type=obj._meta.label,
                object_id=str(obj.pk),
                fields=list(fields),
            )
        )

    def seal_and_insert(self) -> int:
        """Seal the entries in the order they happened onto the chain's head, insert them
        and move the head; call inside the transaction that wrote their records."""
        if not self.entries:
            return 0
        self.entries.sort(key=lambda entry: entry.at)
        head, _ = AuditChain.objects.select_for_update().get_or_create(
            organisation_id=self.organisation_id
        )
        digest = head.head
        for entry in self.entries:
            digest = seal(digest, entry)
            entry.digest = digest
        made = insert(self.entries)
        head.head = digest
        head.last_entry_id = made[-1].pk
        head.save(update_fields=["head", "last_entry_id"])
        count = len(made)
        self.entries = []
        return count
