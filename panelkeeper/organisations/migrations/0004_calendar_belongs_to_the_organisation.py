"""The working calendar belongs to the organisation: carry ``[calendar]`` out of the codes.

Until now a case counted working days with the ``[calendar]`` table of the code it was
raised under while lists, reminders and attendance used the organisation's region, so
two pages could disagree. From here on only the organisation's region and closure days
count. This runs once: the region is taken from the version in force today (else the
latest published one) when that version sets it, and every closure day any published
version lists becomes a closure day of the organisation unless one is already recorded
on that date. Drafts are left alone: they are refused at publication until the table is
removed.

The stored texts are read with ``tomllib`` rather than the rules' loader, so this
migration keeps working whatever later releases of the loader accept.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from typing import Any

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps
from django.utils import timezone

_REGIONS = {"ENG", "WLS", "SCT", "NIR"}


def _calendar(source: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError:
        return {}
    table = data.get("calendar")
    return table if isinstance(table, dict) else {}


def carry_calendars(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Organisation = apps.get_model("organisations", "Organisation")
    PolicyVersion = apps.get_model("organisations", "PolicyVersion")
    ClosureDay = apps.get_model("organisations", "ClosureDay")
    today = timezone.localdate()
    for organisation in Organisation.objects.all():
        published = list(
            PolicyVersion.objects.filter(organisation=organisation, status="published")
            .exclude(in_force_from=None)
            .order_by("in_force_from")
        )
        if not published:
            continue
        in_force = [v for v in published if v.in_force_from <= today]
        chosen = (in_force or published)[-1]
        region = _calendar(chosen.source).get("region")
        if region in _REGIONS and region != organisation.region:
            organisation.region = region
            organisation.save(update_fields=["region"])
        recorded = set(
            ClosureDay.objects.filter(organisation=organisation).values_list("date", flat=True)
        )
        for version in published:
            for day in _calendar(version.source).get("closure_days", []):
                if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
                    continue
                if day in recorded:
                    continue
                recorded.add(day)
                ClosureDay.objects.create(
                    organisation=organisation,
                    date=day,
                    reason=f"Listed in version {version.version} of the code of conduct"[:200],
                )


class Migration(migrations.Migration):
    dependencies = [("organisations", "0003_published_policy_version_is_final")]

    operations = [migrations.RunPython(carry_calendars, migrations.RunPython.noop)]
