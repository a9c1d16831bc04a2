"""The registers as rows: one place builds what pages, CSV, PDF and the public page show.

Every function takes a queryset and reads it with a fixed number of queries, whatever
the number of entries (DESIGN: bounded queries).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from panelkeeper.lib.links import row_link
from panelkeeper.organisations.models import Organisation
from panelkeeper.registers.list_forms import InterestState
from panelkeeper.registers.models import Gift, GiftStatus, Interest, WorkItem
from panelkeeper.registers.routing import format_money
from panelkeeper.rules.dates import day_month_year


def interests_query[Q: QuerySet[Interest]](queryset: Q) -> Q:
    return queryset.select_related("member", "member__group", "declared_by")


def interest_rows[Q: QuerySet[Interest]](queryset: Q) -> Q:
    """Only what the register's page shows of each interest, and its member's name: the
    page reads fifty rows, and each column more is one more value to read and convert."""
    fields = ["kind", "description", "starts_on", "ends_on", "member", "member__full_name"]
    return queryset.select_related(None).select_related("member").only(*fields)


def gifts_query[Q: QuerySet[Gift]](queryset: Q) -> Q:
    return queryset.select_related("member", "group", "decided_by", "declared_by")


type Filters = Mapping[str, Any]
"""A list's filters as its filter form cleaned them (empty: the whole list)."""


def _named[Q: QuerySet[Any]](rows: Q, filters: Filters) -> Q:
    """``rows`` of members whose name has the ``name`` filter in it, if there is one."""
    name = filters.get("name")
    return rows.filter(member__full_name__icontains=name) if name else rows


def interest_register(
    organisation: Organisation | int, filters: Filters, *, today: dt.date
) -> QuerySet[Interest]:
    """The register of interests, latest started first, narrowed by the
    :class:`~panelkeeper.registers.list_forms.InterestFilterForm`'s ``filters``: part of the
    member's ``name``, their ``group``, the ``kind``, and the ``state`` (current today or
    ended)."""
    rows = _named(Interest.objects.filter(organisation=organisation), filters)
    if group := filters.get("group"):
        rows = rows.filter(member__group=group)
    if kind := filters.get("kind"):
        rows = rows.filter(kind=kind)
    if filters.get("state") == InterestState.CURRENT:
        rows = rows.current(on=today)
    elif filters.get("state") == InterestState.ENDED:
        rows = rows.filter(ends_on__lt=today)
    return interests_query(rows).order_by("-starts_on", "-id")


def gift_register(organisation: Organisation | int, filters: Filters) -> QuerySet[Gift]:
    """The register of gifts and hospitality, latest given first, narrowed by the
    :class:`~panelkeeper.registers.list_forms.GiftFilterForm`'s ``filters``: part of the
    member's ``name``, the ``status``, and the days it was given between (inclusive)."""
    rows = _named(Gift.objects.filter(organisation=organisation), filters)
    if status := filters.get("status"):
        rows = rows.filter(status=status)
    if first := filters.get("given_from"):
        rows = rows.filter(given_on__gte=first)
    if last := filters.get("given_to"):
        rows = rows.filter(given_on__lte=last)
    return gifts_query(rows).order_by("-given_on", "-id")


def work_list(organisation: Organisation | int, filters: Filters) -> QuerySet[WorkItem]:
    """Pieces of work, latest first, narrowed by part of the ``title`` and the ``kind``."""
    rows = WorkItem.objects.filter(organisation=organisation)
    if title := filters.get("title"):
        rows = rows.filter(title__icontains=title)
    if kind := filters.get("kind"):
        rows = rows.filter(kind=kind)
    return rows.order_by("-on", "-id")


@dataclass(frozen=True)
class GiftLine:
    gift: Gift
    value: str
    decision: str
    member_link: str = ""
    """The member's register, on an officer's list."""
    decide_link: str = ""
    """Where an officer records the decision."""


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


def gift_lines(gifts: Iterable[Gift], *, org: str | None = None) -> list[GiftLine]:
    """Each gift with its value and decision in words, and for an officer of the
    organisation ``org`` (its slug) the links of its row; read ``gifts`` through
    :func:`gifts_query`, or each line costs queries."""
    if org is None:
        return [GiftLine(g, format_money(g.value), gift_decision(g)) for g in gifts]
    member = row_link("registers:member", "member", org=org)
    decide = row_link("registers:decide_gift", "pk", org=org)
    return [
        GiftLine(g, format_money(g.value), gift_decision(g), member(g.member_id), decide(g.pk))
        for g in gifts
    ]


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
