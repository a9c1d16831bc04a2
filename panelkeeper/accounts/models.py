"""People who sign in, and what they may do for which organisation."""

import datetime

from django.contrib.auth.models import AbstractUser
from django.db import models

from panelkeeper.lib.fields import optional_user_key, organisation_or_installation


class User(AbstractUser):
    """Anyone who signs in: staff, and later members, advocates and appeal officers.

    Sign-in is by email address; ``username`` is kept because Django's auth expects it,
    and is set to the email address.
    """

    email = models.EmailField("email address", unique=True)
    administers_installation = models.BooleanField(
        "installation administrator",
        default=False,
        help_text="Creates organisations and invites their first officers; sees no "
        "casework without a grant. Read it through accounts.permissions.is_installation_admin.",
    )

    class Meta:
        ordering = ["last_name", "first_name", "email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class Grant(models.Model):
    """A staff role held by a user on one organisation."""

    class StaffRole(models.TextChoices):
        OFFICER = "officer", "Officer"
        AUDITOR = "auditor", "Auditor"

    Role = StaffRole  # the OpenAPI names enums by class: one name each

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="grants")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="grants"
    )
    role = models.CharField(max_length=20, choices=Role.choices)

    class Meta:
        ordering = ["organisation", "user", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="unique_grant"),
        ]

    def __str__(self) -> str:
        return f"{self.user} is {self.get_role_display().lower()} at {self.organisation}"


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def active(self, *, today: datetime.date) -> "ApiTokenQuerySet":
        """Tokens that still work on ``today``: not revoked, not past their last day."""
        return self.filter(revoked__isnull=True, expires_on__gte=today)


class ApiToken(models.Model):
    """A bearer token for the API, acting as one user for one organisation.

    Only a SHA-256 hash of the token is kept; the token itself is shown once, when it
    is made (see ``panelkeeper.accounts.tokens``). ``prefix`` is a public handle for
    finding, listing and revoking a token without knowing its secret. A token works
    until the end of ``expires_on`` (the organisation's local day), then answers as a
    wrong one would.
    """

    class State(models.TextChoices):
        ACTIVE = "active", "Active"
        EXPIRED = "expired", "Expired"
        REVOKED = "revoked", "Revoked"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=16, unique=True)
    secret_hash = models.CharField(max_length=64)
    created = models.DateTimeField(auto_now_add=True)
    expires_on = models.DateField(help_text="The last day the token works.")
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "user", "-created"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}) for {self.user} at {self.organisation}"

    def state(self, *, today: datetime.date) -> "ApiToken.State":
        """Revoked before expired: a revoked token says so whatever its date."""
        if self.revoked is not None:
            return self.State.REVOKED
        if self.expires_on < today:
            return self.State.EXPIRED
        return self.State.ACTIVE


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def pending(self, *, now: datetime.datetime) -> "InvitationQuerySet":
        """Neither accepted nor withdrawn, and not yet expired at ``now``."""
        return self.filter(accepted_at__isnull=True, withdrawn_at__isnull=True, expires_at__gt=now)

    def staff(self) -> "InvitationQuerySet":
        """Invitations to a staff role (officer or auditor)."""
        return self.filter(role__in=[Grant.Role.OFFICER, Grant.Role.AUDITOR])


class Invitation(models.Model):
    """An invitation, by email, to a staff role at one organisation, to administer the
    installation (no organisation), to sign in to one member's record at an organisation
    as that member or as their advocate (``member`` names the record), or to a part in one
    of its cases (``case``) or one of its code's staff titles (``title``). What a ``case``
    or ``title`` invitation gives is kept by the app it belongs to
    (``cases.CaseInvitation``, ``organisations.TitleInvitation``).

    Single use: accepting stamps ``accepted_at``. Only a SHA-256 hash of the link's token
    is kept (see :mod:`panelkeeper.accounts.invitations`); resending makes a new token and
    a new expiry and counts ``sent``, which keys the email in the outbox.
    """

    class Role(models.TextChoices):
        OFFICER = "officer", "Officer"
        AUDITOR = "auditor", "Auditor"
        ADMINISTRATOR = "administrator", "Installation administrator"
        MEMBER = "member", "Member"
        ADVOCATE = "advocate", "Advocate"
        CASE = "case", "A part in one case"
        TITLE = "title", "A staff title"

    organisation = organisation_or_installation(
        on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField("email address")
    role = models.CharField(max_length=20, choices=Role.choices)
    invited_by = optional_user_key()
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    token_hash = models.CharField(max_length=64, unique=True)
    sent = models.PositiveIntegerField(default=1)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = optional_user_key()
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.CASCADE,
        related_name="invitations",
        null=True,
        blank=True,
        help_text="The record a member's or an advocate's invitation is for.",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role="administrator", organisation__isnull=True)
                | (~models.Q(role="administrator") & models.Q(organisation__isnull=False)),
                name="invitation_organisation_unless_administrator",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=["member", "advocate"], member__isnull=False)
                | (~models.Q(role__in=["member", "advocate"]) & models.Q(member__isnull=True)),
                name="invitation_member_for_member_roles",
            ),
        ]

    def __str__(self) -> str:
        return f"Invitation of {self.email} as {self.get_role_display().lower()}"


class SignInSessionQuerySet(models.QuerySet["SignInSession"]):
    def current(self, *, now: datetime.datetime) -> "SignInSessionQuerySet":
        """Sessions not signed out, active within the session cookie's lifetime."""
        from django.conf import settings

        since = now - datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
        return self.filter(ended_at__isnull=True, last_active__gte=since)


class SignInSession(models.Model):
    """One place a person is signed in, for "Where you are signed in".

    Known only by a keyed hash of its session key (see
    :mod:`panelkeeper.accounts.sessions`): no session key, IP address or user agent is
    kept. Ending it (``ended_at``) signs that browser out at its next request.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sign_in_sessions")
    key_hash = models.CharField(max_length=64, unique=True)
    started_at = models.DateTimeField()
    last_active = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = SignInSessionQuerySet.as_manager()

    class Meta:
        ordering = ["user", "-last_active"]
        indexes = [models.Index(fields=["user", "ended_at"], name="sign_in_session_user")]

    def __str__(self) -> str:
        return f"{self.user} signed in since {self.started_at:%Y-%m-%d %H:%M}"
