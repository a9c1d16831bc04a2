"""Every meeting now has its own calendar UID (0006); new ones get a random one."""

import uuid

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0006_meeting_uid_backfill"),
    ]

    operations = [
        migrations.AlterField(
            model_name="meeting",
            name="uid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="calendar UID"
            ),
        ),
    ]
