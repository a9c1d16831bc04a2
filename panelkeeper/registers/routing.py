"""What a code of conduct says about interests and gifts, read from its policy.

Framework-free: takes a :class:`~panelkeeper.rules.policy.loader.Policy` (or nothing, when no
code is in force) and returns values the domain functions act on. Money typed by people
is read here too, so the form and the API give the same message.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from panelkeeper.rules.calendar.working_days import add_months
from panelkeeper.rules.policy.loader import Policy
from panelkeeper.rules.policy.roles import Role
from panelkeeper.rules.policy.sections import GiftsDiscussed, OnConflict

DEFAULT_REVIEW_MONTHS = 12
# Nobody declares a gift worth a million pounds through a form; a figure that size is a typo.
MAX_VALUE = Decimal("999999.99")
MONEY_HINT = "in pounds and pence, like 25 or 12.50"


@dataclass(frozen=True)
class GiftRoute:
    """GIFT-1, GIFT-2: what is declared, to whom, and where its future is settled.

    ``at_next_meeting`` means the group discusses it at its next meeting (vela, insight,
    herefordshire); otherwise ``decided_by`` records what happens (thirteen).
    ``declare_over`` is the value in whole pounds at or below which a gift need not be
    declared, where the code sets one; a member may still declare such a gift.
    """

    offered_too: bool
    report_to: tuple[Role, ...]
    at_next_meeting: bool
    decided_by: Role | None
    declare_over: int | None = None

    def optional(self, value: Decimal) -> bool:
        """GIFT-1: a gift worth ``value`` is under the code's threshold, so declaring it
        was the member's choice."""
        return self.declare_over is not None and value <= self.declare_over

    @property
    def threshold(self) -> str:
        """The threshold in words ("£25"); empty where every gift is declared."""
        return "" if self.declare_over is None else f"£{self.declare_over}"


@dataclass(frozen=True)
class ConflictRoute:
    """COI-2, COI-3, Interpretation 12: who is told of a possible conflict, who decides."""

    decided_by: tuple[Role, ...]
    tell: tuple[Role, ...]
    tell_immediately: bool
    on_conflict: OnConflict


def gift_route(policy: Policy | None) -> GiftRoute | None:
    """The gifts rules of ``policy``; None when it keeps no gifts register (nexus)."""
    if policy is None or policy.gifts is None:
        return None
    gifts = policy.gifts
    at_meeting = gifts.discuss is GiftsDiscussed.NEXT_MEETING
    return GiftRoute(
        offered_too=gifts.offered_too,
        report_to=gifts.declare_to,
        at_next_meeting=at_meeting,
        decided_by=None if at_meeting else gifts.discuss_with,
        declare_over=gifts.declare_over,
    )


def conflict_route(policy: Policy | None) -> ConflictRoute | None:
    """The conflict rules of ``policy``; None when it has no ``[interests]`` section."""
    if policy is None or policy.interests is None:
        return None
    interests = policy.interests
    return ConflictRoute(
        decided_by=interests.decided_by,
        # A code that names nobody to tell (nexus) still has someone who decides.
        tell=interests.tell or interests.decided_by,
        tell_immediately=interests.tell_immediately,
        on_conflict=interests.on_conflict,
    )


def review_due(last_reviewed: dt.date, months: int) -> dt.date:
    """COI-1: the day a declaration reviewed on ``last_reviewed`` needs reviewing again.

    Months are calendar months; the 31st of a short month falls back to its last day.
    """
    return add_months(last_reviewed, months)


_MONEY = re.compile(r"^\d+(\.\d{1,2})?$")


def parse_money(text: str) -> Decimal:
    """Read an amount of money as people type it ("£1,250", "12.5", "0.99").

    Raises ValueError with a message in GOV.UK voice for anything that is not an amount
    in pounds and pence, a negative amount or an implausibly large one.
    """
    cleaned = "".join(str(text).split()).replace(",", "")
    cleaned = cleaned.removeprefix("£")
    if cleaned.startswith("-"):
        raise ValueError("The estimated value must be £0 or more")
    if not _MONEY.match(cleaned):
        raise ValueError(f"Enter the estimated value {MONEY_HINT}")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"Enter the estimated value {MONEY_HINT}") from None
    if amount > MAX_VALUE:
        raise ValueError("The estimated value must be less than £1,000,000")
    return amount.quantize(Decimal("0.01"))


def format_money(amount: Decimal) -> str:
    """£1,250.00"""
    return f"£{amount:,.2f}"
