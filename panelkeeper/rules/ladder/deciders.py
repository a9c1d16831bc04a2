"""Who must be in place before a level or an outcome is recorded (BR-6, BR-10).

A code with an investigating group has the group decide: before the level or the outcome
is recorded, its seats must make up the group the code sets, even where the group need
not be convened as a step of its own (herefordshire's Chair and Customer Involvement
Manager, the Vice Chair when the Chair is the subject). A code without a group names who
decides instead: the outcome's own deciders where it names them (nexus: the Assistant
Director for a reminder, the Panel for an exclusion), otherwise whoever investigates; each
of those roles must have someone holding it on the day.

Pure: the app passes in who is seated and which roles are held on the day.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from panelkeeper.rules.ladder.group import GroupProblem, GroupProblemCode, Seated, check_group
from panelkeeper.rules.ladder.model import Ladder
from panelkeeper.rules.policy.roles import Role


def deciding_roles(
    ladder: Ladder, *, outcome: str | None, subject_is_chair: bool
) -> tuple[Role, ...]:
    """The roles that decide the level (``outcome`` None) or ``outcome``, where no seated
    group decides it; empty where the group does."""
    named = ladder.outcome(outcome) if outcome is not None else None
    if named is not None and named.decided_by:
        roles = named.decided_by
    elif ladder.group is not None:
        return ()
    else:
        roles = ladder.investigated_by
    acting = [ladder.acting_role(r, subject_is_chair=subject_is_chair) for r in roles]
    return tuple(dict.fromkeys(acting))


def decider_problems(
    ladder: Ladder,
    *,
    outcome: str | None,
    seated: Sequence[Seated],
    held: Collection[str],
    subject_is_chair: bool,
) -> tuple[GroupProblem, ...]:
    """Why the level (``outcome`` None) or ``outcome`` cannot be recorded yet for want of
    those who decide it; empty when they are in place.

    ``seated`` are the current seats of the case's group; ``held`` the keys of the roles
    someone holds on the day of the decision.
    """
    roles = deciding_roles(ladder, outcome=outcome, subject_is_chair=subject_is_chair)
    if not roles and ladder.group is not None:
        return check_group(ladder, seated, subject_is_chair=subject_is_chair)
    return tuple(
        GroupProblem(
            GroupProblemCode.DECIDER_NOT_HELD,
            "BR-6",
            f"Nobody holds the role of {role.title} on that day: name who holds it first.",
        )
        for role in roles
        if role.key not in held
    )
