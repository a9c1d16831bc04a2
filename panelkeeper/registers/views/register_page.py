"""What a member's register page shows, for the member themselves and for officers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from panelkeeper.members.models import Member
from panelkeeper.registers.codes import code_on
from panelkeeper.registers.interests import review_state, settings_of
from panelkeeper.registers.listing import gift_lines, gifts_query, interests_query
from panelkeeper.registers.models import Gift, Interest, Review
from panelkeeper.registers.routing import gift_route


def member_register(member: Member, *, today: dt.date, org: str | None = None) -> dict[str, Any]:
    """Interests (current first, then ended), the last review, and gifts; bounded queries.
    For an officer of the organisation ``org`` (its slug), the gifts carry their links."""
    organisation = member.group.organisation
    interests = list(interests_query(Interest.objects.filter(member=member)))
    current = [
        i for i in interests if i.starts_on <= today and (i.ends_on is None or i.ends_on >= today)
    ]
    ended = [i for i in interests if i not in current]
    last = Review.objects.filter(member=member).order_by("-reviewed_on", "-recorded_at").first()
    state = review_state(
        member,
        last_reviewed=last.reviewed_on if last else None,
        months=settings_of(organisation).review_months,
        today=today,
    )
    return {
        "member": member,
        "current": current,
        "ended": ended,
        "last_review": last,
        "review": state,
        "gift_lines": gift_lines(gifts_query(Gift.objects.filter(member=member)), org=org),
        "gift_route": gift_route(code_on(organisation, today)),
    }
