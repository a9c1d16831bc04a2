"""Records the retention tests share."""

from __future__ import annotations

import datetime as dt

from panelkeeper.accounts.models import User
from panelkeeper.members.models import Member
from panelkeeper.members.records import change_member_status

ENDED_ON = dt.date(2026, 12, 1)


def end_membership(member: Member, officer: User) -> Member:
    """``member``, whose membership ended on 1 December 2026."""
    change_member_status(
        member=member,
        status="ended",
        reason="Resigned",
        effective_from=ENDED_ON,
        actor=officer,
        today=ENDED_ON,
    )
    member.refresh_from_db()
    return member
