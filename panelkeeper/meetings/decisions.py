"""Decisions at a meeting (MTG-3): a motion, the votes, the outcome; or consensus.

Only members recorded present at the meeting and eligible on its date may vote, and
never one conflicted out of the agenda item the decision belongs to (COI-2). Each
member votes once. The outcome is a simple majority of the votes cast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone

from panelkeeper.lib.refusals import Refused, entered
from panelkeeper.meetings.audited import create_logged, record_at_meeting, save_logged
from panelkeeper.meetings.codes import day, meeting_rules
from panelkeeper.meetings.models import (
    AgendaItem,
    Attendance,
    Decision,
    DecisionMethod,
    Meeting,
    MeetingStatus,
    VoteCast,
)
from panelkeeper.members.eligibility import eligibility
from panelkeeper.members.models import Member
from panelkeeper.registers.conflicts import conflicts_for
from panelkeeper.rules.attendance import Outcome, Presence, Vote, majority_outcome
from panelkeeper.rules.meetings import method_refusal, methods_allowed

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def open_decision(
    *,
    meeting: Meeting,
    motion: str,
    method: str | None = None,
    item: AgendaItem | None = None,
    actor: User,
) -> Decision:
    """Put a motion to a held meeting. By consensus it is settled at once (MTG-3).

    The way of deciding is the one the code in force on the meeting's date names, and the
    default when ``method`` is not given; another is refused (a code that names none allows
    either, and defaults to a vote).
    """
    motion = entered(motion, field="motion", missing="Enter the motion put to the meeting.")
    rules = meeting_rules(meeting.group.organisation, meeting.date)
    method = method or methods_allowed(rules)[0]
    if method not in DecisionMethod.values:
        raise Refused("Select how the decision is made: by vote or by consensus.", field="method")
    if meeting.status != MeetingStatus.HELD:
        raise Refused("Decisions are recorded for a meeting once it has been held.")
    refusal = method_refusal(rules, method)
    if refusal is not None:
        raise Refused(refusal, rule="MTG-3", field="method")
    if item is not None and item.meeting_id != meeting.pk:
        raise Refused("Choose an item on this meeting's agenda.", field="item")
    return record_at_meeting(
        Decision,
        meeting=meeting,
        action="decision.opened",
        actor=actor,
        item=item,
        motion=motion[:2000],
        method=method,
        outcome=Outcome.CONSENSUS if method == DecisionMethod.CONSENSUS else "",
    )


def voter_refusal(decision: Decision, member: Member) -> str | None:
    """Why ``member`` may not vote on ``decision``, or None if they may."""
    meeting = decision.meeting
    if member.group_id != meeting.group_id:
        return f"{member.full_name} is not a member of {meeting.group.name}."
    present = Attendance.objects.filter(
        meeting=meeting, member=member, presence=Presence.PRESENT
    ).exists()
    if not present:
        return f"{member.full_name} is not recorded as present at this meeting."
    allowed = eligibility(member, on=meeting.date)
    if not allowed:
        reasons = "; ".join(r.message for r in allowed.reasons)
        return f"{member.full_name} may not take part on {day(meeting.date)}: {reasons}."
    if decision.item is not None:
        conflicts = conflicts_for(decision.item.work, on=meeting.date)
        if conflicts.withdrawn(member):
            return (
                f"{member.full_name} has withdrawn from this item because of a conflict of "
                "interest, so cannot vote on it."
            )
    return None


def cast_vote(*, decision: Decision, member: Member, vote: str, actor: User) -> VoteCast:
    """Record one member's vote: for, against or abstain. A second vote is refused."""
    if vote not in Vote.__members__.values():
        raise Refused("Select for, against or abstain.", field="vote")
    if decision.method != DecisionMethod.VOTE:
        raise Refused("This decision was reached by consensus; there are no votes to record.")
    if not decision.is_open:
        raise Refused("The votes on this decision are already counted.")
    refusal = voter_refusal(decision, member)
    if refusal:
        raise Refused(refusal, field="member")
    twice = Refused(f"{member.full_name} has already voted on this motion.", field="member")
    if VoteCast.objects.filter(decision=decision, member=member).exists():
        raise twice
    try:
        return create_logged(
            VoteCast,
            action="vote.cast",
            actor=actor,
            logged={"decision": decision, "member": member, "vote": vote},
            recorded_at=timezone.now(),
        )
    except IntegrityError:
        raise twice from None


def close_decision(*, decision: Decision, actor: User) -> Decision:
    """Count the votes and record the outcome by simple majority (MTG-3)."""
    with transaction.atomic():
        locked = Decision.objects.select_for_update().get(pk=decision.pk)
        if not locked.is_open:
            raise Refused("The outcome of this decision is already recorded.")
        locked.outcome = majority_outcome(Vote(v.vote) for v in locked.votes.all())
        save_logged(obj=locked, fields=["outcome"], action="decision.closed", actor=actor)
    return locked


def tally(decision: Decision) -> dict[str, int]:
    """Votes for, against and abstaining, from prefetched votes."""
    counts = dict.fromkeys((v.value for v in Vote), 0)
    for cast in decision.votes.all():
        counts[cast.vote] += 1
    return counts
