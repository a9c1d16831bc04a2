"""What the members' domain functions share: their refusals (a date's earliest day, a
one-line text) and a new row about a member, filed under the member's organisation.

Each rule keeps its wording in one place while every caller names its own field and its
own words for the thing checked, so the sentences read as before ("The date signed must
be on or after 2 March 2026, when this version was published"). No full stops: GOV.UK
form errors carry none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db import models

from panelkeeper.audit.log import create_recorded
from panelkeeper.lib.refusals import Refused
from panelkeeper.rules.dates import day_month_year

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.members.models import Member

__all__ = ["created_for", "refuse_before", "single_line"]


def refuse_before(value: dt.date, *, earliest: dt.date, what: str, since: str, field: str) -> None:
    """Refuse ``value`` on ``field`` when it is before ``earliest``.

    The sentence is "<what> must be on or after <earliest>, <since>", ``since`` saying
    what happened on ``earliest`` ("when the member started").
    """
    if value < earliest:
        raise Refused(
            f"{what} must be on or after {day_month_year(earliest)}, {since}", field=field
        )


def single_line(text: str, *, field: str, missing: str, what: str, most: int) -> str:
    """``text`` with its runs of white space made single spaces, refused when empty
    (with ``missing``) or longer than ``most`` characters ("<what> must be ...")."""
    line = " ".join(text.split())
    if not line:
        raise Refused(missing, field=field)
    if len(line) > most:
        raise Refused(f"{what} must be {most} characters or fewer", field=field)
    return line


def created_for[M: models.Model](
    model: type[M],
    member: Member,
    *,
    actor: User | None,
    action: str,
    logged: Mapping[str, Any],
    **unlogged: Any,
) -> M:
    """A new ``model`` row about ``member`` and its audit entry, filed under the member's
    organisation, as :func:`~panelkeeper.audit.log.create_recorded` makes them."""
    return create_recorded(
        model,
        actor=actor,
        organisation=member.group.organisation,
        action=action,
        logged=logged,
        member=member,
        **unlogged,
    )
