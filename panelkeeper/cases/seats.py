"""Who may sit on a case's investigating group, and what the group lacks (BR-6, COI-4).

Nobody may sit who is conflicted (Interpretation 11): the member the case is about, the
person who raised it, a witness, anyone who gave guidance in the same matter, anyone
implicated, anyone the registers have conflicted out of the case (``conflicts_for``) or
whose declared interest awaits a decision. Receiving the report is not a conflict. The
Chair never sits on their own case where the code names a stand-in (Interpretation 10).
The composition the code requires is checked by the rules' ``check_group``.

A member (staff are not members) sits only while eligible to take part
(:func:`~panelkeeper.members.eligibility.eligibility`): where the code makes signing a
condition, a member with a document still to sign is no more fit to investigate than to
vote (MEM-2). This is asked when the seat is filled and again when the group convenes.

A seat filled by mistake, or whose holder turns out to be conflicted or leaves, is
released with a reason until the group is convened; the seat stays on record. Released
seats, and people taken off the case, count for nothing: not in the group's composition,
not as a conflict, not for access to the case. Seats are filled and released, and people
added and taken off, in :mod:`panelkeeper.cases.changes.people`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from panelkeeper.cases.models import Case, CaseInvitation, CaseParty, PartyRole, Seat
from panelkeeper.cases.procedure import ladder_of, policy_of
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.eligibility import Hurdle, eligibility
from panelkeeper.members.models import GroupRole, Member
from panelkeeper.organisations.models import RoleHolder
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.ladder import GroupProblem, Seated, check_group
from panelkeeper.rules.ladder.case import EventKind
from panelkeeper.rules.ladder.deciders import decider_problems
from panelkeeper.rules.ladder.givers import Giver, giver_problems
from panelkeeper.rules.ladder.model import Ladder
from panelkeeper.rules.policy.roles import MemberRole, Role

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.registers.conflicts import Conflicts

_PARTY_REASON = {
    PartyRole.REPORTER: "raised this breach",
    PartyRole.WITNESS: "is a witness in this case",
    PartyRole.ADVISED: "gave guidance in this same matter",
    PartyRole.IMPLICATED: "is implicated in this case",
}


def invited_users(case: Case) -> QuerySet[CaseInvitation, Any]:
    """The user ids of the people who accepted an invitation to ``case`` and are still on
    it: besides the organisation's own people, the only ones its pickers may name
    (:func:`~panelkeeper.accounts.people.choosable_for`)."""
    return CaseInvitation.objects.filter(
        case=case, removed_on__isnull=True, invitation__accepted_by__isnull=False
    ).values("invitation__accepted_by")


def _same_person(
    member: Member | None,
    user: User | None,
    other_member_id: int | None,
    other_user_id: int | None,
    other_member_user_id: int | None,
) -> bool:
    if member is not None and other_member_id == member.pk:
        return True
    user_id = user.pk if user is not None else (member.user_id if member is not None else None)
    return user_id is not None and user_id in (other_user_id, other_member_user_id)


type ConflictsOn = Callable[[dt.date], Conflicts]
"""The registers' conflicts over the case's work on a day."""


def _conflicts_of(case: Case) -> ConflictsOn:
    from panelkeeper.registers.conflicts import conflicts_for

    def on(day: dt.date) -> Conflicts:
        assert case.work is not None
        return conflicts_for(case.work, on=day)

    return on


def conflict_reasons(
    case: Case,
    *,
    member: Member | None,
    user: User | None,
    on: dt.date,
    parties: Iterable[CaseParty] | None = None,
    conflicts: ConflictsOn | None = None,
) -> list[tuple[str, str]]:
    """(rule, why) for every reason this person may not sit on the case's group.

    ``parties`` (the case's current parties, with their members) and ``conflicts`` are
    read here unless given: :func:`seated` reads them once for every seat."""
    reasons: list[tuple[str, str]] = []
    subject = case.member
    if _same_person(member, user, subject.pk, None, subject.user_id) or (
        user is not None and user.pk == subject.advocate_id
    ):
        reasons.append(("COI-4", "is the member the breach is about"))
    if parties is None:
        parties = case.parties.current().select_related("member")
    for party in parties:
        party_member_user = party.member.user_id if party.member is not None else None
        if _same_person(member, user, party.member_id, party.user_id, party_member_user):
            reasons.append(("Interpretation 11", _PARTY_REASON[PartyRole(party.role)]))
    if member is not None and case.work is not None:
        conflicts_found = (conflicts or _conflicts_of(case))(on)
        if conflicts_found.withdrawn(member):
            reasons.append(("COI-4", "has withdrawn from this case over a declared interest"))
        elif member.pk in conflicts_found.undecided:
            reasons.append(
                ("COI-4", "has a declared interest with no decision yet; record one first")
            )
    return reasons


def ineligibility(member: Member, *, on: dt.date) -> tuple[str, str] | None:
    """(rule, why) when ``member`` may not take part on ``on``, or None when they may.

    ``why`` names the member and every reason, so that it says what they still have to
    sign. The rule is MEM-2 (eligibility needs every required document signed) unless
    the only reason is a suspension (BR-9).
    """
    answer = eligibility(member, on=on)
    if answer.eligible:
        return None
    hurdles = {reason.hurdle for reason in answer.reasons}
    rule = "BR-9" if hurdles == {Hurdle.SUSPENDED} else "MEM-2"
    why = "; ".join(reason.message for reason in answer.reasons)
    return rule, f"{member.full_name} may not take part on {day_month_year(on)}: {why}"


def names_group(case: Case) -> bool:
    """Whether the code the case was raised under has an investigating group (BR-6)."""
    return ladder_of(policy_of(case.policy_version)).group is not None


def group_roles(case: Case) -> dict[str, Role]:
    """The roles the code lets sit on this case's group, as they act for it."""
    ladder = ladder_of(policy_of(case.policy_version))
    if ladder.group is None:
        raise Refused("This code names no investigating group.", rule="BR-6")
    return seat_roles(ladder, subject_is_chair=case.subject_is_chair)


def seat_roles(ladder: Ladder, *, subject_is_chair: bool) -> dict[str, Role]:
    """The roles ``ladder`` lets sit on an investigating group, by key, as they act when
    the Chair is, or is not, the member a case is about; none without a group."""
    group = ladder.group
    if group is None:
        return {}
    chair = subject_is_chair
    roles = [ladder.acting_role(seat.role, subject_is_chair=chair) for seat in group.seats]
    roles += list(group.may_include)
    if group.convened_by is not None:
        roles.append(group.convened_by)
    return {role.key: role for role in roles}


def as_seated(
    case: Case,
    seat: Seat,
    *,
    parties: Iterable[CaseParty] | None = None,
    conflicts: ConflictsOn | None = None,
) -> Seated:
    """The rules' value for a seat: its holder, role, and whether they are conflicted
    (``parties`` and ``conflicts`` as :func:`conflict_reasons` takes them)."""
    reasons = conflict_reasons(
        case,
        member=seat.member,
        user=seat.user,
        on=seat.seated_on,
        parties=parties,
        conflicts=conflicts,
    )
    return Seated(
        person=seat.person_name,
        role=seat.role_key,
        impartial=seat.impartial,
        conflicted=bool(reasons),
        is_subject=seat.member_id == case.member_id,
        is_staff=seat.member_id is None,
    )


def seated(case: Case) -> list[Seated]:
    """Every current seat as the rules take it, in a fixed number of queries: the case's
    parties once, and the registers' conflicts once for each day a seat was filled on."""
    seats = case.seats.current().select_related("member", "user")
    parties = list(case.parties.current().select_related("member"))
    conflicts = cache(_conflicts_of(case))
    return [as_seated(case, seat, parties=parties, conflicts=conflicts) for seat in seats]


def group_problems(case: Case) -> tuple[GroupProblem, ...]:
    """Every way the seats so far fall short of the group the code requires (BR-6)."""
    ladder = ladder_of(policy_of(case.policy_version))
    return check_group(ladder, seated(case), subject_is_chair=case.subject_is_chair)


def held_roles(case: Case, *, on: dt.date) -> set[str]:
    """The keys of the roles someone holds in the case's organisation on ``on``: staff
    titles with a holder, the chair and vice chair where an active member holds them,
    and the roles every group has (the panel as a body, another involved customer) or
    the work in hand fills."""
    held = set(
        RoleHolder.objects.on(on)
        .filter(organisation=case.organisation_id)
        .values_list("role_key", flat=True)
    )
    members = Member.objects.of(case.organisation_id).active(on=on)
    held |= set(
        members.filter(role__in=[GroupRole.CHAIR, GroupRole.VICE_CHAIR]).values_list(
            "role", flat=True
        )
    )
    held |= {role.value for role in MemberRole if role.value not in GroupRole.values}
    return held


def decider_refusal(case: Case, *, outcome: str | None, on: dt.date) -> Refused | None:
    """The refusal to record the level (``outcome`` None) or ``outcome`` on ``on`` while
    those who decide it are not in place (BR-6); None when they are."""
    ladder = ladder_of(policy_of(case.policy_version))
    problems = decider_problems(
        ladder,
        outcome=outcome,
        seated=seated(case),
        held=held_roles(case, on=on),
        subject_is_chair=case.subject_is_chair,
    )
    if not problems:
        return None
    what = "level of breach" if outcome is None else "outcome"
    return Refused(
        f"Those who decide must be in place before the {what} is recorded. "
        + " ".join(p.message for p in problems),
        rule=problems[0].rule,
    )


def _acts_as_member(case: Case, member: Member, *, on: dt.date) -> frozenset[str]:
    """The member roles ``member`` may act in for the case on ``on``: none for its subject;
    another involved customer for any other member; the Chair or Vice Chair for whoever
    holds that role in the subject's group, active on the day."""
    if member.pk == case.member_id:
        return frozenset()
    roles = {MemberRole.INVOLVED_CUSTOMER.value, MemberRole.PANEL.value}
    held = {GroupRole.CHAIR: MemberRole.CHAIR, GroupRole.VICE_CHAIR: MemberRole.VICE_CHAIR}
    role = held.get(GroupRole(member.role)) if member.role in GroupRole.values else None
    if (
        role is not None
        and member.group_id == case.member.group_id
        and Member.objects.filter(pk=member.pk).active(on=on).exists()
    ):
        roles.add(role.value)
    return frozenset(roles)


def givers_refusal(
    case: Case, step: str, users: Sequence[User], members: Sequence[Member], *, on: dt.date
) -> Refused | None:
    """The refusal to record ``users`` and ``members`` as giving the informal ``step`` on
    ``on`` (BR-3); None when they fit the code. Staff act in the code's staff roles."""
    policy = policy_of(case.policy_version)
    staff = frozenset(role.key for role in policy.staff_roles)
    givers = [Giver(str(user), staff) for user in users]
    givers += [Giver(m.full_name, _acts_as_member(case, m, on=on)) for m in members]
    problems = giver_problems(
        ladder_of(policy), step, givers, subject_is_chair=case.subject_is_chair
    )
    if not problems:
        return None
    return Refused(" ".join(problems), rule="BR-3", field="given_by_users")


def group_convened(case: Case) -> bool:
    """Whether the investigating group has been convened: its seats are then fixed."""
    return case.events.filter(kind=EventKind.GROUP_CONVENED).exists()
