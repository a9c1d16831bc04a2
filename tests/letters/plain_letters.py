"""Every default letter, rendered for a case like the demo's, to measure its words.

Each kind is filled from the procedure's own view of a scenario case (the values the
app would give it), with the demo's description of what happened, and closed by a
signatory. People's names are the placeholders' values listed in ``NAMES``, taken out
before measuring.
"""

from __future__ import annotations

import re

from panelkeeper.letters.facts import (
    CaseFacts,
    WriteTo,
    appeal_values,
    case_values,
    guidance_values,
    investigation_values,
    outcome_values,
    party_appeal_values,
    party_outcome_values,
)
from panelkeeper.letters.kinds import LetterKind
from panelkeeper.letters.letterhead import Letterhead, Signatory
from panelkeeper.letters.rendering import compose_html
from panelkeeper.letters.wording import default_wording
from panelkeeper.rules.ladder import Channel, Ladder
from panelkeeper.rules.ladder.case import AppealResult, CaseView, Event
from tests.letters.test_outcome_letters import _decided as decided
from tests.rules.scenarios import K, d, ev, policy, read

MEMBER, REPORTER, SIGNER, DIRECTOR = "Sam Subject", "Rita Reporter", "Jo Bloggs", "Dee Director"
NAMES = (MEMBER, REPORTER, SIGNER, DIRECTOR)

FACTS = CaseFacts(
    reference="C-00012",
    case_id="this",
    began_on=d("2026-12-01"),
    description="Spoke over other members and would not let the meeting move on.",
    clauses="Code of Conduct",
    contact="the Customer Involvement Team",
)
WRITE_TO = WriteTo(
    f"{DIRECTOR}, Group Director of Operations",
    "Home Housing, 1 High Street, Hartlepool TS24 7AB",
    "appeals@home.example",
)
LETTERHEAD = Letterhead("Home Housing", ("1 High Street", "Hartlepool", "TS24 7AB"))
SIGNATORY = Signatory(SIGNER, "Customer Involvement Manager")


def ladder(slug: str) -> Ladder:
    found = policy(slug).breach
    assert found is not None
    return found


DECIDED = [
    ev(K.RAISED, "2026-12-01", level="minor"),
    ev(K.MEMBER_INFORMED, "2026-12-02"),
    ev(K.GROUP_CONVENED, "2026-12-07"),
    ev(K.LEVEL_DETERMINED, "2026-12-15", level="minor"),
]


def _outcome(slug: str, outcome: str | None, level: str = "minor") -> CaseView:
    return read(slug, decided(slug, level, outcome), "2026-12-18")


def _notice(slug: str, outcome: str | None, level: str = "minor") -> dict[str, str]:
    view = _outcome(slug, outcome, level)
    return outcome_values(view, ladder(slug), FACTS, write_to=WRITE_TO)


def _appeal(last: list[Event], on: str) -> dict[str, str]:
    events = [
        *DECIDED,
        ev(K.OUTCOME_RECORDED, "2026-12-15", outcome="final_written_warning"),
        ev(K.NOTICE_SENT, "2026-12-18", channel=Channel.POST),
        *last,
    ]
    return appeal_values(read("insight", events, on), ladder("insight"))


def values_for(kind: LetterKind) -> dict[str, str]:
    """The values a ``kind`` letter is filled with, for the scenario case."""
    common = {
        "member_name": MEMBER,
        "organisation_name": "Home Housing",
        "group_name": "Customer Scrutiny Panel",
        "letter_date": "Friday 18 December 2026",
    }
    values = common | case_values(FACTS)
    lodged = ev(K.APPEAL_LODGED, "2027-01-04")
    if kind == LetterKind.INVESTIGATION:
        view = read("vela", DECIDED[:2], "2026-12-02")
        return values | investigation_values(view, ladder("vela"))
    if kind == LetterKind.GUIDANCE:
        events = [
            ev(K.RAISED, "2026-12-01", level="minor"),
            ev(K.INFORMAL_STEP, "2026-12-08", step="firm_guidance"),
        ]
        view = read("thirteen", events, "2026-12-08")
        guidance = guidance_values(view, ladder("thirteen"), FACTS)
        return (
            values
            | guidance
            | {
                "actions": "Let others finish before you speak.",
                "review_on": "Friday 8 January 2027",
            }
        )
    outcomes = {
        LetterKind.NO_FURTHER_ACTION: ("thirteen", None, "no_breach"),
        LetterKind.TRAINING: ("vela", "training_and_support", "minor"),
        LetterKind.REMINDER: ("nexus", "reminder", "minor"),
        LetterKind.WARNING: ("vela", "final_written_warning", "minor"),
        LetterKind.SUSPENSION: ("herefordshire", "suspension", "serious"),
        LetterKind.REMOVAL: ("vela", "asked_to_leave", "major"),
        LetterKind.STEPPING_DOWN: ("nexus", "step_down", "serious"),
    }
    if kind in outcomes:
        slug, outcome, level = outcomes[kind]
        return values | _notice(slug, outcome, level)
    if kind == LetterKind.MISSED_MEETINGS:
        events = [
            ev(K.MEMBERSHIP_ENDED, "2027-03-01", reason="Missed three meetings in a row"),
            ev(K.NOTICE_SENT, "2027-03-02", channel=Channel.EMAIL),
        ]
        view = read("nexus", events, "2027-03-02")
        return values | outcome_values(view, ladder("nexus"), FACTS, write_to=WRITE_TO)
    if kind == LetterKind.APPEAL_ACKNOWLEDGED:
        return values | _appeal([lodged], "2027-01-04")
    if kind == LetterKind.APPEAL_DECIDED:
        decided = ev(
            K.APPEAL_DECIDED,
            "2027-01-11",
            result=AppealResult.UPHELD,
            reason="The notes of the meeting are clear.",
        )
        return values | _appeal([lodged, decided], "2027-01-11")
    if kind == LetterKind.APPEAL_LATE_REFUSED:
        late = [
            ev(K.APPEAL_LODGED, "2027-01-12"),
            ev(
                K.LATE_APPEAL_DECIDED,
                "2027-01-13",
                accepted=False,
                reason="No reason was given for the delay.",
            ),
        ]
        return values | _appeal(late, "2027-01-13")
    party = {"recipient_name": REPORTER, "your_part": "you raised the concern that began this case"}
    if kind == LetterKind.OUTCOME_FOR_PARTY:
        return (
            values | party | party_outcome_values(_notice("vela", "final_written_warning"), MEMBER)
        )
    if kind == LetterKind.APPEAL_FOR_PARTY:
        decided = ev(K.APPEAL_DECIDED, "2027-01-11", result=AppealResult.UPHELD, reason="Clear.")
        return values | party | party_appeal_values(_appeal([lodged, decided], "2027-01-11"))
    if kind == LetterKind.GIFT_RESULT:
        return values | {
            "contact": "the Customer Involvement Team",
            "gift": "a box of biscuits from a contractor",
            "given_on": "Monday 30 November 2026",
            "gift_result": "shared with the team",
            "gift_note": "",
            "decided_on": "Thursday 10 December 2026",
        }
    assert kind == LetterKind.RESIGN_REQUEST
    return values | {"document": "Code of Conduct", "signed_version": "1", "new_version": "2"}


def rendered(kind: LetterKind) -> tuple[str, str]:
    """The subject and the text of a default ``kind`` letter, with its close."""
    subject, text, _ = compose_html(
        default_wording(kind),
        values_for(kind),
        to_name=MEMBER,
        to_address="",
        large_print=False,
        letterhead=LETTERHEAD,
        signatory=SIGNATORY,
    )
    return subject, text


def without_names(text: str) -> str:
    for name in NAMES:
        text = text.replace(name, "")
    return re.sub(r"\s+", " ", text).strip()
