"""Create the database cache's table, so `migrate` alone leaves a working site."""

from django.conf import settings
from django.core.management import call_command
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for cache in settings.CACHES.values():
        if cache["BACKEND"].endswith("DatabaseCache"):
            table = schema_editor.connection.ops.quote_name(cache["LOCATION"])
            schema_editor.execute(f"DROP TABLE IF EXISTS {table}")


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
