"""Refuse UPDATE and DELETE on case events and seats."""

from django.db import migrations

from panelkeeper.cases import triggers


def install(apps, schema_editor):  # type: ignore[no-untyped-def]
    triggers.EVENTS_AND_SEATS.install(schema_editor.connection)


def uninstall(apps, schema_editor):  # type: ignore[no-untyped-def]
    triggers.EVENTS_AND_SEATS.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall)]
