"""Where a breach goes (BR-2, BR-13) and whom an appeal is put to (BR-12).

The code names roles; a staff role maps to a user through the organisation's role
holders on the date (Interpretation 14: inferred roles are defaults a preset sets).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from panelkeeper.organisations.models import Organisation, RoleHolder
from panelkeeper.rules.ladder import Ladder
from panelkeeper.rules.policy.roles import Role, RoleKind

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def holder_of(organisation: Organisation, role: Role, *, on: dt.date) -> User | None:
    """The user holding a staff ``role`` on ``on``; None for member roles or no holder."""
    if role.kind is not RoleKind.STAFF:
        return None
    holder = (
        RoleHolder.objects.on(on)
        .filter(organisation=organisation, role_key=role.key)
        .select_related("user")
        .order_by("-effective_from")
        .first()
    )
    return holder.user if holder is not None else None


def titles(roles: Sequence[Role]) -> str:
    return " and ".join(role.title for role in roles)


def route(
    organisation: Organisation, ladder: Ladder, *, on: dt.date, subject_is_chair: bool
) -> tuple[str, User | None]:
    """The titles a new breach goes to, and the holder of the first staff one (BR-2)."""
    roles = [
        ladder.acting_role(role, subject_is_chair=subject_is_chair)
        for role in ladder.raising.route_to or ladder.raising.monitored_by
    ]
    handler = next(
        (user for role in roles if (user := holder_of(organisation, role, on=on)) is not None),
        None,
    )
    return titles(roles)[:300], handler
