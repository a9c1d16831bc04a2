"""The people in a case and the seats of its investigating group (BR-6, COI-4).

Nobody may sit who is conflicted (Interpretation 11): the member the case is about, the
person who raised it, a witness, anyone who gave guidance in the same matter, anyone
implicated, anyone the registers have conflicted out of the case (``conflicts_for``) or
whose declared interest awaits a decision. Receiving the report is not a conflict. The
Chair never sits on their own case where the code names a stand-in (Interpretation 10).
The composition the code requires is checked by the rules' ``check_group``.

A seat filled by mistake, or whose holder turns out to be conflicted or leaves, is
released with a reason until the group is convened; the seat stays on record. Released
seats, and people taken off the case (:mod:`.parties`), count for nothing: not in the
group's composition, not as a conflict, not for access to the case.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import record
from panelkeeper.cases.models import Case, PartyRole, Seat, SeatRelease
from panelkeeper.cases.procedure import CaseRefused, ladder_of, policy_of
from panelkeeper.cases.write import dates, reason_given
from panelkeeper.members.models import GroupRole, Member
from panelkeeper.rules.breaches import EventKind
from panelkeeper.rules.ladder import GroupProblem, Seated, check_group
from panelkeeper.rules.roles import Role

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

_PARTY_REASON = {
    PartyRole.REPORTER: "raised this breach",
    PartyRole.WITNESS: "is a witness in this case",
    PartyRole.ADVISED: "gave guidance in this same matter",
    PartyRole.IMPLICATED: "is implicated in this case",
}


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


def conflict_reasons(
    case: Case, *, member: Member | None, user: User | None, on: dt.date
) -> list[tuple[str, str]]:
    """(rule, why) for every reason this person may not sit on the case's group."""
    reasons: list[tuple[str, str]] = []
    subject = case.member
    if _same_person(member, user, subject.pk, None, subject.user_id) or (
        user is not None and user.pk == subject.advocate_id
    ):
        reasons.append(("COI-4", "is the member the breach is about"))
    for party in case.parties.current().select_related("member"):
        party_member_user = party.member.user_id if party.member is not None else None
        if _same_person(member, user, party.member_id, party.user_id, party_member_user):
            reasons.append(("Interpretation 11", _PARTY_REASON[PartyRole(party.role)]))
    if member is not None and case.work is not None:
        from panelkeeper.registers.conflicts import conflicts_for

        conflicts = conflicts_for(case.work, on=on)
        if conflicts.withdrawn(member):
            reasons.append(("COI-4", "has withdrawn from this case over a declared interest"))
        elif member.pk in conflicts.undecided:
            reasons.append(
                ("COI-4", "has a declared interest with no decision yet; record one first")
            )
    return reasons


def group_roles(case: Case) -> dict[str, Role]:
    """The roles the code lets sit on this case's group, as they act for it."""
    ladder = ladder_of(policy_of(case.policy_version))
    group = ladder.group
    if group is None:
        raise CaseRefused("BR-6", "This code names no investigating group.")
    chair = case.subject_is_chair
    roles = [ladder.acting_role(seat.role, subject_is_chair=chair) for seat in group.seats]
    roles += list(group.may_include)
    if group.convened_by is not None:
        roles.append(group.convened_by)
    return {role.key: role for role in roles}


def _as_seated(case: Case, seat: Seat) -> Seated:
    return Seated(
        person=seat.person_name,
        role=seat.role_key,
        impartial=seat.impartial,
        conflicted=bool(
            conflict_reasons(case, member=seat.member, user=seat.user, on=seat.seated_on)
        ),
        is_subject=seat.member_id == case.member_id,
    )


def seated(case: Case) -> list[Seated]:
    seats = case.seats.current().select_related("member", "user")
    return [_as_seated(case, seat) for seat in seats]


def group_problems(case: Case) -> tuple[GroupProblem, ...]:
    """Every way the seats so far fall short of the group the code requires (BR-6)."""
    ladder = ladder_of(policy_of(case.policy_version))
    return check_group(ladder, seated(case), subject_is_chair=case.subject_is_chair)


def seat_investigator(
    *,
    case: Case,
    role_key: str,
    actor: User | None,
    member: Member | None = None,
    user: User | None = None,
    impartial: bool = False,
    effective: dt.date | None = None,
    today: dt.date | None = None,
) -> Seat:
    """Seat ``member`` or ``user`` on the case's investigating group as ``role_key`` (BR-6).

    Refused, saying why, for anyone conflicted (COI-4, Interpretation 11), the Chair on
    their own case where the code names a stand-in (Interpretation 10), a member seated as
    chair or vice chair who does not hold that role, or a role the code does not name.
    """
    if (member is None) == (user is None):
        raise CaseRefused(
            "BR-6", "Choose one person: a member or a member of staff.", field="member"
        )
    when, _ = dates(effective, today)
    ladder = ladder_of(policy_of(case.policy_version))
    if case.subject_is_chair and role_key == "chair" and ladder.chair_stand_in is not None:
        raise CaseRefused(
            "Interpretation 10",
            f"The breach is by the Chair: the {ladder.chair_stand_in.title} sits instead.",
            field="role_key",
        )
    roles = group_roles(case)
    role = roles.get(role_key)
    if role is None:
        raise CaseRefused("BR-6", "Choose a role this code seats on the group.", field="role_key")
    name = str(member) if member is not None else (user.get_full_name() or str(user))  # type: ignore[union-attr]
    held = {"chair": GroupRole.CHAIR, "vice_chair": GroupRole.VICE_CHAIR}.get(role_key)
    if held is not None and (member is None or member.role != held):
        raise CaseRefused("BR-6", f"{name} is not the {role.title}.", field="role_key")
    reasons = conflict_reasons(case, member=member, user=user, on=when)
    if reasons:
        rule = reasons[0][0]
        raise CaseRefused(
            rule,
            f"{name} cannot sit: {name} " + "; ".join(r for _, r in reasons) + ".",
            field="member",
        )
    probe = Seat(
        case=case,
        role_key=role_key,
        role_title=role.title,
        member=member,
        user=user,
        impartial=impartial,
        seated_on=when,
    )
    own = [
        p
        for p in check_group(
            ladder, [_as_seated(case, probe)], subject_is_chair=case.subject_is_chair
        )
        if p.rule == "Interpretation 10" or p.message.startswith(name)
    ]
    if own:
        raise CaseRefused(own[0].rule, own[0].message, field="role_key")
    if case.seats.current().filter(member=member, user=user).exists():
        raise CaseRefused("BR-6", f"{name} already has a seat.", field="member")
    with transaction.atomic():
        probe.recorded_at = timezone.now()
        probe.recorded_by = actor
        probe.save()
        record(
            actor=actor,
            organisation=case.organisation,
            action="case.seat_filled",
            obj=probe,
            fields=["role_key", "member", "user", "impartial", "seated_on"],
        )
    return probe


def group_convened(case: Case) -> bool:
    """Whether the investigating group has been convened: its seats are then fixed."""
    return case.events.filter(kind=EventKind.GROUP_CONVENED).exists()


def release_seat(
    *,
    seat: Seat,
    reason: str,
    actor: User | None,
    effective: dt.date | None = None,
    today: dt.date | None = None,
) -> SeatRelease:
    """Release a seat filled by mistake, or whose holder turned out to be conflicted or
    left, so that it can be filled again (BR-6, COI-4).

    Refused without a reason, for a seat already released, before the day it was filled,
    and once the group has been convened: the group that sat is then part of the record.
    """
    reason = reason_given(reason, rule="BR-6", message="Enter why the seat is being released.")
    when, _ = dates(effective, today)
    if when < seat.seated_on:
        raise CaseRefused(
            "effective dates",
            f"The seat was filled on {seat.seated_on:%-d %B %Y}: "
            "it cannot be released before then.",
            field="effective",
        )
    case = seat.case
    with transaction.atomic():
        # Convening locks the case row too, so the two cannot cross.
        Case.objects.select_for_update().filter(pk=case.pk).values_list("pk").get()
        if SeatRelease.objects.filter(seat=seat).exists():
            raise CaseRefused("BR-6", "This seat has already been released.", field="seat")
        if group_convened(case):
            raise CaseRefused(
                "BR-6",
                "The group has been convened, so its seats can no longer be released.",
                field="seat",
            )
        release = SeatRelease.objects.create(
            seat=seat,
            released_on=when,
            reason=reason,
            recorded_at=timezone.now(),
            recorded_by=actor,
        )
        record(
            actor=actor,
            organisation=case.organisation,
            action="case.seat_released",
            obj=release,
            fields=["seat", "released_on", "reason"],
        )
    return release
