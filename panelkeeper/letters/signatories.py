"""Who signs a letter: the person holding the title the code names for that step.

Each kind of letter is signed for the step it tells of, by the first staff title the code
names for it that someone holds on the day (the role holders of the organisation, BR-13):

- told of an investigation (BR-4): whoever the code says investigates;
- guidance confirmed (BR-3): whoever the code says takes that informal step;
- an outcome (BR-10, BR-11), and the letters telling others of it: whoever decides that
  outcome, or else whoever convenes the investigating group, or else investigates;
- an appeal received, decided or refused as late (BR-12): the person the appeal is put to;
- a gift's result (GIFT-2): whoever the code says gifts are discussed with or declared to;
- a request to re-sign a document (MEM-6): whoever countersigns the documents (MEM-4).

Where none of those titles is held, or the code names only members' roles (the chair,
the panel), the letter is signed by whoever receives breaches for the organisation
(BR-2), and failing that with the first title alone, or the organisation's name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from panelkeeper.cases.procedure import assess_case, policy_of
from panelkeeper.cases.routing import holder_of
from panelkeeper.letters.kinds import NOTICE_KINDS, LetterKind
from panelkeeper.letters.letterhead import Signatory
from panelkeeper.organisations.in_force import loadable_policy_on
from panelkeeper.organisations.models import Organisation
from panelkeeper.rules.ladder.case import EventKind
from panelkeeper.rules.ladder.deciders import deciding_roles
from panelkeeper.rules.policy.loader import Policy
from panelkeeper.rules.policy.roles import Role, RoleKind

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.cases.models import Case

APPEAL_KINDS = frozenset(
    {
        LetterKind.APPEAL_ACKNOWLEDGED,
        LetterKind.APPEAL_DECIDED,
        LetterKind.APPEAL_LATE_REFUSED,
        LetterKind.APPEAL_FOR_PARTY,
    }
)


def _case_roles(policy: Policy, case: Case, kind: str, *, on: dt.date) -> list[Role]:
    """The titles the code names for the step a ``kind`` letter about ``case`` tells of."""
    ladder = policy.breach
    if ladder is None:
        return []
    chair = case.subject_is_chair
    if kind in APPEAL_KINDS and ladder.appeal is not None:
        return [ladder.appeal.to]
    if kind == LetterKind.INVESTIGATION:
        return list(ladder.investigated_by)
    view = assess_case(case, as_of=on)
    if kind == LetterKind.GUIDANCE:
        steps = [e for e in view.events if e.kind is EventKind.INFORMAL_STEP]
        step = ladder.step(steps[-1].step or "") if steps else None
        taken_by = list(step.taken_by) if step is not None else []
        return [ladder.acting_role(r, subject_is_chair=chair) for r in taken_by]
    if kind in NOTICE_KINDS or kind == LetterKind.OUTCOME_FOR_PARTY:
        outcome = view.outcome.key if view.outcome is not None else None
        roles = list(deciding_roles(ladder, outcome=outcome, subject_is_chair=chair))
        if ladder.group is not None and ladder.group.convened_by is not None:
            roles.append(ladder.group.convened_by)
        return roles + list(ladder.investigated_by)
    return []


def _other_roles(policy: Policy, kind: str) -> list[Role]:
    if kind == LetterKind.GIFT_RESULT and policy.gifts is not None:
        gifts = policy.gifts
        return (
            [gifts.discuss_with, *gifts.declare_to] if gifts.discuss_with else [*gifts.declare_to]
        )
    if kind == LetterKind.RESIGN_REQUEST and policy.documents is not None:
        signer = policy.documents.countersigned_by
        return [signer] if signer is not None else []
    return []


def _receivers(policy: Policy) -> list[Role]:
    ladder = policy.breach
    if ladder is None:
        return []
    return [*ladder.raising.route_to, *ladder.raising.monitored_by]


def _person(user: User, title: str) -> Signatory:
    return Signatory(user.get_full_name() or user.email, title, user.email)


def first_holder(
    organisation: Organisation, roles: Iterable[Role], *, on: dt.date
) -> Signatory | None:
    """The holder on ``on`` of the first staff title in ``roles`` someone holds, with that
    title; the first staff title alone where none is held; None without a staff title."""
    staff = [role for role in dict.fromkeys(roles) if role.kind is RoleKind.STAFF]
    for role in staff:
        user = holder_of(organisation, role, on=on)
        if user is not None:
            return _person(user, role.title)
    return Signatory("", staff[0].title) if staff else None


def signatory_for(
    organisation: Organisation, kind: str, *, on: dt.date, case: Case | None = None
) -> Signatory:
    """Who signs a ``kind`` letter sent on ``on`` (about ``case``, where it is about one)."""
    if case is not None:
        policy = policy_of(case.policy_version)
        if kind in APPEAL_KINDS and case.appeal_officer is not None and policy.breach:
            appeal = policy.breach.appeal
            title = appeal.to.title if appeal is not None else ""
            return _person(case.appeal_officer, title)
        roles = _case_roles(policy, case, kind, on=on)
    else:
        found = loadable_policy_on(organisation, on=on)
        if found is None:
            return Signatory("", f"The team at {organisation.name}")
        policy = found
        roles = _other_roles(policy, kind)
    signed = first_holder(organisation, roles, on=on)
    if signed is None or not signed.name:
        by_receiver = first_holder(organisation, _receivers(policy), on=on)
        if by_receiver is not None and by_receiver.name:
            return by_receiver
    return signed or Signatory("", f"The team at {organisation.name}")
