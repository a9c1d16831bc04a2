"""Invitations: how a person gets a staff role at an organisation, or comes to administer
the installation, without anyone choosing a password for them.

An invitation goes to one email address with a one-time link. Only a SHA-256 hash of the
link's token is stored (it carries 256 random bits, so a fast hash is enough); the link
exists only in the email and, for ``panelkeeper setup``, on the console. An invitation is
single use and expires (:data:`LIFETIME` unless chosen); resending makes a new token and a
new expiry, so an older link stops working. Every change here is audited, and every email
is posted to the outbox inside the change's transaction.

What an invitation is to, and what accepting it gives, is its :class:`Kind`, one for each
``Invitation.Role``: the staff roles and the administrator's are here; an app whose
records people are invited to (members, their advocates) registers its own with
:func:`register_kind` when it is ready, and sends its invitations with :func:`send`.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from panelkeeper.accounts.models import Grant, Invitation, User
from panelkeeper.audit.log import create_recorded, record, save_values
from panelkeeper.lib.refusals import Refused
from panelkeeper.outbox.posting import post
from panelkeeper.rules.dates import day_month_year

if TYPE_CHECKING:
    from panelkeeper.members.models import Member
    from panelkeeper.organisations.models import Organisation

LIFETIME = datetime.timedelta(days=7)
BAD_EMAIL = "Enter an email address in the correct format, like name@example.com"
# What the pages say once an invitation to {email} is sent again or withdrawn.
SENT = "Invitation sent to {email}"
RESENT = "Invitation sent to {email} again, with a new link"
WITHDRAWN = "Invitation to {email} withdrawn"


@dataclass(frozen=True)
class Sent:
    """An invitation just sent: ``link`` exists only here, in the email and on a console."""

    invitation: Invitation
    link: str


class InvitationRefused(Refused):
    """The link cannot be used: unknown, already used, withdrawn or expired. The message
    says what to do; ``status`` is the HTTP status the page answers with."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message, field="token")
        self.status = status


@dataclass(frozen=True)
class Kind:
    """What an invitation to one role says and what accepting it does.

    ``invited_as`` completes "You have been invited to ..." (in the email and on the
    page); ``give`` gives the accepting user what was offered, inside the acceptance's
    transaction, raising :class:`Refused` when it no longer can; ``landing`` is the URL
    name the person lands on once accepted. ``offers_code`` lets a newcomer choose to sign
    in with an emailed code each time instead of a password; ``initial_name`` suggests the
    first and last name a newcomer is asked for.
    """

    invited_as: Callable[[Invitation], str]
    give: Callable[[Invitation, User], None]
    landing: str = "organisations:start"
    offers_code: bool = False
    initial_name: Callable[[Invitation], tuple[str, str]] = lambda invitation: ("", "")


_KINDS: dict[str, Kind] = {}


def register_kind(role: str, kind: Kind) -> None:
    """Say what an invitation to ``role`` (a value of ``Invitation.Role``) is."""
    _KINDS[role] = kind


def kind_of(invitation: Invitation) -> Kind:
    return _KINDS[invitation.role]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalise_email(email: str) -> str:
    """``email`` trimmed and lower-cased, or a refusal when it is not an email address."""
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise Refused(BAD_EMAIL, field="email") from None
    return email


def link_for(token: str, *, base_url: str | None = None) -> str:
    """The absolute link that opens an invitation (``settings.BASE_URL`` unless given)."""
    base = (base_url or settings.BASE_URL).rstrip("/")
    return base + reverse("accounts:invitation", kwargs={"token": token})


def _where(invitation: Invitation) -> str:
    return str(invitation.organisation) if invitation.organisation_id else "panelkeeper"


def _who_to_ask(invitation: Invitation) -> str:
    if invitation.organisation_id:
        return f"an officer of {invitation.organisation}"
    return "the person who installed panelkeeper"


def _post_email(invitation: Invitation, link: str) -> None:
    expires = day_month_year(timezone.localtime(invitation.expires_at).date())
    kind = kind_of(invitation)
    how = (
        "accept. You can choose a password, or have a sign-in code emailed to you each time"
        if kind.offers_code
        else "accept, choose your name and set a password"
    )
    body = (
        f"You have been invited to {kind.invited_as(invitation)} on panelkeeper.\n\n"
        f"Open this link to {how}:\n\n{link}\n\n"
        f"The link works once, until {expires}. If it has stopped working, ask "
        f"{_who_to_ask(invitation)} to send you a new one.\n\n"
        "If you were not expecting this email, you can ignore it.\n"
    )
    post(
        key=f"invitation:{invitation.pk}:{invitation.sent}",
        to=invitation.email,
        subject=f"Your invitation to {_where(invitation)} on panelkeeper",
        body=body,
        organisation=invitation.organisation,
    )


def invite(
    *,
    email: str,
    role: str,
    organisation: Organisation | None,
    actor: User | None,
    base_url: str | None = None,
) -> Sent:
    """Invite ``email`` to ``role`` at ``organisation`` (officer or auditor), or to administer
    the installation (role administrator, no organisation), and email the link.

    Refuses, saving nothing, a malformed address, a role that does not fit, a person who
    already holds the role, and a second invitation while one is waiting.
    """
    email = normalise_email(email)
    staff_roles = {Grant.Role.OFFICER.value, Grant.Role.AUDITOR.value}
    if (organisation is None) != (role == Invitation.Role.ADMINISTRATOR) or (
        organisation is not None and role not in staff_roles
    ):
        raise Refused("Select officer or auditor", field="role")
    now = timezone.now()
    with transaction.atomic():
        waiting = Invitation.objects.pending(now=now).filter(
            email=email, organisation=organisation, role__in=[*staff_roles, role]
        )
        if waiting.exists():
            raise Refused(
                f"{email} already has an invitation waiting. Resend it from the list of "
                "invitations instead.",
                field="email",
            )
        if (
            organisation is not None
            and Grant.objects.filter(
                user__email__iexact=email, organisation=organisation, role=role
            ).exists()
        ):
            raise Refused(f"{email} is already {role} at {organisation}.", field="email")
        return send(
            email=email, role=role, organisation=organisation, actor=actor, base_url=base_url
        )


def send(
    *,
    email: str,
    role: str,
    organisation: Organisation | None,
    actor: User | None,
    member: Member | None = None,
    base_url: str | None = None,
    attach: Callable[[Invitation], object] | None = None,
) -> Sent:
    """Make the invitation and post its email, audited, in the caller's transaction (or
    one of its own). The caller has normalised ``email`` and checked that ``role`` (and
    ``member``, for a member's or an advocate's) fits. ``attach`` records, before the
    email is written, what an app's own invitation is for (a case, a title)."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        invitation = Invitation.objects.create(
            organisation=organisation,
            email=email,
            role=role,
            member=member,
            invited_by=actor,
            expires_at=timezone.now() + LIFETIME,
            token_hash=_hash(token),
        )
        record(
            actor=actor,
            organisation=organisation,
            action="invitation.created",
            obj=invitation,
            fields=["email", "role", "expires_at"] + (["member"] if member else []),
        )
        if attach is not None:
            attach(invitation)
        link = link_for(token, base_url=base_url)
        _post_email(invitation, link)
    return Sent(invitation, link)


def _save(
    invitation: Invitation, values: dict[str, Any], *, action: str, actor: User | None
) -> None:
    # An administrator's invitation has no organisation: its entries are the installation's.
    organisation = invitation.organisation
    save_values(invitation, values, action=action, actor=actor, organisation=organisation)


def _locked_open(invitation: Invitation) -> Invitation:
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.accepted_at is not None:
        raise Refused("This invitation has already been accepted.")
    if locked.withdrawn_at is not None:
        raise Refused("This invitation was withdrawn. Send a new one instead.")
    return locked


def resend(*, invitation: Invitation, actor: User | None, base_url: str | None = None) -> Sent:
    """Send the invitation again with a new link and a new expiry; the old link stops
    working. Refused once accepted or withdrawn."""
    with transaction.atomic():
        locked = _locked_open(invitation)
        token = secrets.token_urlsafe(32)
        _save(
            locked,
            {
                "token_hash": _hash(token),
                "expires_at": timezone.now() + LIFETIME,
                "sent": locked.sent + 1,
            },
            action="invitation.resent",
            actor=actor,
        )
        link = link_for(token, base_url=base_url)
        _post_email(locked, link)
    return Sent(locked, link)


def withdraw(*, invitation: Invitation, actor: User) -> Invitation:
    """Withdraw a waiting invitation: its link stops working. Refused once accepted."""
    with transaction.atomic():
        locked = _locked_open(invitation)
        _save(locked, {"withdrawn_at": timezone.now()}, action="invitation.withdrawn", actor=actor)
    return locked


def open_invitation(token: str) -> Invitation:
    """The invitation this link's token opens, or :class:`InvitationRefused` saying why not
    and what to do."""
    invitation = (
        Invitation.objects.select_related("organisation").filter(token_hash=_hash(token)).first()
    )
    if invitation is None:
        raise InvitationRefused(
            "This invitation link is not valid. Check you copied the whole link from the "
            "email. If it still does not work, ask whoever invited you to send a new one.",
            status=404,
        )
    ask = f"Ask {_who_to_ask(invitation)} to send you a new one."
    if invitation.accepted_at is not None:
        raise InvitationRefused(
            f"This invitation has already been used. Sign in with {invitation.email}. "
            f"If that is not you, {ask[0].lower()}{ask[1:]}",
            status=410,
        )
    if invitation.withdrawn_at is not None:
        raise InvitationRefused(f"This invitation was withdrawn. {ask}", status=410)
    if invitation.expires_at <= timezone.now():
        expired = day_month_year(timezone.localtime(invitation.expires_at).date())
        raise InvitationRefused(f"This invitation expired on {expired}. {ask}", status=410)
    return invitation


def account_for(invitation: Invitation) -> User | None:
    """The account already registered with the invitation's email address, if any."""
    return User.objects.filter(email__iexact=invitation.email).first()


def needs_password(invitation: Invitation) -> bool:
    """Whether accepting means setting a name and a password (no account that signs in)."""
    account = account_for(invitation)
    return account is None or not account.has_usable_password()


def accept(*, token: str, user: User) -> Invitation:
    """``user`` (signed in, with the invited address) accepts: they get the role.

    Single use: the invitation is locked and checked again inside the transaction, so two
    tabs accepting at once give one acceptance and one refusal.
    """
    with transaction.atomic():
        invitation = open_invitation(token)
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.accepted_at is not None or locked.withdrawn_at is not None:
            open_invitation(token)  # raises with the reason, as it now stands
        if user.email.lower() != locked.email.lower():
            raise Refused(
                f"This invitation is for {locked.email}, but you are signed in as "
                f"{user.email}. Sign out, then open the link again."
            )
        # Accepted first: what the role gives may ask who accepted (a case's pickers do).
        _save(
            locked,
            {"accepted_at": timezone.now(), "accepted_by": user},
            action="invitation.accepted",
            actor=user,
        )
        kind_of(locked).give(locked, user)
    return locked


def _make_administrator(user: User, *, actor: User | None) -> None:
    if user.administers_installation:
        return
    user.administers_installation = True
    user.save(update_fields=["administers_installation"])
    record(
        actor=actor,
        organisation=None,
        action="user.made_installation_administrator",
        obj=user,
        fields=["administers_installation"],
    )


def _make_staff(invitation: Invitation, user: User) -> None:
    assert invitation.organisation is not None, "a staff invitation is to an organisation"
    if not Grant.objects.filter(
        user=user, organisation=invitation.organisation, role=invitation.role
    ).exists():
        create_recorded(
            Grant,
            actor=user,
            organisation=invitation.organisation,
            action="grant.created",
            logged={"user": user, "role": invitation.role},
        )


def _staff_as(invitation: Invitation) -> str:
    return f"{invitation.organisation} as {invitation.get_role_display().lower()}"


register_kind(Invitation.Role.OFFICER, Kind(invited_as=_staff_as, give=_make_staff))
register_kind(Invitation.Role.AUDITOR, Kind(invited_as=_staff_as, give=_make_staff))
register_kind(
    Invitation.Role.ADMINISTRATOR,
    Kind(
        invited_as=lambda invitation: "administer this panelkeeper installation",
        give=lambda invitation, user: _make_administrator(user, actor=user),
    ),
)


def has_name(invitation: Invitation) -> bool:
    """Whether the invitee's account already has a name, so accepting need not ask it."""
    account = account_for(invitation)
    return account is not None and bool(account.first_name and account.last_name)


def accept_with_password(
    *, token: str, first_name: str = "", last_name: str = "", password: str | None
) -> User:
    """Accept for someone with no account that signs in: make or complete their account
    with their name and a password (Django's password validators), then accept.

    ``password`` None, where the invitation's kind offers it, chooses sign-in by an emailed
    code each time: the account keeps no usable password. A name left empty keeps the
    account's own. Refuses a password the validators reject (on ``password``), a missing
    name, and a missing password where a code is not offered, saving nothing.
    """
    with transaction.atomic():
        invitation = open_invitation(token)
        user = account_for(invitation)
        if user is not None and user.has_usable_password():
            raise Refused(f"There is already an account for {invitation.email}. Sign in to accept.")
        if user is None:
            user = User(username=invitation.email, email=invitation.email)
        user.first_name = first_name.strip() or user.first_name
        user.last_name = last_name.strip() or user.last_name
        if not user.first_name:
            raise Refused("Enter your first name", field="first_name")
        if not user.last_name:
            raise Refused("Enter your last name", field="last_name")
        if password is None:
            if not kind_of(invitation).offers_code:
                raise Refused("Enter a password", field="password")
            user.set_unusable_password()
        else:
            try:
                validate_password(password, user)
            except ValidationError as error:
                raise Refused(" ".join(error.messages), field="password") from None
            user.set_password(password)
        user.save()
        record(
            actor=user,
            organisation=invitation.organisation,
            action="user.password_set" if password is not None else "user.code_sign_in_chosen",
            obj=user,
            fields=["first_name", "last_name", "password"],
        )
        accept(token=token, user=user)
    return user


def first_administrator(*, email: str, base_url: str | None = None) -> tuple[User, Sent | None]:
    """Make ``email`` the installation's administrator, for ``panelkeeper setup``.

    An account that already signs in is simply made administrator. Otherwise the account
    is made (or kept) without a usable password and invited: its link sets the name and
    password. Returns the administrator and the invitation, if one was sent.
    """
    email = normalise_email(email)
    with transaction.atomic():
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User(username=email, email=email)
            user.set_unusable_password()
            user.save()
        _make_administrator(user, actor=None)
        if user.has_usable_password():
            return user, None
        sent = invite(
            email=email,
            role=Invitation.Role.ADMINISTRATOR,
            organisation=None,
            actor=None,
            base_url=base_url,
        )
    return user, sent
