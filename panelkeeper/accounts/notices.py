"""Sign-ins and security changes: each one an audit entry, and (most) an email to the
person, so someone else signing in or changing their account does not go unnoticed.

The allauth adapter (:mod:`panelkeeper.accounts.adapter`) and the sessions page call
:func:`notify`; entries go to the installation's chain (a person's sign-in belongs to no
one organisation) and hold field names only, as every entry does. Emails go through the
outbox, keyed by the entry they tell about, so each is sent once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from panelkeeper.accounts.models import User
from panelkeeper.audit.log import record
from panelkeeper.audit.models import AuditEntry
from panelkeeper.outbox.posting import post
from panelkeeper.rules.dates import day_month_year

NOT_YOU = (
    "If this was not you, reset your password now from the sign-in page and sign out "
    "everywhere else:\n\n{sessions}\n"
)


@dataclass(frozen=True)
class Notice:
    action: str
    subject: str = ""
    says: str = ""  # the email's first sentence, after "On <date> at <time>,"

    @property
    def emailed(self) -> bool:
        return bool(self.subject)


NOTICES = {
    "signed_in": Notice(
        "user.signed_in", "You signed in to panelkeeper", "you signed in to panelkeeper."
    ),
    "sign_in_failed": Notice("user.sign_in_failed"),
    "password_changed": Notice(
        "user.password_changed", "Your password was changed", "your password was changed."
    ),
    "password_set": Notice("user.password_set", "Your password was set", "a password was set."),
    "password_reset": Notice(
        "user.password_reset", "Your password was reset", "your password was reset."
    ),
    "totp_activated": Notice(
        "second_factor.added",
        "An authenticator app was added",
        "an authenticator app was added as your second factor.",
    ),
    "totp_deactivated": Notice(
        "second_factor.removed",
        "Your authenticator app was removed",
        "your authenticator app was removed as a second factor.",
    ),
    "webauthn_added": Notice(
        "second_factor.added",
        "A passkey or security key was added",
        "a passkey or security key was added as your second factor.",
    ),
    "webauthn_removed": Notice(
        "second_factor.removed",
        "A passkey or security key was removed",
        "a passkey or security key was removed from your sign-in.",
    ),
    "recovery_codes_generated": Notice(
        "recovery_codes.regenerated",
        "You have new recovery codes",
        "you made new recovery codes. The old ones no longer work.",
    ),
    "sessions_ended": Notice(
        "sessions.ended",
        "You were signed out everywhere else",
        "your other sessions were signed out.",
    ),
}


def _when() -> str:
    now = timezone.localtime()
    return f"{day_month_year(now.date())} at {now:%H:%M}"


def _body(notice: Notice) -> str:
    sessions = settings.BASE_URL.rstrip("/") + reverse("accounts:sessions")
    return (
        f"On {_when()}, {notice.says}\n\n"
        + NOT_YOU.format(sessions=sessions)
        + "\nYou get this email whenever someone signs in to your panelkeeper account "
        "or changes how it is protected.\n"
    )


def notify(
    user: User,
    what: str,
    *,
    obj: models.Model | None = None,
    fields: Sequence[str] = (),
) -> AuditEntry:
    """Record that ``what`` (a key of :data:`NOTICES`) happened to ``user``'s account,
    touching ``fields`` of ``obj`` (the user unless given), and email them if it is one
    they are told about."""
    notice = NOTICES[what]
    with transaction.atomic():
        entry = record(
            actor=user,
            organisation=None,
            action=notice.action,
            obj=obj if obj is not None else user,
            fields=fields,
        )
        if notice.emailed and user.email:
            post(
                key=f"account-notice:{entry.pk}",
                to=user.email,
                name=user.get_full_name(),
                subject=notice.subject,
                body=_body(notice),
            )
    return entry
