"""What the published registers show, as plain values: the public page and the API share it.

Built field by field from an allow-list, so a new field on a model never reaches the
public by accident. No contact details, no giver's name, no officer's name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from panelkeeper.organisations.models import Organisation
from panelkeeper.registers.interests import settings_of
from panelkeeper.registers.models import Gift, GiftStatus, Interest
from panelkeeper.registers.routing import format_money


@dataclass(frozen=True)
class PublicInterest:
    member: str
    group: str
    kind: str
    description: str
    starts_on: dt.date
    ends_on: dt.date | None


@dataclass(frozen=True)
class PublicGift:
    member: str
    group: str
    direction: str
    giver_kind: str
    description: str
    value: str
    given_on: dt.date
    status: str
    outcome: str
    decided_on: dt.date | None


def published(organisation: Organisation) -> bool:
    """Whether ``organisation`` publishes its registers."""
    return settings_of(organisation).published


def public_interests(organisation: Organisation, *, today: dt.date) -> QuerySet[Interest]:
    """Interests current on ``today``, latest started first, as the public sees them."""
    return (
        Interest.objects.filter(organisation=organisation)
        .current(on=today)
        .select_related("member", "member__group")
        .order_by("-starts_on", "-id")
    )


def public_gifts(organisation: Organisation) -> QuerySet[Gift]:
    """Every gift, latest given first, as the public sees them."""
    return (
        Gift.objects.filter(organisation=organisation)
        .select_related("member", "group")
        .order_by("-given_on", "-id")
    )


def public_interest(i: Interest) -> PublicInterest:
    """Read through :func:`public_interests`, or each costs queries."""
    return PublicInterest(
        member=i.member.full_name,
        group=i.member.group.name,
        kind=i.get_kind_display(),
        description=i.description,
        starts_on=i.starts_on,
        ends_on=i.ends_on,
    )


def public_gift(g: Gift) -> PublicGift:
    """Read through :func:`public_gifts`, or each costs queries."""
    return PublicGift(
        member=g.member.full_name,
        group=g.group.name,
        direction=g.get_direction_display(),
        giver_kind=g.get_giver_kind_display(),
        description=g.description,
        value=format_money(g.value),
        given_on=g.given_on,
        status=g.get_status_display(),
        outcome=g.get_outcome_display() if g.status == GiftStatus.DECIDED else "",
        decided_on=g.decided_on,
    )
