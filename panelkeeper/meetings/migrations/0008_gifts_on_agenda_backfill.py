"""A gift waiting for a meeting that is already on a scheduled meeting's agenda is on
that agenda (registers 0004): its status says so, with the meeting's date. Where it is on
more than one, the latest scheduled meeting's date is kept; the next agenda run sends a
gift whose meeting has passed back to waiting and on to the next meeting."""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def on_agenda(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    alias = schema_editor.connection.alias
    AgendaItem = apps.get_model("meetings", "AgendaItem")
    Gift = apps.get_model("registers", "Gift")
    items = (
        AgendaItem.objects.using(alias)
        .filter(
            gift__isnull=False,
            gift__status="waiting_for_meeting",
            meeting__status="scheduled",
        )
        .order_by("gift_id", "meeting__date")
        .values_list("gift_id", "meeting__date")
    )
    latest = dict(items)
    for gift_id, date in latest.items():
        Gift.objects.using(alias).filter(pk=gift_id, status="waiting_for_meeting").update(
            status="on_agenda", agenda_on=date
        )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0007_meeting_uid_unique"),
        ("registers", "0004_gift_declared_on_required"),
    ]

    operations = [migrations.RunPython(on_agenda, migrations.RunPython.noop)]
