"""Asking for an export, building it, and deleting it once past its time.

Asking writes the row and, once that commits, queues the task that builds the archive.
Building is safe to run twice: the task does nothing once the export is ready, and the
archive's name is the export's own (unique), so a build cut off part-way is overwritten.
"""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.models import Max
from django.http import Http404
from django.utils import timezone

from panelkeeper.audit.log import record
from panelkeeper.audit.models import AuditEntry
from panelkeeper.departure.archive import write_archive
from panelkeeper.departure.models import KEPT_FOR, Export
from panelkeeper.lib.stored_files import delete_after_commit

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.organisations.models import Organisation


def request_export(*, organisation: Organisation, actor: User) -> Export:
    """Ask for an export of everything ``organisation`` holds; a task builds it."""
    from panelkeeper.departure.tasks import build_export

    with transaction.atomic():
        export = Export.objects.create(
            key=secrets.token_urlsafe(32),
            organisation=organisation,
            organisation_name=organisation.name,
            requested_by=actor,
            requested_at=timezone.now(),
        )
        # The installation's own trail: asking for an export changes none of the
        # organisation's records, so it does not count as a change to them.
        record(actor=actor, organisation=None, action="export.requested", obj=export, fields=[])
        transaction.on_commit(lambda: build_export.enqueue(export.pk))
    return export


@contextmanager
def _one_snapshot() -> Iterator[None]:
    """On PostgreSQL, read every kind as of one moment (a read-only, repeatable-read
    transaction). SQLite would hold its write lock for as long (its transactions here
    are immediate), so there each query reads as of its own moment; either way a change
    made after the build began leaves the export out of date for the removal, which
    asks for an export that holds the organisation's latest audit entry."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def latest_entry(organisation: Organisation) -> int | None:
    """The id of the organisation's latest audit entry: every change writes one, and an
    organisation's entries are appended one at a time, so a later change has a larger id
    (whatever the clocks of the servers say)."""
    latest: int | None = AuditEntry.objects.filter(organisation=organisation).aggregate(
        latest=Max("id")
    )["latest"]
    return latest


def storage_name(export: Export) -> str:
    return f"leaving/{export.key}.zip"


def build(export_id: int) -> bool:
    """Build the export's archive unless it is ready (or its organisation gone); True if
    it was built now."""
    export = Export.objects.filter(
        pk=export_id, ready_at__isnull=True, organisation__isnull=False
    ).first()
    if export is None or export.organisation is None:
        return False
    begun = timezone.now()
    name = storage_name(export)
    with tempfile.TemporaryFile() as out:
        with _one_snapshot():
            through = latest_entry(export.organisation)
            write_archive(export.organisation, out, made=begun)
        size = out.tell()
        out.seek(0)
        default_storage.delete(name)  # what a build cut off part-way left
        saved = default_storage.save(name, File(out, name=name))
    done = Export.objects.filter(pk=export.pk, ready_at__isnull=True).update(
        begun_at=begun, through_entry=through, ready_at=timezone.now(), file=saved, size=size
    )
    if not done and saved != name:
        default_storage.delete(saved)  # another run finished first
    return bool(done)


def downloadable(export_id: int) -> Export:
    """The export, if its archive is ready and not yet past its time; else 404."""
    export = Export.objects.filter(
        pk=export_id, ready_at__isnull=False, requested_at__gte=timezone.now() - KEPT_FOR
    ).first()
    if export is None or not default_storage.exists(export.file):
        raise Http404("No such export, or it has expired.")
    return export


def delete_expired() -> dict[str, int]:
    """Delete the exports asked for longer ago than ``KEPT_FOR``, with their archives."""
    expired = list(Export.objects.filter(requested_at__lt=timezone.now() - KEPT_FOR))
    with transaction.atomic():
        Export.objects.filter(pk__in=[export.pk for export in expired]).delete()
        delete_after_commit(export.file for export in expired)
    return {"deleted": len(expired)}
