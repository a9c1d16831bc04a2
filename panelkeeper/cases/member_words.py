"""A breach case told to the member it is about, in plain words: where it has got to,
what was decided, and how and by when they can appeal (BR-11, BR-12).

Nothing here names who raised the case or gives the reasons recorded by staff: the
member reads what the code says they must be told (DESIGN "Confidentiality by design").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from panelkeeper.cases.models import Case
from panelkeeper.cases.procedure import assess_case, history_of
from panelkeeper.rules.dates import day_month_year, long_date
from panelkeeper.rules.ladder.case_model import CaseView, EventKind, State

_WHERE = {
    State.REPORTED: "We have had a report about your conduct. An officer will be in touch "
    "to tell you what happens next.",
    State.INFORMAL: "We are dealing with this in an informal way. An officer will talk it "
    "through with you.",
    State.INVESTIGATING: "A small group is looking into what happened. They will talk to "
    "you, and we will write to tell you what they decide.",
    State.DECIDED: "A decision has been made.",
    State.APPEALED: "You have appealed. We will write to you with the answer.",
    State.CLOSED: "This case is closed.",
    State.WITHDRAWN: "This case was dropped. Nothing more will happen about it.",
}


@dataclass(frozen=True)
class CaseWords:
    case: Case
    where: str
    outcome: str
    appeal: str
    can_appeal_online: bool


def case_in_words(case: Case, *, today: dt.date, others: Sequence[Case] | None = None) -> CaseWords:
    """``case`` told to its member on ``today``; ``others``, the member's other cases with
    their policy versions, where the caller has read them already (see ``history_of``)."""
    rows, earlier = history_of(case, others=others)
    view = assess_case(case, as_of=today, rows=rows, earlier=earlier)
    where = _WHERE.get(view.state, "") if view.state is not None else ""
    outcome = ""
    if view.outcome is not None:
        decided = long_date(view.outcome.on)
        outcome = f"The decision was: {view.outcome.label.lower()}, on {decided}."
    return CaseWords(
        case=case,
        where=where,
        outcome=outcome,
        appeal=appeal_words(view),
        can_appeal_online=can_appeal(view),
    )


def can_appeal(view: CaseView) -> bool:
    """The code lets this decision be appealed, and an appeal lodged today would count:
    in time, or late where an officer may still accept it (BR-12, Interpretation 3)."""
    return view.appeal is None and view.allows(EventKind.APPEAL_LODGED)


def appeal_words(view: CaseView) -> str:
    """How, to whom and by when to appeal, or where the appeal has got to."""
    if view.appeal is not None:
        if view.appeal.decided is not None:
            return f"Your appeal was decided on {long_date(view.appeal.decided)}."
        return f"We got your appeal on {long_date(view.appeal.lodged)}."
    window = view.appeal_window
    if window is None or not can_appeal(view):
        return ""
    to = window.to.title
    if window.received is None:
        return (
            f"If you do not agree with the decision, you can appeal to the {to}. "
            "We will write to tell you the last day to do so."
        )
    if window.closes is None:
        return (
            f"If you do not agree with the decision, you can appeal to the {to}. "
            "There is no time limit, but please do it soon."
        )
    counted = (
        f", counting from {day_month_year(window.received)}, the day our letter counts as received"
    )
    if window.open:
        return (
            f"If you do not agree with the decision, you can appeal to the {to}. "
            f"Your appeal must reach us by {long_date(window.closes)}{counted}."
        )
    return (
        f"The last day to appeal was {long_date(window.closes)}{counted}. You can still "
        "appeal, and we will tell you if it can be heard."
    )
