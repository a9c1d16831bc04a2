"""Building an export, and the daily deletion of exports past their time."""

from __future__ import annotations

from django.tasks import task

from panelkeeper.core.daily import run_once
from panelkeeper.departure.exports import build, delete_expired


@task()
def build_export(export_id: int) -> bool:
    """Build the archive of one export; nothing once it is ready."""
    return build(export_id)


@task()
def delete_expired_exports(day: str) -> bool:
    """Delete the exports, and their archives, kept longer than a week."""
    return run_once("delete_expired_exports", day, delete_expired)
