"""Whom a picker of people may offer: an organisation's own people, never another's.

One installation serves several landlords; a list of people on a form, or a person named
in an API body, must come from the organisation whose record it is (DESIGN
"Confidentiality by design").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from panelkeeper.accounts.models import User

if TYPE_CHECKING:
    from panelkeeper.organisations.models import Organisation

_TIES = ("grants", "held_roles", "memberships")
"""What ties a user to an organisation: a staff grant, a staff title of its code, a
member record in one of its groups."""


def people_of(organisation: Organisation | int) -> QuerySet[User]:
    """The organisation's own people who sign in: its staff, the holders of its code's
    staff titles, and its members with a sign-in."""
    return User.objects.filter(
        Q(grants__organisation=organisation)
        | Q(held_roles__organisation=organisation)
        | Q(memberships__group__organisation=organisation)
    )


def choosable_for(organisation: Organisation | int) -> QuerySet[User]:
    """Whom a case of ``organisation`` may name: its own people, and people with a sign-in
    tied to no organisation at all (staff from outside the involvement team who sit on one
    case, Interpretation 11); never someone tied only to another organisation. Active
    users only, each once, by name."""
    untied = Q(is_superuser=False) & Q(**{f"{tie}__isnull": True for tie in _TIES})
    return (
        User.objects.filter(Q(pk__in=people_of(organisation).values("pk")) | untied)
        .filter(is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "email")
    )
