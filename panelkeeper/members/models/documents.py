"""The documents of a code (MEM-2, GOV-3), their versions, and members' signatures on them.

A signature names the exact version signed and keeps a hash of the text the member
saw (MEM-3). Signatures and countersignatures are never changed or deleted: no path in
the application or the API does it, and database triggers (migration 0002) refuse
UPDATE and DELETE on both SQLite and PostgreSQL. A correction is a new signature.
"""

from __future__ import annotations

import hashlib

from django.db import models
from django.db.models import Q

from panelkeeper.lib.fields import optional_user_key, user_key
from panelkeeper.rules.dates import day_month_year


def text_hash(text: str) -> str:
    """The SHA-256 of a document's text, as stored beside each signature."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Document(models.Model):
    """One of the documents the organisation's code names, by its key in the policy."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="documents"
    )
    key = models.SlugField(max_length=100)
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["organisation", "title"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "key"], name="unique_document_key"),
        ]

    def __str__(self) -> str:
        return self.title


class DocumentVersion(models.Model):
    """The organisation's own text of a document (Markdown), published on a date.

    ``citable_clauses`` are the clause ids a breach report may cite (BR-0), for example
    ``["2.1", "2.4"]``. The text never changes once saved; a new text is a new version.
    """

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="versions")
    label = models.CharField("version", max_length=50)
    text = models.TextField()
    text_hash = models.CharField(max_length=64)
    published_on = models.DateField()
    citable_clauses = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = optional_user_key()

    class Meta:
        ordering = ["document", "-published_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["document", "label"], name="unique_version_label"),
            models.UniqueConstraint(fields=["document", "published_on"], name="one_version_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.document} (version {self.label})"


class Signature(models.Model):
    """A member's signature on one exact version of a document (MEM-2, MEM-3)."""

    class Method(models.TextChoices):
        ONLINE = "online", "Online"
        PAPER = "paper", "On paper, entered by an officer"

    member = models.ForeignKey(
        "members.Member", on_delete=models.PROTECT, related_name="signatures"
    )
    version = models.ForeignKey(
        DocumentVersion, on_delete=models.PROTECT, related_name="signatures"
    )
    text_hash = models.CharField(max_length=64)
    read_and_understood = models.BooleanField()
    acknowledged_consequences = models.BooleanField(default=False)
    typed_name = models.CharField(max_length=200)
    different_name = models.BooleanField(
        default=False,
        help_text="The member confirmed they sign with a name other than the one on their record.",
    )
    signed_on = models.DateField()
    recorded_at = models.DateTimeField()
    method = models.CharField(max_length=10, choices=Method.choices)
    entered_by = optional_user_key()
    scan = models.FileField(upload_to="signatures/%Y/%m/", blank=True)
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections"
    )

    class Meta:
        ordering = ["member", "-signed_on", "-recorded_at", "-id"]
        # A member's signatures, newest first (their page, the API, the portal).
        indexes = [
            models.Index(
                fields=["member", "-signed_on", "-recorded_at", "-id"], name="signature_list"
            )
        ]
        constraints = [
            models.CheckConstraint(condition=Q(read_and_understood=True), name="signature_read"),
            models.CheckConstraint(condition=~Q(typed_name=""), name="signature_has_name"),
            models.CheckConstraint(
                condition=Q(method="online") | (Q(method="paper") & ~Q(scan="")),
                name="paper_signature_has_scan",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.typed_name} signed {self.version} on {day_month_year(self.signed_on)}"


class Countersignature(models.Model):
    """The organisation's countersignature on a member's signature, by a named officer
    (MEM-4). Append-only like the signature itself."""

    signature = models.ForeignKey(
        Signature, on_delete=models.PROTECT, related_name="countersignatures"
    )
    officer = user_key()
    officer_name = models.CharField(max_length=200)
    role_title = models.CharField(max_length=200, blank=True)
    countersigned_on = models.DateField()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["signature", "countersigned_on", "id"]

    def __str__(self) -> str:
        return f"Countersigned by {self.officer_name} on {day_month_year(self.countersigned_on)}"
