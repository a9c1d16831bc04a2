"""Asking the breach procedure about a stored case: the one bridge to the rules.

Every rule decision comes from :func:`panelkeeper.rules.breaches.assess_policy` and
:func:`~panelkeeper.rules.breaches.check_next_policy`. This module turns stored rows into
the procedure's values (the policy the case was raised under, its working calendar with
the organisation's closure days, its events, the member's earlier cases) and a refusal
into :class:`CaseRefused`, which names the rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import lru_cache

from panelkeeper.cases.models import Case, CaseEvent
from panelkeeper.organisations.models import ClosureDay, PolicyVersion
from panelkeeper.organisations.policies import Refused, parse
from panelkeeper.rules.breaches import (
    AppealResult,
    CaseView,
    EarlierCase,
    Event,
    EventKind,
    StepRefused,
    assess_policy,
    check_next_policy,
)
from panelkeeper.rules.calendar import WorkingCalendar
from panelkeeper.rules.ladder import Channel, Effect, Ladder, Raiser
from panelkeeper.rules.policy import Policy


class CaseRefused(Refused):
    """A step the code does not allow; ``rule`` names the rule it breaks (BR-…, COI-4…)."""

    def __init__(self, rule: str, message: str, *, field: str | None = None) -> None:
        super().__init__(message, rule=rule, field=field)

    @classmethod
    def of(cls, refused: StepRefused, *, field: str | None = None) -> CaseRefused:
        return cls(refused.rule, refused.message, field=field)


@lru_cache(maxsize=64)
def _parsed(pk: int, source: str, file_name: str) -> Policy:
    # Published versions never change (a trigger refuses it), so the text is the key.
    version = PolicyVersion(pk=pk, source=source, file_name=file_name)
    return parse(version)


def policy_of(version: PolicyVersion) -> Policy:
    """The policy a stored version holds, parsed once per process for each text."""
    return _parsed(version.pk, version.source, version.file_name)


def ladder_of(policy: Policy) -> Ladder:
    if policy.breach is None:
        raise CaseRefused("BR-3", "The code in force defines no breach procedure.")
    return policy.breach


def calendar_for(case: Case, policy: Policy) -> WorkingCalendar:
    """The policy's calendar plus the closure days the organisation has recorded."""
    days = ClosureDay.objects.filter(organisation=case.organisation_id).values_list(
        "date", flat=True
    )
    return policy.working_calendar(list(days))


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


def earlier_cases(case: Case) -> list[EarlierCase]:
    """The member's other cases, with the ladder each was raised under (BR-8, Interpretation 5)."""
    others = (
        Case.objects.filter(member=case.member_id)
        .exclude(pk=case.pk)
        .select_related("policy_version")
        .prefetch_related("events")
    )
    found = []
    for other in others:
        policy = policy_of(other.policy_version)
        found.append(EarlierCase(other.reference, tuple(events_of(other)), policy.breach))
    return found


def assess_case(case: Case, *, as_of: dt.date) -> CaseView:
    """The case as its code sees it on ``as_of``: what was known then, and what was due."""
    policy = policy_of(case.policy_version)
    try:
        return assess_policy(
            policy,
            events_of(case),
            as_of=as_of,
            case_id=case.reference,
            earlier_cases=earlier_cases(case),
            calendar=calendar_for(case, policy),
        )
    except StepRefused as refused:
        raise CaseRefused.of(refused) from None


def check_step(case: Case, proposed: Event, *, today: dt.date) -> CaseView:
    """The case as it would be with ``proposed``; raises :class:`CaseRefused` if not allowed."""
    policy = policy_of(case.policy_version)
    try:
        return check_next_policy(
            policy,
            events_of(case),
            proposed,
            as_of=today,
            case_id=case.reference,
            earlier_cases=earlier_cases(case),
            calendar=calendar_for(case, policy),
        )
    except StepRefused as refused:
        raise CaseRefused.of(refused) from None


def check_first(
    policy: Policy,
    proposed: Event,
    *,
    today: dt.date,
    calendar: WorkingCalendar,
    case_id: str = "",
    earlier: Sequence[EarlierCase] = (),
) -> CaseView:
    """The view a new case would open with; raises :class:`CaseRefused` if not allowed."""
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
        raise CaseRefused.of(refused) from None
