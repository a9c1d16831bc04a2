"""Who gives an informal step, checked against the code (BR-3, Interpretation 10).

A code names who takes each informal step (``InformalStep.taken_by``): thirteen's chair
or an officer gives guidance, herefordshire's Customer Involvement Manager and Chair give
the verbal warning together (the Vice Chair in the Chair's place when the Chair is the
subject). Everyone recorded as giving a step must act in one of those roles; where the
code says they act together, each role must be filled by someone different. Recording
nobody is allowed only where nobody has to act together.

Pure: the app says, for each person, which role keys they may act in on the day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from panelkeeper.rules.labels import in_words
from panelkeeper.rules.ladder.model import Ladder
from panelkeeper.rules.policy.roles import Role


@dataclass(frozen=True)
class Giver:
    """Someone recorded as giving an informal step, and the roles they may act in."""

    person: str
    acts_as: frozenset[str]


def _titles(roles: Sequence[Role]) -> str:
    return in_words([role.title for role in roles])


def _fill(roles: Sequence[Role], givers: Sequence[Giver], taken: frozenset[int]) -> bool:
    """Whether each of ``roles`` can be given to a different giver not in ``taken``."""
    if not roles:
        return True
    first, rest = roles[0], roles[1:]
    return any(
        _fill(rest, givers, taken | {index})
        for index, giver in enumerate(givers)
        if index not in taken and first.key in giver.acts_as
    )


def giver_problems(
    ladder: Ladder, step: str, givers: Sequence[Giver], *, subject_is_chair: bool
) -> tuple[str, ...]:
    """What is wrong with ``givers`` as those who gave ``step``, saying what to record
    instead; empty when they fit the code (or the step is not one it names)."""
    named = ladder.step(step)
    if named is None or not named.taken_by:
        return ()
    roles = list(
        dict.fromkeys(
            ladder.acting_role(r, subject_is_chair=subject_is_chair) for r in named.taken_by
        )
    )
    keys = {role.key for role in roles}
    problems = [
        f"{giver.person} cannot give this step: the code has it given by {_titles(roles)}."
        for giver in givers
        if not giver.acts_as & keys
    ]
    if named.together and not _fill(roles, givers, frozenset()):
        problems.append(
            f"The code has this step given by {_titles(roles)} together: record each of "
            "them as giving it."
        )
    return tuple(problems)
