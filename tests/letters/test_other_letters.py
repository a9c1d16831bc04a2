"""Letters besides outcomes: missed meetings (MTG-2), appeals (BR-12, Interpretation 3),
guidance (BR-3) and the investigation (BR-4), from the procedure's view alone."""

from __future__ import annotations

import re

from panelkeeper.letters.facts import (
    CaseFacts,
    appeal_values,
    case_values,
    guidance_values,
    investigation_values,
    outcome_values,
)
from panelkeeper.letters.kinds import LetterKind
from panelkeeper.letters.rendering import compose_html
from panelkeeper.letters.wording import default_wording
from panelkeeper.rules.ladder import Channel
from panelkeeper.rules.ladder.case import AppealResult
from tests.rules.scenarios import K, ev, policy, read

FACTS = CaseFacts(
    reference="C-00007",
    case_id="this",
    began_on=None,
    description="Missed three meetings in a row.",
    clauses="",
    contact="the Scrutiny Support Officer",
)


def _text(kind: LetterKind, values: dict[str, str]) -> str:
    values = case_values(FACTS) | {"member_name": "Sam", "group_name": "Panel"} | values
    subject, text, _ = compose_html(
        default_wording(kind), values, to_name="Sam", to_address="", large_print=False
    )
    return re.sub(r"\s+", " ", subject + " " + text)


def test_membership_ended_after_missed_meetings_can_be_appealed_as_an_exclusion_mtg_2() -> None:
    events = [
        ev(K.MEMBERSHIP_ENDED, "2027-03-01", reason="Missed three meetings in a row"),
        ev(K.NOTICE_SENT, "2027-03-02", channel=Channel.EMAIL),
    ]
    view = read("nexus", events, "2027-03-02")
    text = _text(LetterKind.MISSED_MEETINGS, outcome_values(view, policy("nexus").breach, FACTS))  # type: ignore[arg-type]
    assert "confirmed on Monday 1 March 2027 that your membership ends" in text
    # Interpretation 6: appealable as an exclusion, seven days from the email on 2 March.
    assert "Your appeal must reach them by Tuesday 9 March 2027." in text
    assert "Head of Customer and Community Involvement" in text


APPEALED = [
    ev(K.RAISED, "2026-12-01", level="minor"),
    ev(K.MEMBER_INFORMED, "2026-12-02"),
    ev(K.GROUP_CONVENED, "2026-12-07"),
    ev(K.LEVEL_DETERMINED, "2026-12-15", level="minor"),
    ev(K.OUTCOME_RECORDED, "2026-12-15", outcome="final_written_warning"),
    ev(K.NOTICE_SENT, "2026-12-18", channel=Channel.POST),
]


def test_an_appeal_is_acknowledged_with_the_date_its_decision_is_due_br_12() -> None:
    view = read("insight", [*APPEALED, ev(K.APPEAL_LODGED, "2027-01-04")], "2027-01-04")
    text = _text(LetterKind.APPEAL_ACKNOWLEDGED, appeal_values(view, policy("insight").breach))  # type: ignore[arg-type]
    assert "which we received on Monday 4 January 2027" in text
    assert "passed it to the Director of Housing Services" in text
    assert "the decision is due by Monday 18 January 2027" in text


def test_an_appeal_decision_letter_gives_the_result_and_why_br_12() -> None:
    events = [
        *APPEALED,
        ev(K.APPEAL_LODGED, "2027-01-04"),
        ev(
            K.APPEAL_DECIDED,
            "2027-01-11",
            result=AppealResult.UPHELD,
            reason="The record is clear.",
        ),
    ]
    view = read("insight", events, "2027-01-11")
    text = _text(LetterKind.APPEAL_DECIDED, appeal_values(view, policy("insight").breach))  # type: ignore[arg-type]
    assert "the outcome is upheld" in text and "Why: The record is clear." in text


def test_a_late_appeal_refused_gives_the_date_the_window_closed_interpretation_3() -> None:
    events = [
        *APPEALED,
        ev(K.APPEAL_LODGED, "2027-01-12"),
        ev(K.LATE_APPEAL_DECIDED, "2027-01-13", accepted=False, reason="No reason for the delay."),
    ]
    view = read("vela", events, "2027-01-13")
    text = _text(LetterKind.APPEAL_LATE_REFUSED, appeal_values(view, policy("vela").breach))  # type: ignore[arg-type]
    assert "the last day to appeal in time was Friday 8 January 2027" in text
    assert "Why: No reason for the delay." in text


def test_firm_guidance_is_confirmed_with_how_long_it_stays_on_file_br_3() -> None:
    events = [
        ev(K.RAISED, "2026-12-01", level="minor"),
        ev(K.INFORMAL_STEP, "2026-12-08", step="firm_guidance"),
    ]
    view = read("thirteen", events, "2026-12-08")
    values = guidance_values(view, policy("thirteen").breach, FACTS)  # type: ignore[arg-type]
    text = _text(LetterKind.GUIDANCE, values | {"actions": "Attend training.", "review_on": "x"})
    assert "firm guidance" in text and "given to you on Tuesday 8 December 2026" in text
    assert "It stays on your file until" in text and "Attend training." in text


def test_the_investigation_letter_says_by_when_the_code_expects_it_dealt_with_br_4_br_5() -> None:
    events = [ev(K.RAISED, "2026-12-01", level="minor"), ev(K.MEMBER_INFORMED, "2026-12-02")]
    view = read("vela", events, "2026-12-02")
    text = _text(LetterKind.INVESTIGATION, investigation_values(view, policy("vela").breach))  # type: ignore[arg-type]
    assert "The code says we must deal with it by Wednesday 16 December 2026." in text


def test_firm_guidance_letter_gives_the_last_day_on_file_as_the_case_page_does_br_3() -> None:
    events = [
        ev(K.RAISED, "2026-03-02", level="minor"),
        ev(K.INFORMAL_STEP, "2026-03-09", step="firm_guidance"),
    ]
    view = read("thirteen", events, "2026-03-09")
    values = guidance_values(view, policy("thirteen").breach, FACTS)  # type: ignore[arg-type]
    assert values["on_file_until"] == "It stays on your file until Monday 8 March 2027."
    entry = next(e for e in view.file if e.key == "firm_guidance")
    assert entry.last_day is not None and entry.last_day.isoformat() == "2027-03-08"
