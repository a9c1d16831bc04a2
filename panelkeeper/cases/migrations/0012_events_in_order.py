from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0011_next_deadline_copy"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="caseevent",
            index=models.Index(
                fields=["case", "effective", "recorded_at", "id"], name="event_in_order"
            ),
        ),
    ]
