"""Letter templates, the letters issued from them, their dispatch, and reminders sent.

A :class:`Letter` keeps the exact PDF bytes issued with their SHA-256; it is never
rendered again and never changed (a correction is a new letter naming the one it
corrects). A :class:`Dispatch` is one copy sent to one recipient by one channel.
A :class:`Reminder` is unique on what it was about and its due date, so the daily job
can run twice, or on two workers at once, and still send each reminder once.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from panelkeeper.cases.models import Case, CaseParty, Seat
from panelkeeper.letters.kinds import NOTICE_KINDS, LetterKind
from panelkeeper.lib.fields import optional_key, optional_user_key
from panelkeeper.members.models import DocumentVersion
from panelkeeper.registers.models import Gift


class LetterTemplate(models.Model):
    """An organisation's own wording for one kind of letter (the default wording otherwise)."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="letter_templates"
    )
    kind = models.CharField(max_length=30, choices=LetterKind.choices)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    updated_at = models.DateTimeField()
    updated_by = optional_user_key()

    class Meta:
        ordering = ["organisation", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "kind"], name="one_template_a_kind"),
            models.CheckConstraint(
                condition=Q(kind__in=LetterKind.values), name="letter_template_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.organisation})"


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    POST = "post", "Post"
    HAND = "hand", "By hand"


class Recipient(models.TextChoices):
    MEMBER = "member", "The member"
    ADVOCATE = "advocate", "The member's advocate (a copy)"
    REPORTER = "reporter", "Whoever raised the breach"
    INVESTIGATOR = "investigator", "An investigator"


class LetterQuerySet(models.QuerySet["Letter"]):
    def to_member(self) -> LetterQuerySet:
        """Letters addressed to the member they are about (not those to others involved)."""
        return self.filter(addressed_to=Recipient.MEMBER)


class Letter(models.Model):
    """One letter as issued: its text, its HTML, and the PDF bytes sent, with their hash.

    ``member`` is the member the letter is about. Most letters are addressed to them;
    where the code says others are told too (BR-11, BR-12), each of them gets a letter of
    their own, ``addressed_to`` the reporter or an investigator, naming the ``party`` or
    ``seat`` it went to and the member's letter it ``tells_of``.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="letters"
    )
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="letters")
    case = optional_key(Case, related_name="letters")
    gift = optional_key(Gift)
    document_version = optional_key(
        DocumentVersion, help_text="For a request to re-sign: the version to sign."
    )
    kind = models.CharField(max_length=30, choices=LetterKind.choices)
    subject = models.CharField(max_length=300)
    text = models.TextField(help_text="The letter as plain text, placeholders filled.")
    html = models.TextField()
    pdf = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    large_print = models.BooleanField(default=False)
    tagged = models.BooleanField(default=True)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    issued_on = models.DateField()
    issued_at = models.DateTimeField()
    issued_by = optional_user_key()
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections"
    )
    addressed_to = models.CharField(
        max_length=20, choices=Recipient.choices, default=Recipient.MEMBER
    )
    to_name = models.CharField(max_length=200, blank=True, help_text="Whom it is addressed to.")
    party = optional_key(CaseParty)
    seat = optional_key(Seat)
    tells_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="told_to_others",
        help_text="For a letter to someone else involved: the member's letter it tells of.",
    )

    objects = LetterQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "issued_on"], name="letter_issued"),
            # The letters list: one organisation's, newest first.
            models.Index(fields=["organisation", "-issued_at", "-id"], name="letter_list"),
            # The letters list of one kind, and one member's letters (their own list too).
            models.Index(
                fields=["organisation", "kind", "-issued_at", "-id"], name="letter_list_kind"
            ),
            models.Index(fields=["member", "-issued_at", "-id"], name="letter_list_member"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=LetterKind.values), name="letter_kind"),
            models.CheckConstraint(condition=Q(channel__in=Channel.values), name="letter_channel"),
            models.CheckConstraint(
                condition=Q(
                    addressed_to=Recipient.MEMBER,
                    party__isnull=True,
                    seat__isnull=True,
                    tells_of__isnull=True,
                )
                | Q(
                    addressed_to=Recipient.REPORTER,
                    party__isnull=False,
                    seat__isnull=True,
                    tells_of__isnull=False,
                )
                | Q(
                    addressed_to=Recipient.INVESTIGATOR,
                    party__isnull=True,
                    seat__isnull=False,
                    tells_of__isnull=False,
                ),
                name="letter_addressed_to_one_person",
            ),
            models.UniqueConstraint(fields=["tells_of", "party"], name="one_letter_per_party_told"),
            models.UniqueConstraint(fields=["tells_of", "seat"], name="one_letter_per_seat_told"),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.subject}"

    @property
    def reference(self) -> str:
        return f"L-{self.pk:05d}" if self.pk else "L-new"

    @property
    def file_name(self) -> str:
        return f"{self.reference}.pdf"

    @property
    def gives_notice(self) -> bool:
        """Whether sending this letter is the written notice of the case's decision (BR-11):
        an outcome letter to the member, not a correction. Its deemed receipt starts the
        appeal window (BR-12, Interpretation 2)."""
        return (
            self.case_id is not None
            and self.kind in NOTICE_KINDS
            and self.addressed_to == Recipient.MEMBER
            and self.corrects_id is None
        )


class Dispatch(models.Model):
    """One copy of a letter sent: by which channel, to whom, when (BR-11)."""

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="dispatches")
    recipient = models.CharField(max_length=20, choices=Recipient.choices)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    to_name = models.CharField(max_length=200)
    to_address = models.TextField(help_text="An email address or a postal address.")
    sent_on = models.DateField(help_text="The day it was emailed, or posted in that day's batch.")
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["letter", "id"]
        verbose_name_plural = "dispatches"
        constraints = [
            models.UniqueConstraint(
                fields=["letter", "recipient"], name="one_dispatch_per_recipient"
            ),
            models.CheckConstraint(
                condition=Q(channel__in=Channel.values), name="dispatch_channel"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.letter.reference} by {self.channel} to {self.to_name}"


class Reminder(models.Model):
    """A reminder or digest sent: unique on whom, what about and the due date it chased.

    ``about`` names the thing (``digest:<org>``, ``meeting:<id>@<start time>``,
    ``action:<id>``, ``document:<version id>``). A deadline that moves has a new
    ``due_on``, so it is chased again on its new date (a meeting also when it moves to
    another hour); the same due date is never chased twice.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    to_email = models.EmailField()
    about = models.CharField(max_length=100)
    due_on = models.DateField()
    sent_on = models.DateField()
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["to_email", "about", "due_on"], name="one_reminder_per_due_date"
            ),
        ]

    def __str__(self) -> str:
        return f"Reminder to {self.to_email} about {self.about} (due {self.due_on})"
