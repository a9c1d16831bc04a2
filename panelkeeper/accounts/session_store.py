"""Django's database sessions, read in one query with the row that lists the session
and the person it signs in.

Every signed-in request reads its session, then its user, then asks whether that session
was ended elsewhere (:func:`panelkeeper.accounts.sessions.check`). The
:class:`SignInSession` that answers is found by the keyed hash of the session's key,
which is known before anything is read, and it names the user: so one query reads all
three, and neither the sign-in (:func:`panelkeeper.accounts.sessions.user_of`) nor the
check asks the database anything more unless the session must be signed out or its last
activity noted.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.sessions.backends import db
from django.db.models import Subquery
from django.utils import timezone
from django.utils.crypto import salted_hmac

from panelkeeper.accounts.models import SignInSession, User

# Last active is rewritten at most this often, so most requests only read.
TOUCH_EVERY = datetime.timedelta(minutes=5)


def key_hash(session_key: str) -> str:
    return salted_hmac("panelkeeper.session", session_key, algorithm="sha256").hexdigest()


@dataclass(frozen=True)
class SignIn:
    """What a session's :class:`SignInSession` row says, as of the request."""

    key_hash: str
    user_id: int | None
    """Whom it signs in; None when there is no row (a session that signed no one in, or
    one signed in before sessions were listed)."""
    ended: bool
    """Ended from another browser, or by signing out."""
    stale: bool
    """Last active :data:`TOUCH_EVERY` or longer ago."""


class SessionStore(db.SessionStore):
    """Django's database session store; loading a session also reads its sign-in row
    (:attr:`sign_in`) and the user that row names (:attr:`listed_user`)."""

    sign_in: SignIn | None = None
    """The sign-in row read with the session; None until the session is loaded."""
    listed_user: User | None = None
    """The user :attr:`sign_in` names, read with it."""

    def load(self) -> dict[str, Any]:
        # The base class loads only a session that has a key.
        key = str(self.session_key)
        hashed = key_hash(key)
        now = timezone.now()
        stored = self.model.objects.filter(session_key=key, expire_date__gt=now)
        listed = (
            SignInSession.objects.filter(key_hash=hashed)
            .select_related("user")
            .annotate(data=Subquery(stored.values("session_data")[:1]))
            .order_by()
            .first()
        )
        if listed is None:
            # A session that signs no one in (or one signed in before sessions were
            # listed): Django's own load, a second query only for these.
            self.sign_in = SignIn(hashed, None, ended=False, stale=False)
            return super().load()
        self.sign_in = SignIn(
            hashed,
            listed.user_id,
            ended=listed.ended_at is not None,
            stale=now - listed.last_active >= TOUCH_EVERY,
        )
        self.listed_user = listed.user
        data = getattr(listed, "data")  # noqa: B009 (annotated)
        if data is None:
            # Expired, or gone from the store.
            self._session_key = None
            return {}
        return self.decode(data)
