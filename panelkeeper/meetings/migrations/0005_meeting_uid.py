"""Meetings get a calendar UID. The column starts nullable: a default given here would be
computed once and copied to every existing row, so 0006 fills each row with its own value
and 0007 makes the column unique and required."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_calendar_sequence"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="uid",
            field=models.UUIDField(null=True, editable=False, verbose_name="calendar UID"),
        ),
    ]
