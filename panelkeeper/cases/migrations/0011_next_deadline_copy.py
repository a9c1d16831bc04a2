"""The case row's copy of which deadline its next due date is, and how it is counted; an
index for one state of an organisation's cases (Today's outcomes to confirm in writing).

Open cases of an installation that has some get their copy as a change of calendar gives
it (:func:`~panelkeeper.cases.recount.recount_due_dates`, through the procedure as it is
now: the ladder reads the code's text, which no historical model can); every later event
writes it with the rest of the row's copy.
"""

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps
from django.utils import timezone


def copy_next_deadlines(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    from panelkeeper.cases.recount import recount_due_dates
    from panelkeeper.organisations.models import Organisation

    cases = apps.get_model("cases", "Case").objects.using(schema_editor.connection.alias)
    with_cases = cases.order_by().values("organisation")
    today = timezone.localdate()
    for organisation in Organisation.objects.filter(pk__in=with_cases).order_by("pk"):
        recount_due_dates(organisation=organisation, today=today)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0010_event_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="next_deadline",
            field=models.CharField(blank=True, max_length=30),
        ),
        migrations.AddField(
            model_name="case",
            name="next_due_in_working_days",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(copy_next_deadlines, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["organisation", "state"], name="case_state"),
        ),
    ]
