"""Each existing meeting gets its own random calendar UID (see 0005).

A migration of its own, apart from the schema changes around it, because PostgreSQL
refuses to alter a table with row updates pending in the same transaction."""

import uuid

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

BATCH = 500


def fill(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Meeting = apps.get_model("meetings", "Meeting")
    rows = Meeting.objects.using(schema_editor.connection.alias).filter(uid__isnull=True)
    batch = []
    for meeting in rows.only("pk").iterator(chunk_size=BATCH):
        meeting.uid = uuid.uuid4()
        batch.append(meeting)
        if len(batch) == BATCH:
            Meeting.objects.using(schema_editor.connection.alias).bulk_update(batch, ["uid"])
            batch = []
    Meeting.objects.using(schema_editor.connection.alias).bulk_update(batch, ["uid"])


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0005_meeting_uid"),
    ]

    operations = [
        # Going back needs nothing: 0005's reversal drops the column.
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
