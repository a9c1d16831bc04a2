"""An export of everything an organisation holds, asked for by an installation administrator.

The archive is built by a task and kept on the default storage under a name made from
``key``, a random value nobody can guess; only installation administrators may download
it, and the daily job deletes it (and this row) once it is older than ``KEPT_FOR``. The
row outlives the organisation (its link to it is emptied when it is removed), so
an export made just before removal can still be downloaded until it expires.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.text import slugify

from panelkeeper.lib.fields import user_key

KEPT_FOR = dt.timedelta(days=7)
"""How long an export is kept after it is asked for: long enough to download, no longer."""


class Export(models.Model):
    key = models.CharField(max_length=64, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    organisation_name = models.CharField(max_length=200)
    requested_by = user_key()
    requested_at = models.DateTimeField()
    begun_at = models.DateTimeField(
        null=True, blank=True, help_text="When the task began reading the records."
    )
    through_entry = models.BigIntegerField(
        null=True,
        blank=True,
        help_text="The organisation's latest audit entry when the build began: any "
        "change since has a later one.",
    )
    ready_at = models.DateTimeField(null=True, blank=True)
    file = models.CharField(max_length=200, blank=True, help_text="Its name on the storage.")
    size = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            # What the task produces: one file per export, so running it twice is harmless.
            models.UniqueConstraint(
                fields=["file"], condition=~Q(file=""), name="one_file_an_export"
            ),
            models.CheckConstraint(
                condition=Q(ready_at__isnull=True, file="")
                | Q(ready_at__isnull=False, begun_at__isnull=False) & ~Q(file=""),
                name="export_ready_with_its_file",
            ),
        ]

    def __str__(self) -> str:
        return f"Export of {self.organisation_name}"

    @property
    def is_ready(self) -> bool:
        return self.ready_at is not None

    @property
    def saved_as(self) -> str:
        """The name the archive is saved as when downloaded."""
        return f"{slugify(self.organisation_name) or 'organisation'}-records.zip"

    @property
    def expires_at(self) -> dt.datetime:
        return self.requested_at + KEPT_FOR
