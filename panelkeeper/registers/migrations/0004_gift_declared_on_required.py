from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("registers", "0003_gift_declared_on_and_agenda"),
    ]

    operations = [
        migrations.AlterField(
            model_name="gift",
            name="declared_on",
            field=models.DateField(),
        ),
        migrations.AlterField(
            model_name="gift",
            name="status",
            field=models.CharField(
                choices=[
                    ("waiting_for_meeting", "Waiting for a meeting"),
                    ("on_agenda", "On a meeting's agenda"),
                    ("waiting_for_decision", "Waiting for a decision"),
                    ("decided", "Discussed"),
                ],
                max_length=20,
            ),
        ),
        migrations.AddConstraint(
            model_name="gift",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("decided_at__isnull", False),
                        ("decided_on__isnull", False),
                        ("status", "decided"),
                        models.Q(("outcome", ""), _negated=True),
                    ),
                    models.Q(
                        (
                            "status__in",
                            ["waiting_for_meeting", "on_agenda", "waiting_for_decision"],
                        ),
                        ("decided_on__isnull", True),
                        ("outcome", ""),
                    ),
                    _connector="OR",
                ),
                name="gift_outcome_only_when_decided",
            ),
        ),
        migrations.AddConstraint(
            model_name="gift",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("agenda_on__isnull", False), ("status", "on_agenda")),
                    models.Q(
                        models.Q(("status", "on_agenda"), _negated=True),
                        ("agenda_on__isnull", True),
                    ),
                    _connector="OR",
                ),
                name="gift_agenda_date_only_on_agenda",
            ),
        ),
    ]
