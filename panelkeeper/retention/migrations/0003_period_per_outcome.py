"""A retention period for each outcome of an organisation's code: ``RetentionPeriod.outcome``,
and one period a kind and outcome."""

from django.db import migrations, models

PERIOD = "retentionperiod"
ONE_A_KIND = "one_period_a_kind"


class Migration(migrations.Migration):
    dependencies = [("retention", "0002_hold_list")]

    operations = [
        migrations.AlterModelOptions(PERIOD, {"ordering": ["organisation", "kind", "outcome"]}),
        migrations.RemoveConstraint(PERIOD, ONE_A_KIND),
        migrations.AddField(
            PERIOD,
            "outcome",
            models.CharField(
                blank=True, default="", help_text="An outcome's key in the code.", max_length=100
            ),
        ),
        migrations.AddConstraint(
            PERIOD,
            models.UniqueConstraint(fields=("organisation", "kind", "outcome"), name=ONE_A_KIND),
        ),
    ]
