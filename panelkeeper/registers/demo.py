"""Demo registers for ``panelkeeper demo``: a few interests, a nil declaration and gifts.

Fictional, and described in our own words. Loading again adds nothing: an organisation
that already has an interest on its register is left as it is.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import Member
from panelkeeper.registers.codes import code_on
from panelkeeper.registers.gifts import declare_gift
from panelkeeper.registers.interests import confirm_register, declare_interest
from panelkeeper.registers.models import GiftDirection, GiverKind, Interest, InterestKind
from panelkeeper.registers.routing import gift_route

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.organisations.models import Organisation

INTERESTS = [
    (InterestKind.MEMBERSHIP, "Secretary of a residents' association on the estate"),
    (InterestKind.CLOSE_RELATIVE, "A brother works for the organisation's repairs contractor"),
]


def load_demo_registers(organisation: Organisation, *, officer: User, today: dt.date) -> None:
    """Declare demo interests and gifts for the organisation's first members."""
    if Interest.objects.filter(organisation=organisation).exists():
        return
    members = list(Member.objects.of(organisation).select_related("group__organisation")[:3])
    if not members:
        return
    for member, (kind, text) in zip(members, INTERESTS, strict=False):
        declare_interest(
            member=member,
            kind=kind,
            description=text,
            starts_on=dt.date(2025, 6, 1),
            actor=officer,
            today=today,
        )
    if len(members) > 2:
        confirm_register(member=members[2], nil=True, actor=officer, today=today)
    gifts = [
        (
            GiftDirection.RECEIVED,
            GiverKind.CONTRACTOR,
            "Sandwich lunch at a supplier's open day",
            "12.00",
        ),
        (GiftDirection.OFFERED, GiverKind.CUSTOMER, "Tickets to a charity concert", "40.00"),
    ]
    route = gift_route(code_on(organisation, today))
    # The team is named last where a code names more than one role to tell (herefordshire).
    told = route.report_to[-1].key if route else None
    for direction, giver_kind, what, value in gifts:
        try:
            declare_gift(
                member=members[0],
                direction=direction,
                giver_kind=giver_kind,
                giver_name="Northgate Facilities Ltd"
                if giver_kind == GiverKind.CONTRACTOR
                else "A neighbour",
                description=what,
                value=Decimal(value),
                given_on=today - dt.timedelta(days=7),
                reported_to_role=told,
                actor=officer,
                today=today,
            )
        except Refused:
            # A code without a gifts register (nexus) or one that takes no offers: the
            # demo skips what the code does not take.
            continue
