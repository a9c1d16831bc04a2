"""Let the append-only rows of a case marked for removal (core.Removal) be deleted with it."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from panelkeeper.cases import triggers


def install(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.UNREMOVABLE.uninstall(schema_editor.connection)
    triggers.TRIGGERS.install(schema_editor.connection)


def uninstall(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.TRIGGERS.uninstall(schema_editor.connection)
    triggers.UNREMOVABLE.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("cases", "0006_invitations_to_one_case"), ("core", "0004_removal")]

    operations = [migrations.RunPython(install, uninstall)]
