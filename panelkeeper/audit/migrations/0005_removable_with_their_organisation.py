"""Let the entries and checkpoints of an organisation marked for removal (core.Removal)
be deleted with it, when it leaves the installation."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from panelkeeper.audit import triggers


def forwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.run(schema_editor.connection, triggers.UNINSTALL)
    triggers.run(schema_editor.connection, triggers.LEAVING_INSTALL)


def backwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.run(schema_editor.connection, triggers.UNINSTALL)
    triggers.run(schema_editor.connection, triggers.INSTALL)


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_seal_existing_entries"), ("core", "0004_removal")]

    operations = [migrations.RunPython(forwards, backwards)]
