"""A membership ended for missed meetings (MTG-2): a case decided the day it opens.

The ending is the outcome, offered by the code, with the reason given; it goes on the
member's file as an outcome, so an appeal that overturns it ends it; and a deadline the
code counts from the report runs from the day the membership ended.
"""

from __future__ import annotations

from panelkeeper.rules.ladder import Channel, Effect
from panelkeeper.rules.ladder.case import AppealResult, CaseKind, State, assess_policy
from panelkeeper.rules.policy.loader import load_policy
from panelkeeper.rules.policy.presets import preset_text
from tests.rules.scenarios import K, d, dues, ev, read

ENDED = ev(K.MEMBERSHIP_ENDED, "2027-01-04", reason="Missed 3 meetings in a row")


def test_an_ended_membership_is_an_outcome_the_code_offers_with_its_reason_mtg_2() -> None:
    view = read("nexus", [ENDED], "2027-01-04")
    assert (view.kind, view.state, view.began) == (
        CaseKind.EXCLUSION,
        State.DECIDED,
        d("2027-01-04"),
    )
    assert view.outcome is not None
    outcome = view.outcome
    assert (outcome.key, outcome.effect, outcome.on, outcome.offered, outcome.reason) == (
        "membership_ended",
        Effect.MEMBERSHIP_ENDED,
        d("2027-01-04"),
        True,
        "Missed 3 meetings in a row",
    )
    assert [(f.effect, f.start, f.ends, f.ended_by) for f in view.file] == [
        (Effect.MEMBERSHIP_ENDED, d("2027-01-04"), None, None)
    ]


def test_an_ending_overturned_on_appeal_leaves_the_file_br_12() -> None:
    events = [
        ENDED,
        ev(K.NOTICE_SENT, "2027-01-04", channel=Channel.EMAIL),
        ev(K.APPEAL_LODGED, "2027-01-06"),
        ev(K.APPEAL_CONSIDERED, "2027-01-08"),
        ev(K.APPEAL_DECIDED, "2027-01-11", result=AppealResult.OVERTURNED),
    ]
    view = read("nexus", events, "2027-01-11")
    assert view.state is State.CLOSED
    assert [(f.key, f.ends, f.ended_by, f.in_force) for f in view.file] == [
        ("membership_ended", d("2027-01-11"), "overturned on appeal", False)
    ]


def test_a_deadline_counted_from_the_report_runs_from_the_ending_mtg_2() -> None:
    text = preset_text("vela")
    old = 'conclude = { within = "10 working days", from = "member_informed" }\n'
    assert text.count(old) == 1
    vela = load_policy(
        text.replace(
            old, old + 'notice = { within = "5 working days", from = "report_received" }\n'
        ),
        source="vela.toml",
    )
    view = assess_policy(vela, [ENDED], as_of=d("2027-01-05"))
    # Monday 4 January 2027 plus 5 working days.
    assert dues(view) == {"notice": (d("2027-01-11"), "due")}
