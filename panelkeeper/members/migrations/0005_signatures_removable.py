"""Let the append-only rows of a signature marked for removal (core.Removal) be deleted with it."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from panelkeeper.members import triggers


def install(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.FIRST.uninstall(schema_editor.connection)
    triggers.TRIGGERS.install(schema_editor.connection)


def uninstall(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.TRIGGERS.uninstall(schema_editor.connection)
    triggers.FIRST.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("members", "0004_signature_different_name"), ("core", "0004_removal")]

    operations = [migrations.RunPython(install, uninstall)]
