"""An organisation's staff: who holds which role, changing a role, and removing someone.

Access is read from the grants on every request (``accounts.permissions.roles_at``), so
a role removed here ends that person's access at their next request. Removing someone
also revokes their API tokens for the organisation. An organisation always keeps an
officer, and a holder of a staff title of its code keeps a grant until the title passes
to someone else (publishing and seating read the holders).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet

from panelkeeper.accounts.models import ApiToken, Grant, User
from panelkeeper.accounts.tokens import revoke_token
from panelkeeper.audit.log import create_recorded, delete_recorded
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.models import RoleHolder

if TYPE_CHECKING:
    from panelkeeper.organisations.models import Organisation

STAFF_ROLES = (Grant.Role.OFFICER.value, Grant.Role.AUDITOR.value)


@dataclass(frozen=True)
class StaffMember:
    user: User
    roles: tuple[str, ...]

    @property
    def roles_in_words(self) -> str:
        return " and ".join(Grant.Role(role).label.lower() for role in self.roles)


def staff_people(organisation: Organisation) -> QuerySet[User]:
    """The users who hold any grant on ``organisation``, each once, by name."""
    return (
        User.objects.filter(grants__organisation=organisation)
        .distinct()
        .order_by("last_name", "first_name", "email", "id")
    )


def staff_of(organisation: Organisation, people: Sequence[User] | None = None) -> list[StaffMember]:
    """Each person with a grant on ``organisation`` (or each of ``people``, a page of
    :func:`staff_people`) and their roles, in two queries."""
    people = list(staff_people(organisation)) if people is None else people
    grants = Grant.objects.filter(organisation=organisation, user__in=[p.pk for p in people])
    roles: dict[int, list[str]] = {}
    for user_id, role in grants.values_list("user_id", "role"):
        roles.setdefault(user_id, []).append(role)
    return [StaffMember(user, tuple(sorted(roles[user.pk]))) for user in people]


def _refuse_leaving_no_officer(organisation: Organisation, user: User) -> None:
    officers = Grant.objects.select_for_update().filter(
        organisation=organisation, role=Grant.Role.OFFICER
    )
    if not officers.exclude(user=user).exists():
        raise Refused(
            f"{user} is the only officer of {organisation}. Invite another officer first.",
            field="role",
        )


def _remove_grants(grants: QuerySet[Grant], *, organisation: Organisation, actor: User) -> None:
    for grant in grants:
        delete_recorded(
            grant,
            action="grant.removed",
            actor=actor,
            organisation=organisation,
            fields=["user", "role"],
        )


def change_role(*, organisation: Organisation, user: User, role: str, actor: User) -> None:
    """Make ``role`` (officer or auditor) the one role ``user`` holds at ``organisation``.

    Refuses a role that is neither, and taking the last officer's officer role away.
    Choosing the role they already hold alone changes nothing.
    """
    if role not in STAFF_ROLES:
        raise Refused("Select officer or auditor", field="role")
    with transaction.atomic():
        grants = Grant.objects.select_for_update().filter(user=user, organisation=organisation)
        held = {grant.role for grant in grants}
        if not held:
            raise Refused(f"{user} holds no role at {organisation}.")
        if held == {role}:
            return
        if role != Grant.Role.OFFICER and Grant.Role.OFFICER in held:
            _refuse_leaving_no_officer(organisation, user)
        _remove_grants(grants.exclude(role=role), organisation=organisation, actor=actor)
        if role not in held:
            create_recorded(
                Grant,
                actor=actor,
                organisation=organisation,
                action="grant.created",
                logged={"user": user, "role": role},
            )


def remove_staff(*, organisation: Organisation, user: User, actor: User) -> int:
    """Take every role ``user`` holds at ``organisation`` away and revoke their API tokens
    for it; how many tokens were revoked.

    Refuses removing the last officer, and someone who holds a staff title of the code
    (give the title to someone else first).
    """
    with transaction.atomic():
        grants = Grant.objects.select_for_update().filter(user=user, organisation=organisation)
        if not grants.exists():
            raise Refused(f"{user} holds no role at {organisation}.")
        if grants.filter(role=Grant.Role.OFFICER).exists():
            _refuse_leaving_no_officer(organisation, user)
        titles = RoleHolder.objects.current().filter(organisation=organisation, user=user)
        title = titles.first()
        if title is not None:
            raise Refused(
                f"{user} holds the title {title.role_title}. Give it to someone else on the "
                "role holders page first."
            )
        _remove_grants(grants, organisation=organisation, actor=actor)
        # Expired tokens too: none of theirs for this organisation should ever work again.
        tokens = ApiToken.objects.filter(user=user, organisation=organisation, revoked=None)
        prefixes = list(tokens.values_list("prefix", flat=True))
        for prefix in prefixes:
            revoke_token(prefix=prefix, actor=actor)
    return len(prefixes)
