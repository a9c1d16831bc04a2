"""Let an organisation's access log go with it once it is marked for removal
(core.Removal), as it leaves the installation."""

from django.db import migrations

from panelkeeper.lib.append_only import replacing
from panelkeeper.subject_access import triggers


class Migration(migrations.Migration):
    dependencies = [("subject_access", "0003_access_log_removable")]

    operations = [migrations.RunPython(*replacing(triggers.MARKED, triggers.TRIGGERS))]
