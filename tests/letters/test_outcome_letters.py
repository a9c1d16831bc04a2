"""Every outcome letter of every preset, rendered for a scenario case (BR-10, BR-11, BR-12).

Each case is decided on Tuesday 15 December 2026 and its letter posted on Friday 18
December. Post counts as received on the second working day after posting, Tuesday 22
December (Interpretation 2). Ten working days from then skip Christmas Day, Boxing Day
(moved to Monday 28 December, as it falls on a Saturday) and New Year's Day: the window
closes on Friday 8 January 2027. Nexus counts seven calendar days, with no roll:
Tuesday 29 December. Herefordshire sets no window, and nexus's warnings cannot be
appealed but keep the complaints route open (Interpretations 3 and 4).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from panelkeeper.letters.facts import CaseFacts, case_values, outcome_values
from panelkeeper.letters.kinds import OUTCOME_KINDS, LetterKind
from panelkeeper.letters.rendering import compose_html, render_letter
from panelkeeper.letters.wording import default_wording
from panelkeeper.rules.ladder import Channel
from panelkeeper.rules.ladder.case import Event
from tests.lib.test_pdf import pdf_text
from tests.rules.scenarios import K, d, earlier, ev, policy, read

DESCRIPTION = "Talked about a resident's repairs by name at a public event."
FACTS = CaseFacts(
    reference="C-00042",
    case_id="this",
    began_on=d("2026-12-01"),
    description=DESCRIPTION,
    clauses="Code of conduct",
    contact="the Customer Involvement Team",
)

VELA_CLOSES = "Friday 8 January 2027"
NEXUS_CLOSES = "Tuesday 29 December 2026"
NO_WINDOW = "The code sets no time limit for an appeal"
COMPLAINTS = "cannot be appealed. If you are unhappy with how this was handled, you can use"


def _opening(slug: str, level: str | None) -> list[Event]:
    raised = ev(K.RAISED, "2026-12-01", level=level)
    if slug in ("vela", "insight"):
        return [raised, ev(K.MEMBER_INFORMED, "2026-12-02"), ev(K.GROUP_CONVENED, "2026-12-07")]
    if slug == "nexus":
        return [raised, ev(K.MEETING_HELD, "2026-12-07")]
    if slug == "herefordshire":
        return [raised, ev(K.INVESTIGATION_OPENED, "2026-12-02")]
    return [
        raised,
        ev(K.INVESTIGATION_OPENED, "2026-12-02"),
        ev(K.GROUP_CONVENED, "2026-12-07"),
    ]


def _decided(slug: str, level: str, outcome: str | None, **extra: object) -> list[Event]:
    events = _opening(slug, None if level == "no_breach" else level)
    if extra.pop("training_refused", False):
        events.append(ev(K.TRAINING_REFUSED, "2026-12-10"))
    events.append(
        ev(K.LEVEL_DETERMINED, "2026-12-15", level=level, confidentiality=outcome == "step_down")
    )
    if outcome is not None:
        events.append(ev(K.OUTCOME_RECORDED, "2026-12-15", outcome=outcome, **extra))
    events.append(ev(K.NOTICE_SENT, "2026-12-18", channel=Channel.POST))
    return events


def letter_for(slug: str, events: list[Event], **read_kw: object) -> tuple[LetterKind, str, str]:
    """The outcome letter's kind, plain text and HTML, from the procedure's view alone."""
    view = read(slug, events, "2026-12-18", **read_kw)  # type: ignore[arg-type]
    assert view.outcome is not None
    kind = OUTCOME_KINDS[view.outcome.effect]
    values = case_values(FACTS) | outcome_values(view, policy(slug).breach, FACTS)  # type: ignore[arg-type]
    values |= {"member_name": "Sam Subject", "organisation_name": "Example Homes"}
    subject, text, html = compose_html(
        default_wording(kind), values, to_name="Sam Subject", to_address="", large_print=False
    )
    return kind, subject + "\n" + text, html


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)


Check = Callable[[str], None]


def closes_on(date: str) -> Check:
    def check(text: str) -> None:
        assert f"Your appeal must reach them by {date}." in text
        assert "received on Tuesday 22 December 2026" in text

    return check


def no_window(text: str) -> None:
    assert NO_WINDOW in text
    assert "must reach them by" not in text


def complaints_only(text: str) -> None:
    assert COMPLAINTS in text
    assert "the customer complaints procedure" in text
    assert "must reach them by" not in text


def nothing_to_appeal(text: str) -> None:
    assert "there is nothing to appeal" in text or COMPLAINTS in text
    assert "must reach them by" not in text


# (preset, level, outcome key, extra event data, expected kind, words of the decision, appeal)
CASES = [
    (
        "vela",
        "minor",
        "training_and_support",
        {},
        LetterKind.TRAINING,
        "Training and support",
        closes_on(VELA_CLOSES),
    ),
    (
        "vela",
        "minor",
        "final_written_warning",
        {},
        LetterKind.WARNING,
        "Final written warning",
        closes_on(VELA_CLOSES),
    ),
    (
        "vela",
        "major",
        "asked_to_leave",
        {},
        LetterKind.REMOVAL,
        "Asked to leave the Panel",
        closes_on(VELA_CLOSES),
    ),
    (
        "vela",
        "no_breach",
        None,
        {},
        LetterKind.NO_FURTHER_ACTION,
        "no breach of the code had happened",
        nothing_to_appeal,
    ),
    (
        "insight",
        "minor",
        "training_and_support",
        {},
        LetterKind.TRAINING,
        "Training and support, chosen to fit",
        closes_on(VELA_CLOSES),
    ),
    (
        "insight",
        "minor",
        "final_written_warning",
        {},
        LetterKind.WARNING,
        "Final written warning",
        closes_on(VELA_CLOSES),
    ),
    (
        "insight",
        "major",
        "asked_to_leave",
        {},
        LetterKind.REMOVAL,
        "Asked to leave insight",
        closes_on(VELA_CLOSES),
    ),
    (
        "insight",
        "no_breach",
        None,
        {},
        LetterKind.NO_FURTHER_ACTION,
        "no breach of the code had happened",
        nothing_to_appeal,
    ),
    (
        "nexus",
        "minor",
        "reminder",
        {},
        LetterKind.REMINDER,
        "Reminder of the code",
        complaints_only,
    ),
    (
        "nexus",
        "minor",
        "final_warning",
        {"training_refused": True},
        LetterKind.WARNING,
        "Final warning",
        complaints_only,
    ),
    ("nexus", "serious", "final_warning", {}, LetterKind.WARNING, "Final warning", complaints_only),
    (
        "nexus",
        "serious",
        "exclusion",
        {},
        LetterKind.REMOVAL,
        "Excluded from the Panel for good",
        closes_on(NEXUS_CLOSES),
    ),
    (
        "nexus",
        "minor",
        "step_down",
        {},
        LetterKind.STEPPING_DOWN,
        "Required to step down from the Panel",
        closes_on(NEXUS_CLOSES),
    ),
    (
        "nexus",
        "no_breach",
        None,
        {},
        LetterKind.NO_FURTHER_ACTION,
        "no breach of the code had happened",
        complaints_only,
    ),
    (
        "herefordshire",
        "minor",
        "verbal_warning",
        {},
        LetterKind.WARNING,
        "Verbal warning",
        no_window,
    ),
    (
        "herefordshire",
        "serious",
        "suspension",
        {"until": d("2027-02-01")},
        LetterKind.SUSPENSION,
        "Suspended from future work",
        no_window,
    ),
    (
        "herefordshire",
        "serious",
        "removal",
        {},
        LetterKind.REMOVAL,
        "Removed from future work",
        no_window,
    ),
    (
        "herefordshire",
        "no_breach",
        None,
        {},
        LetterKind.NO_FURTHER_ACTION,
        "no breach of the code had happened",
        nothing_to_appeal,
    ),
    (
        "thirteen",
        "minor",
        "training_and_support",
        {},
        LetterKind.TRAINING,
        "Training and support",
        closes_on(VELA_CLOSES),
    ),
    (
        "thirteen",
        "minor",
        "final_written_warning",
        {},
        LetterKind.WARNING,
        "Final written warning",
        closes_on(VELA_CLOSES),
    ),
    (
        "thirteen",
        "major",
        "withdraw_from_involvement",
        {},
        LetterKind.REMOVAL,
        "Asked to step back from every involvement activity",
        closes_on(VELA_CLOSES),
    ),
    (
        "thirteen",
        "no_breach",
        None,
        {},
        LetterKind.NO_FURTHER_ACTION,
        "no breach of the code had happened",
        nothing_to_appeal,
    ),
]


@pytest.mark.parametrize(
    ("slug", "level", "outcome", "extra", "kind", "decision", "appeal"),
    CASES,
    ids=[f"{c[0]}-{c[2] or 'no_breach'}-{c[1]}" for c in CASES],
)
def test_each_outcome_letter_says_the_decision_why_and_how_to_appeal_br_10_br_11_br_12(
    slug: str,
    level: str,
    outcome: str | None,
    extra: dict[str, object],
    kind: LetterKind,
    decision: str,
    appeal: Check,
) -> None:
    got_kind, text, _ = letter_for(slug, _decided(slug, level, outcome, **extra))
    text = _one_line(text)
    assert got_kind is kind
    assert decision in text
    assert "decided on Tuesday 15 December 2026" in text or "On Tuesday 15 December 2026" in text
    if outcome is not None:
        assert DESCRIPTION in text  # the reasons: what the breach was
        assert "Why: The decision was that this was a" in text
    else:
        assert (
            "Why: After looking at what happened, the decision was that the code was kept." in text
        )
    assert "please contact the Customer Involvement Team" in text
    appeal(text)
    assert "{" not in text and "}" not in text  # every placeholder filled


def test_a_further_minor_breach_gets_nexus_formal_warning_letter_naming_the_earlier_case_br_8() -> (
    None
):
    before = [
        earlier(
            "N-1",
            ev(K.RAISED, "2026-06-01", level="minor"),
            ev(K.MEETING_HELD, "2026-06-08"),
            ev(K.LEVEL_DETERMINED, "2026-06-08", level="minor"),
            ev(K.OUTCOME_RECORDED, "2026-06-08", outcome="reminder"),
        )
    ]
    events = _decided("nexus", "minor", "formal_warning")
    kind, text, _ = letter_for("nexus", events, before=before)
    text = _one_line(text)
    assert kind is LetterKind.WARNING
    assert "Formal warning that more breaches may end membership" in text
    assert "because of the earlier finding in N-1" in text
    complaints_only(text)


def test_a_suspension_letter_gives_the_last_day_of_the_suspension_br_9() -> None:
    events = _decided("herefordshire", "serious", "suspension", until=d("2027-02-01"))
    _, text, _ = letter_for("herefordshire", events)
    text = _one_line(text)
    assert "suspended from Tuesday 15 December 2026 to Sunday 31 January 2027" in text
    assert "take part again from Monday 1 February 2027" in text


def test_a_warning_letter_says_how_long_it_stays_on_file_br_10() -> None:
    _, text, _ = letter_for("vela", _decided("vela", "minor", "final_written_warning"))
    assert "It stays on your record" in _one_line(text)


def test_an_emailed_letter_counts_as_received_the_same_day_interpretation_2() -> None:
    events = _decided("vela", "minor", "training_and_support")
    events[-1] = ev(K.NOTICE_SENT, "2026-12-18", channel=Channel.EMAIL)
    _, text, _ = letter_for("vela", events)
    # Received Friday 18 December; ten working days later skips the holidays: 6 January.
    assert "Your appeal must reach them by Wednesday 6 January 2027." in _one_line(text)


@pytest.mark.parametrize("slug", ["vela", "insight", "nexus", "herefordshire", "thirteen"])
def test_an_outcome_letter_renders_as_a_tagged_pdf_for_each_preset(slug: str) -> None:
    level, outcome = ("serious", "removal") if slug == "herefordshire" else ("minor", None)
    events = _decided(slug, level, outcome) if outcome else _decided(slug, "no_breach", None)
    view = read(slug, events, "2026-12-18")
    values = outcome_values(view, policy(slug).breach, FACTS)  # type: ignore[arg-type]
    kind = OUTCOME_KINDS[view.outcome.effect]  # type: ignore[union-attr]
    rendered = render_letter(default_wording(kind), values, to_name="Sam Subject")
    assert rendered.pdf.startswith(b"%PDF-")
    assert b"/StructTreeRoot" in pdf_text(
        rendered.pdf
    )  # tagged: a structure tree for screen readers
    assert len(rendered.sha256) == 64
