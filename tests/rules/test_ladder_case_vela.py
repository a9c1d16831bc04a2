"""Vela's breach ladder, case by case: BR-4, BR-5, BR-8, BR-9, BR-10, BR-12.

Dates cross Christmas 2026 (Fri 25 Dec, Mon 28 Dec substitute for Boxing Day, Fri 1 Jan)
and Easter 2027 (Good Friday 26 Mar, Easter Monday 29 Mar). Every due date is asserted.
"""

from panelkeeper.rules.ladder import Channel, Effect
from panelkeeper.rules.ladder.case import AppealResult, DeadlineStatus, State
from tests.rules.scenarios import K, d, dues, earlier, ev, read

FIRST_MINOR = earlier(
    "V-1",
    ev(K.RAISED, "2026-11-02"),
    ev(K.MEMBER_INFORMED, "2026-11-03"),
    ev(K.GROUP_CONVENED, "2026-11-05"),
    ev(K.LEVEL_DETERMINED, "2026-11-10", level="minor"),
    ev(K.OUTCOME_RECORDED, "2026-11-10", outcome="final_written_warning"),
    ev(K.NOTICE_SENT, "2026-11-11", channel=Channel.EMAIL),
    ev(K.CLOSED, "2026-11-30"),
)

SECOND_MINOR = [
    ev(K.RAISED, "2026-12-14"),
    ev(K.MEMBER_INFORMED, "2026-12-15"),
    ev(K.GROUP_CONVENED, "2026-12-18"),
    ev(K.LEVEL_DETERMINED, "2026-12-23", level="minor"),
    ev(K.OUTCOME_RECORDED, "2026-12-23", outcome="asked_to_leave"),
    # Posted on Christmas Eve: deemed received on the 2nd working day, Wed 30 Dec.
    ev(K.NOTICE_SENT, "2026-12-24", channel=Channel.POST),
]


def test_a_second_minor_finding_is_relevelled_major_naming_the_earlier_case_br_8() -> None:
    view = read("vela", SECOND_MINOR[:4], "2026-12-23", before=[FIRST_MINOR])
    assert view.state is State.INVESTIGATING
    assert view.level == "major"
    assert view.escalated_by == "V-1"
    assert "V-1" in (view.level_reason or "")
    assert [o.key for o in view.outcomes_on_offer] == ["asked_to_leave"]
    # BR-5: 10 working days from Tue 15 Dec skip Christmas Day and the Boxing Day substitute.
    assert dues(view) == {"conclude": (d("2026-12-31"), "due")}
    assert view.next_due == d("2026-12-31")


def test_the_conclusion_deadline_is_met_and_the_appeal_window_runs_from_deemed_receipt_br_12() -> (
    None
):
    view = read("vela", SECOND_MINOR, "2027-01-04", before=[FIRST_MINOR])
    assert view.state is State.DECIDED
    assert dues(view) == {"conclude": (d("2026-12-31"), "met")}
    assert view.next_due is None
    window = view.appeal_window
    assert window is not None
    assert window.to.title == "Group Director of Operations"
    assert window.received == d("2026-12-30")
    # 10 working days from Wed 30 Dec skip New Year's Day: Thu 14 Jan 2027.
    assert window.closes == d("2027-01-14")
    assert window.open
    assert [(f.case_id, f.effect, f.in_force) for f in view.file] == [
        ("V-1", Effect.WARNING, True),
        ("this", Effect.MEMBERSHIP_ENDED, True),
    ]


def test_the_view_gives_the_notice_sent_and_its_deemed_receipt_interpretation_2() -> None:
    assert read("vela", SECOND_MINOR[:5], "2026-12-23", before=[FIRST_MINOR]).notice is None
    notice = read("vela", SECOND_MINOR, "2027-01-04", before=[FIRST_MINOR]).notice
    assert notice is not None
    assert (notice.sent, notice.channel, notice.received) == (
        d("2026-12-24"),
        Channel.POST,
        d("2026-12-30"),
    )


def test_a_first_minor_finding_alone_offers_the_minor_outcomes_only_br_10() -> None:
    view = read("vela", SECOND_MINOR[:4], "2026-12-23")
    assert view.level == "minor" and view.escalated_by is None
    assert [o.key for o in view.outcomes_on_offer] == [
        "final_written_warning",
        "training_and_support",
    ]


def test_a_late_appeal_is_marked_late_and_once_accepted_proceeds_interpretation_3() -> None:
    events = [
        *SECOND_MINOR,
        ev(K.APPEAL_LODGED, "2027-01-15"),
        ev(K.LATE_APPEAL_DECIDED, "2027-01-18", accepted=True, reason="Member was in hospital"),
        ev(K.APPEAL_DECIDED, "2027-02-01", result=AppealResult.OVERTURNED, reason="New evidence"),
    ]
    waiting = read("vela", events[:7], "2027-01-15", before=[FIRST_MINOR])
    assert waiting.state is State.APPEALED
    assert waiting.appeal is not None and waiting.appeal.late
    assert waiting.appeal.window_closed == d("2027-01-14")
    assert [s.kind for s in waiting.next_steps if s.kind is not K.NOTICE_SENT] == [
        K.LATE_APPEAL_DECIDED
    ]
    done = read("vela", events, "2027-02-02", before=[FIRST_MINOR])
    assert done.state is State.CLOSED
    ended = [f for f in done.file if f.case_id == "this"]
    assert [(f.ends, f.ended_by, f.in_force) for f in ended] == [
        (d("2027-02-01"), "overturned on appeal", False)
    ]
    assert dues(done) == {"conclude": (d("2026-12-31"), "met")}


def test_a_late_appeal_refused_with_a_reason_closes_the_case_interpretation_3() -> None:
    events = [
        *SECOND_MINOR,
        ev(K.APPEAL_LODGED, "2027-01-15"),
        ev(K.LATE_APPEAL_DECIDED, "2027-01-18", accepted=False, reason="No reason given"),
    ]
    view = read("vela", events, "2027-01-19", before=[FIRST_MINOR])
    assert view.state is State.CLOSED
    assert view.appeal is not None
    assert (view.appeal.late, view.appeal.late_accepted) == (True, False)
    assert view.appeal.late_reason == "No reason given"
    assert [f.in_force for f in view.file] == [True, True]


SUSPENDED_OVER_EASTER = [
    ev(K.RAISED, "2027-03-17"),
    ev(K.MEMBER_INFORMED, "2027-03-18"),
    ev(K.SUSPENDED, "2027-03-19", until=d("2027-04-19")),
]


def test_a_suspension_is_on_the_file_from_its_start_to_its_end_br_9() -> None:
    before = read("vela", SUSPENDED_OVER_EASTER, "2027-03-18")
    assert before.in_force() == ()
    during = read("vela", SUSPENDED_OVER_EASTER, "2027-04-18")
    assert [(f.effect, f.start, f.ends) for f in during.in_force()] == [
        (Effect.SUSPENSION, d("2027-03-19"), d("2027-04-19"))
    ]
    assert during.allows(K.SUSPENSION_LIFTED)
    after = read("vela", SUSPENDED_OVER_EASTER, "2027-04-19")
    assert after.in_force() == ()
    assert not after.allows(K.SUSPENSION_LIFTED)
    # BR-5: 10 working days from Thu 18 Mar skip Good Friday and Easter Monday: Mon 5 Apr,
    # overdue by Tue 6 Apr with nothing decided.
    assert dues(read("vela", SUSPENDED_OVER_EASTER, "2027-04-05")) == {
        "conclude": (d("2027-04-05"), "due")
    }
    assert dues(after) == {"conclude": (d("2027-04-05"), "overdue")}


def test_a_suspension_lifted_early_leaves_the_file_from_that_day_br_9() -> None:
    events = [*SUSPENDED_OVER_EASTER, ev(K.SUSPENSION_LIFTED, "2027-03-31")]
    on_30th = read("vela", events, "2027-03-30")
    assert [f.in_force for f in on_30th.file] == [True]
    view = read("vela", events, "2027-04-01")
    assert [(f.ends, f.ended_by, f.in_force) for f in view.file] == [
        (d("2027-03-31"), "lifted", False)
    ]


def test_an_event_recorded_after_as_of_is_invisible_even_though_it_took_effect_earlier() -> None:
    events = [
        ev(K.RAISED, "2026-12-14"),
        ev(K.MEMBER_INFORMED, "2026-12-15", recorded="2026-12-21"),
    ]
    early = read("vela", events, "2026-12-18")
    assert early.state is State.REPORTED
    assert early.deadlines == ()
    late = read("vela", events, "2026-12-21")
    assert late.state is State.INVESTIGATING
    assert late.deadlines[0].status is DeadlineStatus.DUE
    assert dues(late) == {"conclude": (d("2026-12-31"), "due")}
    assert late.events[-1].recorded_late
