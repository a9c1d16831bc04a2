"""Concerns raised from the public page, and the messages about them (BR-1, BR-2).

A concern is what anyone (signed in or not) sends about a member's conduct or, where
the code accepts it, about how involvement works. An officer triages it: into a breach
case about a member, or closed with a reason the reporter can read. State changes go
through the functions in :mod:`panelkeeper.concerns.handling` (STYLE 7).

Nothing here records the client: no address, no user agent. An anonymous reporter is
known only by a keyed hash of their receipt code (``receipt_digest``).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from panelkeeper.cases.models import Case, RaisedBy, Setting
from panelkeeper.lib.fields import optional_one_to_one, optional_user_key
from panelkeeper.organisations.models import Organisation
from panelkeeper.rules.dates import day_month_year


class About(models.TextChoices):
    CONDUCT = "conduct", "A member's conduct"
    INVOLVEMENT = "involvement", "How customer involvement works"


class ConcernQuerySet(models.QuerySet["Concern"]):
    def newest_first(self) -> ConcernQuerySet:
        return self.order_by("-received_at", "-id")


class Concern(models.Model):
    """One concern, as the reporter sent it, and what the officer did with it."""

    class ConcernStatus(models.TextChoices):
        RECEIVED = "received", "Received"
        CASE_OPENED = "case_opened", "Breach case opened"
        CLOSED = "closed", "Closed"

    Status = ConcernStatus  # the OpenAPI names enums by class: one name each

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="concerns"
    )
    about = models.CharField(max_length=20, choices=About.choices, default=About.CONDUCT)
    what_happened = models.TextField()
    happened_on = models.DateField()
    setting = models.CharField(max_length=20, choices=Setting.choices)
    about_whom = models.CharField(
        max_length=200, blank=True, help_text="Free text: the reporter never sees the members."
    )
    reporter_kind = models.CharField(max_length=20, choices=RaisedBy.choices)
    anonymous = models.BooleanField(default=False)
    reporter_name = models.CharField(max_length=200, blank=True)
    reporter_contact = models.CharField(max_length=300, blank=True)
    consents_to_identity = models.BooleanField(
        default=False, help_text="The reporter agrees the member concerned may know who they are."
    )
    outcome_in_writing = models.BooleanField(
        default=False,
        help_text="The reporter agreed to be sent the outcome in writing at their contact, "
        "where the code says the person who raised a breach is told (BR-11).",
    )
    receipt_digest = models.CharField(
        max_length=64,
        null=True,
        blank=True,
        unique=True,
        help_text="A keyed hash (HMAC-SHA256) of an anonymous reporter's receipt code.",
    )
    code_shown_again = models.BooleanField(
        default=False, help_text="The code was shown once more, at the first follow-up."
    )
    routed_to = models.CharField(
        max_length=300, help_text="The role or roles the code sends it to (BR-2), when received."
    )
    received_at = models.DateTimeField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RECEIVED)
    handled_by = optional_user_key()
    closed_reason = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)
    case = optional_one_to_one(
        Case, related_name="concern", help_text="The breach case the concern became at triage."
    )

    objects = ConcernQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        # The concerns list: one organisation's, latest received first; and of one status.
        indexes = [
            models.Index(fields=["organisation", "-received_at", "-id"], name="concern_list"),
            models.Index(
                fields=["organisation", "status", "-received_at", "-id"], name="concern_list_status"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(anonymous=False, receipt_digest__isnull=True)
                | Q(anonymous=True, receipt_digest__isnull=False, reporter_name=""),
                name="anonymous_concern_has_receipt_and_no_name",
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | (Q(closed_on__isnull=False) & ~Q(closed_reason="")),
                name="closed_concern_has_reason_and_date",
            ),
            models.CheckConstraint(
                condition=Q(status="case_opened", case__isnull=False)
                | (~Q(status="case_opened") & Q(case__isnull=True)),
                name="concern_with_case_is_case_opened",
            ),
        ]

    def __str__(self) -> str:
        return f"Concern {self.pk} to {self.organisation} ({self.get_status_display()})"

    @property
    def reporter_label(self) -> str:
        return "Anonymous" if self.anonymous else self.reporter_name


class Message(models.Model):
    """One message about a concern, either way, or a contact made outside the service.

    An anonymous reporter and the officer write to each other here (channel
    ``service``). A named reporter is contacted by the officer directly; the officer
    records each contact with the channel used, so the file shows what was said.
    """

    class Sender(models.TextChoices):
        REPORTER = "reporter", "The person who raised it"
        OFFICER = "officer", "Officer"

    class MessageChannel(models.TextChoices):
        SERVICE = "service", "In this service"
        EMAIL = "email", "Email"
        PHONE = "phone", "Phone"
        LETTER = "letter", "Letter"
        IN_PERSON = "in_person", "In person"

    Channel = MessageChannel  # the OpenAPI names enums by class: one name each

    concern = models.ForeignKey(Concern, on_delete=models.PROTECT, related_name="messages")
    sender = models.CharField(max_length=10, choices=Sender.choices)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.SERVICE)
    body = models.TextField()
    sent_on = models.DateField(help_text="The day it was sent or the contact was made.")
    recorded_at = models.DateTimeField()
    officer = optional_user_key()

    class Meta:
        ordering = ["recorded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sender="officer", officer__isnull=False)
                | Q(sender="reporter", officer__isnull=True, channel="service"),
                name="message_sender_matches_officer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_sender_display()} on {day_month_year(self.sent_on)}"
