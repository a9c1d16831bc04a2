"""Indexes for the paged lists: meetings by group and date, actions by due date, and
missed-meetings decisions by group and the day they were opened."""

from django.db import migrations, models

INDEXES = {
    "action": models.Index(fields=["done_on", "due_on", "id"], name="action_by_due"),
    "meeting": models.Index(fields=["group", "date", "starts_at", "id"], name="meeting_group_when"),
    "missedmeetings": models.Index(fields=["group", "opened_on", "id"], name="missed_group_opened"),
}


class Migration(migrations.Migration):
    dependencies = [("meetings", "0008_gifts_on_agenda_backfill")]

    operations = [
        migrations.RemoveIndex(model_name="meeting", name="meeting_group_date"),
        *(migrations.AddIndex(model_name=model, index=index) for model, index in INDEXES.items()),
    ]
