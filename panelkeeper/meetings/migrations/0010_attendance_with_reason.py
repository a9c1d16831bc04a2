from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0009_list_indexes"),
        ("members", "0008_status_lookup_covers_status"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="attendance",
            index=models.Index(
                condition=models.Q(("reason", ""), _negated=True),
                fields=["meeting"],
                name="attendance_with_reason",
            ),
        ),
    ]
