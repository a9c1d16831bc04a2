"""An installation upgraded from before the chains: its entries are sealed and verify."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from panelkeeper.audit.chain import seal
from panelkeeper.audit.models import AuditChain, AuditEntry
from tests.factory import Factory

BEFORE = [("audit", "0002_append_only_triggers")]
AFTER = [("audit", "0004_seal_existing_entries")]


def _migrate(targets: list[tuple[str, str]]) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_the_entries_written_before_the_chains_are_sealed_in_id_order_per_organisation() -> None:
    factory = Factory()
    home, other = factory.home, factory.other
    _migrate(BEFORE)
    try:
        at = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)
        with connection.cursor() as cursor:
            for organisation in (home.pk, other.pk, home.pk, None, home.pk):
                cursor.execute(
                    "INSERT INTO audit_auditentry"
                    " (at, organisation_id, action, object_type, object_id, fields)"
                    " VALUES (%s, %s, 'group.renamed', 'organisations.Group', '7', %s)",
                    [at, organisation, '["name"]'],
                )
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            AuditEntry.objects.update(action="x")  # 0002's triggers are back
    finally:
        _migrate(AFTER)
    entries = list(AuditEntry.objects.filter(organisation=home).order_by("id"))
    assert [entry.digest for entry in entries] == [
        seal("", entries[0]),
        seal(entries[0].digest, entries[1]),
        seal(entries[1].digest, entries[2]),
    ]
    assert AuditChain.objects.get(organisation=home).last_entry_id == entries[-1].pk
    assert AuditChain.objects.count() == 3
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    assert "Every chain is intact: 3 chains, 5 entries." in out.getvalue()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entries[0].pk).delete()
