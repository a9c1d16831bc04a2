"""The registers as rows: one place builds what pages, CSV, PDF and the public page show.

Every function takes a queryset and reads it with a fixed number of queries, whatever
the number of entries (DESIGN: bounded queries).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from panelkeeper.registers.models import Gift, GiftStatus, Interest, InterestQuerySet
from panelkeeper.registers.routing import format_money
from panelkeeper.rules.dates import day_month_year


def interests_query(queryset: QuerySet[Interest]) -> QuerySet[Interest]:
    return queryset.select_related("member", "member__group", "declared_by")


def gifts_query(queryset: QuerySet[Gift]) -> QuerySet[Gift]:
    return queryset.select_related("member", "group", "decided_by", "declared_by")


def filter_interests(
    queryset: InterestQuerySet, params: dict[str, Any], *, today: dt.date
) -> InterestQuerySet:
    """``member`` (id), ``kind`` and ``state`` (current, ended) from a query string."""
    member = str(params.get("member") or "")
    if member.isdigit():
        queryset = queryset.filter(member_id=int(member))
    kind = params.get("kind")
    if kind:
        queryset = queryset.filter(kind=kind)
    state = params.get("state")
    if state == "current":
        queryset = queryset.current(on=today)
    elif state == "ended":
        queryset = queryset.filter(ends_on__lt=today)
    return queryset


def filter_gifts(queryset: QuerySet[Gift], params: dict[str, Any]) -> QuerySet[Gift]:
    """``member`` (id) and ``status`` from a query string."""
    member = str(params.get("member") or "")
    if member.isdigit():
        queryset = queryset.filter(member_id=int(member))
    status = params.get("status")
    if status in GiftStatus.values:
        queryset = queryset.filter(status=status)
    return queryset


@dataclass(frozen=True)
class GiftLine:
    gift: Gift
    value: str
    decision: str


def gift_status(gift: Gift) -> str:
    """Where a declaration has got to, in words: waiting for a meeting, on the agenda of
    the meeting on a date, waiting for a decision, or discussed (GIFT-2)."""
    if gift.status == GiftStatus.ON_AGENDA and gift.agenda_on is not None:
        return f"On the agenda of the meeting on {day_month_year(gift.agenda_on)}"
    return str(gift.get_status_display())


def gift_decision(gift: Gift) -> str:
    """What was decided, when and by whom; or what it is waiting for (GIFT-2)."""
    if gift.status == GiftStatus.DECIDED and gift.decided_on is not None:
        who = gift.decided_by.get_full_name() if gift.decided_by else ""
        by = f" by {who}" if who else ""
        return (
            f"{gift.get_outcome_display()}: decided{by} for {gift.decides_title} "
            f"on {day_month_year(gift.decided_on)}"
        )
    return f"{gift_status(gift)} ({gift.decides_title})"


def gift_lines(queryset: QuerySet[Gift]) -> list[GiftLine]:
    return [GiftLine(g, format_money(g.value), gift_decision(g)) for g in gifts_query(queryset)]


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def interests_csv(queryset: QuerySet[Interest]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Member", "Group", "Kind", "Description", "From", "To", "Declared"])
    for i in interests_query(queryset):
        writer.writerow(
            [
                _safe(i.member.full_name),
                _safe(i.member.group.name),
                i.get_kind_display(),
                _safe(i.description),
                _date(i.starts_on),
                _date(i.ends_on),
                i.declared_at.date().isoformat(),
            ]
        )
    return out.getvalue()


def gifts_csv(queryset: QuerySet[Gift]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "Member",
            "Group",
            "Received or offered",
            "Giver",
            "Kind of giver",
            "What",
            "Estimated value (GBP)",
            "Date",
            "Declared on",
            "Reported to",
            "Status",
            "Outcome",
            "Decided on",
            "Decided by",
        ]
    )
    for g in gifts_query(queryset):
        writer.writerow(
            [
                _safe(g.member.full_name),
                _safe(g.group.name),
                g.get_direction_display(),
                _safe(g.giver_name),
                g.get_giver_kind_display(),
                _safe(g.description),
                f"{g.value:.2f}",
                _date(g.given_on),
                _date(g.declared_on),
                g.reported_to_title,
                gift_status(g),
                g.get_outcome_display() if g.outcome else "",
                _date(g.decided_on),
                g.decided_by.get_full_name() if g.decided_by else "",
            ]
        )
    return out.getvalue()


def _safe(text: str) -> str:
    """Stop a spreadsheet reading a typed value as a formula (CSV injection)."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
