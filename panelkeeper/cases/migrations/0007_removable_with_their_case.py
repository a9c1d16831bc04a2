"""Let the append-only rows of a case marked for removal (core.Removal) be deleted with it."""

from django.db import migrations

from panelkeeper.cases import triggers
from panelkeeper.lib.append_only import replacing


class Migration(migrations.Migration):
    dependencies = [("cases", "0006_invitations_to_one_case"), ("core", "0004_removal")]

    operations = [migrations.RunPython(*replacing(triggers.UNREMOVABLE, triggers.TRIGGERS))]
