"""Reading a case for people: its timeline, due dates with working days left, who may
be told what. Pages and the API both read through here, so they say the same thing.

The member a case is about sees their own status and the notices sent to them, and the
reporter's name only when the reporter agreed (DESIGN "Confidentiality by design").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from panelkeeper.cases.models import Case, CaseEvent
from panelkeeper.cases.procedure import assess_case, calendar_for, policy_of
from panelkeeper.organisations.policies import working_calendar
from panelkeeper.rules.breaches import CaseView, DeadlineView
from panelkeeper.rules.calendar import WorkingCalendar


@dataclass(frozen=True)
class Due:
    deadline: DeadlineView
    working_days_left: int | None
    """Working days from ``as_of`` to the due date (negative once overdue); None once met."""


@dataclass(frozen=True)
class Reading:
    case: Case
    as_of: dt.date
    view: CaseView
    events: list[CaseEvent]
    dues: list[Due]
    parties_to_tell: list[str]
    """Who must be told of the outcome in writing (BR-11)."""

    @property
    def tell_by(self) -> dt.date | None:
        """When written notice of the decision is due, where the code sets a deadline."""
        deadline = self.view.deadline("notice")
        return deadline.due if deadline is not None else None


def dues(view: CaseView, calendar: WorkingCalendar) -> list[Due]:
    return [
        Due(d, None if d.met_on is not None else calendar.working_days_between(view.as_of, d.due))
        for d in view.deadlines
    ]


def parties_to_tell(case: Case) -> list[str]:
    """The member always; where the code writes to all parties (insight) or a named reporter
    gave their name, the reporter too (BR-11)."""
    told = [f"{case.member} (the member the case is about)"]
    if case.reporter_name and not case.anonymous:
        told.append(f"{case.reporter_name} (who raised it)")
    elif case.anonymous:
        told.append("The anonymous reporter, through their receipt code")
    return told


def read_case(case: Case, *, as_of: dt.date) -> Reading:
    """The case on ``as_of``: events recorded by then, deadlines as they stood then."""
    view = assess_case(case, as_of=as_of)
    calendar = calendar_for(case, policy_of(case.policy_version))
    events = [e for e in case.events.select_related("recorded_by") if e.recorded_on <= as_of]
    return Reading(case, as_of, view, events, dues(view, calendar), parties_to_tell(case))


def list_calendar(case_org: object) -> WorkingCalendar:
    """One calendar for a page of cases: the organisation's region and closure days."""
    return working_calendar(case_org)  # type: ignore[arg-type]


def reporter_for_subject(case: Case) -> str | None:
    """What the subject may know of who raised it: the name only with the reporter's consent."""
    if case.reporter_consents_to_identity and case.reporter_name and not case.anonymous:
        return case.reporter_name
    return None
