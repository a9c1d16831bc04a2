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
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    Max,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber

from panelkeeper.cases.models import Case, CaseEvent, CaseState
from panelkeeper.letters.kinds import LetterKind
from panelkeeper.letters.models import Letter
from panelkeeper.members.documents import documents_to_resign_under
from panelkeeper.members.models import Document, DocumentVersion, Member, Signature
from panelkeeper.organisations.models import Organisation
from panelkeeper.registers.interests import (
    ReviewState,
    members_due_for_review,
    review_state,
    settings_of,
)
from panelkeeper.registers.models import Gift, GiftStatus
from panelkeeper.rules.ladder.case import EventKind
from panelkeeper.rules.policy.loader import Policy


def first_and_count[M: Model](
    queryset: QuerySet[M], *order: str, first: int
) -> tuple[list[M], int]:
    """The ``first`` of ``queryset`` in ``order``, and how many it holds: one query, whose
    count is taken over every row before the first are cut (so ``queryset`` must not be
    distinct: the count would be of the rows before their duplicates go)."""
    assert not queryset.query.distinct, "counted before DISTINCT: use Exists instead"
    found = list(queryset.annotate(found_total=Window(Count("*"))).order_by(*order)[:first])
    return found, getattr(found[0], "found_total") if found else 0  # noqa: B009 (annotated)


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


def overdue_declarations(
    organisation: Organisation, *, on: dt.date, first: int
) -> tuple[list[tuple[Member, ReviewState]], int]:
    """Active members whose declaration of interests is overdue for review on ``on``, as
    the register finds them (:func:`~panelkeeper.registers.interests.members_due_for_review`):
    the ``first`` due earliest, with their state, and how many there are. Never reviewed, a
    member is due from the day they joined. Three queries: the register's settings, the
    members counted and numbered in one pass, and the first of them."""
    months = settings_of(organisation).review_months
    never = ExpressionWrapper(Q(last_reviewed__isnull=True), output_field=BooleanField())
    # Due dates follow the joining day of members never reviewed, and the last review day
    # of the others, in order: the first of each, numbered apart, hold the first of all.
    ranked = (
        members_due_for_review(organisation, months=months, on=on)
        .annotate(
            place=Window(
                RowNumber(),
                partition_by=[never],
                order_by=[Coalesce("last_reviewed", "started_on").asc(), "full_name", "id"],
            ),
            found_total=Window(Count("*")),
        )
        .filter(place__lte=first)
        .order_by()
        # Narrow rows: every overdue member is sorted to number them, so only what the
        # numbering needs is carried; the few numbered first are read whole after.
        .values_list("pk", "last_reviewed", "found_total")
    )
    rows = list(ranked)
    members = Member.objects.in_bulk([pk for pk, _, _ in rows])
    states = [
        (members[pk], review_state(members[pk], last_reviewed=last, months=months, today=on))
        for pk, last, _ in rows
    ]
    return states, rows[0][2] if rows else 0


@dataclass(frozen=True)
class Resigning:
    """A member waiting to be asked by letter to sign ``version``, the current version of
    a document whose earlier ``signed_label`` they signed (MEM-6)."""

    member: Member
    title: str
    signed_label: str
    version: DocumentVersion


def resigning_to_ask(
    organisation: Organisation,
    *,
    on: dt.date,
    first: int,
    policy: Policy | None,
    documents: Callable[[], list[Document]],
) -> tuple[list[Resigning], int]:
    """Active members with a signature a newer version has outdated on ``on`` and no
    letter yet asking them to sign it, under ``policy`` (the code in force on ``on``) and
    of the organisation's ``documents`` (with their versions): the ``first`` by name of
    each document, and how many there are of all. Two queries for each document to sign."""
    resigned = documents_to_resign_under(policy, documents, on=on)
    if resigned is None:
        return [], 0
    items, by_key, current = resigned
    found: list[Resigning] = []
    total = 0
    for item in items:
        version = current.get(item.key)
        if version is None:
            continue
        document = by_key[item.key]
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
