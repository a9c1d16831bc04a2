"""Let a member's status records go with their organisation once it is marked for
removal (core.Removal), as it leaves the installation."""

from django.db import migrations

from panelkeeper.lib.append_only import replacing
from panelkeeper.members import triggers


class Migration(migrations.Migration):
    dependencies = [("members", "0005_signatures_removable")]

    operations = [migrations.RunPython(*replacing(triggers.TRIGGERS, triggers.LEAVING))]
