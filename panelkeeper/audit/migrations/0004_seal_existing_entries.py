"""Seal the entries written before the audit log had chains, and guard the digests.

The new triggers go in first: they let an empty digest be written once, every other
column unchanged, which is all this migration does to an entry. Each organisation's
entries (and those with no organisation) are then chained in id order with the
installation's AUDIT_KEY, so `panelkeeper audit verify` passes on an upgraded
installation, and each chain gets its head row.
"""

from django.conf import settings
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from panelkeeper.audit import triggers
from panelkeeper.audit.chain import seal


def seal_existing(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.run(schema_editor.connection, triggers.FIRST_UNINSTALL)
    triggers.run(schema_editor.connection, triggers.INSTALL)
    entry_model = apps.get_model("audit", "AuditEntry")
    chain_model = apps.get_model("audit", "AuditChain")
    key = str(settings.AUDIT_KEY).encode()
    entries = entry_model.objects.using(schema_editor.connection.alias)
    organisations = entries.order_by().values_list("organisation_id", flat=True).distinct()
    for organisation_id in list(organisations):
        previous, last = "", None
        for entry in entries.filter(organisation_id=organisation_id).order_by("id").iterator():
            entry.digest = previous = seal(previous, entry, key)
            entry.save(update_fields=["digest"])
            last = entry.pk
        chain_model.objects.using(schema_editor.connection.alias).create(
            organisation_id=organisation_id, head=previous, last_entry_id=last
        )


def unseal(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Lift the triggers; reversing 0003 drops the digests and puts 0002's back."""
    triggers.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_chain")]

    operations = [migrations.RunPython(seal_existing, unseal)]
