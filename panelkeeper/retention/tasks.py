"""The daily purge: every organisation's records past their time go."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.tasks import task

from panelkeeper.core.daily import run_once
from panelkeeper.organisations.models import Organisation
from panelkeeper.retention.purge import purge


def purge_all(day: dt.date) -> dict[str, Any]:
    """Purge each organisation; how many records went, by organisation and kind."""
    return {
        organisation.slug: purge(organisation, today=day)
        for organisation in Organisation.objects.order_by("slug")
    }


@task()
def apply_retention(day: str) -> bool:
    """Remove or anonymise what each organisation's schedule says is past its time."""
    return run_once("apply_retention", day, lambda: purge_all(dt.date.fromisoformat(day)))
