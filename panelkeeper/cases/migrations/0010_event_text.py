"""An event's words (its reason, whom a notice went to) move to a table of their own,
which erasure can redact without changing the event.

Each event with words gets a text row with the event's own id (so the copy is two
statements, whatever the number of events) and names it. The events' triggers are
lifted for the copy and put back at the end, with the texts' own: on SQLite, Django
rebuilds the events' table to add and drop its columns, and a rebuilt table has lost
its triggers.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from panelkeeper.cases import triggers

_HAS_WORDS = "reason <> '' OR \"to\" <> ''"


def lift(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.TRIGGERS.uninstall(schema_editor.connection)


def put_back(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.TRIGGERS.install(schema_editor.connection)


def lift_all(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.uninstall(schema_editor.connection)


def put_back_all(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.install(schema_editor.connection)


def _run(schema_editor: BaseDatabaseSchemaEditor, *statements: str) -> None:
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
        if connection.vendor == "postgresql":
            # Check the new references now: PostgreSQL will not alter a table that still
            # has checks waiting for the end of the transaction.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def copy_words_out(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    statements = [
        'INSERT INTO cases_caseeventtext (id, reason, "to") '
        f'SELECT id, reason, "to" FROM cases_caseevent WHERE {_HAS_WORDS}',
        f"UPDATE cases_caseevent SET text_id = id WHERE {_HAS_WORDS}",
    ]
    if schema_editor.connection.vendor == "postgresql":
        # The next text takes the next number after those copied.
        statements.append(
            "SELECT setval(pg_get_serial_sequence('cases_caseeventtext', 'id'), "
            "COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM cases_caseeventtext"
        )
    _run(schema_editor, *statements)


def copy_words_back(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _run(
        schema_editor,
        "UPDATE cases_caseevent SET "
        "reason = (SELECT t.reason FROM cases_caseeventtext t WHERE t.id = text_id), "
        '"to" = (SELECT t."to" FROM cases_caseeventtext t WHERE t.id = text_id) '
        "WHERE text_id IS NOT NULL",
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0009_setting_raised_by_labels")]

    operations = [
        migrations.RunPython(lift, put_back),
        migrations.CreateModel(
            name="CaseEventText",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("reason", models.TextField(blank=True)),
                ("to", models.CharField(blank=True, max_length=300)),
            ],
            options={
                "ordering": ["id"],
                "constraints": [
                    models.CheckConstraint(
                        condition=~models.Q(reason="") | ~models.Q(to=""),
                        name="case_event_text_says_something",
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="caseevent",
            name="text",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="event",
                to="cases.caseeventtext",
            ),
        ),
        migrations.RunPython(copy_words_out, copy_words_back),
        migrations.RemoveField(model_name="caseevent", name="reason"),
        migrations.RemoveField(model_name="caseevent", name="to"),
        migrations.RunPython(put_back_all, lift_all),
    ]
