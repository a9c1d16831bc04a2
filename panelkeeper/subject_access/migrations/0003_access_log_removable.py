"""Let a reading of the access log marked for removal (core.Removal) be deleted."""

from django.db import migrations

from panelkeeper.lib.append_only import replacing
from panelkeeper.subject_access import triggers


class Migration(migrations.Migration):
    dependencies = [("subject_access", "0002_append_only_triggers"), ("core", "0004_removal")]

    operations = [migrations.RunPython(*replacing(triggers.FIRST, triggers.MARKED))]
