"""Asking the breach procedure about a stored case: the one bridge to the rules.

Every rule decision comes from :func:`panelkeeper.rules.ladder.case.assess_policy` and
:func:`~panelkeeper.rules.ladder.case.check_next_policy`. This module turns stored rows into
the procedure's values (the policy the case was raised under, the organisation's working
calendar, its events, the member's earlier cases) and a refusal into the apps'
:class:`~panelkeeper.lib.refusals.Refused`, which names the rule.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence

from django.db.models import Prefetch, QuerySet

from panelkeeper.cases.models import EVENT_ORDER, Case, CaseEvent, CaseState
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.in_force import calendar_for, policy_of_version
from panelkeeper.organisations.models import Organisation
from panelkeeper.rules.calendar.working_days import WorkingCalendar
from panelkeeper.rules.ladder import Channel, Effect, Ladder, Raiser
from panelkeeper.rules.ladder.case import (
    AppealResult,
    CaseView,
    EarlierCase,
    Event,
    EventKind,
    StepRefused,
    assess_policy,
    check_next_policy,
)
from panelkeeper.rules.policy.loader import Policy

# The case's own version, whatever is in force today; parsed once per process by the
# code-in-force service.
policy_of = policy_of_version


def ladder_of(policy: Policy) -> Ladder:
    if policy.breach is None:
        raise Refused("The code in force defines no breach procedure.", rule="BR-3")
    return policy.breach


def to_event(row: CaseEvent, case: Case) -> Event:
    """The procedure's value for a stored event."""
    kind = EventKind(row.kind)
    raised = kind is EventKind.RAISED
    return Event(
        kind=kind,
        effective=row.effective,
        recorded=row.recorded_on,
        step=row.step or None,
        level=row.level or None,
        outcome=row.outcome or None,
        effect=Effect(row.effect) if row.effect else None,
        reason=row.reason or None,
        channel=Channel(row.channel) if row.channel else None,
        until=row.until,
        accepted=row.accepted,
        result=AppealResult(row.result) if row.result else None,
        confidentiality=row.confidentiality,
        raised_by=Raiser(case.raised_by) if raised and case.raised_by else None,
        anonymous=case.anonymous if raised else False,
        subject_is_chair=case.subject_is_chair if raised else False,
    )


def events_of(case: Case, rows: Iterable[CaseEvent] | None = None) -> list[Event]:
    rows = case.events.all() if rows is None else rows
    return [to_event(row, case) for row in rows]


EARLIER_FIELDS = ("policy_version", "raised_by", "anonymous", "subject_is_chair")
"""What :func:`as_earlier` reads of another case of the member, besides its id."""


def events_in_order() -> Prefetch[str, QuerySet[CaseEvent], str]:
    """Each case's events, prefetched in their order case by case: with no order by case,
    which would join every event to its case."""
    return Prefetch("events", queryset=CaseEvent.objects.order_by(*EVENT_ORDER))


def earlier_cases(case: Case) -> list[EarlierCase]:
    """The member's other cases, with the ladder each was raised under (BR-8, Interpretation 5)."""
    # Only what the ladder asks of them (see ``to_event``), not each case's whole row.
    others = (
        Case.objects.filter(member=case.member_id)
        .exclude(pk=case.pk)
        .only(*EARLIER_FIELDS)
        .select_related("policy_version")
        .prefetch_related(events_in_order())
    )
    return [as_earlier(other) for other in others]


def as_earlier(other: Case, rows: Iterable[CaseEvent] | None = None) -> EarlierCase:
    """Another case of the member, as the ladder counts it (with its events, ``rows``,
    where they are read already)."""
    return EarlierCase(
        other.reference, tuple(events_of(other, rows)), policy_of(other.policy_version).breach
    )


def history_of(
    case: Case, *, others: Sequence[Case] | None = None
) -> tuple[list[CaseEvent], list[EarlierCase]]:
    """Every event of ``case`` in order, and the member's earlier cases as the ladder
    counts them (BR-8, Interpretation 5): the events of all the member's cases read
    together, in two queries whatever their number.

    ``others`` are the member's other cases, each with its policy version, where the
    caller has read them already (with ``case``, in the same query); then one query."""
    if others is None:
        others = list(
            Case.objects.filter(member=case.member_id)
            .exclude(pk=case.pk)
            .only(*EARLIER_FIELDS)
            .select_related("policy_version")
        )
    cases = {c.pk: c for c in [case, *others]}
    rows: dict[int, list[CaseEvent]] = {pk: [] for pk in cases}
    for row in CaseEvent.objects.filter(case__in=list(cases)).order_by("case_id", *EVENT_ORDER):
        row.case = cases[row.case_id]
        rows[row.case_id].append(row)
    return rows[case.pk], [as_earlier(other, rows[other.pk]) for other in others]


def _ask_ladder(
    case: Case,
    ask: Callable[..., CaseView],
    *proposed: Event,
    as_of: dt.date,
    earlier: Sequence[EarlierCase] | None = None,
    calendar: WorkingCalendar | None = None,
    rows: Iterable[CaseEvent] | None = None,
) -> CaseView:
    """``ask`` (:func:`assess_policy` or :func:`check_next_policy`) about ``case`` on
    ``as_of``, with its code, its events (``rows``, all of them), the member's earlier
    cases and the organisation's calendar (each read here unless given); a refusal by the
    rules becomes :class:`Refused`."""
    try:
        return ask(
            policy_of(case.policy_version),
            events_of(case, rows),
            *proposed,
            as_of=as_of,
            case_id=case.reference,
            earlier_cases=earlier_cases(case) if earlier is None else earlier,
            calendar=calendar or calendar_for(case.organisation),
        )
    except StepRefused as refused:
        raise Refused.from_step(refused) from None


def assess_case(
    case: Case,
    *,
    as_of: dt.date,
    rows: Iterable[CaseEvent] | None = None,
    earlier: Sequence[EarlierCase] | None = None,
    calendar: WorkingCalendar | None = None,
) -> CaseView:
    """The case as its code sees it on ``as_of``: what was known then, and what was due.

    A reader that has the case's events (``rows``: every one, in their order), the
    member's earlier cases (:func:`history_of` reads both) or the organisation's calendar
    already passes them, so that none is read twice."""
    return _ask_ladder(
        case, assess_policy, as_of=as_of, calendar=calendar, rows=rows, earlier=earlier
    )


def assess_open_cases(
    organisation: Organisation,
    *,
    as_of: dt.date,
    calendar: WorkingCalendar | None = None,
    only: Collection[int] | None = None,
) -> Iterator[tuple[Case, CaseView]]:
    """:func:`assess_case` for every open case of ``organisation`` (or those of them whose
    ids are in ``only``), in a fixed number of queries whatever the number of cases: the
    cases of their members with their events (the open cases and the earlier ones the
    ladder counts, BR-8), the versions of the code they were raised under, and the
    calendar, each read once (``calendar`` where the caller has it already). A case its
    code cannot read is left out, as it is on the officers' list."""
    open_cases = Case.objects.of(organisation).open()
    if only is not None:
        open_cases = open_cases.filter(pk__in=only)
    members = open_cases.values("member")
    # The versions of the code apart: they are few, and each holds the code's whole text,
    # which joined to every case would be read again for each.
    cases = list(
        Case.objects.filter(member__in=members)
        .select_related("member", "organisation")
        .prefetch_related("policy_version", events_in_order())
    )
    calendar = calendar or calendar_for(organisation)
    by_member: dict[int, list[tuple[int, EarlierCase]]] = defaultdict(list)
    for case in cases:
        by_member[case.member_id].append((case.pk, as_earlier(case)))
    for case in cases:
        if case.state in (CaseState.CLOSED, CaseState.WITHDRAWN):
            continue
        if only is not None and case.pk not in only:
            continue
        earlier = [found for pk, found in by_member[case.member_id] if pk != case.pk]
        try:
            view = _ask_ladder(case, assess_policy, as_of=as_of, earlier=earlier, calendar=calendar)
        except Refused:
            continue
        yield case, view


def check_step(case: Case, proposed: Event, *, today: dt.date) -> CaseView:
    """The case as it would be with ``proposed``; raises :class:`Refused` if not allowed."""
    return _ask_ladder(case, check_next_policy, proposed, as_of=today)


def check_first(
    policy: Policy,
    proposed: Event,
    *,
    today: dt.date,
    calendar: WorkingCalendar,
    case_id: str = "",
    earlier: Sequence[EarlierCase] = (),
) -> CaseView:
    """The view a new case would open with; raises :class:`Refused` if not allowed."""
    try:
        return check_next_policy(
            policy,
            [],
            proposed,
            as_of=today,
            case_id=case_id,
            earlier_cases=earlier,
            calendar=calendar,
        )
    except StepRefused as refused:
        raise Refused.from_step(refused) from None
