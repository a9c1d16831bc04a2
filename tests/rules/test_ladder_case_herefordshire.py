"""Herefordshire's breach ladder, case by case: BR-3, BR-5, BR-9, BR-10, BR-11, BR-12.

Calendar days, no roll (Interpretation 1); the Vice Chair stands in for the Chair
(Interpretation 10); no appeal window, so no appeal is late (Interpretation 3).
"""

from panelkeeper.rules.ladder import Channel, Effect
from panelkeeper.rules.ladder.case import State
from tests.rules.scenarios import K, d, dues, earlier, ev, read

VERBAL_WARNING = [
    ev(K.RAISED, "2026-12-14"),
    ev(K.INFORMAL_STEP, "2026-12-16", step="verbal_warning"),
]


def test_a_verbal_warning_closes_the_case_and_stays_on_file_br_3() -> None:
    reported = read("herefordshire", VERBAL_WARNING[:1], "2026-12-14")
    # BR-5: considered within 10 days of the report, Thu 24 Dec.
    assert dues(reported) == {"conclude": (d("2026-12-24"), "due")}
    view = read("herefordshire", VERBAL_WARNING, "2027-12-16")
    assert view.state is State.CLOSED
    assert dues(view) == {"conclude": (d("2026-12-24"), "met")}
    # The code sets no expiry: a year later it is still on file.
    assert [(f.effect, f.start, f.ends, f.in_force) for f in view.file] == [
        (Effect.WARNING, d("2026-12-16"), None, True)
    ]


FURTHER_BREACH = [
    ev(K.RAISED, "2027-03-22"),
    ev(K.INVESTIGATION_OPENED, "2027-03-23"),
    ev(K.LEVEL_DETERMINED, "2027-03-24", level="minor"),
]


def test_a_warning_on_file_opens_suspension_or_removal_for_a_further_breach_br_9_br_10() -> None:
    without = read("herefordshire", FURTHER_BREACH, "2027-03-24")
    assert [o.key for o in without.outcomes_on_offer] == ["verbal_warning"]
    before = [earlier("H-1", *VERBAL_WARNING)]
    view = read("herefordshire", FURTHER_BREACH, "2027-03-24", before=before)
    assert [o.key for o in view.outcomes_on_offer] == ["verbal_warning", "suspension", "removal"]
    # Only a finding escalates; the warning is history, so the level stays.
    assert (view.level, view.escalated_by) == ("minor", None)


def test_a_first_serious_breach_offers_suspension_or_removal_at_once_br_9() -> None:
    events = [*FURTHER_BREACH[:2], ev(K.LEVEL_DETERMINED, "2027-03-24", level="serious")]
    view = read("herefordshire", events, "2027-03-24")
    assert [o.key for o in view.outcomes_on_offer] == ["suspension", "removal"]


SUSPENDED = [
    *FURTHER_BREACH,
    ev(K.OUTCOME_RECORDED, "2027-03-24", outcome="suspension", until=d("2027-04-26")),
]


def test_a_suspension_is_on_file_until_it_ends_and_lifted_early_leaves_it_br_9() -> None:
    before = [earlier("H-1", *VERBAL_WARNING)]
    view = read("herefordshire", SUSPENDED, "2027-03-29", before=before)
    # Considered within 10 days of Mon 22 Mar (Thu 1 Apr); the result told within 3 days
    # of the decision on Wed 24 Mar: Sat 27 Mar, not rolled.
    assert dues(view) == {
        "conclude": (d("2027-04-01"), "met"),
        "notice": (d("2027-03-27"), "overdue"),
    }
    suspension = [f for f in view.file if f.effect is Effect.SUSPENSION]
    assert [(f.start, f.ends, f.in_force) for f in suspension] == [
        (d("2027-03-24"), d("2027-04-26"), True)
    ]
    ended = read("herefordshire", SUSPENDED, "2027-04-26", before=before)
    assert not [f for f in ended.in_force() if f.effect is Effect.SUSPENSION]
    lifted = read(
        "herefordshire",
        [*SUSPENDED, ev(K.SUSPENSION_LIFTED, "2027-04-12")],
        "2027-04-12",
        before=before,
    )
    assert [(f.ends, f.ended_by) for f in lifted.file if f.effect is Effect.SUSPENSION] == [
        (d("2027-04-12"), "lifted")
    ]
    assert not [f for f in lifted.in_force() if f.effect is Effect.SUSPENSION]


def test_with_no_appeal_window_an_appeal_months_later_is_not_late_interpretation_3() -> None:
    before = [earlier("H-1", *VERBAL_WARNING)]
    events = [
        *SUSPENDED,
        ev(K.NOTICE_SENT, "2027-03-25", channel=Channel.POST),
        ev(K.APPEAL_LODGED, "2027-09-01"),
    ]
    window = read("herefordshire", events[:5], "2027-08-31", before=before).appeal_window
    assert window is not None
    # Posted Thu 25 Mar: deemed received Wed 31 Mar, after Good Friday and Easter Monday.
    assert (window.received, window.closes, window.open) == (d("2027-03-31"), None, True)
    assert window.to.title == "Chief Executive"
    view = read("herefordshire", events, "2027-09-01", before=before)
    assert view.appeal is not None and not view.appeal.late
    assert view.state is State.APPEALED
    assert dues(view) == {
        "conclude": (d("2027-04-01"), "met"),
        "notice": (d("2027-03-27"), "met"),
    }


def test_the_vice_chair_acts_for_the_chair_when_the_chair_is_the_subject_interpretation_10() -> (
    None
):
    about_chair = read(
        "herefordshire", [ev(K.RAISED, "2027-01-04", subject_is_chair=True)], "2027-01-04"
    )
    assert about_chair.chair_stand_in is not None
    (step,) = [s for s in about_chair.next_steps if s.kind is K.INFORMAL_STEP]
    assert [r.title for r in step.by] == [
        "Customer Involvement Manager",
        "Vice Chair of the Challenge Group",
    ]
    (opening,) = [s for s in about_chair.next_steps if s.kind is K.INVESTIGATION_OPENED]
    assert [r.title for r in opening.by] == [
        "Vice Chair of the Challenge Group",
        "Customer Involvement Manager",
    ]
    about_member = read("herefordshire", [ev(K.RAISED, "2027-01-04")], "2027-01-04")
    (step,) = [s for s in about_member.next_steps if s.kind is K.INFORMAL_STEP]
    assert "Chair of the Challenge Group" in [r.title for r in step.by]
    assert about_member.chair_stand_in is None


def test_an_as_of_read_does_not_see_a_warning_recorded_later() -> None:
    events = [
        ev(K.RAISED, "2026-12-14"),
        ev(K.INFORMAL_STEP, "2026-12-16", recorded="2026-12-29", step="verbal_warning"),
    ]
    early = read("herefordshire", events, "2026-12-28")
    assert early.state is State.REPORTED and early.file == ()
    assert dues(early) == {"conclude": (d("2026-12-24"), "overdue")}
    late = read("herefordshire", events, "2026-12-29")
    assert late.state is State.CLOSED
    assert dues(late) == {"conclude": (d("2026-12-24"), "met")}
