"""A file of a list, built by a task and kept for a few days for its staff to download.

Only the registers use it today; ``kind`` says which list and format, so another list's
export is one more kind and one more builder, not another model.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from panelkeeper.lib.fields import user_key
from panelkeeper.organisations.models import OrganisationRecord


class ExportKind(models.TextChoices):
    INTERESTS_CSV = "interests_csv", "Register of interests (CSV)"
    INTERESTS_PDF = "interests_pdf", "Register of interests (PDF for the Board)"
    GIFTS_CSV = "gifts_csv", "Gifts and hospitality (CSV)"
    GIFTS_PDF = "gifts_pdf", "Gifts and hospitality (PDF for the Board)"


class ExportState(models.TextChoices):
    PREPARING = "preparing", "Preparing"
    READY = "ready", "Ready"
    FAILED = "failed", "Could not be prepared"


class Export(OrganisationRecord):
    """A file of one list with the filters chosen when it was asked for.

    ``filters`` are the list's filter form's data as sent, checked again when the file is
    built. The file lives on the default storage as ``stored_as``, a name no one can
    guess, and is served only through the export's download page, to the organisation's
    staff who may read the list. Unique, so a task run twice writes the same file.
    """

    kind = models.CharField(max_length=30, choices=ExportKind.choices)
    filters = models.JSONField(default=dict, blank=True)
    stored_as = models.CharField(max_length=200, unique=True)
    state = models.CharField(
        max_length=10, choices=ExportState.choices, default=ExportState.PREPARING
    )
    rows = models.PositiveIntegerField(null=True, blank=True)
    requested_at = models.DateTimeField()
    requested_by = user_key()
    ready_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["organisation", "-requested_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "-requested_at", "-id"], name="export_list"),
            # The daily job removes the old ones.
            models.Index(fields=["requested_at"], name="export_age"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ExportKind.values), name="export_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(state="ready", ready_at__isnull=False, rows__isnull=False)
                | (~Q(state="ready") & Q(ready_at__isnull=True)),
                name="export_ready_when_built",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.get_state_display().lower()}"
