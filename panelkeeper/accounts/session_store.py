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
from django.db import connection
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


_READ_WITH = ("listed_ended", "listed_stale", "stored_data")
"""The columns :func:`_sql` reads besides the user's, set on the user it makes."""


def _sql(session_table: str) -> str:
    """The user a session's sign-in row names, with that row's state and the session's
    stored data (none once it has expired) as columns of their own: read with
    :meth:`User.objects.raw <django.db.models.query.RawQuerySet>`, which makes the user
    as any query would."""
    quote = connection.ops.quote_name
    listed = quote(SignInSession._meta.db_table)
    person_id = User._meta.pk.column
    assert person_id is not None  # a primary key always has its column
    return (
        "SELECT person.*, listed.ended_at IS NOT NULL AS listed_ended, "
        "listed.last_active <= %s AS listed_stale, stored.session_data AS stored_data "
        f"FROM {listed} listed "
        f"JOIN {quote(User._meta.db_table)} person ON person.{quote(person_id)} = listed.user_id "
        f"LEFT JOIN {quote(session_table)} stored "
        "ON stored.session_key = %s AND stored.expire_date > %s "
        "WHERE listed.key_hash = %s"
    )


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
        moment = connection.ops.adapt_datetimefield_value
        read = User.objects.raw(
            _sql(self.model._meta.db_table), [moment(now - TOUCH_EVERY), key, moment(now), hashed]
        )
        listed = next(iter(read), None)
        if listed is None:
            # A session that signs no one in (or one signed in before sessions were
            # listed): Django's own load, a second query only for these.
            self.sign_in = SignIn(hashed, None, ended=False, stale=False)
            return super().load()
        ended, stale, data = (getattr(listed, column) for column in _READ_WITH)
        self.sign_in = SignIn(hashed, listed.pk, ended=bool(ended), stale=bool(stale))
        self.listed_user = listed
        if data is None:
            # Expired, or gone from the store.
            self._session_key = None
            return {}
        return self.decode(data)
