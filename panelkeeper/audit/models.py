"""The audit log: who changed which record, when, and which of its fields.

Rows are only ever added. Database triggers (see ``triggers.py``) refuse UPDATE and
DELETE on both SQLite and PostgreSQL, so not even a bug or a raw query can rewrite
history. A row holds field *names*, never their values, and nothing about the
client (no IP address, user agent or session key): personal data stays in the
records themselves, where it can be erased.
"""

from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    at = models.DateTimeField(db_index=True)
    # PROTECT: people and organisations with history are deactivated, not deleted.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty when the system acted on its own (a daily task).",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(max_length=100)
    object_type = models.CharField(max_length=100, help_text="Model label, e.g. cases.Case.")
    object_id = models.CharField(max_length=64)
    fields = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object")]

    def __str__(self) -> str:
        who = (self.actor_id and f"user {self.actor_id}") or "the system"
        return f"{self.at:%Y-%m-%d %H:%M} {who}: {self.action} {self.object_type} {self.object_id}"
