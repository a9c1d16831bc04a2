"""The members list, as the officers' page and the API both search and filter it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from panelkeeper.members.models import Member, MemberQuerySet
from panelkeeper.organisations.models import Organisation

PAGE_SIZE = 25
"""Members on a page of the officers' list."""


def members_chosen(
    organisation: Organisation, chosen: dict[str, Any], *, now: dt.datetime
) -> MemberQuerySet:
    """The organisation's members a ``SearchForm`` chose (by name, and by whether they
    sign in at ``now``), by name, each with their latest open invitation."""
    members = Member.objects.of(organisation).with_invitation()
    query = chosen.get("q", "").strip()
    if query:
        members = members.filter(full_name__icontains=query)
    if chosen.get("sign_in"):
        members = members.signing_in(chosen["sign_in"], now=now)
    return members.order_by("full_name", "id")
