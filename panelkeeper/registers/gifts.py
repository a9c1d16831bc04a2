"""Declaring gifts and hospitality and recording what happens to them (GIFT-1 to GIFT-3).

Where the code in force on the day of the gift says its future is discussed at the next
meeting (vela, insight, herefordshire), a declared gift goes on the agenda of its group's
first meeting after the day it was declared: at once when that meeting is already
scheduled, or when one is scheduled later. The meetings app does the placing (it
registers with :func:`when_gift_declared`, and puts ``Gift.objects.waiting_for_meeting``
on each new meeting's agenda), and :func:`decide_gift` records the result of the
discussion. Otherwise the role the code names records what happens (thirteen). An
outcome is recorded once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import create_recorded, save_values
from panelkeeper.lib.effective import refuse_future
from panelkeeper.lib.refusals import Refused, entered
from panelkeeper.members.models import Member
from panelkeeper.registers.codes import code_on, day, pick_role
from panelkeeper.registers.models import (
    Gift,
    GiftDirection,
    GiftOutcome,
    GiftStatus,
    GiverKind,
)
from panelkeeper.registers.routing import MAX_VALUE, GiftRoute, format_money, gift_route

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.organisations.models import Organisation


def route_on(organisation: Organisation, on: dt.date) -> GiftRoute:
    """The gifts rules in force on ``on``; refused when the code keeps no gifts register."""
    route = gift_route(code_on(organisation, on))
    if route is None:
        raise Refused(
            f"The code of conduct in force on {day(on)} keeps no register of gifts and "
            "hospitality, so there is nothing to declare it to.",
            field="given_on",
        )
    return route


GiftDeclared = Callable[["Gift", dt.date, "User"], object]
_WHEN_DECLARED: list[GiftDeclared] = []


def when_gift_declared(listener: GiftDeclared) -> GiftDeclared:
    """Register ``listener(gift, today, actor)`` to run inside the declaring transaction
    once a gift is entered: the meetings app puts it on an agenda (GIFT-2). Apps above
    this one register from their ``AppConfig.ready``; this app never imports them."""
    if listener not in _WHEN_DECLARED:
        _WHEN_DECLARED.append(listener)
    return listener


def declare_gift(
    *,
    member: Member,
    direction: str = GiftDirection.RECEIVED,
    giver_kind: str,
    giver_name: str,
    description: str,
    value: Decimal,
    given_on: dt.date,
    declared_on: dt.date | None = None,
    reported_to_role: str | None = None,
    actor: User,
    today: dt.date,
) -> Gift:
    """Enter a gift or hospitality in the register (GIFT-1, GIFT-3) and route it (GIFT-2).

    An offer is accepted only where the code asks for offers too (thirteen).
    ``reported_to_role`` must be a role the code names to be told; it may be left empty
    when the code names one. ``value`` is an amount in pounds, 0 or more.
    ``declared_on`` is the day the member declared it (today when not given): never in
    the future, nor before it was given or the member joined.
    """
    organisation = member.group.organisation
    if direction not in GiftDirection.values:
        raise Refused("Select whether it was received or offered.", field="direction")
    if giver_kind not in GiverKind.values:
        raise Refused("Select who gave or offered it.", field="giver_kind")
    giver_name = entered(giver_name, field="giver_name", missing="Enter who gave or offered it.")
    description = entered(
        description, field="description", missing="Describe the gift or hospitality."
    )
    if not Decimal(0) <= value <= MAX_VALUE:
        raise Refused("The estimated value must be between £0 and £999,999.99.", field="value")
    refuse_future(given_on, today, what="The date it was given or offered", field="given_on")
    declared_on = today if declared_on is None else declared_on
    _check_declared_on(declared_on, given_on=given_on, member=member, today=today)
    route = route_on(organisation, given_on)
    if direction == GiftDirection.OFFERED and not route.offered_too:
        raise Refused(
            "The code in force asks only for gifts and hospitality received. "
            "Select received, or do not declare an offer you turned down.",
            field="direction",
        )
    told = pick_role(
        route.report_to, reported_to_role, field="reported_to_role", what="who it was reported to"
    )
    if route.at_next_meeting:
        status, decides = GiftStatus.WAITING_FOR_MEETING, f"the next meeting of {member.group.name}"
    else:
        assert route.decided_by is not None
        status, decides = GiftStatus.WAITING_FOR_DECISION, route.decided_by.title
    # One transaction for the declaration and its place on an agenda (the listeners).
    with transaction.atomic():
        gift = create_recorded(
            Gift,
            organisation=organisation,
            actor=actor,
            action="gift.declared",
            logged={
                "member": member,
                "direction": direction,
                "giver_kind": giver_kind,
                "giver_name": giver_name[:200],
                "description": description,
                "value": value,
                "under_threshold": route.optional(value),
                "given_on": given_on,
                "declared_on": declared_on,
                "reported_to_role": told.key,
                "status": status,
            },
            group=member.group,
            reported_to_title=told.title,
            declared_at=timezone.now(),
            declared_by=actor,
            decides_title=decides,
        )
        for listener in _WHEN_DECLARED:
            listener(gift, today, actor)
    return gift


def _check_declared_on(
    declared_on: dt.date, *, given_on: dt.date, member: Member, today: dt.date
) -> None:
    refuse_future(declared_on, today, what="The date it was declared", field="declared_on")
    if declared_on < given_on:
        raise Refused(
            f"The date it was declared must be on or after {day(given_on)}, when it was "
            "given or offered.",
            field="declared_on",
        )
    if declared_on < member.started_on:
        raise Refused(
            f"The date it was declared must be on or after {day(member.started_on)}, when "
            f"{member.full_name} joined the group.",
            field="declared_on",
        )


def decide_gift(
    *, gift: Gift, outcome: str, decided_on: dt.date, note: str = "", actor: User, today: dt.date
) -> Gift:
    """Record what happens to a gift: kept, returned, donated, shared or declined (GIFT-2).

    Refused when an outcome is already recorded: a decision stays as it was made.
    """
    if outcome not in GiftOutcome.values:
        raise Refused("Select what happens to the gift.", field="outcome")
    refuse_future(decided_on, today, what="The date of the decision", field="decided_on")
    with transaction.atomic():
        locked = Gift.objects.select_for_update().get(pk=gift.pk)
        if locked.status == GiftStatus.DECIDED:
            assert locked.decided_on is not None
            raise Refused(
                f"What happens to this gift was already decided on {day(locked.decided_on)}: "
                f"{locked.get_outcome_display().lower()}. A decision is not changed once recorded."
            )
        if decided_on < locked.given_on:
            raise Refused(
                f"The date of the decision must be on or after {day(locked.given_on)}, "
                "when it was given or offered.",
                field="decided_on",
            )
        save_values(
            locked,
            {
                "status": GiftStatus.DECIDED,
                "outcome": outcome,
                "outcome_note": note.strip(),
                "decided_on": decided_on,
                "decided_by": actor,
                "decided_at": timezone.now(),
                "agenda_on": None,
            },
            action="gift.decided",
            actor=actor,
            organisation=locked.organisation,
        )
    return locked


def describe_value(gift: Gift) -> str:
    return format_money(gift.value)
