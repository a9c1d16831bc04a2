"""The stages of a case (STYLE 7, BR-3 to BR-11), each written by
:func:`panelkeeper.cases.changes.writer.write_step`, which asks the procedure whether the
step is open and raises :class:`~panelkeeper.lib.refusals.Refused` naming the rule when it
is not. ``effective`` defaults to today and is never later than today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from django.db import transaction

from panelkeeper.cases.changes.people import add_party, check_of_organisation
from panelkeeper.cases.changes.writer import dates, write_step
from panelkeeper.cases.models import Case, CaseEvent, PartyRole
from panelkeeper.cases.procedure import policy_of
from panelkeeper.cases.seats import decider_refusal, givers_refusal, group_problems, ineligibility
from panelkeeper.lib.refusals import Refused
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.ladder import Channel, Effect
from panelkeeper.rules.ladder.case import EventKind
from panelkeeper.rules.ladder.replay import OPENING_EVENT

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.members.models import Member


class DatedStep(Protocol):
    """A step that records only that something happened, and when."""

    def __call__(
        self,
        *,
        case: Case,
        actor: User | None,
        effective: dt.date | None = None,
        today: dt.date | None = None,
    ) -> CaseEvent: ...


def dated_step(kind: EventKind, contract: str) -> DatedStep:
    """The step that records ``kind`` with no more than its date; ``contract`` its docstring.

    Several steps differ only by the event they record, so they are made here rather than
    written out one by one.
    """

    def step(
        *,
        case: Case,
        actor: User | None,
        effective: dt.date | None = None,
        today: dt.date | None = None,
    ) -> CaseEvent:
        return write_step(case, kind, effective=effective, actor=actor, today=today)

    step.__doc__ = contract
    step.__name__ = step.__qualname__ = kind.value
    return step


inform_member = dated_step(
    EventKind.MEMBER_INFORMED,
    "Record that the member was told of the preliminary investigation (BR-4).",
)
record_training_refused = dated_step(
    EventKind.TRAINING_REFUSED,
    "Record that the member refused training, which opens further outcomes (BR-10, nexus).",
)


def take_informal_step(
    *,
    case: Case,
    step: str,
    actor: User | None,
    effective: dt.date | None = None,
    given_by_users: Sequence[User] = (),
    given_by_members: Sequence[Member] = (),
    today: dt.date | None = None,
) -> CaseEvent:
    """Record an informal step the code's ladder allows now (BR-3), with its outcome on file,
    and who gave it: members of staff and members of the group.

    Each person recorded must act in a role the code has take the step, and where it says
    they act together (herefordshire's Customer Involvement Manager and Chair) each role
    needs its own person (:func:`~panelkeeper.rules.ladder.givers.giver_problems`). Staff
    act in the code's staff roles; a member as another involved customer, and as the Chair
    or Vice Chair when they hold that role in the subject's group on the day. Whoever gave
    it is recorded as a party, linked to the step, so they cannot later sit on the
    investigating group (Interpretation 11); all in one transaction.
    """
    users, members = list(dict.fromkeys(given_by_users)), list(dict.fromkeys(given_by_members))
    for user in users:
        check_of_organisation(case, member=None, user=user)
    for member in members:
        check_of_organisation(case, member=member, user=None)
    with transaction.atomic():
        row = write_step(
            case,
            EventKind.INFORMAL_STEP,
            effective=effective,
            actor=actor,
            today=today,
            values={"step": step},
            guard=lambda locked, on: givers_refusal(locked, step, users, members, on=on),
        )
        for person in [{"user": u} for u in users] + [{"member": m} for m in members]:
            add_party(
                case=case,
                role=PartyRole.ADVISED,
                actor=actor,
                effective=row.effective,
                today=today,
                step=row,
                **person,
            )
    return row


def open_investigation(
    *,
    case: Case,
    actor: User | None,
    effective: dt.date | None = None,
    today: dt.date | None = None,
) -> CaseEvent:
    """The dated step that opens the formal stage, as the code names it (BR-4): the member
    informed (vela, insight), the private meeting held (nexus) or the investigation opened."""
    ladder = policy_of(case.policy_version).breach
    if ladder is None:
        raise Refused("The code in force defines no breach procedure.", rule="BR-3")
    kind = OPENING_EVENT[ladder.opens_with]
    return write_step(case, kind, effective=effective, actor=actor, today=today)


def convene_group(
    *,
    case: Case,
    actor: User | None,
    effective: dt.date | None = None,
    today: dt.date | None = None,
) -> CaseEvent:
    """Record that the investigating group was convened (BR-6).

    Refused while the seats do not make up the group the code requires (BR-6, COI-4,
    Interpretation 10): every problem is named at once. Refused too while a seated member
    is not eligible to take part on the day it convenes (MEM-2), naming each one and why:
    eligibility can lapse after the seat was filled (a new version to re-sign, a
    suspension), and the group then waits for them or their seat is filled again.
    """
    when, _ = dates(effective, today)
    with transaction.atomic():
        # The case row first, as releasing a seat does: no seat leaves between the
        # check of the group's make-up and the record that it was convened.
        Case.objects.select_for_update().only("pk").get(pk=case.pk)
        problems = group_problems(case)
        if problems:
            raise Refused(" ".join(p.message for p in problems), rule=problems[0].rule)
        unfit = [
            found
            for seat in case.seats.current().filter(member__isnull=False).select_related("member")
            if seat.member is not None
            and (found := ineligibility(seat.member, on=when)) is not None
        ]
        if unfit:
            raise Refused(
                " ".join(f"{why}." for _, why in unfit)
                + " Convene once they may take part, or release their seat for someone who may.",
                rule=unfit[0][0],
            )
        return write_step(
            case, EventKind.GROUP_CONVENED, effective=effective, actor=actor, today=today
        )


def _note(reason: str) -> str | None:
    """An optional reason as the event keeps it: trimmed, at most 2,000 characters, or
    None (stored empty) when none was given."""
    return reason.strip()[:2000] or None


def suspend_member(
    *,
    case: Case,
    actor: User | None,
    effective: dt.date | None = None,
    until: dt.date | None = None,
    level: str | None = None,
    reason: str = "",
    today: dt.date | None = None,
) -> CaseEvent:
    """Suspend the member while the breach is investigated, where the code allows (BR-9).

    The member is ineligible from ``effective`` until ``until`` (the first day no longer
    suspended; open-ended when None) or until the suspension is lifted. ``reason``, if
    given, is kept on the event.
    """
    return write_step(
        case,
        EventKind.SUSPENDED,
        effective=effective,
        actor=actor,
        today=today,
        values={"until": until, "level": level, "reason": _note(reason)},
    )


def lift_suspension(
    *,
    case: Case,
    actor: User | None,
    reason: str = "",
    effective: dt.date | None = None,
    today: dt.date | None = None,
) -> CaseEvent:
    """Lift a running suspension from ``effective``: the member is eligible again (BR-9).
    ``reason``, if given, is kept on the event."""
    return write_step(
        case,
        EventKind.SUSPENSION_LIFTED,
        effective=effective,
        actor=actor,
        today=today,
        values={"reason": _note(reason)},
    )


def record_determination(
    *,
    case: Case,
    level: str,
    actor: User | None,
    effective: dt.date | None = None,
    confidentiality: bool = False,
    today: dt.date | None = None,
) -> CaseEvent:
    """The level the decider found, or ``no_breach`` (BR-7, BR-8); escalation and its reason
    come from the procedure (the earlier case is named).

    Refused while those who decide are not in place (BR-6): the group's seats must make up
    the group the code sets, convened or not; a code without a group needs a holder of
    each deciding role on the day.
    """
    return write_step(
        case,
        EventKind.LEVEL_DETERMINED,
        effective=effective,
        actor=actor,
        today=today,
        values={"level": level, "confidentiality": confidentiality},
        guard=lambda locked, on: decider_refusal(locked, outcome=None, on=on),
    )


def record_outcome(
    *,
    case: Case,
    outcome: str,
    actor: User | None,
    effective: dt.date | None = None,
    reason: str = "",
    effect: Effect | None = None,
    until: dt.date | None = None,
    today: dt.date | None = None,
) -> CaseEvent:
    """The outcome decided (BR-10): one on offer, or another with a reason (Interpretation 8).

    Its effect goes to the member's status history: a suspension until ``until``, an
    exclusion from ``effective``; warnings and guidance go on file for the code's time.
    Refused while those who decide it are not in place, as for the level (BR-6).
    """
    return write_step(
        case,
        EventKind.OUTCOME_RECORDED,
        effective=effective,
        actor=actor,
        today=today,
        values={
            "outcome": outcome,
            "reason": reason.strip() or None,
            "effect": effect,
            "until": until,
        },
        guard=lambda locked, on: decider_refusal(locked, outcome=outcome, on=on),
    )


def record_notice(
    *,
    case: Case,
    sent_on: dt.date,
    channel: Channel | str,
    actor: User | None,
    to: str = "",
    today: dt.date | None = None,
) -> CaseEvent:
    """Record that written notice of the decision was sent (BR-11) to the member by ``channel``.

    The letters work calls this when the member's outcome letter is dispatched. Deemed
    receipt (the code's preset for the channel, Interpretation 2) starts the appeal window
    (BR-12). The notice goes to the member: where the code says others are told too
    (``Ladder.outcome_also_to``), they get letters of their own, which start no clock. So
    ``to`` is the member's name, or empty for it; anyone else is refused (BR-11).

    The notice is sent once: the appeal window runs from the first (BR-12), and a correction
    is a letter of its own in the letters app, so a second notice is refused (BR-11). The
    check and the write hold the case row, so two at once cannot both pass.
    """
    if str(channel) not in {c.value for c in Channel}:
        raise Refused(
            "Say how the notice was sent: email, post or hand.",
            rule="Interpretation 2",
            field="channel",
        )
    member = case.member.full_name
    to = " ".join(to.split())
    if to and to.casefold() != " ".join(member.split()).casefold():
        raise Refused(
            f"Written notice of the outcome goes to the member: enter {member}, or leave it "
            "empty. Anyone else the code says is told gets a letter of their own.",
            rule="BR-11",
            field="to",
        )
    with transaction.atomic():
        Case.objects.select_for_update().only("pk").get(pk=case.pk)
        sent = (
            CaseEvent.objects.filter(case=case, kind=EventKind.NOTICE_SENT.value)
            .order_by("effective", "id")
            .first()
        )
        if sent is not None:
            raise Refused(
                f"Written notice of the outcome was already sent on "
                f"{day_month_year(sent.effective)}, and it is sent once: the appeal window "
                "runs from it. To correct it, issue a correction letter.",
                rule="BR-11",
            )
        return write_step(
            case,
            EventKind.NOTICE_SENT,
            effective=sent_on,
            actor=actor,
            today=today,
            to=member[:300],
            values={"channel": Channel(channel)},
        )


def withdraw_case(
    *,
    case: Case,
    reason: str,
    actor: User | None,
    effective: dt.date | None = None,
    today: dt.date | None = None,
) -> CaseEvent:
    """Withdraw the case (BR-4); any effect still running ends from ``effective``."""
    reason = " ".join(reason.split())
    if not reason:
        raise Refused("Enter why the case is withdrawn.", rule="BR-4", field="reason")
    return write_step(
        case,
        EventKind.WITHDRAWN,
        effective=effective,
        actor=actor,
        today=today,
        values={"reason": reason},
    )


def close_case(
    *,
    case: Case,
    actor: User | None,
    reason: str = "",
    effective: dt.date | None = None,
    today: dt.date | None = None,
) -> CaseEvent:
    """Close a decided case, or one the informal stage resolved (BR-3, BR-10)."""
    return write_step(
        case,
        EventKind.CLOSED,
        effective=effective,
        actor=actor,
        today=today,
        values={"reason": reason.strip() or None},
    )
