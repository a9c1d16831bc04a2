"""Whoever gave an informal step is linked to it, so the case page and letters name them."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0004_seat_releases_and_people_taken_off"),
    ]

    operations = [
        migrations.AddField(
            model_name="caseparty",
            name="step",
            field=models.ForeignKey(
                blank=True,
                help_text="The informal step they gave, for someone who gave guidance (BR-3).",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="givers",
                to="cases.caseevent",
            ),
        ),
    ]
