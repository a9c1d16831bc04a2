"""Organisations, their groups, the versions of their code, role holders and closure days.

State changes go through the functions in :mod:`panelkeeper.organisations.policies`
(STYLE 7); these models only declare what the database enforces.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from panelkeeper.lib.fields import optional_user_key, user_key
from panelkeeper.rules.dates import day_month_year

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def for_user(self, user: User) -> OrganisationQuerySet:
        """The organisations on which ``user`` holds any staff grant."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(grants__user=user).distinct()


class Organisation(models.Model):
    """A landlord that binds its involved customers to a code of conduct."""

    class Region(models.TextChoices):
        ENGLAND = "ENG", "England"
        WALES = "WLS", "Wales"
        SCOTLAND = "SCT", "Scotland"
        NORTHERN_IRELAND = "NIR", "Northern Ireland"

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    region = models.CharField(
        "bank holiday region", max_length=3, choices=Region.choices, default=Region.ENGLAND
    )
    # Details for letters and for people to get in touch (organisation_settings.py).
    postal_address = models.TextField("postal address", blank=True)
    contact_email = models.EmailField("contact email address", blank=True)
    telephone = models.CharField(max_length=30, blank=True)
    logo = models.ImageField("logo for letters", upload_to="logos/", blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def concern_form_address(self) -> str:
        """Where anyone opens the organisation's public concern form (BR-1): the address
        for posters, the website and letters, from the installation's own address."""
        path = reverse("concerns:raise", kwargs={"org": self.slug})
        return settings.BASE_URL.rstrip("/") + path


class OrganisationRecord(models.Model):
    """A record that belongs to one organisation, which keeps no reverse accessor to it:
    such records are always looked up by their organisation (``get_object_for``)."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        abstract = True


class Group(models.Model):
    """A panel or other group of involved customers under the organisation's code."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["organisation", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_group_name"),
        ]

    def __str__(self) -> str:
        return self.name


class PolicyVersionQuerySet(models.QuerySet["PolicyVersion"]):
    def published(self) -> PolicyVersionQuerySet:
        return self.filter(status=PolicyVersion.Status.PUBLISHED)

    def drafts(self) -> PolicyVersionQuerySet:
        return self.filter(status=PolicyVersion.Status.DRAFT)

    def in_force(self, organisation: Organisation, *, on: dt.date) -> PolicyVersion | None:
        """The published version of ``organisation``'s code that applies on ``on``, if any.

        Versions come into force in order (publishing refuses an earlier date), so the
        one with the latest in-force date on or before ``on`` is the one that applies.
        """
        return (
            self.published()
            .filter(organisation=organisation, in_force_from__lte=on)
            .order_by("-in_force_from")
            .first()
        )


class PolicyVersion(models.Model):
    """One version of an organisation's code of conduct, as a TOML text (GOV-1).

    ``source`` is kept exactly as uploaded, loaded or last saved, so a download returns
    the same bytes. A draft is changed on the forms of its parts
    (:func:`~panelkeeper.organisations.drafting.save_part`), each save checked whole by
    the loader, and records what it started from: ``based_on`` (a version of this
    organisation's code) or ``preset``, so its differences are shown against that. Once
    published, a version never changes:
    :func:`~panelkeeper.organisations.policies.publish_policy_version` is the only way in,
    and a database trigger (migration 0003) refuses any UPDATE of a published row.
    """

    class VersionStatus(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    Status = VersionStatus  # the OpenAPI names enums by class: one name each

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="policy_versions"
    )
    version = models.CharField("version", max_length=100)
    source = models.TextField("TOML text")
    file_name = models.CharField(max_length=200)
    preset = models.CharField(
        max_length=50,
        blank=True,
        help_text="The preset this draft was loaded from; blank for an upload.",
    )
    based_on = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The version this draft was started from (for an upload, the version in "
        "force then); empty for a preset.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = optional_user_key()
    approved_on = models.DateField(null=True, blank=True)
    in_force_from = models.DateField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = optional_user_key()

    objects = PolicyVersionQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "-in_force_from", "-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft")
                | Q(
                    status="published",
                    approved_on__isnull=False,
                    in_force_from__isnull=False,
                    published_at__isnull=False,
                ),
                name="published_version_has_dates",
            ),
            models.CheckConstraint(
                condition=Q(approved_on__isnull=True)
                | Q(in_force_from__isnull=True)
                | Q(approved_on__lte=models.F("in_force_from")),
                name="approved_before_in_force",
            ),
            models.UniqueConstraint(
                fields=["organisation", "version"],
                condition=Q(status="published"),
                name="unique_published_version_label",
            ),
            models.UniqueConstraint(
                fields=["organisation", "in_force_from"],
                condition=Q(status="published"),
                name="unique_published_in_force_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} code version {self.version} ({self.get_status_display()})"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class RoleHolderQuerySet(models.QuerySet["RoleHolder"]):
    def current(self) -> RoleHolderQuerySet:
        """Holders whose term has not ended: now, or from a future date."""
        return self.filter(effective_until__isnull=True)

    def on(self, day: dt.date) -> RoleHolderQuerySet:
        """Holders of their title on ``day``."""
        return self.filter(effective_from__lte=day).filter(
            Q(effective_until__isnull=True) | Q(effective_until__gt=day)
        )


class RoleHolder(models.Model):
    """A user holding one of the staff titles the code declares (BR-2, BR-13).

    A term is the half-open span [``effective_from``, ``effective_until``): the holder
    stops on ``effective_until``, the day the next holder starts. A title has at most
    one open term, so who holds it is never ambiguous; a same-day correction leaves an
    empty term (from == until) in the history rather than rewriting it.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="role_holders"
    )
    role_key = models.SlugField("role key", max_length=100)
    role_title = models.CharField("role title", max_length=200)
    user = user_key(related_name="held_roles")
    effective_from = models.DateField()
    effective_until = models.DateField(null=True, blank=True)

    objects = RoleHolderQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "role_title", "-effective_from", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "role_key"],
                condition=Q(effective_until__isnull=True),
                name="one_open_term_per_role",
            ),
            models.CheckConstraint(
                condition=Q(effective_until__isnull=True)
                | Q(effective_until__gte=models.F("effective_from")),
                name="role_term_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} as {self.role_title} at {self.organisation}"


class ClosureDay(models.Model):
    """A day the organisation is closed, skipped when counting working days.

    Also how a newly announced bank holiday is added before the ``holidays`` package
    is upgraded. The rules' working calendar takes these dates as data.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="closure_days"
    )
    date = models.DateField()
    reason = models.CharField(max_length=200)

    class Meta:
        ordering = ["organisation", "date"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "date"], name="unique_closure_day"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} closed on {day_month_year(self.date)}: {self.reason}"


class TitleInvitation(models.Model):
    """Which staff title an invitation offers (BR-2, BR-12, BR-13): accepting it makes the
    person its holder from that day, with access only to the work the title brings them
    (the cases routed to them, the appeals put to them). The invitation itself is
    ``accounts.Invitation``."""

    invitation = models.OneToOneField(
        "accounts.Invitation", on_delete=models.PROTECT, related_name="for_title"
    )
    role_key = models.SlugField("role key", max_length=100)
    role_title = models.CharField("role title", max_length=200)

    class Meta:
        ordering = ["role_title", "id"]

    def __str__(self) -> str:
        return f"Invitation to hold {self.role_title}"
