"""Finding a member or a case of one organisation: a member by name or email address, a
case by its reference (C-00012, or just 12) or by the name or email address of the member
it is about. Only the organisation's own records are searched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Model, Q, QuerySet

from panelkeeper.cases.models import Case
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation

# Results shown of each kind; a search that finds more says so and asks for more words.
SHOWN = 25
LONGEST = 100

_REFERENCE = re.compile(r"^\s*(?:c\s*-?\s*)?0*(\d{1,9})\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    query: str
    members: list[Member]
    members_total: int
    cases: list[Case]
    cases_total: int


def _person(prefix: str, words: str) -> Q:
    """A name or email containing ``words``, on the member's record or their account."""
    return (
        Q(**{f"{prefix}full_name__icontains": words})
        | Q(**{f"{prefix}email__icontains": words})
        | Q(**{f"{prefix}user__email__icontains": words})
    )


def _some[M: Model](queryset: QuerySet[M]) -> tuple[list[M], int]:
    """The first ``SHOWN`` of ``queryset`` and how many there are; two queries at most."""
    shown = list(queryset[: SHOWN + 1])
    if len(shown) <= SHOWN:
        return shown, len(shown)
    return shown[:SHOWN], queryset.count()


def search(organisation: Organisation, query: str) -> Found:
    """Members and cases of ``organisation`` matching ``query`` (already trimmed, not empty)."""
    members = (
        Member.objects.of(organisation)
        .filter(_person("", query))
        .select_related("group")
        .order_by("full_name", "id")
    )
    about = _person("member__", query)
    reference = _REFERENCE.match(query)
    if reference:
        about |= Q(pk=int(reference.group(1)))
    cases = Case.objects.of(organisation).filter(about).select_related("member").order_by("-id")
    found_members, members_total = _some(members)
    found_cases, cases_total = _some(cases)
    return Found(query, found_members, members_total, found_cases, cases_total)
