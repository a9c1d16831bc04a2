"""Who read which confidential record, subject access requests, their pauses and packs,
and the organisation's data protection lead."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from panelkeeper.lib.fields import RecordedOrAutomatic, optional_key, optional_user_key, user_key
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation, OrganisationRecord


class DataProtectionLead(models.Model):
    """The person an organisation names to look after its data: they read the access log
    and are reminded of subject access requests."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.PROTECT, related_name="data_protection_lead"
    )
    user = user_key()
    chosen_on = models.DateField()

    def __str__(self) -> str:
        return f"{self.user} at {self.organisation}"


class RecordKind(models.TextChoices):
    CASE = "case", "Breach case"
    CONCERN = "concern", "Concern"
    MEMBER = "member", "Member's file"
    LETTER = "letter", "Letter"


class ReaderRole(models.TextChoices):
    OFFICER = "officer", "Officer"
    AUDITOR = "auditor", "Auditor"
    INVESTIGATOR = "investigator", "Investigator"
    HANDLER = "handler", "Person the code sends breaches to"
    APPEAL_OFFICER = "appeal_officer", "Appeal officer"


class RecordView(OrganisationRecord):
    """One reading of a confidential record by staff or an investigator: who, when, which
    record, and the member it is about. Nothing about the client. Append-only (database
    triggers, see ``triggers.py``)."""

    reader = user_key()
    role = models.CharField(max_length=20, choices=ReaderRole.choices)
    kind = models.CharField(max_length=10, choices=RecordKind.choices)
    record_id = models.PositiveIntegerField()
    member = optional_key(Member, help_text="The member the record is about, where there is one.")
    viewed_at = models.DateTimeField()

    class Meta:
        ordering = ["-viewed_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "-viewed_at"], name="record_view_newest"),
            models.Index(fields=["member", "viewed_at"], name="record_view_member"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=RecordKind.values), name="record_view_kind"
            ),
            models.CheckConstraint(
                condition=Q(role__in=ReaderRole.values), name="record_view_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reader} read {self.kind} {self.record_id}"


class Requester(models.TextChoices):
    MEMBER = "member", "A member"
    REPORTER = "reporter", "Someone who raised a concern"
    WITNESS = "witness", "A witness"
    STAFF = "staff", "A member of staff"
    OTHER = "other", "Someone else the records name"


class SubjectAccessRequest(RecordedOrAutomatic):
    """A person's request for everything held about them, from the day it was received."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="subject_access_requests"
    )
    requester = models.CharField(max_length=10, choices=Requester.choices)
    member = optional_key(
        Member,
        related_name="subject_access_requests",
        help_text="The member who asked, when a member asked.",
    )
    name = models.CharField(max_length=200, blank=True, help_text="Whoever else asked.")
    contact = models.CharField(max_length=300, blank=True)
    received_on = models.DateField()
    details = models.TextField(blank=True, help_text="What they asked for, in their words.")
    extension_months = models.PositiveSmallIntegerField(default=0)
    extension_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(requester__in=Requester.values), name="request_requester"
            ),
            models.CheckConstraint(
                condition=Q(requester="member", member__isnull=False)
                | (~Q(requester="member") & Q(member__isnull=True) & ~Q(name="")),
                name="request_names_its_person",
            ),
            models.CheckConstraint(
                condition=Q(extension_months__lte=2)
                & (Q(extension_months=0) | ~Q(extension_reason="")),
                name="request_extension_with_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Request {self.reference}"

    @property
    def reference(self) -> str:
        return f"SAR-{self.pk:04d}" if self.pk else "SAR-new"

    @property
    def person(self) -> str:
        return str(self.member) if self.member_id else self.name


class PauseReason(models.TextChoices):
    IDENTITY = "identity", "Waiting for proof of identity"
    CLARIFICATION = "clarification", "Waiting for them to say what they want"


class Pause(models.Model):
    """A time the clock stood still, from ``paused_on`` until ``resumed_on`` (still
    paused while that is empty)."""

    request = models.ForeignKey(
        SubjectAccessRequest, on_delete=models.PROTECT, related_name="pauses"
    )
    reason = models.CharField(max_length=20, choices=PauseReason.choices)
    note = models.TextField(blank=True)
    paused_on = models.DateField()
    resumed_on = models.DateField(null=True, blank=True)
    paused_by = user_key()

    class Meta:
        ordering = ["paused_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(reason__in=PauseReason.values), name="pause_reason"),
            models.CheckConstraint(
                condition=Q(resumed_on__isnull=True) | Q(resumed_on__gte=models.F("paused_on")),
                name="pause_resumes_after_it_began",
            ),
            models.UniqueConstraint(
                fields=["request"], condition=Q(resumed_on__isnull=True), name="one_open_pause"
            ),
        ]

    def __str__(self) -> str:
        return f"Pause of {self.request} from {self.paused_on}"


class Pack(models.Model):
    """What is held about the person, gathered in one step, reviewed and released once."""

    request = models.OneToOneField(
        SubjectAccessRequest, on_delete=models.PROTECT, related_name="pack"
    )
    content = models.JSONField()
    built_at = models.DateTimeField()
    built_by = user_key()
    released_on = models.DateField(null=True, blank=True)
    released_by = optional_user_key()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(released_on__isnull=True, released_by__isnull=True)
                | Q(released_on__isnull=False, released_by__isnull=False),
                name="pack_released_by_someone",
            )
        ]

    def __str__(self) -> str:
        return f"Pack for {self.request}"
