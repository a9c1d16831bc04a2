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
    ``decided_on``: the day its outcome took effect (the day it began, without one), read
    with its member's name only."""
    notified = CaseEvent.objects.filter(case=OuterRef("pk"), kind=EventKind.NOTICE_SENT)
    decided = Max("events__effective", filter=Q(events__kind=EventKind.OUTCOME_RECORDED))
    return (
        Case.objects.filter(organisation=organisation, state=CaseState.DECIDED)
        .exclude(Exists(notified))
        .annotate(decided_on=Coalesce(decided, "began_on"))
        .select_related("member")
        .only("member__full_name")
    )


@dataclass(frozen=True)
class GiftsWaiting:
    """The first gifts of each of Today's two lists of gifts, and how many each holds."""

    to_tell: list[Gift]
    to_tell_total: int
    to_decide: list[Gift]
    to_decide_total: int


def gifts_waiting(organisation: Organisation, *, first: int) -> GiftsWaiting:
    """Gifts waiting for something, in one query: decided gifts whose result no letter has
    told the member (GIFT-2), as :func:`~panelkeeper.letters.waiting.gifts_to_send` finds
    them, and gifts waiting for a meeting to decide them, on its agenda or not (GIFT-2).
    The ``first`` of each by the day they began waiting (decided, for the first; declared,
    for the others, which have no decision day) and the member's name, and how many of
    each there are. Each is read with what the lists show of it, and its member's name."""
    told = Letter.objects.filter(gift=OuterRef("pk"))
    decided = ExpressionWrapper(Q(status=GiftStatus.DECIDED), output_field=BooleanField())
    ranked = (
        Gift.objects.filter(organisation=organisation)
        .filter(
            Q(~Exists(told), status=GiftStatus.DECIDED)
            | Q(status__in=[GiftStatus.WAITING_FOR_MEETING, GiftStatus.ON_AGENDA])
        )
        .select_related("member")
        .only("description", "declared_on", "decided_on", "agenda_on", "member__full_name")
        .annotate(
            is_decided=decided,
            place=Window(
                RowNumber(),
                partition_by=[decided],
                # A gift not decided has no decision day (a constraint holds it so), so
                # each list is in order of the day it began waiting.
                order_by=[Coalesce("decided_on", "declared_on").asc(), "member__full_name", "id"],
            ),
            found_total=Window(Count("*"), partition_by=[decided]),
        )
        .filter(place__lte=first)
        .order_by()
    )
    lists: dict[bool, list[Gift]] = {True: [], False: []}
    totals = {True: 0, False: 0}
    for gift in ranked:
        is_decided: bool = getattr(gift, "is_decided")  # noqa: B009 (annotated)
        lists[is_decided].append(gift)
        totals[is_decided] = getattr(gift, "found_total")  # noqa: B009 (annotated)
    return GiftsWaiting(lists[True], totals[True], lists[False], totals[False])


def overdue_declarations(
    organisation: Organisation, *, on: dt.date, first: int
) -> tuple[list[tuple[Member, ReviewState]], int]:
    """Active members whose declaration of interests is overdue for review on ``on``, as
    the register finds them (:func:`~panelkeeper.registers.interests.members_due_for_review`):
    the ``first`` due earliest, with their state, and how many there are. Never reviewed, a
    member is due from the day they joined. Two queries: the register's settings, and the
    members counted and numbered in one pass, the first of them read with their name and
    joining day only."""
    months = settings_of(organisation).review_months
    never = ExpressionWrapper(Q(last_reviewed__isnull=True), output_field=BooleanField())
    # Due dates follow the joining day of members never reviewed, and the last review day
    # of the others, in order: the first of each, numbered apart, hold the first of all.
    ranked = (
        members_due_for_review(organisation, months=months, on=on)
        .select_related(None)
        # Narrow rows: every overdue member is sorted to number them, so each carries only
        # what the numbering sorts by, which is all the list shows of them.
        .only("full_name", "started_on")
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
    )
    members: list[Member] = list(ranked)
    states = [
        (m, review_state(m, last_reviewed=m.last_reviewed, months=months, today=on))  # type: ignore[attr-defined]  # annotated
        for m in members
    ]
    return states, getattr(members[0], "found_total") if members else 0  # noqa: B009 (annotated)


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
