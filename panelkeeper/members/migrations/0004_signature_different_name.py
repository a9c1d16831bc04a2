"""Record that a member signs with a name other than the one on their record (MEM-3).

SQLite adds a NOT NULL column by rebuilding the table, which drops its triggers, so the
append-only triggers are installed again after the column is added, and again after it
is removed when the migration is reversed (a no-op elsewhere).
"""

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from panelkeeper.members import triggers


def reinstall(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.FIRST.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("members", "0003_appraisals_expenses")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, reinstall),
        migrations.AddField(
            model_name="signature",
            name="different_name",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "The member confirmed they sign with a name other than the one on their record."
                ),
            ),
        ),
        migrations.RunPython(reinstall, migrations.RunPython.noop),
    ]
