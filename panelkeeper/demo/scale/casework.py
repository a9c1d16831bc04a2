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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from panelkeeper.cases.citing import citable_clauses
from panelkeeper.cases.models import (
    Case,
    CaseEvent,
    CaseEventText,
    CaseParty,
    PartyRole,
    RaisedBy,
    Seat,
    Setting,
    copy_next_deadline,
)
from panelkeeper.cases.routing import route
from panelkeeper.demo.scale.bulk import insert, insert_values
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
_RAISED_FIELDS = ["member", "kind", "began_on", *_OPENING_FIELDS]
_PARTY_FIELDS = ["role", "member", "user", "name", "contact", "agreed_to_letters", "step"]
_SEAT_FIELDS = ["role_key", "member", "user", "impartial", "seated_on"]
_EVENT_COLUMNS = [
    "case_id", "kind", "effective", "recorded_on", "recorded_at", "recorded_by_id", "level",
    "text_id",
]  # fmt: skip
_PARTY_COLUMNS = [
    "case_id", "role", "name", "contact", "agreed_to_letters", "added_on", "recorded_at",
]  # fmt: skip
_SEAT_COLUMNS = [
    "case_id", "role_key", "role_title", "user_id", "seated_on", "recorded_at", "recorded_by_id",
]  # fmt: skip
_EVENT, _PARTY, _SEAT = (model._meta.label for model in (CaseEvent, CaseParty, Seat))
_SETTINGS = Setting.values


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
    made: Sequence[Made], per_member: float, *, today: dt.date, rng: random.Random
) -> tuple[int, int]:
    """``per_member`` cases for each member of each organisation, about its members (never
    a Chair), with their events, reporters and seats; how many cases and events. Each
    organisation keeps its cases in their formal stage (``formal``) for the letters."""
    first_day = IN_FORCE_FROM + dt.timedelta(days=7)
    span = (today - dt.timedelta(days=1) - first_day).days
    rows: list[tuple[Case, Course, Made]] = []
    for one in made:
        ladder = one.policy.breach
        subjects = [m for m in one.members if m.role != GroupRole.CHAIR]
        count = round(one.member_count * per_member)
        if ladder is None or not subjects or count == 0:
            continue
        cited = [value for value, _ in citable_clauses(one.organisation, one.version, on=today)][:1]
        routed_to, handler = route(one.organisation, ladder, on=today, subject_is_chair=False)
        raised_by = RaisedBy(_raised_by(ladder).value)
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
            taken = course(one.preset, kind, began)
            if taken.events[-1].effective > today:
                taken = course(one.preset, OPEN, began)
            view = taken.view
            case = Case(
                organisation=one.organisation,
                member=rng.choice(subjects),
                policy_version=one.version,
                kind=CaseKind.BREACH,
                began_on=began,
                description=rng.choice(_WHAT),
                setting=rng.choice(_SETTINGS),
                clauses=cited,
                raised_by=raised_by,
                reporter_name=" ".join(full_name(rng)),
                routed_to=routed_to,
                handler=handler,
                state=view.state.value if view.state is not None else "reported",
                level=view.level or "",
                created_at=moment(began),
                created_by=one.officer,
            )
            copy_next_deadline(case, view)
            rows.append((case, taken, one))
    insert([case for case, _, _ in rows])
    events: list[tuple[int, str, dt.date, dt.date, dt.datetime, int, str, int | None]] = []
    reasons: list[str] = []
    parties: list[tuple[int, str, str, str, bool, dt.date, dt.datetime]] = []
    seats: list[tuple[int, str, str, int, dt.date, dt.datetime, int]] = []
    for case, taken, one in rows:
        one.trail.add(case, action="case.raised", fields=_RAISED_FIELDS, at=case.created_at)
        one.cases.append(case)
        for step in taken.events:
            # Its text's key once the texts are in (below); for now, where its reason is.
            text = None
            if step.reason:
                text = len(reasons)
                reasons.append(step.reason)
            events.append(
                (
                    case.pk,
                    step.kind.value,
                    step.effective,
                    step.effective,
                    moment(step.effective, 11 if step.kind == EventKind.RAISED else 12),
                    one.officer.pk,
                    step.level or "",
                    text,
                )
            )
        place = one.organisation.name.removesuffix(" Homes")
        parties.append(
            (case.pk, PartyRole.REPORTER, case.reporter_name, street_address(rng, place), True,
             case.began_on, moment(case.began_on, 11))
        )  # fmt: skip
        if len(taken.events) > 1 and case.state not in ("withdrawn", "closed"):
            one.formal.append(case)
            seat_role = _seat_role(one.policy)
            if seat_role is not None:
                seated_on = case.began_on + dt.timedelta(days=3)
                seats.append(
                    (case.pk, *seat_role, one.officer.pk, seated_on, moment(seated_on, 13),
                     one.officer.pk)
                )  # fmt: skip
    trail_of = {case.pk: one.trail for case, _, one in rows}
    texts = insert_values(CaseEventText, ["reason"], [[reason] for reason in reasons])
    events = [(*event[:7], None if event[7] is None else texts[event[7]]) for event in events]
    for key, event in zip(insert_values(CaseEvent, _EVENT_COLUMNS, events), events, strict=True):
        kind, worded = event[1], event[7] is not None
        if kind != EventKind.RAISED:
            trail_of[event[0]].record(
                _EVENT,
                key,
                action=f"case.{kind}",
                fields=["kind", "effective", *(["text"] if worded else [])],
                at=event[4],
            )
    for key, party in zip(insert_values(CaseParty, _PARTY_COLUMNS, parties), parties, strict=True):
        trail_of[party[0]].record(
            _PARTY, key, action="case_party.added", fields=_PARTY_FIELDS, at=party[6]
        )
    for key, seat in zip(insert_values(Seat, _SEAT_COLUMNS, seats), seats, strict=True):
        trail_of[seat[0]].record(
            _SEAT, key, action="case.seat_filled", fields=_SEAT_FIELDS, at=seat[5]
        )
    return len(rows), len(events)
