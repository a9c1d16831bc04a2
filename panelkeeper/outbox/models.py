"""A message waiting to be sent, being sent, sent or refused, and its attachments."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q

from panelkeeper.lib.fields import organisation_or_installation


class DeliveryStatus(models.TextChoices):
    WAITING = "waiting", "Waiting to be sent"
    SENDING = "sending", "Being sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Refused"


Status = DeliveryStatus  # the OpenAPI names enums by class: one name each


class MessageQuerySet(models.QuerySet["Message"]):
    def due(self, *, now: dt.datetime) -> MessageQuerySet:
        """Waiting messages whose time to be sent has come."""
        return self.filter(status=Status.WAITING, next_attempt_at__lte=now)

    def cut_off(self, *, now: dt.datetime, lease: dt.timedelta) -> MessageQuerySet:
        """Messages left "sending" longer than ``lease``: the worker sending them died."""
        return self.filter(status=Status.SENDING, claimed_at__lt=now - lease)

    def for_officers(self) -> MessageQuerySet:
        """Messages an officer should look at: refused ones, and ones possibly sent twice."""
        return self.filter(Q(status=Status.FAILED) | Q(possibly_twice=True))


class Message(models.Model):
    """One email, written in the same transaction as the change that causes it.

    ``key`` says what the message is (``letter-dispatch:<id>``, ``digest:<org>:<email>:
    <day>``); it is unique, so a message is posted once however often its job runs.
    ``organisation`` is empty for mail about the installation as a whole.
    """

    key = models.CharField(max_length=200, unique=True)
    organisation = organisation_or_installation(on_delete=models.CASCADE)
    to_name = models.CharField(max_length=200, blank=True)
    to_address = models.EmailField(max_length=254)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    posted_at = models.DateTimeField(help_text="When it was posted, or last sent again.")
    next_attempt_at = models.DateTimeField()
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    reason = models.TextField(blank=True, help_text="Why the last attempt did not succeed.")
    possibly_twice = models.BooleanField(
        default=False, help_text="Sent again after a send was cut off: it may have arrived twice."
    )

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["-posted_at", "-id"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due"),
            models.Index(
                fields=["organisation", "-failed_at"],
                condition=Q(status=Status.FAILED) | Q(possibly_twice=True),
                name="outbox_for_officers",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=Status.SENT) | Q(sent_at__isnull=False),
                name="outbox_sent_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} to {self.to_address} ({self.get_status_display().lower()})"


class Attachment(models.Model):
    """A file sent with a message, such as a letter's PDF."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    content = models.BinaryField()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.file_name
