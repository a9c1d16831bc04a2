"""Seats released before the group is convened, append-only like seats; people taken off
a case with a date and a reason."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from panelkeeper.cases import triggers


def install(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.SEAT_RELEASES.install(schema_editor.connection)


def uninstall(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.SEAT_RELEASES.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_party_contact"),
        ("members", "0003_appraisals_expenses"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="SeatRelease",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("released_on", models.DateField()),
                ("reason", models.TextField()),
                ("recorded_at", models.DateTimeField()),
            ],
            options={
                "ordering": ["seat", "id"],
            },
        ),
        migrations.AddField(
            model_name="caseparty",
            name="removed_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="caseparty",
            name="removed_on",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="caseparty",
            name="removed_reason",
            field=models.TextField(blank=True),
        ),
        migrations.AddConstraint(
            model_name="caseparty",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("removed_on__isnull", True), ("removed_reason", "")),
                    models.Q(
                        ("removed_on__isnull", False),
                        models.Q(("removed_reason", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="party_removed_with_a_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="caseparty",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("role", "reporter"), _negated=True),
                    ("removed_on__isnull", True),
                    _connector="OR",
                ),
                name="party_reporter_stays",
            ),
        ),
        migrations.AddField(
            model_name="seatrelease",
            name="recorded_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="seatrelease",
            name="seat",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.PROTECT, related_name="release", to="cases.seat"
            ),
        ),
        migrations.AddConstraint(
            model_name="seatrelease",
            constraint=models.CheckConstraint(
                condition=models.Q(("reason", ""), _negated=True), name="seat_release_has_a_reason"
            ),
        ),
        migrations.RunPython(install, uninstall),
    ]
