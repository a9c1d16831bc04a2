"""Ladder settings any organisation may use, proved through cases on it.

Interpretation 1 (a calendar-day deadline rolls only when the code says so), the
optional look-back on findings (BR-8, Interpretation 5), an appeal that varies the
outcome (BR-12) and a withdrawn case.
"""

import datetime as dt

from panelkeeper.rules.ladder import Channel, Effect
from panelkeeper.rules.ladder.case import AppealResult, CaseView, Event, State, assess_policy
from panelkeeper.rules.policy.loader import load_policy
from panelkeeper.rules.policy.presets import preset_text
from tests.rules.scenarios import K, d, dues, earlier, ev, read


def _read_changed(
    slug: str, old: str, new: str, events: list[Event], as_of: str, **kw: object
) -> CaseView:
    text = preset_text(slug)
    assert text.count(old) == 1
    pol = load_policy(text.replace(old, new), source=f"{slug}.toml")
    return assess_policy(pol, events, as_of=d(as_of), **kw)  # type: ignore[arg-type]


NEXUS_FIRST_MINOR = [
    ev(K.RAISED, "2026-12-14", level="minor"),
    ev(K.MEETING_HELD, "2026-12-22"),
    ev(K.LEVEL_DETERMINED, "2026-12-22", level="minor"),
    ev(K.OUTCOME_RECORDED, "2026-12-22", outcome="reminder"),
]


def test_a_calendar_day_deadline_rolls_past_christmas_only_if_the_code_says_interpretation_1() -> (
    None
):
    assert dues(read("nexus", NEXUS_FIRST_MINOR, "2026-12-23")) == {
        "notice": (d("2026-12-25"), "due")
    }
    rolled = _read_changed(
        "nexus",
        "roll_calendar_days = false",
        "roll_calendar_days = true",
        NEXUS_FIRST_MINOR,
        "2026-12-23",
    )
    # Fri 25 Dec rolls past the weekend and the Boxing Day substitute to Tue 29 Dec.
    assert dues(rolled) == {"notice": (d("2026-12-29"), "due")}


OLD_FINDING = earlier(
    "V-0",
    ev(K.RAISED, "2025-10-01"),
    ev(K.MEMBER_INFORMED, "2025-10-02"),
    ev(K.GROUP_CONVENED, "2025-10-06"),
    ev(K.LEVEL_DETERMINED, "2025-10-10", level="minor"),
    ev(K.OUTCOME_RECORDED, "2025-10-10", outcome="training_and_support"),
)

NEW_MINOR = [
    ev(K.RAISED, "2026-12-14"),
    ev(K.MEMBER_INFORMED, "2026-12-15"),
    ev(K.GROUP_CONVENED, "2026-12-18"),
    ev(K.LEVEL_DETERMINED, "2026-12-23", level="minor"),
]


def test_a_look_back_leaves_older_findings_out_of_escalation_br_8_interpretation_5() -> None:
    assert read("vela", NEW_MINOR, "2026-12-23", before=[OLD_FINDING]).level == "major"
    view = _read_changed(
        "vela",
        'to = "major"\n',
        'to = "major"\nlook_back = "12 months"\n',
        NEW_MINOR,
        "2026-12-23",
        earlier_cases=[OLD_FINDING],
    )
    assert (view.level, view.escalated_by) == ("minor", None)
    assert [f.case_id for f in view.findings] == ["V-0"]


def test_an_appeal_that_varies_the_outcome_replaces_its_effect_on_the_file_br_12() -> None:
    events = [
        *NEW_MINOR,
        ev(K.OUTCOME_RECORDED, "2026-12-23", outcome="final_written_warning"),
        ev(K.NOTICE_SENT, "2026-12-23", channel=Channel.EMAIL),
        ev(K.APPEAL_LODGED, "2027-01-04"),
        ev(
            K.APPEAL_DECIDED,
            "2027-01-20",
            result=AppealResult.VARIED,
            outcome="training_and_support",
            reason="A warning was too severe",
        ),
    ]
    window = read("vela", events[:6], "2027-01-04").appeal_window
    # Emailed Wed 23 Dec: 10 working days, skipping 25 and 28 Dec and 1 Jan, end Mon 11 Jan.
    assert window is not None and window.closes == d("2027-01-11")
    view = read("vela", events, "2027-01-20")
    assert view.state is State.CLOSED
    assert view.outcome is not None and view.outcome.key == "training_and_support"
    assert [(f.effect, f.ends, f.in_force) for f in view.file] == [
        (Effect.WARNING, d("2027-01-20"), False),
        (Effect.TRAINING, None, True),
    ]
    assert dues(view) == {"conclude": (d("2026-12-31"), "met")}


def test_a_withdrawn_case_ends_its_suspension_and_meets_its_deadline() -> None:
    events = [
        ev(K.RAISED, "2026-12-14"),
        ev(K.MEMBER_INFORMED, "2026-12-15"),
        ev(K.SUSPENDED, "2026-12-16"),
        ev(K.WITHDRAWN, "2026-12-21", reason="Complaint withdrawn"),
    ]
    view = read("vela", events, "2026-12-22")
    assert view.state is State.WITHDRAWN
    assert view.next_steps == ()
    assert [(f.ends, f.ended_by) for f in view.file] == [(d("2026-12-21"), "case withdrawn")]
    assert dues(view) == {"conclude": (d("2026-12-31"), "met")}
    assert view.as_of == dt.date(2026, 12, 22)
