"""API tokens expire: a last day for every token.

Tokens made before this migration get 90 days from the day it runs, not 90 days from
when they were made: counting from creation would stop every older integration the
moment the upgrade is deployed, with no warning. Counting from the upgrade gives each
of them the same notice a new token gets, time to make a replacement.
"""

import datetime

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps
from django.utils import timezone

NOTICE = datetime.timedelta(days=90)


def give_existing_tokens_notice(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    ApiToken = apps.get_model("accounts", "ApiToken")
    ApiToken.objects.filter(expires_on__isnull=True).update(
        expires_on=timezone.localdate() + NOTICE
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_on",
            field=models.DateField(null=True, help_text="The last day the token works."),
        ),
        migrations.RunPython(give_existing_tokens_notice, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_on",
            field=models.DateField(help_text="The last day the token works."),
        ),
    ]
