"""Whom a picker of people may offer: an organisation's own people, never another's.

One installation serves several landlords; a list of people on a form, or a person named
in an API body, must come from the organisation whose record it is (DESIGN
"Confidentiality by design").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from panelkeeper.accounts.models import Invitation, User

if TYPE_CHECKING:
    from panelkeeper.organisations.models import Organisation


def people_of(organisation: Organisation | int) -> QuerySet[User]:
    """The organisation's own people who sign in: its staff, the holders of its code's
    staff titles, and its members with a sign-in."""
    return User.objects.filter(
        Q(grants__organisation=organisation)
        | Q(held_roles__organisation=organisation)
        | Q(memberships__group__organisation=organisation)
    )


def choosable_for(
    organisation: Organisation | int, *, invited: QuerySet[Any] | None = None
) -> QuerySet[User]:
    """Whom a case of ``organisation`` may name: its own people, and the people invited to
    that case (``invited``: their user ids), never anyone else's. Active users only, each
    once, by name."""
    chosen = Q(pk__in=people_of(organisation).values("pk"))
    if invited is not None:
        chosen |= Q(pk__in=invited)
    return _listed(User.objects.filter(chosen))


def known_to(organisation: Organisation | int) -> QuerySet[User]:
    """Whom the organisation may make holder of a staff title: its staff, the holders
    (now or before) of its titles, and whoever has accepted an invitation from it (to a
    part in one of its cases, or to a title). Members are not offered: a title is a
    staff post."""
    accepted = Invitation.objects.filter(
        organisation=organisation, accepted_by__isnull=False
    ).values("accepted_by")
    return _listed(
        User.objects.filter(
            Q(grants__organisation=organisation)
            | Q(held_roles__organisation=organisation)
            | Q(pk__in=accepted)
        )
    )


BY_NAME = ("last_name", "first_name", "email", "id")
"""The order people are listed in."""


def _listed(users: QuerySet[User]) -> QuerySet[User]:
    return users.filter(is_active=True).distinct().order_by(*BY_NAME)
