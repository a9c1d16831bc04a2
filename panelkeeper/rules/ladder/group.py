"""Checking who sits on an investigating group against the code (BR-6, COI-4).

The breach-cases app fills the seats; this says what is wrong with them, all at once:
a seat the code requires left empty, the convener missing where the convener sits, too
few impartial members besides the convener (thirteen: the convener plus at least one
impartial member; the convener never counts as one), anyone conflicted or
implicated (COI-4, Interpretation 11: the subject, the reporter, a witness, whoever gave
guidance in the same matter), and the Chair sitting on their own case where the code
names a stand-in (Interpretation 10).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from panelkeeper.rules.ladder.model import Ladder
from panelkeeper.rules.policy.roles import Role, RoleKind


@dataclass(frozen=True)
class Seated:
    """One person proposed for the group.

    ``role`` is the role key they sit as; ``conflicted`` is true when they have a
    conflict of interest in the breach or are implicated by it (the app decides this
    from the registers and the case: Interpretation 11).
    """

    person: str
    role: str
    impartial: bool = False
    conflicted: bool = False
    is_subject: bool = False
    is_staff: bool | None = None
    """A member of staff (True) or a member of the group (False); None when not known.
    A member role's seat is for a member."""


class GroupProblemCode(StrEnum):
    """What kind of problem it is: callers decide by this, never by the message's words."""

    NO_GROUP = "no_group"
    SUBJECT_SITS = "subject_sits"
    CONFLICTED = "conflicted"
    CHAIR_STANDS_DOWN = "chair_stands_down"
    SEAT_SHORT = "seat_short"
    CONVENER_MISSING = "convener_missing"
    TOO_FEW_IMPARTIAL = "too_few_impartial"
    ROLE_NOT_NAMED = "role_not_named"
    WRONG_KIND = "wrong_kind"
    DECIDER_NOT_HELD = "decider_not_held"

    @property
    def about_one_person(self) -> bool:
        """Whether the problem is with one person seated, rather than with the group."""
        return self in _ABOUT_ONE_PERSON


_ABOUT_ONE_PERSON = frozenset(
    {
        GroupProblemCode.SUBJECT_SITS,
        GroupProblemCode.CONFLICTED,
        GroupProblemCode.CHAIR_STANDS_DOWN,
        GroupProblemCode.ROLE_NOT_NAMED,
        GroupProblemCode.WRONG_KIND,
    }
)


@dataclass(frozen=True)
class GroupProblem:
    code: GroupProblemCode
    rule: str
    message: str


def check_group(
    ladder: Ladder, seated: Sequence[Seated], *, subject_is_chair: bool
) -> tuple[GroupProblem, ...]:
    """Every way ``seated`` falls short of the code's group; empty when it is right."""
    group = ladder.group
    problems: list[GroupProblem] = []
    if group is None:
        return (
            GroupProblem(
                GroupProblemCode.NO_GROUP, "BR-6", "This code names no investigating group."
            ),
        )
    for person in seated:
        if person.is_subject:
            problems.append(
                GroupProblem(
                    GroupProblemCode.SUBJECT_SITS,
                    "COI-4",
                    f"{person.person} is the member the breach is about.",
                )
            )
        elif person.conflicted and group.no_conflicts:
            problems.append(
                GroupProblem(
                    GroupProblemCode.CONFLICTED,
                    "COI-4",
                    f"{person.person} has a conflict of interest or is implicated.",
                )
            )
    stand_in = ladder.chair_stand_in
    if subject_is_chair and stand_in is not None:
        for person in seated:
            if person.role == "chair":
                problems.append(
                    GroupProblem(
                        GroupProblemCode.CHAIR_STANDS_DOWN,
                        "Interpretation 10",
                        f"The breach is by the Chair: the {stand_in.title} sits instead.",
                    )
                )
    roles = [p.role for p in seated if not p.is_subject]
    for seat in group.seats:
        acting = ladder.acting_role(seat.role, subject_is_chair=subject_is_chair)
        have = roles.count(acting.key)
        if have < seat.count:
            problems.append(
                GroupProblem(
                    GroupProblemCode.SEAT_SHORT,
                    "BR-6",
                    f"The group needs {seat.count} of {acting.title}; it has {have}.",
                )
            )
    convener = group.convened_by if group.includes_convener else None
    if convener is not None and convener.key not in roles:
        problems.append(
            GroupProblem(
                GroupProblemCode.CONVENER_MISSING,
                "BR-6",
                f"{convener.title} convenes and sits on the group.",
            )
        )
    # The convener sits as well as the impartial members, never as one of them: a
    # convener ticked impartial is still the convener (thirteen: the convener plus at
    # least one impartial member).
    impartial = sum(
        1
        for p in seated
        if p.impartial
        and not p.conflicted
        and not p.is_subject
        and (convener is None or p.role != convener.key)
    )
    if impartial < group.min_impartial:
        besides = f" besides the {convener.title}" if convener is not None else ""
        problems.append(
            GroupProblem(
                GroupProblemCode.TOO_FEW_IMPARTIAL,
                "BR-6",
                f"The group needs at least {group.min_impartial} impartial member"
                f"{'s' if group.min_impartial > 1 else ''}{besides}; it has {impartial}. "
                "Seat someone impartial.",
            )
        )
    named = {
        role.key: role
        for role in (
            *(ladder.acting_role(s.role, subject_is_chair=subject_is_chair) for s in group.seats),
            *group.may_include,
            *((group.convened_by,) if group.convened_by and group.includes_convener else ()),
        )
    }
    for person in seated:
        role = named.get(person.role)
        if role is None and not (group.min_impartial and person.impartial):
            problems.append(
                GroupProblem(
                    GroupProblemCode.ROLE_NOT_NAMED,
                    "BR-6",
                    f"{person.person} sits in a role this code does not name.",
                )
            )
        elif role is not None and person.is_staff is not None:
            problems.extend(_kind_problem(person, role))
    return tuple(problems)


def _kind_problem(person: Seated, role: Role) -> tuple[GroupProblem, ...]:
    """A member's seat (the chair, another involved customer) taken by a member of staff.

    A staff title may be held by anyone the organisation names (insight's member of the
    Customer Services Voice is a customer), so only member seats are checked.
    """
    if role.kind is not RoleKind.MEMBER or not person.is_staff:
        return ()
    return (
        GroupProblem(
            GroupProblemCode.WRONG_KIND,
            "BR-6",
            f"The seat of {role.title} is for a member of the group, not a member of staff: "
            "choose a member for it.",
        ),
    )
