"""Refuse UPDATE and DELETE on the access log."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from panelkeeper.subject_access import triggers


def install(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.FIRST.install(schema_editor.connection)


def uninstall(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.FIRST.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("subject_access", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall)]
