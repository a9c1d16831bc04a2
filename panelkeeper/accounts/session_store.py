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
import functools
from dataclasses import dataclass
from typing import Any

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field
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


def _column(field: Field[Any, Any]) -> str:
    assert field.column is not None, field  # every concrete field has a column
    return field.column


@functools.cache
def _sql(alias: str, session_table: str) -> str:
    quote = connections[alias].ops.quote_name
    person = ", ".join(f"person.{quote(_column(field))}" for field in User._meta.concrete_fields)
    return (
        "SELECT stored.session_data, listed.user_id, listed.ended_at IS NOT NULL, "
        f"listed.last_active <= %s, {person} "
        f"FROM {quote(session_table)} stored "
        f"LEFT JOIN {quote(SignInSession._meta.db_table)} listed ON listed.key_hash = %s "
        f"LEFT JOIN {quote(User._meta.db_table)} person "
        f"ON person.{quote(_column(User._meta.pk))} = listed.user_id "
        "WHERE stored.session_key = %s AND stored.expire_date > %s"
    )


def _user(connection: BaseDatabaseWrapper, alias: str, values: list[Any]) -> User:
    """The user whose columns are ``values``, converted as the ORM converts them."""
    fields = User._meta.concrete_fields
    compiler = connection.ops.compiler("SQLCompiler")(User.objects.all().query, connection, alias)
    converters = compiler.get_converters([field.get_col(User._meta.db_table) for field in fields])
    if converters:
        values = next(iter(compiler.apply_converters([values], converters)))
    return User.from_db(alias, [field.attname for field in fields], values)


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
        alias = router.db_for_read(self.model)
        connection = connections[alias]
        now = timezone.now()
        with connection.cursor() as cursor:
            cursor.execute(
                _sql(alias, self.model._meta.db_table),
                [
                    connection.ops.adapt_datetimefield_value(now - TOUCH_EVERY),
                    hashed,
                    key,
                    connection.ops.adapt_datetimefield_value(now),
                ],
            )
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return {}
        data, user_id, ended, stale, *person = row
        self.sign_in = SignIn(hashed, user_id, bool(ended), bool(stale))
        if user_id is not None:
            self.listed_user = _user(connection, alias, person)
        return self.decode(data)
