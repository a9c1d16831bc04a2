"""Recording appointments and appraisals (MEM-4), and expenses and rewards (MEM-5).

Keyword-only functions, one transaction each, with an audit entry. An expense or a
reward moves submitted → approved → paid, or submitted → refused with a reason; the
table of moves is :data:`MOVES`, and nothing else is ever paid to a member (MEM-5).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from django.db import transaction

from panelkeeper.audit.log import save_recorded
from panelkeeper.lib.effective import refuse_future
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.checks import created_for, single_line
from panelkeeper.members.models import Appraisal, Expense, Member

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

State = Expense.State
MOVES: dict[str, tuple[str, ...]] = {
    State.SUBMITTED: (State.APPROVED, State.REFUSED),
    State.APPROVED: (State.PAID,),
    State.PAID: (),
    State.REFUSED: (),
}
MAX_AMOUNT = Decimal("10000")


def record_appraisal(
    *,
    member: Member,
    kind: str,
    held_on: dt.date,
    training_needs: str,
    training_given: str,
    notes: str,
    actor: User | None,
    today: dt.date,
) -> Appraisal:
    """Record an appointment or an appraisal with the training needs and training given."""
    if kind not in Appraisal.Kind.values:
        raise Refused("Select appointment or appraisal", field="kind")
    refuse_future(held_on, today, what="The date it was held", field="held_on", full_stop=False)
    if held_on < member.started_on - dt.timedelta(days=366):
        raise Refused(
            "The date it was held must be within a year of the start date", field="held_on"
        )
    return created_for(
        Appraisal,
        member,
        actor=actor,
        action="appraisal.recorded",
        logged={
            "kind": kind,
            "held_on": held_on,
            "training_needs": training_needs.strip(),
            "training_given": training_given.strip(),
            "notes": notes.strip(),
        },
        recorded_by=actor,
    )


def parse_amount(value: object) -> Decimal:
    """An amount in pounds: "12.50", "£12.50" or 12.5; refused unless above zero."""
    text = str(value).strip().lstrip("£").replace(",", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise Refused("Enter the amount in pounds, like 12.50", field="amount") from None
    if not amount.is_finite() or amount <= 0:
        raise Refused("Enter an amount more than £0", field="amount")
    if amount >= MAX_AMOUNT or amount != amount.quantize(Decimal("0.01")):
        raise Refused(
            "Enter an amount under £10,000 with no more than 2 decimal places", field="amount"
        )
    return amount


def submit_expense(
    *,
    member: Member,
    kind: str,
    activity: str,
    activity_on: dt.date,
    amount: object,
    description: str,
    actor: User | None,
    today: dt.date,
) -> Expense:
    """Submit an expense or a reward for one activity (MEM-5)."""
    if kind not in Expense.Kind.values:
        raise Refused("Select expense or reward", field="kind")
    activity = single_line(
        activity,
        field="activity",
        missing="Enter the activity, for example the panel meeting on 3 March",
        what="The activity",
        most=200,
    )
    refuse_future(
        activity_on, today, what="The date of the activity", field="activity_on", full_stop=False
    )
    value = parse_amount(amount)
    return created_for(
        Expense,
        member,
        actor=actor,
        action="expense.submitted",
        logged={
            "kind": kind,
            "activity": activity,
            "activity_on": activity_on,
            "amount": value,
            "description": description.strip()[:500],
        },
        submitted_by=actor,
    )


def decide_expense(
    *,
    expense: Expense,
    state: str,
    actor: User,
    today: dt.date,
    reason: str = "",
    paid_on: dt.date | None = None,
) -> Expense:
    """Approve, refuse (with ``reason``) or mark paid (on ``paid_on``) an expense or reward."""
    if state not in MOVES.get(expense.state, ()):
        allowed = " or ".join(MOVES[expense.state]) or "nothing more"
        raise Refused(
            f"This claim is {expense.get_state_display().lower()}; it can move to {allowed}",
            field="state",
        )
    reason = " ".join(reason.split())
    if state == State.REFUSED and not reason:
        raise Refused("Enter the reason for refusing the claim", field="reason")
    if state == State.PAID:
        paid_on = paid_on or today
        refuse_future(paid_on, today, what="The date paid", field="paid_on", full_stop=False)
    with transaction.atomic():
        locked = Expense.objects.select_for_update().get(pk=expense.pk)
        if locked.state != expense.state:
            raise Refused("Someone else has just changed this claim; look at it again")
        expense.state = state
        fields = ["state"]
        if state == State.PAID:
            expense.paid_on = paid_on
            fields.append("paid_on")
        else:
            expense.decided_by, expense.decided_on = actor, today
            expense.refusal_reason = reason[:500] if state == State.REFUSED else ""
            fields += ["decided_by", "decided_on", "refusal_reason"]
        save_recorded(
            obj=expense,
            fields=fields,
            action=f"expense.{state}",
            actor=actor,
            organisation=expense.member.group.organisation,
        )
    return expense
