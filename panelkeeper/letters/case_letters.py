"""The values of a letter about a breach case, read from the procedure on the day it is sent.

An outcome letter is the written notice of the decision (BR-11): its appeal date is the
procedure's, for a notice sent today by the member's channel (Interpretation 2), so
the date printed is the date the procedure will hold once the letter is dispatched.
"""

from __future__ import annotations

import datetime as dt

from panelkeeper.cases.citing import describe_clauses
from panelkeeper.cases.models import Case
from panelkeeper.cases.procedure import assess_case, check_step, ladder_of, policy_of
from panelkeeper.letters import facts as f
from panelkeeper.letters.kinds import NOTICE_KINDS, OUTCOME_KINDS, LetterKind
from panelkeeper.letters.models import Letter
from panelkeeper.letters.signatories import first_holder
from panelkeeper.lib.refusals import Refused
from panelkeeper.rules.calendar.working_days import WorkingCalendar
from panelkeeper.rules.ladder import Channel, Ladder
from panelkeeper.rules.ladder.case import CaseKind, CaseView, Event, EventKind
from panelkeeper.rules.ladder.counting import received_on


def case_facts(case: Case, *, on: dt.date) -> f.CaseFacts:
    clauses = describe_clauses(case.organisation, case.policy_version, list(case.clauses), on=on)
    step = (
        case.events.filter(kind=EventKind.INFORMAL_STEP, effective__lte=on)
        .order_by("effective", "id")
        .last()
    )
    givers = step.givers.current().select_related("member", "user") if step is not None else []
    return f.CaseFacts(
        given_by=tuple(p.display_name for p in givers),
        reference=case.reference,
        case_id=case.reference,
        began_on=case.began_on,
        description=case.description.strip() or "See the report on file.",
        clauses=", ".join(clauses),
        contact=f"the {case.routed_to}" if case.routed_to else "us",
    )


def view_for_notice(case: Case, *, send_on: dt.date, channel: str) -> CaseView:
    """The case as it will be once this notice is sent by ``channel`` on ``send_on``."""
    proposed = Event(EventKind.NOTICE_SENT, send_on, channel=Channel(channel))
    try:
        return check_step(case, proposed, today=send_on)
    except Refused:
        # Notice was sent before (this is a correction or a copy): the window already runs.
        return assess_case(case, as_of=send_on)


def outcome_kind(case: Case, *, on: dt.date) -> LetterKind:
    """The outcome letter a decided case needs (BR-10, MTG-2)."""
    view = assess_case(case, as_of=on)
    if view.kind is CaseKind.EXCLUSION:
        return LetterKind.MISSED_MEETINGS
    if view.outcome is not None:
        return OUTCOME_KINDS[view.outcome.effect]
    if f.determined_no_breach(view) is not None:
        return LetterKind.NO_FURTHER_ACTION
    raise Refused("This case has no outcome yet: record the outcome first", field="kind")


def _ladder(case: Case) -> Ladder:
    return ladder_of(policy_of(case.policy_version))


def counted_as_received(letter: Letter, calendar: WorkingCalendar) -> dt.date | None:
    """The day the written notice of a decision counts as received under the case's code
    (Interpretation 2), from which its appeal window runs (BR-12): the day the case's own
    reading gives, counted by the same rule. ``None`` for any letter that is not the
    notice. ``calendar`` is the organisation's, read once for a page of letters."""
    if not letter.gives_notice or letter.case is None:
        return None
    channel = Channel(letter.channel)
    return received_on(_ladder(letter.case), calendar, letter.issued_on, channel)


def appeal_write_to(case: Case, ladder: Ladder, *, on: dt.date) -> f.WriteTo | None:
    """Whom an appeal against ``case``'s outcome is written to (BR-12): the person holding
    the title the code names on ``on``, at the organisation's postal address, and their
    email (or the organisation's contact email); None where the code has no appeal."""
    if ladder.appeal is None:
        return None
    title = ladder.appeal.to.title
    person = first_holder(case.organisation, [ladder.appeal.to], on=on)
    who = f"{person.name}, {title}" if person is not None and person.name else f"the {title}"
    organisation = case.organisation
    lines = [organisation.name, *organisation.postal_address.splitlines()]
    address = ", ".join(line.strip() for line in lines if line.strip())
    email = (person.email if person is not None else "") or organisation.contact_email
    return f.WriteTo(who, address if organisation.postal_address.strip() else "", email)


def case_letter_values(
    case: Case,
    kind: str,
    *,
    send_on: dt.date,
    channel: str,
    reasons: str = "",
    actions: str = "",
    review_on: dt.date | None = None,
) -> dict[str, str]:
    """Every placeholder of a ``kind`` letter about ``case`` sent on ``send_on``."""
    ladder = _ladder(case)
    facts = case_facts(case, on=send_on)
    values = f.case_values(facts)
    try:
        if kind in NOTICE_KINDS:
            view = view_for_notice(case, send_on=send_on, channel=channel)
            write_to = appeal_write_to(case, ladder, on=send_on)
            values |= f.outcome_values(
                view, ladder, facts, reasons=reasons.strip(), write_to=write_to
            )
            return values
        view = assess_case(case, as_of=send_on)
        if kind == LetterKind.INVESTIGATION:
            values |= f.investigation_values(view, ladder)
        elif kind == LetterKind.GUIDANCE:
            values |= f.guidance_values(view, ladder, facts)
            values["actions"] = actions.strip() or "No actions were agreed."
            values["review_on"] = f.long_date(review_on) if review_on else "a date we will agree"
        elif kind in (
            LetterKind.APPEAL_ACKNOWLEDGED,
            LetterKind.APPEAL_DECIDED,
            LetterKind.APPEAL_LATE_REFUSED,
        ):
            values |= f.appeal_values(view, ladder)
        else:
            raise Refused("This kind of letter is not about a case", field="kind")
    except ValueError as problem:
        # The letter facts refuse with a plain ValueError; it concerns the kind chosen.
        raise Refused(str(problem), field="kind") from None
    return values
