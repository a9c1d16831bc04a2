"""What falls due soon on an organisation's open cases: every unmet deadline due within
a few working days, or overdue (BR-5, BR-11, BR-12).

The officers' Today page and the role holders' daily digest both read here, so they list
the same deadlines, counted on the organisation's own working calendar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from panelkeeper.cases.models import Case
from panelkeeper.cases.procedure import assess_open_cases
from panelkeeper.cases.reading import Due, dues
from panelkeeper.organisations.in_force import calendar_for
from panelkeeper.organisations.models import Organisation


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
