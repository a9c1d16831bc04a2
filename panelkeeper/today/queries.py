"""Today's reads of the lists that grow with an organisation's members: how many are
waiting, and the first few of them, each in a fixed number of queries whose answer
stays small whatever the number of members (the registers and letters pages list them
all, paged).

Each gives the same members as the whole list it stands for: declarations as
:func:`~panelkeeper.registers.interests.members_with_reviews` says they are overdue,
re-signing as :func:`~panelkeeper.letters.waiting.resign_to_send` says it waits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import DateField, Exists, Max, Model, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from panelkeeper.cases.models import Case, CaseEvent, CaseState
from panelkeeper.letters.kinds import LetterKind
from panelkeeper.letters.models import Letter
from panelkeeper.members.documents import documents_to_resign
from panelkeeper.members.models import DocumentVersion, Member, Signature
from panelkeeper.organisations.models import Organisation
from panelkeeper.registers.interests import ReviewState, review_state, settings_of
from panelkeeper.registers.models import Gift, GiftStatus, Review
from panelkeeper.registers.routing import review_due
from panelkeeper.rules.calendar.working_days import add_months
from panelkeeper.rules.ladder.case import EventKind


def first_and_count[M: Model](
    queryset: QuerySet[M], *order: str, first: int
) -> tuple[list[M], int]:
    """The ``first`` of ``queryset`` in ``order``, and how many it holds: two queries."""
    return list(queryset.order_by(*order)[:first]), queryset.count()


def outcomes_to_tell(organisation: Organisation) -> QuerySet[Case]:
    """Decided cases with no written notice recorded yet (BR-11), as
    :func:`~panelkeeper.letters.waiting.outcomes_to_send` finds them, each with
    ``decided_on``: the day its outcome took effect (the day it began, without one)."""
    notified = CaseEvent.objects.filter(case=OuterRef("pk"), kind=EventKind.NOTICE_SENT)
    decided = Max("events__effective", filter=Q(events__kind=EventKind.OUTCOME_RECORDED))
    return (
        Case.objects.filter(organisation=organisation, state=CaseState.DECIDED)
        .exclude(Exists(notified))
        .annotate(decided_on=Coalesce(decided, "began_on"))
        .select_related("member")
    )


def gifts_to_tell(organisation: Organisation) -> QuerySet[Gift]:
    """Decided gifts whose result no letter has told the member (GIFT-2), as
    :func:`~panelkeeper.letters.waiting.gifts_to_send` finds them, each with
    ``waiting_since``: the day it was decided (declared, without one)."""
    told = Letter.objects.filter(gift=OuterRef("pk"))
    return (
        Gift.objects.filter(organisation=organisation, status=GiftStatus.DECIDED)
        .exclude(Exists(told))
        .annotate(waiting_since=Coalesce("decided_on", "declared_on"))
        .select_related("member")
    )


def last_overdue_review(today: dt.date, months: int) -> dt.date:
    """The latest day a declaration can have been reviewed on and be due for review again
    by ``today`` (COI-1): months are calendar months, so the 29th to the 31st of a month
    may fall due on the same short month's last day."""
    day = add_months(today, -months)  # due on or before today, so at most the answer
    while review_due(day + dt.timedelta(days=1), months) <= today:
        day += dt.timedelta(days=1)
    return day


def overdue_declarations(
    organisation: Organisation, *, on: dt.date, first: int
) -> tuple[list[tuple[Member, ReviewState]], int]:
    """Active members whose declaration of interests is overdue for review on ``on``: the
    ``first`` due earliest, with their state, and how many there are. Never reviewed, a
    member is due from the day they joined. Four queries."""
    months = settings_of(organisation).review_months
    reviews = Review.objects.filter(member=OuterRef("pk"))
    members = Member.objects.of(organisation).active(on=on)
    # Overdue: no review since the last day one can be overdue from (or none at all).
    overdue = members.exclude(
        Exists(reviews.filter(reviewed_on__gt=last_overdue_review(on, months)))
    )
    # Due dates follow the joining and the last review days in order, so the first of
    # each are the first of all.
    never = overdue.exclude(Exists(reviews)).annotate(last_reviewed=Value(None, DateField()))
    lapsed = overdue.filter(Exists(reviews)).annotate(
        last_reviewed=Subquery(reviews.order_by("-reviewed_on").values("reviewed_on")[:1])
    )
    found = [
        *never.order_by("started_on", "full_name", "id")[:first],
        *lapsed.order_by("last_reviewed", "full_name", "id")[:first],
    ]
    states = [
        (m, review_state(m, last_reviewed=getattr(m, "last_reviewed"), months=months, today=on))  # noqa: B009 (annotated)
        for m in found
    ]
    return states, overdue.count()


@dataclass(frozen=True)
class Resigning:
    """A member waiting to be asked by letter to sign ``version``, the current version of
    a document whose earlier ``signed_label`` they signed (MEM-6)."""

    member: Member
    title: str
    signed_label: str
    version: DocumentVersion


def resigning_to_ask(
    organisation: Organisation, *, on: dt.date, first: int
) -> tuple[list[Resigning], int]:
    """Active members with a signature a newer version has outdated on ``on`` and no
    letter yet asking them to sign it: the ``first`` by name of each document, and how
    many there are of all. Two queries, then two for each document to sign."""
    resigned = documents_to_resign(organisation, on=on)
    if resigned is None:
        return [], 0
    items, documents, current = resigned
    found: list[Resigning] = []
    total = 0
    for item in items:
        version = current.get(item.key)
        if version is None:
            continue
        document = documents[item.key]
        signed = Signature.objects.filter(
            member=OuterRef("pk"), signed_on__lte=on, version__document=document
        )
        asked = Letter.objects.filter(
            organisation=organisation,
            kind=LetterKind.RESIGN_REQUEST,
            member=OuterRef("pk"),
            document_version=version,
        )
        waiting = (
            Member.objects.of(organisation)
            .active(on=on)
            .filter(Exists(signed))
            .exclude(Exists(signed.filter(version=version)))
            .exclude(Exists(asked))
        )
        latest = signed.order_by("-signed_on", "-recorded_at", "-id").values("version__label")
        found += [
            Resigning(member, document.title, getattr(member, "signed_label"), version)  # noqa: B009 (annotated)
            for member in waiting.annotate(signed_label=Subquery(latest[:1])).order_by(
                "full_name", "id"
            )[:first]
        ]
        total += waiting.count()
    return found, total
