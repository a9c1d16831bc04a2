"""What falls due soon on an organisation's open cases: every unmet deadline due within
a few working days, or overdue (BR-5, BR-11, BR-12).

The role holders' daily digest lists every one (:func:`deadlines_due`), replaying each
case; the officers' Today page the next of each case, for the first cases only, and how
many cases have one (:func:`next_deadlines_due`), from the case rows' copies of their next
deadline. Both count on the organisation's own working calendar and agree on which cases
have a deadline due.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Subquery, Window

from panelkeeper.cases.models import NEXT_DEADLINE_FIELDS, Case
from panelkeeper.cases.procedure import assess_open_cases
from panelkeeper.cases.reading import Due, days_left, dues
from panelkeeper.members.models import Member
from panelkeeper.organisations.in_force import calendar_for
from panelkeeper.organisations.models import Organisation
from panelkeeper.rules.calendar.working_days import WorkingCalendar
from panelkeeper.rules.ladder.case_model import DEADLINE_LABELS


@dataclass(frozen=True)
class CaseDue:
    """One unmet deadline of one case, with what is left of it on the day asked."""

    case: Case
    due: Due


def deadlines_due(organisation: Organisation, *, today: dt.date, within: int) -> list[CaseDue]:
    """Unmet deadlines of ``organisation``'s open cases that are overdue on ``today`` or
    fall due within ``within`` working days of it, earliest first; a fixed number of
    queries, whatever the number of cases."""
    calendar = calendar_for(organisation)
    found = []
    for case, view in assess_open_cases(organisation, as_of=today, calendar=calendar):
        for due in dues(view, calendar):
            deadline = due.deadline
            if deadline.met_on is not None:
                continue
            soon = calendar.working_days_between(today, deadline.due) <= within
            if deadline.due < today or soon:
                found.append(CaseDue(case, due))
    return sorted(found, key=lambda d: (d.due.deadline.due, d.case.pk))


def soon_limit(calendar: WorkingCalendar, *, today: dt.date, within: int) -> dt.date:
    """The first day too late to count as due soon: a date before it is overdue on
    ``today`` or falls due within ``within`` working days of it (as :func:`deadlines_due`
    counts), so a query can ask ``due < soon_limit(...)``."""
    return calendar.add_working_days(today, within + 1)


@dataclass(frozen=True)
class NextDue:
    """The next unmet deadline of one case, as the case row keeps its copy, with what is
    left of it on the day asked (in working days or calendar days, as it is counted)."""

    case: Case
    """The case, read with its copy of its next deadline only."""
    member: str
    """The name of the member the case is about."""
    label: str
    due: dt.date
    working_days: bool
    left: int


def next_deadlines_due(
    organisation: Organisation,
    *,
    today: dt.date,
    within: int,
    first: int,
    calendar: WorkingCalendar,
) -> tuple[list[NextDue], int]:
    """The next unmet deadline of each open case whose next deadline is overdue on
    ``today`` or falls due within ``within`` working days: of the ``first`` due soonest,
    earliest first, and how many cases have one. One query whatever the number of cases:
    the case row's copy of its next deadline (rewritten with each event and each change
    of the calendar) says which it is and when, so no case is replayed here.
    ``calendar`` is the organisation's."""
    due = (
        Case.objects.of(organisation)
        .open()
        .filter(next_due__lt=soon_limit(calendar, today=today, within=within))
    )
    # The member's name is looked up in the select list, which PostgreSQL works out after
    # the count over every case due: for the first only. Joined, every case due would be.
    name = Member.objects.filter(pk=OuterRef("member_id")).order_by().values("full_name")
    counted = (
        due.only("pk", *NEXT_DEADLINE_FIELDS)
        .annotate(total=Window(Count("*")), member_name=Subquery(name))
        .by_next_due()
    )
    cases = list(counted[:first])
    found = [
        NextDue(
            case,
            getattr(case, "member_name"),  # noqa: B009 (annotated)
            DEADLINE_LABELS.get(case.next_deadline, "Next deadline"),
            case.next_due,
            case.next_due_in_working_days,
            days_left(case.next_due, case.next_due_in_working_days, today, calendar),
        )
        for case in cases
        if case.next_due is not None
    ]
    return found, getattr(cases[0], "total") if cases else 0  # noqa: B009 (annotated)
