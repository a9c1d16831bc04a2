"""Demo cases for ``panelkeeper demo``: one breach in its formal stage; under vela one
taken to an outcome with its notice sent, so due dates and the appeal window show; and
under insight one decided and waiting for its outcome letter, which goes to the member,
the person who raised it and the investigators (the code tells every party).

Fictional, described in our own words. Loading again adds nothing; a step a code does
not allow is left out rather than forced (every step goes through the domain functions).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from panelkeeper.cases.changes.opening import raise_breach
from panelkeeper.cases.changes.people import seat_investigator
from panelkeeper.cases.changes.steps import (
    convene_group,
    inform_member,
    open_investigation,
    record_determination,
    record_notice,
    record_outcome,
)
from panelkeeper.cases.citing import citable_clauses
from panelkeeper.cases.models import Case, RaisedBy, Setting
from panelkeeper.cases.procedure import assess_case, policy_of
from panelkeeper.cases.routing import holder_of
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import GroupRole, Member
from panelkeeper.organisations.models import PolicyVersion

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.organisations.models import Organisation


def _raise(
    organisation: Organisation,
    member: Member,
    officer: User,
    on: dt.date,
    today: dt.date,
    what: str,
) -> Case | None:
    version = PolicyVersion.objects.in_force(organisation, on=on)
    if version is None or policy_of(version).breach is None:
        return None
    ladder = policy_of(version).breach
    assert ladder is not None
    raisers = ladder.raising.raised_by
    raised_by = RaisedBy.STAFF if not raisers or "staff" in raisers else RaisedBy(raisers[0])
    cited = [value for value, _ in citable_clauses(organisation, version, on=on)][:1]
    try:
        case = raise_breach(
            organisation=organisation,
            member=member,
            actor=officer,
            effective=on,
            description=what,
            setting=Setting.MEETING,
            clauses=cited,
            raised_by=raised_by,
            reporter_name="Pat Example",
            reporter_contact="12 Sample Row, Exampleton EX1 1AA",
            reporter_agreed_to_letters=True,
            today=today,
        )
    except Refused:
        return None
    try:
        open_investigation(
            case=case, actor=officer, effective=on + dt.timedelta(days=1), today=today
        )
    except Refused:
        # Codes that tell the member first (BR-4) open the formal stage that way.
        inform_member(case=case, actor=officer, effective=on + dt.timedelta(days=1), today=today)
    return case


def _seat_group(
    case: Case, others: list[Member], officer: User, *, on: dt.date, today: dt.date
) -> None:
    """Fill each seat the code names (staff by their title's holder), then convene."""
    ladder = policy_of(case.policy_version).breach
    if ladder is None or ladder.group is None:
        return
    for seat in ladder.group.seats:
        role = ladder.acting_role(seat.role, subject_is_chair=case.subject_is_chair)
        user = holder_of(case.organisation, role, on=on)
        member = None if user is not None else (others[0] if others else None)
        if user is None and member is None:
            continue
        try:
            seat_investigator(
                case=case,
                role_key=role.key,
                user=user,
                member=member,
                actor=officer,
                effective=on,
                today=today,
            )
        except Refused:
            continue
    try:
        convene_group(case=case, actor=officer, effective=on, today=today)
    except Refused:
        return


def load_demo_cases(organisation: Organisation, *, officer: User, today: dt.date) -> None:
    if Case.objects.filter(organisation=organisation).exists():
        return
    members = list(
        Member.objects.of(organisation)
        .exclude(role=GroupRole.CHAIR)
        .select_related("group__organisation")[:3]
    )
    if not members:
        return
    _raise(
        organisation,
        members[0],
        officer,
        today - dt.timedelta(days=9),
        today,
        "Spoke over other members repeatedly and would not let the meeting move on.",
    )
    if organisation.slug not in ("vela", "insight") or len(members) < 3:
        return
    case = _raise(
        organisation,
        members[1],
        officer,
        today - dt.timedelta(days=20),
        today,
        "Posted details of a scrutiny project's findings on social media.",
    )
    if case is None:
        return
    _seat_group(case, members[2:], officer, on=today - dt.timedelta(days=15), today=today)
    try:
        record_determination(
            case=case,
            level="minor",
            actor=officer,
            effective=today - dt.timedelta(days=12),
            today=today,
        )
    except Refused:
        return  # the group must sit first; leave the case in its formal stage
    view = assess_case(case, as_of=today)
    if view.outcomes_on_offer:
        record_outcome(
            case=case,
            outcome=view.outcomes_on_offer[0].key,
            actor=officer,
            effective=today - dt.timedelta(days=12),
            today=today,
        )
        if organisation.slug != "vela":
            return  # insight's waits for its outcome letter, sent from the case page
        record_notice(
            case=case,
            sent_on=today - dt.timedelta(days=11),
            to=str(case.member),
            channel="email",
            actor=officer,
            today=today,
        )
