"""Appeals (BR-12, Interpretation 3): lodged, late ones decided, considered and decided.

An appeal goes to the role the code names, as it acts for this case (the Vice Chair
for the Chair, Interpretation 10); its holder on the day becomes the case's appeal
officer, who sees only the appeals put to them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from panelkeeper.cases.changes.steps import dated_step
from panelkeeper.cases.changes.writer import dates, write_step
from panelkeeper.cases.member_words import can_appeal
from panelkeeper.cases.models import Case, CaseEvent
from panelkeeper.cases.procedure import assess_case
from panelkeeper.cases.routing import holder_of
from panelkeeper.lib.refusals import Refused, entered
from panelkeeper.outbox.posting import post
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.ladder import Effect
from panelkeeper.rules.ladder.case import AppealResult, EventKind

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

consider_appeal = dated_step(
    EventKind.APPEAL_CONSIDERED,
    "Record that the appeal was considered, where the code sets a deadline for it (nexus).",
)


def lodge_appeal(
    *,
    case: Case,
    received_on: dt.date,
    actor: User | None,
    today: dt.date | None = None,
    grounds: str = "",
) -> CaseEvent:
    """Record an appeal received on ``received_on`` (BR-12), with the member's own
    ``grounds`` when they appeal online (kept as the event's reason, for the appeal
    officer).

    After the window it is marked late with the date the window closed and waits for an
    officer's decision (Interpretation 3). It is put to the holder of the role the code
    names; refused when that role has no holder to put it to.
    """
    when, day = dates(received_on, today)
    view = assess_case(case, as_of=day)
    window = view.appeal_window
    if window is None:
        raise Refused("This decision cannot be appealed under the code.", rule="BR-12")
    officer = holder_of(case.organisation, window.to, on=when)
    if officer is None and window.to.needs_holder:
        raise Refused(
            f"The appeal goes to the {window.to.title}; assign a holder to that title first.",
            rule="BR-12",
        )
    case.appeal_to = window.to.title[:200]
    case.appeal_officer = officer
    return write_step(
        case,
        EventKind.APPEAL_LODGED,
        effective=when,
        actor=actor,
        today=day,
        extra=("appeal_to", "appeal_officer"),
        values={"reason": grounds.strip() or None},
    )


GROUNDS_LIMIT = 5000


def lodge_own_appeal(
    *, case: Case, grounds: str, actor: User, today: dt.date | None = None
) -> CaseEvent:
    """The member a case is about (or their advocate) appeals online, in their own words,
    received the day they send it (BR-12). Refused where the decision cannot be appealed,
    or is already under appeal. The sender gets a receipt by email and the appeal officer
    a notice, saved in the outbox with the appeal."""
    grounds = entered(
        grounds,
        field="grounds",
        missing="Tell us why you think the decision is wrong",
        most=GROUNDS_LIMIT,
        too_long=f"Your appeal must be {GROUNDS_LIMIT:,} characters or fewer",
    )
    day = today or timezone.localdate()
    if not can_appeal(assess_case(case, as_of=day)):
        raise Refused("You cannot appeal this decision online.", rule="BR-12")
    with transaction.atomic():
        event = lodge_appeal(case=case, received_on=day, actor=actor, today=day, grounds=grounds)
        _tell_of_appeal(event, sender=actor)
    return event


def _tell_of_appeal(event: CaseEvent, *, sender: User) -> None:
    """Email a receipt to whoever sent the appeal, and tell the appeal officer it has been
    put to them, through the outbox in the appeal's own transaction: both emails are
    saved with the appeal or not at all. Neither repeats the grounds; the officer reads
    them signed in."""
    case = event.case
    received = day_month_year(event.effective)
    link = settings.BASE_URL.rstrip("/") + reverse("cases:my_case", kwargs={"case": case.pk})
    emails: list[tuple[str, User, str, str]] = [
        (
            "receipt",
            sender,
            f"We have your appeal about case {case.reference}",
            f"We got your appeal about case {case.reference} on {received}.\n\n"
            f"It goes to the {case.appeal_to}, who will look at it. We will write to you "
            f"with the result.\n\nYou can see your case at any time here:\n\n{link}",
        )
    ]
    officer = case.appeal_officer
    if officer is not None and officer != sender:
        emails.append(
            (
                "officer",
                officer,
                f"An appeal has been put to you: case {case.reference}",
                f"The member sent an appeal about case {case.reference} on {received}. "
                f"It is put to you as the {case.appeal_to}.\n\n"
                f"Sign in to read it and record your decision:\n\n{link}",
            )
        )
    for what, person, subject, body in emails:
        if person.email:
            post(
                key=f"appeal:{event.pk}:{what}",
                to=person.email,
                name=person.get_full_name(),
                subject=subject,
                body=f"{body}\n\n{case.organisation}\n",
                organisation=case.organisation,
            )


def decide_late_appeal(
    *,
    case: Case,
    accepted: bool,
    reason: str,
    actor: User | None,
    effective: dt.date | None = None,
    today: dt.date | None = None,
) -> CaseEvent:
    """An officer accepts or refuses a late appeal, with the reason (Interpretation 3)."""
    return write_step(
        case,
        EventKind.LATE_APPEAL_DECIDED,
        effective=effective,
        actor=actor,
        today=today,
        values={"accepted": accepted, "reason": " ".join(reason.split()) or None},
    )


def decide_appeal(
    *,
    case: Case,
    result: AppealResult | str,
    reason: str,
    actor: User | None,
    effective: dt.date | None = None,
    outcome: str | None = None,
    effect: Effect | None = None,
    until: dt.date | None = None,
    today: dt.date | None = None,
) -> CaseEvent:
    """The appeal decision (BR-12): upheld, overturned (effects reversed in the member's
    status history from the day they began) or varied (``outcome`` in place of the old)."""
    if str(result) not in {r.value for r in AppealResult}:
        raise Refused("Select upheld, overturned or varied.", rule="BR-12", field="result")
    reason = " ".join(reason.split())
    if not reason:
        raise Refused("Enter the reasons for the decision.", rule="BR-12", field="reason")
    return write_step(
        case,
        EventKind.APPEAL_DECIDED,
        effective=effective,
        actor=actor,
        today=today,
        values={
            "result": AppealResult(result),
            "reason": reason,
            "outcome": outcome or None,
            "effect": effect,
            "until": until,
        },
    )
