"""What a letter says about a case, worked out from the procedure: pure functions.

Every date in an outcome letter comes from the rules engine's view of the case: the
decision, what stays on file and until when, and the last day to appeal, counted from
the deemed receipt of this very letter by its channel (BR-11, BR-12, Interpretation 2).
Nothing here is typed by a person except the officer's own reasons, if they give any.
Nothing here touches the database, so every preset's letters can be proved from
events alone (tests/letters/test_outcome_letters.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from panelkeeper.rules import dates
from panelkeeper.rules.labels import in_words
from panelkeeper.rules.ladder import NO_BREACH, Effect, Ladder
from panelkeeper.rules.ladder.case import CaseView, EventKind, FileEntry


def long_date(day: dt.date | None) -> str:
    """A date as letters write it: "Friday 8 January 2027"."""
    return "" if day is None else dates.long_date(day)


@dataclass(frozen=True)
class CaseFacts:
    """What a letter needs to know of a case beyond the procedure's view."""

    reference: str
    case_id: str
    """The id the procedure knows the case by (its file entries carry it)."""
    began_on: dt.date | None
    description: str
    clauses: str
    contact: str
    given_by: tuple[str, ...] = ()
    """Who gave the latest informal step, by name (BR-3)."""


def level_label(ladder: Ladder, key: str | None) -> str:
    if key is None or key == NO_BREACH:
        return ""
    level = ladder.level(key)
    return level.label.lower() if level is not None else key


def determined_no_breach(view: CaseView) -> dt.date | None:
    """The day the decider found no breach, if that is the latest finding (BR-10)."""
    found = [e for e in view.events if e.kind is EventKind.LEVEL_DETERMINED]
    if found and found[-1].level == NO_BREACH:
        return found[-1].effective
    return None


def _own_entries(view: CaseView, case_id: str) -> list[FileEntry]:
    return [e for e in view.file if e.case_id == case_id]


def _until(entry: FileEntry) -> str:
    # People read the last day it applies, as the case page and the API give it.
    assert entry.last_day is not None
    return long_date(entry.last_day)


def what_happens_next(effect: Effect, entries: list[FileEntry]) -> str:
    """What the outcome means for the member, with the dates the procedure gives."""
    entry = next((e for e in entries if e.effect is effect), None)
    if effect is Effect.NONE:
        return "Nothing goes on your record, and you carry on as a member as before."
    if effect is Effect.SUSPENSION:
        start = long_date(entry.start) if entry else ""
        if entry is not None and entry.ends is not None:
            return (
                f"You are suspended from {start} to {_until(entry)}. While you are suspended "
                "you cannot go to meetings or take part in the group's work. You may take "
                "part again from " + long_date(entry.ends) + "."
            )
        return (
            f"You are suspended from {start} until we write to you again. While you are "
            "suspended you cannot go to meetings or take part in the group's work."
        )
    if effect.is_exclusion:
        start = long_date(entry.start) if entry else ""
        return (
            f"You are no longer a member from {start}. Please return any papers or equipment "
            "that belong to the group."
        )
    if effect is Effect.TRAINING:
        text = "We will contact you to arrange training and support that suits you."
    elif effect is Effect.REMINDER:
        text = "Please keep to the code from now on. If training would help, we will arrange it."
    else:
        text = "This is recorded on your file. A further breach may lead to a more serious outcome."
    if entry is not None and entry.ends is not None:
        text += f" It stays on your record until {_until(entry)}."
    elif entry is not None:
        text += " It stays on your record."
    return text


@dataclass(frozen=True)
class AppealFacts:
    how_to_appeal: str
    appeal_to: str
    appeal_closes: str


@dataclass(frozen=True)
class WriteTo:
    """Whom an appeal is sent to: a name and job title, a postal address, an email."""

    who: str
    address: str = ""
    email: str = ""

    def sentences(self) -> str:
        """ "Write to Jo Bloggs, Group Director of Operations. The address is ..." """
        text = f"Write to {self.who}."
        if self.address and self.email:
            text += f" The address is {self.address}. Or you can email {self.email}."
        elif self.address:
            text += f" The address is {self.address}."
        elif self.email:
            text += f" You can email {self.email}."
        return text


def appeal_facts(view: CaseView, ladder: Ladder, write_to: WriteTo | None = None) -> AppealFacts:
    """How to appeal this outcome, as the code and the notice's deemed receipt say (BR-12),
    and whom to write to (``write_to``; the title the code names where not given).

    Where the code sets a window, the last day is the procedure's, from deemed receipt
    (Interpretation 2); where it sets none, the letter says so (Interpretation 3); where
    the outcome cannot be appealed but the code keeps a complaints route open (nexus
    warnings, Interpretation 4), the letter offers that route instead.
    """
    window = view.appeal_window
    complaints = ladder.complaints_route
    if window is None:
        if complaints:
            return AppealFacts(
                "Under the code this decision cannot be appealed. If you are unhappy with "
                f"how this was handled, you can use {complaints} at any time.",
                "",
                "",
            )
        if view.outcome is None or view.outcome.effect is Effect.NONE:
            return AppealFacts("As no breach was found, there is nothing to appeal.", "", "")
        return AppealFacts("Under the code this decision cannot be appealed.", "", "")
    to = window.to.title
    write = (write_to or WriteTo(f"the {to}")).sentences()
    also = f" You can also use {complaints} at any time." if complaints else ""
    if window.closes is None:
        return AppealFacts(
            f"If you think this decision is wrong, you can appeal. {write} "
            "The code sets no time limit for an appeal, but please write as soon as you can."
            + also,
            to,
            "",
        )
    received = long_date(window.received)
    closes = long_date(window.closes)
    return AppealFacts(
        f"If you think this decision is wrong, you can appeal. {write} "
        f"Your appeal must reach them by {closes}. We count this letter as received on "
        f"{received}. The time to appeal runs from that day." + also,
        to,
        closes,
    )


def outcome_values(
    view: CaseView,
    ladder: Ladder,
    facts: CaseFacts,
    *,
    reasons: str = "",
    write_to: WriteTo | None = None,
) -> dict[str, str]:
    """The placeholders of an outcome letter (BR-10, BR-11, BR-12) from the case's view."""
    outcome = view.outcome
    if outcome is not None:
        label, decided, effect = outcome.label, outcome.on, outcome.effect
    else:
        no_breach_on = determined_no_breach(view)
        if no_breach_on is None:
            raise ValueError("The case has no outcome yet to write about.")
        label, decided, effect = "No further action", no_breach_on, Effect.NONE
    level = level_label(ladder, view.level)
    if not reasons:
        parts = []
        if effect is Effect.NONE:
            parts.append("After looking at what happened, the decision was that the code was kept.")
        elif level:
            parts.append(f"The decision was that this was a {level}: {facts.description}")
        else:
            parts.append(facts.description)
        if view.escalated_by:
            parts.append(
                f"It was treated as {level} because of the earlier finding in {view.escalated_by}."
            )
        if outcome is not None and outcome.reason:
            parts.append(outcome.reason)
        reasons = " ".join(p.strip() for p in parts if p.strip())
    appeal = appeal_facts(view, ladder, write_to)
    return {
        "outcome": label,
        "decided_on": long_date(decided),
        "level": level,
        "reasons": reasons,
        "what_happens_next": what_happens_next(effect, _own_entries(view, facts.case_id)),
        "how_to_appeal": appeal.how_to_appeal,
        "appeal_to": appeal.appeal_to,
        "appeal_closes": appeal.appeal_closes,
    }


def case_values(facts: CaseFacts) -> dict[str, str]:
    return {
        "reference": facts.reference,
        "began_on": long_date(facts.began_on),
        "description": facts.description,
        "clauses": facts.clauses or "none named",
        "contact": facts.contact,
    }


def investigation_values(view: CaseView, ladder: Ladder) -> dict[str, str]:
    """Who investigates and by when the code says it should be dealt with (BR-4, BR-5)."""
    titles = ", ".join(r.title for r in ladder.investigated_by) or "the people the code names"
    conclude = view.deadline("conclude")
    by = ""
    if conclude is not None:
        aim = "aims to deal with" if conclude.target else "says we must deal with"
        by = f"The code {aim} it by {long_date(conclude.due)}."
    return {"investigated_by": titles, "conclude_by": by}


def guidance_values(view: CaseView, ladder: Ladder, facts: CaseFacts) -> dict[str, str]:
    """The latest informal step (BR-3): firm guidance, informal guidance, a verbal warning."""
    steps = [e for e in view.events if e.kind is EventKind.INFORMAL_STEP]
    if not steps:
        raise ValueError("No informal step has been recorded on this case.")
    last = steps[-1]
    step = ladder.step(last.step or "")
    label = step.label if step is not None else (last.step or "")
    entry = next(
        (e for e in _own_entries(view, facts.case_id) if e.key == last.step and e.ends), None
    )
    until = f"It stays on your file until {_until(entry)}." if entry is not None else ""
    given_by = f"It was given by {in_words(facts.given_by)}." if facts.given_by else ""
    return {
        "step": label.lower(),
        "step_on": long_date(last.effective),
        "on_file_until": until,
        "given_by": given_by,
    }


def appeal_values(view: CaseView, ladder: Ladder) -> dict[str, str]:
    """The appeal as it stands: received, late, decided (BR-12, Interpretation 3)."""
    appeal = view.appeal
    if appeal is None:
        raise ValueError("No appeal has been lodged on this case.")
    to = view.appeal_window.to.title if view.appeal_window else ""
    if not to and ladder.appeal is not None:
        to = ladder.appeal.to.title
    decide = view.deadline("appeal_decide")
    decide_by = f"The code says the decision is due by {long_date(decide.due)}." if decide else ""
    complaints = ladder.complaints_route
    return {
        "appeal_received_on": long_date(appeal.lodged),
        "appeal_to": to,
        "appeal_decide_by": decide_by,
        "appeal_result": (appeal.result.value if appeal.result else ""),
        "appeal_reason": appeal.reason or "",
        "window_closed": long_date(appeal.window_closed),
        "late_reason": appeal.late_reason or "",
        "complaints_route": (
            f"If you are unhappy with how this was handled, you can use {complaints}."
            if complaints
            else ""
        ),
    }


def party_outcome_values(member_values: dict[str, str], member_name: str) -> dict[str, str]:
    """What others the code says are told learn of an outcome (BR-11): the decision, the
    finding and whether the member may still appeal, never the reasons or the member's
    file, which are the member's own."""
    level = member_values.get("level", "")
    closes, to = member_values.get("appeal_closes", ""), member_values.get("appeal_to", "")
    if closes:
        note = f"{member_name} may appeal to the {to} until {closes}."
    elif to:
        note = f"{member_name} may appeal to the {to}; the code sets no time limit."
    else:
        note = "There is no appeal against this outcome under the code."
    return {
        "outcome": member_values["outcome"],
        "decided_on": member_values["decided_on"],
        "finding": f"It was found to be a {level}." if level else "No breach was found.",
        "appeal_note": note,
    }


def party_appeal_values(member_values: dict[str, str]) -> dict[str, str]:
    """What others the code says are told learn of an appeal decision (BR-12)."""
    return {
        name: member_values[name] for name in ("appeal_to", "appeal_received_on", "appeal_result")
    }
