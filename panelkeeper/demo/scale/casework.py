"""Breach cases in bulk, each with its events, the person who raised it and, once its
formal stage has opened, a seat on its investigating group.

A case takes one of three courses: still reported (or at its informal stage, as the
code has it), withdrawn ten days after it was raised, or in its formal stage three days
after. Each course is checked step by step against the code's ladder, as the domain
checks each step it writes, and the case row keeps the copy of state, level and next
due date that the ladder gives for those events. The ladder is asked once per code,
course and day, since every case of one code on one day follows the same steps.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from functools import cache

from panelkeeper.cases.citing import citable_clauses
from panelkeeper.cases.models import Case, CaseEvent, CaseParty, PartyRole, RaisedBy, Seat, Setting
from panelkeeper.cases.routing import route
from panelkeeper.demo.scale.bulk import Trail, insert
from panelkeeper.demo.scale.names import full_name, street_address
from panelkeeper.demo.scale.people import IN_FORCE_FROM, Made, moment, preset_policy
from panelkeeper.members.models import GroupRole
from panelkeeper.rules.ladder import Raiser
from panelkeeper.rules.ladder.case import (
    CaseKind,
    CaseView,
    Event,
    EventKind,
    StepRefused,
    check_next_policy,
)
from panelkeeper.rules.ladder.model import Ladder
from panelkeeper.rules.policy.loader import Policy
from panelkeeper.rules.policy.roles import RoleKind

OPEN, WITHDRAWN, FORMAL = "open", "withdrawn", "formal"
_WHAT = (
    "Spoke over other members and would not let the meeting move on.",
    "Shared a confidential paper with a neighbour before the meeting.",
    "Was rude to a member of staff during an estate inspection.",
    "Posted about a scrutiny project's findings on social media before they were agreed.",
    "Did not declare an interest in a contractor under review.",
)
_OPENING_FIELDS = sorted(
    ["kind", "description", "subject_is_chair", "setting", "clauses", "raised_by", "anonymous",
     "reporter_name", "reporter_consents_to_identity"]
)  # fmt: skip
_PARTY_FIELDS = ["role", "member", "user", "name", "contact", "agreed_to_letters", "step"]


@dataclass(frozen=True)
class Course:
    """The events of one course for a case raised on one day, and the ladder's view."""

    events: tuple[Event, ...]
    view: CaseView


def _raised_by(ladder: Ladder) -> Raiser:
    allowed = ladder.raising.raised_by
    return Raiser.STAFF if not allowed or Raiser.STAFF in allowed else allowed[0]


@cache
def course(preset: str, kind: str, began: dt.date) -> Course:
    """The events and view of a case under ``preset`` taking course ``kind`` from
    ``began``; a course the code refuses falls back to the case as raised."""
    policy = preset_policy(preset)
    ladder = policy.breach
    assert ladder is not None
    opening = Event(
        kind=EventKind.RAISED, effective=began, recorded=began, raised_by=_raised_by(ladder)
    )
    view = check_next_policy(policy, [], opening, as_of=began)
    if kind == OPEN:
        return Course((opening,), view)
    day = began + dt.timedelta(days=10 if kind == WITHDRAWN else 3)
    steps = (
        [
            Event(
                kind=EventKind.WITHDRAWN,
                effective=day,
                recorded=day,
                reason="The person who raised it withdrew it.",
            )
        ]
        if kind == WITHDRAWN
        else [
            Event(kind=EventKind.INVESTIGATION_OPENED, effective=day, recorded=day),
            Event(kind=EventKind.MEMBER_INFORMED, effective=day, recorded=day),
        ]
    )
    for step in steps:
        try:
            return Course((opening, step), check_next_policy(policy, [opening], step, as_of=day))
        except StepRefused:
            continue
    return Course((opening,), view)


def _seat_role(policy: Policy) -> tuple[str, str] | None:
    """The first staff seat of the investigating group (the officer holds every title)."""
    ladder = policy.breach
    if ladder is None or ladder.group is None:
        return None
    for seat in ladder.group.seats:
        role = ladder.acting_role(seat.role, subject_is_chair=False)
        if role.kind is RoleKind.STAFF:
            return role.key, role.title
    return None


def cases(
    made: Made, count: int, *, today: dt.date, rng: random.Random, trail: Trail
) -> tuple[int, int, list[Case]]:
    """``count`` cases about the organisation's members (never a Chair); the numbers of
    cases and events written, and the cases in their formal stage."""
    ladder = made.policy.breach
    subjects = [m for m in made.members if m.role != GroupRole.CHAIR]
    if ladder is None or not subjects or count == 0:
        return 0, 0, []
    officer = made.officer
    first_day = IN_FORCE_FROM + dt.timedelta(days=7)
    span = (today - dt.timedelta(days=1) - first_day).days
    cited = [value for value, _ in citable_clauses(made.organisation, made.version, on=today)][:1]
    routed_to, handler = route(made.organisation, ladder, on=today, subject_is_chair=False)
    raised_by = RaisedBy(_raised_by(ladder).value)
    rows: list[tuple[Case, Course]] = []
    for _ in range(count):
        began = first_day + dt.timedelta(days=rng.randrange(span))
        roll = rng.random()
        kind = (
            OPEN
            if began > today - dt.timedelta(days=60) and roll < 0.5
            else WITHDRAWN
            if roll < 0.75
            else FORMAL
        )
        taken = course(made.preset, kind, began)
        last = taken.events[-1].effective
        if last > today:
            taken = course(made.preset, OPEN, began)
        view = taken.view
        rows.append(
            (
                Case(
                    organisation=made.organisation,
                    member=rng.choice(subjects),
                    policy_version=made.version,
                    kind=CaseKind.BREACH,
                    began_on=began,
                    description=rng.choice(_WHAT),
                    setting=rng.choice(Setting.values),
                    clauses=cited,
                    raised_by=raised_by,
                    reporter_name=" ".join(full_name(rng)),
                    routed_to=routed_to,
                    handler=handler,
                    state=view.state.value if view.state is not None else "reported",
                    level=view.level or "",
                    next_due=view.next_due,
                    created_at=moment(began),
                    created_by=officer,
                ),
                taken,
            )
        )
    made_cases = insert([case for case, _ in rows])
    events: list[CaseEvent] = []
    parties: list[CaseParty] = []
    for case, (_, taken) in zip(made_cases, rows, strict=True):
        trail.add(
            case,
            action="case.raised",
            fields=["member", "kind", "began_on", *_OPENING_FIELDS],
            at=case.created_at,
        )
        for event in taken.events:
            events.append(
                CaseEvent(
                    case=case,
                    kind=event.kind.value,
                    effective=event.effective,
                    recorded_on=event.effective,
                    recorded_at=moment(
                        event.effective, 11 if event.kind == EventKind.RAISED else 12
                    ),
                    recorded_by=officer,
                    level=event.level or "",
                    reason=event.reason or "",
                )
            )
        parties.append(
            CaseParty(
                case=case,
                role=PartyRole.REPORTER,
                name=case.reporter_name,
                contact=street_address(rng, made.organisation.name.removesuffix(" Homes")),
                agreed_to_letters=True,
                added_on=case.began_on,
                recorded_at=moment(case.began_on, 11),
            )
        )
    for row in insert(events):
        if row.kind != EventKind.RAISED:
            fields = ["kind", "effective", *(["reason"] if row.reason else [])]
            trail.add(row, action=f"case.{row.kind}", fields=fields, at=row.recorded_at)
    for party in insert(parties):
        trail.add(party, action="case_party.added", fields=_PARTY_FIELDS, at=party.recorded_at)
    formal = [
        case
        for case, (_, taken) in zip(made_cases, rows, strict=True)
        if len(taken.events) > 1 and case.state not in ("withdrawn", "closed")
    ]
    seat_role = _seat_role(made.policy)
    if seat_role is not None:
        seats = [
            Seat(
                case=case,
                role_key=seat_role[0],
                role_title=seat_role[1],
                user=officer,
                seated_on=case.began_on + dt.timedelta(days=3),
                recorded_at=moment(case.began_on + dt.timedelta(days=3), 13),
                recorded_by=officer,
            )
            for case in formal
        ]
        for seat in insert(seats):
            trail.add(
                seat,
                action="case.seat_filled",
                fields=["role_key", "member", "user", "impartial", "seated_on"],
                at=seat.recorded_at,
            )
    return len(made_cases), len(events), formal
