"""Let the append-only rows of a signature marked for removal (core.Removal) be deleted with it."""

from django.db import migrations

from panelkeeper.lib.append_only import replacing
from panelkeeper.members import triggers


class Migration(migrations.Migration):
    dependencies = [("members", "0004_signature_different_name"), ("core", "0004_removal")]

    operations = [migrations.RunPython(*replacing(triggers.FIRST, triggers.TRIGGERS))]
