"""A member of a group and the effective-dated history of their status.

A member belongs to a group, and through it to an organisation. Their status (active,
suspended, ended) is never a field to overwrite: each change is a new
:class:`MemberStatus` row carrying the date it took effect and the moment it was
recorded, so a suspension lifted on appeal is undone by a later row and "what did we
know on 10 March" stays answerable.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Subquery

from panelkeeper.accounts.models import Invitation
from panelkeeper.lib.fields import RecordedOrAutomatic, optional_user_key
from panelkeeper.rules.dates import day_month_year

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.organisations.models import Organisation


class CustomerType(models.TextChoices):
    """Who counts as a customer (MEM-1), in the kinds the five codes name between them."""

    TENANT = "tenant", "Tenant"
    LEASEHOLDER = "leaseholder", "Leaseholder"
    APPLICANT = "applicant", "Applying for a home or to be rehoused"
    SERVICE_USER = "service_user", "Receives services"
    RESIDENT = "resident", "Resident of a managed neighbourhood"
    HOMEBUYER = "homebuyer", "Buying their home"


class GroupRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice Chair"
    MEMBER = "member", "Member"


class ContactBy(models.TextChoices):
    EMAIL = "email", "Email"
    POST = "post", "Post"


class SignInState(models.TextChoices):
    """Whether a member can sign in to their record, has been invited to, or neither."""

    SIGNS_IN = "signs_in", "Can sign in"
    INVITED = "invited", "Invited"
    NOT_INVITED = "not_invited", "Not invited"


class Status(models.TextChoices):
    ACTIVE = "active", "Active"
    SUSPENDED = "suspended", "Suspended"
    ENDED = "ended", "Ended"


def latest_status_subquery(on: dt.date, outer: str = "pk") -> Subquery:
    """The status in effect on ``on`` for the member at ``outer``, as a subquery.

    One probe of the ``status_current`` index for each member, read from the index alone.
    Measured on SQLite and PostgreSQL, this beat the set-based forms (a ``NOT EXISTS``
    later-record anti-join, ``DISTINCT ON``, a window) by about half: those read each
    member's records twice or sort them all.
    """
    return Subquery(
        MemberStatus.objects.filter(member=OuterRef(outer), effective_from__lte=on)
        .order_by("-effective_from", "-recorded_at", "-id")
        .values("status")[:1]
    )


class MemberQuerySet(models.QuerySet["Member"]):
    def of(self, organisation: Organisation | int) -> MemberQuerySet:
        """The members of ``organisation`` (or of the organisation with that id)."""
        return self.filter(group__organisation=organisation)

    def with_status(self, *, on: dt.date) -> MemberQuerySet:
        """Annotate ``status_then``: the status in effect on ``on`` (None before any)."""
        return self.annotate(status_then=latest_status_subquery(on))

    def active(self, *, on: dt.date) -> MemberQuerySet:
        """Members whose membership has started, not ended, and whose status is active on ``on``."""
        return (
            # An alias, not an annotation: selected or grouped by, the lookup would run again
            # for every row returned.
            self.alias(status_then=latest_status_subquery(on))
            # In a Q, as the plugin's check of keywords does not see the alias above.
            .filter(Q(status_then=Status.ACTIVE), started_on__lte=on)
            .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on))
        )

    def with_invitation(self) -> MemberQuerySet:
        """Annotate ``invited_at`` and ``invitation_expires_at``: when the member's latest
        invitation to sign in that is neither accepted nor withdrawn was made, and when its
        link stops working (both None when there is none)."""
        latest = Invitation.objects.filter(
            member=OuterRef("pk"),
            role=Invitation.Role.MEMBER,
            accepted_at__isnull=True,
            withdrawn_at__isnull=True,
        ).order_by("-created_at", "-id")
        return self.annotate(
            invited_at=Subquery(latest.values("created_at")[:1]),
            invitation_expires_at=Subquery(latest.values("expires_at")[:1]),
        )

    def signing_in(self, state: str, *, now: dt.datetime) -> MemberQuerySet:
        """The members in sign-in ``state`` (a :class:`SignInState` value) at ``now``:
        invited means an invitation to sign in is waiting (neither accepted, withdrawn
        nor expired), as inviting again refuses. An ``EXISTS`` the database runs as one
        join over the invitations, not a lookup for each member."""
        if state == SignInState.SIGNS_IN:
            return self.filter(user__isnull=False)
        waiting = Exists(
            Invitation.objects.pending(now=now).filter(
                member=OuterRef("pk"), role=Invitation.Role.MEMBER
            )
        )
        if state == SignInState.INVITED:
            return self.filter(waiting, user__isnull=True)
        return self.filter(~waiting, user__isnull=True)

    def invitation_of(self, member: Member) -> Member:
        """``member`` with :meth:`with_invitation`'s annotations set, read in one query."""
        annotated = self.with_invitation().get(pk=member.pk)
        for name in ("invited_at", "invitation_expires_at"):
            setattr(member, name, getattr(annotated, name))
        return member

    def for_person(self, user: User) -> MemberQuerySet:
        """The records a signed-in person may open in the portal: their own and those they
        act for as advocate."""
        return self.filter(Q(user=user) | Q(advocate=user))


class Member(models.Model):
    """An involved customer on one of the organisation's groups.

    ``ended_on`` is the first day they are no longer a member (the span is half-open,
    like a role holder's term). ``user`` is their own sign-in, if they have one; a member
    without one is looked after by an officer. ``advocate`` is a person who acts for them
    in the portal. ``share_contact_details`` is their consent for other members to see
    their email, phone and address (CONF-7).
    """

    group = models.ForeignKey(
        "organisations.Group", on_delete=models.PROTECT, related_name="members"
    )
    full_name = models.CharField(max_length=200)
    customer_type = models.CharField(max_length=20, choices=CustomerType.choices)
    role = models.CharField(max_length=20, choices=GroupRole.choices, default=GroupRole.MEMBER)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    contact_by = models.CharField(max_length=10, choices=ContactBy.choices, default=ContactBy.POST)
    large_print = models.BooleanField(default=False)
    copy_to_advocate = models.BooleanField(default=False)
    share_contact_details = models.BooleanField(
        default=False, help_text="Consent for other members to see these contact details."
    )
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    user = optional_user_key(related_name="memberships")
    advocate = optional_user_key(related_name="advocated_members")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["full_name", "id"]
        indexes = [models.Index(fields=["group", "full_name"], name="member_group_name")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gt=F("started_on")),
                name="member_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(customer_type__in=CustomerType.values), name="member_customer_type"
            ),
            models.CheckConstraint(condition=Q(role__in=GroupRole.values), name="member_role"),
            models.UniqueConstraint(
                fields=["group", "user"], condition=Q(user__isnull=False), name="one_record_a_group"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def organisation_id(self) -> int:
        return int(self.group.organisation_id)

    def sign_in(self, *, now: dt.datetime) -> SignInState:
        """This member's :class:`SignInState` state at ``now``, from :meth:`MemberQuerySet.
        with_invitation`'s annotations."""
        if self.user_id is not None:
            return SignInState.SIGNS_IN
        expires = getattr(self, "invitation_expires_at", None)
        return (
            SignInState.INVITED
            if expires is not None and expires > now
            else SignInState.NOT_INVITED
        )


class MemberStatus(RecordedOrAutomatic):
    """One record of a member's status taking effect on a date (append-only).

    The status on a date is the row with the latest ``effective_from`` on or before it;
    rows with the same date are ordered by when they were recorded, so a later record
    overrides an earlier one for the same day without rewriting it.
    """

    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="statuses")
    status = models.CharField(max_length=10, choices=Status.choices)
    reason = models.CharField(max_length=500)
    effective_from = models.DateField()

    class Meta:
        ordering = ["member", "effective_from", "recorded_at", "id"]
        verbose_name_plural = "member statuses"
        indexes = [
            # Covers the status-on-a-day lookup, so it is answered from the index alone.
            # ``status`` is a key column, not INCLUDE, which SQLite does not have.
            models.Index(
                fields=["member", "effective_from", "recorded_at", "id", "status"],
                name="status_current",
            )
        ]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=Status.values), name="member_status"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.member}: {self.get_status_display()} from {day_month_year(self.effective_from)}"
        )
