"""The audit log: who changed which record, when, and which of its fields.

Rows are only ever added. Database triggers (see ``triggers.py``) refuse UPDATE and
DELETE on both SQLite and PostgreSQL, so not even a bug or a raw query can rewrite
history. A row holds field *names*, never their values, and nothing about the
client (no IP address, user agent or session key): personal data stays in the
records themselves, where it can be erased.

Each entry is sealed into its organisation's chain (``chain.py``): ``digest`` is a keyed
hash of the entry and of the entry before it. ``AuditChain`` holds each chain's head,
the row writers lock to append; ``AuditCheckpoint`` records where a chain starts again
after its oldest entries were removed (``retention.py``).
"""

from django.db import models
from django.db.models.functions import Coalesce

from panelkeeper.lib.fields import optional_user_key, organisation_or_installation

# A digest is HMAC-SHA256, written as 64 hexadecimal characters.
DIGEST_LENGTH = 64


class InChain(models.Model):
    """A row of one chain: an organisation's, or (empty) the installation's own."""

    # PROTECT: organisations with history are deactivated, not deleted.
    organisation = organisation_or_installation(on_delete=models.PROTECT)

    class Meta:
        abstract = True


class AuditEntry(InChain):
    at = models.DateTimeField(db_index=True)
    # PROTECT: people with history are deactivated, not deleted.
    actor = optional_user_key(help_text="Empty when the system acted on its own (a daily task).")
    action = models.CharField(max_length=100)
    object_type = models.CharField(max_length=100, help_text="Model label, e.g. cases.Case.")
    object_id = models.CharField(max_length=64)
    fields = models.JSONField(default=list, blank=True)
    digest = models.CharField(
        max_length=DIGEST_LENGTH,
        blank=True,
        default="",
        editable=False,
        help_text="Keyed hash of this entry and the one before it in its organisation's chain.",
    )

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object")]

    def __str__(self) -> str:
        who = (self.actor_id and f"user {self.actor_id}") or "the system"
        return f"{self.at:%Y-%m-%d %H:%M} {who}: {self.action} {self.object_type} {self.object_id}"


class AuditChain(InChain):
    """The head of one chain: an organisation's entries, or those with no organisation.

    Appending locks this row, so two writers in one organisation cannot both chain onto
    the same entry. ``head`` is the digest the next entry chains onto: the last entry's,
    a checkpoint's when every entry has been removed, or empty for a new chain.
    """

    head = models.CharField(max_length=DIGEST_LENGTH, blank=True, default="")
    last_entry_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["organisation_id"]
        constraints = [
            # One chain per organisation, and one (organisation 0) for entries with none.
            models.UniqueConstraint(
                Coalesce("organisation", models.Value(0), output_field=models.BigIntegerField()),
                name="audit_one_chain_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"audit chain of organisation {self.organisation_id or 'none'}"


class AuditCheckpoint(InChain):
    """Where a chain starts again after its oldest entries were removed.

    ``digest`` is the last removed entry's, so the first remaining entry still checks
    against it; ``seal`` is a keyed hash of the checkpoint itself, so one cannot be
    forged to cover entries removed by hand. Append-only, as entries are.
    """

    made_at = models.DateTimeField()
    removed_before = models.DateTimeField(help_text="Entries recorded before this were removed.")
    removed = models.PositiveIntegerField(help_text="How many entries were removed.")
    last_entry_id = models.BigIntegerField(help_text="The last removed entry.")
    digest = models.CharField(max_length=DIGEST_LENGTH, help_text="The last removed entry's.")
    seal = models.CharField(max_length=DIGEST_LENGTH)

    class Meta:
        ordering = ["-last_entry_id"]
        indexes = [
            models.Index(fields=["organisation", "last_entry_id"], name="audit_checkpoint_chain")
        ]

    def __str__(self) -> str:
        return f"checkpoint after entry {self.last_entry_id}"
