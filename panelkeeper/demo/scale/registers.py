"""Declarations of interest (each with the review it counts as) and gifts or
hospitality, decided at the time under the code's route for gifts."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from decimal import Decimal

from panelkeeper.demo.scale.bulk import insert
from panelkeeper.demo.scale.people import IN_FORCE_FROM, Made, moment
from panelkeeper.lib.refusals import Refused
from panelkeeper.registers.gifts import route_on
from panelkeeper.registers.models import (
    Gift,
    GiftDirection,
    GiftOutcome,
    GiftStatus,
    GiverKind,
    Interest,
    InterestKind,
    Review,
)

_INTERESTS = (
    (InterestKind.MEMBERSHIP, "Committee member of the local residents' association"),
    (InterestKind.EMPLOYMENT, "Works part time for a care provider"),
    (InterestKind.CLOSE_RELATIVE, "A brother works for a repairs contractor"),
    (InterestKind.PERSONAL, "Volunteers at the community food bank"),
)
_INTEREST_FIELDS = ["member", "kind", "description", "starts_on", "ends_on"]
_REVIEW_FIELDS = ["member", "reviewed_on", "nil"]
_DECLARED_FIELDS = [
    "member", "direction", "giver_kind", "giver_name", "description", "value", "given_on",
    "declared_on", "reported_to_role", "status",
]  # fmt: skip
_DECIDED_FIELDS = ["status", "outcome", "outcome_note", "decided_on", "decided_by"]
_GIFTS = (
    (GiverKind.CONTRACTOR, "Repairs contractor", "A lunch after a site visit", "18.50"),
    (GiverKind.CUSTOMER, "A resident", "A box of biscuits", "6.00"),
    (GiverKind.ORGANISATION, "Regional housing forum", "A ticket to a conference dinner", "45.00"),
)


def registers(made: Sequence[Made], *, today: dt.date, rng: random.Random) -> tuple[int, int]:
    """Interests for about half of each organisation's members, a gift for about one in
    five (where the code keeps a register of gifts); how many of each."""
    interests: list[Interest] = []
    gifts: list[Gift] = []
    for one in made:
        interests += _interests(one, rng)
        gifts += _gifts(one, today, rng)
    insert(interests)
    reviews = insert(
        [
            Review(
                organisation=interest.organisation,
                member=interest.member,
                reviewed_on=interest.starts_on,
                recorded_at=interest.declared_at,
                recorded_by=interest.declared_by,
            )
            for interest in interests
        ]
    )
    insert(gifts)
    trail_of = {one.organisation.pk: one.trail for one in made}
    for interest, review in zip(interests, reviews, strict=True):
        trail = trail_of[interest.organisation_id]
        trail.add(
            interest, action="interest.declared", fields=_INTEREST_FIELDS, at=interest.declared_at
        )
        trail.add(
            review, action="register_review.recorded", fields=_REVIEW_FIELDS, at=review.recorded_at
        )
    for gift in gifts:
        assert gift.decided_at is not None
        trail = trail_of[gift.organisation_id]
        trail.add(gift, action="gift.declared", fields=_DECLARED_FIELDS, at=gift.declared_at)
        trail.add(gift, action="gift.decided", fields=_DECIDED_FIELDS, at=gift.decided_at)
    return len(interests), len(gifts)


def _interests(made: Made, rng: random.Random) -> list[Interest]:
    interests: list[Interest] = []
    for member in made.members:
        if rng.random() < 0.5:
            kind, description = rng.choice(_INTERESTS)
            starts = max(member.started_on, IN_FORCE_FROM) + dt.timedelta(
                days=rng.randrange(0, 200)
            )
            interests.append(
                Interest(
                    organisation=made.organisation,
                    member=member,
                    kind=kind,
                    description=description,
                    starts_on=starts,
                    declared_at=moment(starts, 14),
                    declared_by=made.officer,
                )
            )
    return interests


def _gifts(made: Made, today: dt.date, rng: random.Random) -> list[Gift]:
    try:
        gift_route = route_on(made.organisation, today)
    except Refused:
        return []  # the code keeps no register of gifts
    told = gift_route.report_to[0]
    gifts: list[Gift] = []
    for member in made.members:
        if rng.random() >= 0.2:
            continue
        giver_kind, giver, description, value = rng.choice(_GIFTS)
        given = IN_FORCE_FROM + dt.timedelta(
            days=rng.randrange(0, (today - IN_FORCE_FROM).days - 30)
        )
        decides = (
            f"the next meeting of {member.group.name}"
            if gift_route.at_next_meeting or gift_route.decided_by is None
            else gift_route.decided_by.title
        )
        decided = given + dt.timedelta(days=21)
        gifts.append(
            Gift(
                organisation=made.organisation,
                member=member,
                group=member.group,
                direction=GiftDirection.RECEIVED,
                giver_kind=giver_kind,
                giver_name=giver,
                description=description,
                value=Decimal(value),
                given_on=given,
                reported_to_role=told.key,
                reported_to_title=told.title,
                declared_on=given + dt.timedelta(days=2),
                declared_at=moment(given + dt.timedelta(days=2), 15),
                declared_by=made.officer,
                status=GiftStatus.DECIDED,
                decides_title=decides,
                outcome=rng.choice([GiftOutcome.KEPT, GiftOutcome.SHARED, GiftOutcome.RETURNED]),
                decided_on=decided,
                decided_by=made.officer,
                decided_at=moment(decided, 16),
            )
        )
    return gifts
