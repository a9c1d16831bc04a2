"""Single steps on the ladder: each refusal with the rule it names and its words, and
what an accepted step records.

BR-9 (suspension by level), BR-10 and Interpretation 8 (outcomes), Interpretation 2
(notice), BR-12 and Interpretation 3 (appeals), read through the ladder only.
"""

from __future__ import annotations

import datetime as dt

import pytest

from panelkeeper.rules.ladder import NO_BREACH, Channel, Effect, Raiser
from panelkeeper.rules.ladder.case import (
    AppealResult,
    EarlierCase,
    Event,
    StepRefused,
    assess_policy,
    check_next_policy,
)
from panelkeeper.rules.policy.loader import Policy, load_policy
from panelkeeper.rules.policy.presets import preset_text
from tests.rules.scenarios import K, d, dues, earlier, ev, policy, propose, read
from tests.rules.test_ladder_case_herefordshire import FURTHER_BREACH, VERBAL_WARNING
from tests.rules.test_ladder_case_nexus import FIRST_MINOR as NEXUS_FIRST
from tests.rules.test_ladder_case_thirteen import MINOR_FINDING as THIRTEEN_FIRST
from tests.rules.test_ladder_case_thirteen import TWO_MINORS as THIRTEEN_MINORS
from tests.rules.test_ladder_case_vela import FIRST_MINOR, SECOND_MINOR

APPEALED = [*SECOND_MINOR, ev(K.APPEAL_LODGED, "2027-01-06")]


def _refusal(
    pol: Policy, events: list[Event], proposed: Event, *, before: bool = True
) -> tuple[str, str]:
    """The rule and words refusing ``proposed``; ``before``: after Vela's first minor finding."""
    earlier = [FIRST_MINOR] if before else []
    with pytest.raises(StepRefused) as refused:
        check_next_policy(pol, events, proposed, as_of=proposed.effective, earlier_cases=earlier)
    return refused.value.rule, refused.value.message


def _vela_with_a_gross_level() -> Policy:
    """Vela with a third level, gross, that its suspension table does not name."""
    text = preset_text("vela")
    old = "[breach.escalation]\n"
    gross = '[[breach.levels]]\nrules = ["BR-7"]\nkey = "gross"\nlabel = "Gross"\nmarks = "x"\n\n'
    assert text.count(old) == 1
    return load_policy(text.replace(old, gross + old), source="vela.toml")


def test_a_suspension_at_a_level_the_code_does_not_name_lists_those_it_does_br_9() -> None:
    assert _refusal(
        _vela_with_a_gross_level(),
        SECOND_MINOR[:3],
        ev(K.SUSPENDED, "2026-12-21", level="gross"),
    ) == (
        "BR-9",
        "This code allows suspension only for a breach judged minor, major; "
        "this one is judged gross.",
    )


def test_an_appeal_decision_must_say_upheld_overturned_or_varied_br_12() -> None:
    assert _refusal(policy("vela"), APPEALED, ev(K.APPEAL_DECIDED, "2027-01-07")) == (
        "BR-12",
        "Say whether the appeal is upheld, overturned or varied.",
    )


def test_an_appeal_varying_the_outcome_must_name_the_new_one_br_12() -> None:
    varied = ev(K.APPEAL_DECIDED, "2027-01-07", result=AppealResult.VARIED)
    assert _refusal(policy("vela"), APPEALED, varied) == (
        "BR-12",
        "Name the outcome the appeal substitutes.",
    )


@pytest.mark.parametrize(
    ("outcome", "effect", "label", "on_file"),
    [
        # One the code names keeps the code's label and effect.
        (
            "final_written_warning",
            None,
            "Final written warning, kept on record by Vela and the Panel",
            Effect.WARNING,
        ),
        # One it does not name is labelled from its key, with the effect given, if any.
        ("written_apology", Effect.WARNING, "Written apology", Effect.WARNING),
        ("written_apology", None, "Written apology", Effect.NONE),
    ],
)
def test_an_appeal_varying_the_outcome_ends_the_old_one_and_records_the_new_br_12(
    outcome: str, effect: Effect | None, label: str, on_file: Effect
) -> None:
    varied = ev(
        K.APPEAL_DECIDED, "2027-01-07", result=AppealResult.VARIED, outcome=outcome, effect=effect
    )
    view = read("vela", [*APPEALED, varied], "2027-01-08", before=[FIRST_MINOR])
    assert view.outcome is not None
    assert (view.outcome.key, view.outcome.label, view.outcome.effect) == (
        outcome,
        label,
        on_file,
    )
    entries = [
        (f.key, f.label, f.start, f.ends, f.ended_by) for f in view.file if f.case_id == "this"
    ]
    ended = (
        "asked_to_leave",
        "Asked to leave the Panel",
        d("2026-12-23"),
        d("2027-01-07"),
        "varied on appeal",
    )
    added = [(outcome, label, d("2027-01-07"), None, None)] if on_file.goes_on_file else []
    assert entries == [ended, *added]


FOUND_MINOR = SECOND_MINOR[:4]


def _recorded(outcome: str, reason: str | None = None, **data: object) -> Event:
    return ev(K.OUTCOME_RECORDED, "2026-12-23", outcome=outcome, reason=reason, **data)


def test_an_outcome_off_the_list_names_those_on_it_and_asks_for_a_reason_interpretation_8() -> None:
    assert _refusal(policy("vela"), FOUND_MINOR, _recorded("mediation"), before=False) == (
        "Interpretation 8",
        "The outcome “Mediation” is not one the code offers here (Final written warning, "
        "kept on record by Vela and the Panel; Training and support); record the reason "
        "for choosing it.",
    )


def test_a_code_without_other_outcomes_refuses_one_off_the_list_br_10() -> None:
    text = preset_text("vela")
    strict = load_policy(
        text.replace("other_outcomes_with_reason = true", "other_outcomes_with_reason = false"),
        source="vela.toml",
    )
    assert _refusal(
        strict, FOUND_MINOR, _recorded("mediation", "Both asked for it"), before=False
    ) == (
        "BR-10",
        "The outcome “Mediation” is not on offer. On offer: Final written warning, kept on "
        "record by Vela and the Panel; Training and support.",
    )


@pytest.mark.parametrize(
    ("outcome", "label", "effect"),
    [
        # Named by the code for another level: the code's label and effect.
        ("asked_to_leave", "Asked to leave the Panel", Effect.MEMBERSHIP_ENDED),
        # Not named at all: a label from its key, no effect unless one is given.
        ("written_apology", "Written apology", Effect.NONE),
    ],
)
def test_an_outcome_off_the_list_with_a_reason_is_recorded_as_not_offered_interpretation_8(
    outcome: str, label: str, effect: Effect
) -> None:
    view = read("vela", [*FOUND_MINOR, _recorded(outcome, "Serious enough")], "2026-12-23")
    assert view.outcome is not None
    assert (view.outcome.label, view.outcome.effect, view.outcome.offered) == (
        label,
        effect,
        False,
    )


def test_a_notice_must_say_how_it_was_sent_interpretation_2() -> None:
    assert _refusal(policy("vela"), SECOND_MINOR[:5], ev(K.NOTICE_SENT, "2026-12-24")) == (
        "Interpretation 2",
        "Say how the notice was sent: email, post or hand.",
    )


def test_a_deadline_from_receipt_of_notice_runs_from_the_first_notice_only_interpretation_2() -> (
    None
):
    text = preset_text("vela")
    old = 'conclude = { within = "10 working days", from = "member_informed" }\n'
    assert text.count(old) == 1
    pol = load_policy(
        text.replace(old, 'notice = { within = "3 working days", from = "notice_received" }\n'),
        source="vela.toml",
    )
    events = [
        *SECOND_MINOR,
        # Sent again by email after the posted notice: receipt stays Wed 30 Dec.
        ev(K.NOTICE_SENT, "2027-01-04", channel=Channel.EMAIL),
    ]
    view = assess_policy(pol, events, as_of=d("2027-01-04"), earlier_cases=[FIRST_MINOR])
    # Three working days from Wednesday 30 December skip New Year's Day.
    assert dues(view) == {"notice": (d("2027-01-05"), "met")}


@pytest.mark.parametrize(
    ("lodged", "late", "window_closed"),
    [("2027-01-14", False, None), ("2027-01-15", True, d("2027-01-14"))],
)
def test_an_appeal_on_the_last_day_of_the_window_is_in_time_br_12(
    lodged: str, late: bool, window_closed: dt.date | None
) -> None:
    view = read("vela", [*SECOND_MINOR, ev(K.APPEAL_LODGED, lodged)], lodged, before=[FIRST_MINOR])
    assert view.appeal is not None
    assert (view.appeal.lodged, view.appeal.late, view.appeal.window_closed) == (
        d(lodged),
        late,
        window_closed,
    )


LATE = [
    ev(K.MEMBERSHIP_ENDED, "2027-01-04"),
    ev(K.NOTICE_SENT, "2027-01-04", channel=Channel.EMAIL),
    # The window closed on Monday 11 January.
    ev(K.APPEAL_LODGED, "2027-01-13"),
]


def test_a_late_appeal_needs_a_decision_and_a_reason_interpretation_3() -> None:
    for decided in (
        ev(K.LATE_APPEAL_DECIDED, "2027-01-14", accepted=True),
        ev(K.LATE_APPEAL_DECIDED, "2027-01-14", reason="In hospital"),
    ):
        assert _refusal(policy("nexus"), LATE, decided, before=False) == (
            "Interpretation 3",
            "Accept or refuse the late appeal, and record the reason.",
        )


def test_a_late_appeal_accepted_is_received_the_day_it_is_accepted_interpretation_3() -> None:
    accepted = ev(K.LATE_APPEAL_DECIDED, "2027-01-14", accepted=True, reason="In hospital")
    view = read("nexus", [*LATE, accepted], "2027-01-14")
    # Considered within 7 days of acceptance.
    assert dues(view) == {"appeal_consider": (d("2027-01-21"), "due")}


def test_a_breach_is_raised_only_by_the_routes_and_people_the_code_names_br_1() -> None:
    raised = ev(K.RAISED, "2027-01-04", anonymous=True)
    assert _refusal(policy("vela"), [], raised, before=False) == (
        "BR-1",
        "This code has no anonymous route for raising a breach.",
    )
    by_member = ev(K.RAISED, "2027-01-04", raised_by=Raiser.PANEL_MEMBER)
    assert _refusal(policy("vela"), [], by_member, before=False) == (
        "BR-1",
        "This code does not say fellow members of the group may raise one.",
    )


@pytest.mark.parametrize(
    ("slug", "events", "before", "reason"),
    [
        ("vela", FOUND_MINOR, [], "Determined on 23 December 2026."),
        (
            "vela",
            [*FOUND_MINOR[:3], ev(K.LEVEL_DETERMINED, "2026-12-23", level=NO_BREACH)],
            [],
            "No breach found on 23 December 2026.",
        ),
        (
            "vela",
            FOUND_MINOR,
            [FIRST_MINOR],
            "A further minor breach: a minor breach was found in case V-1 on 10 November 2026, "
            "so it is treated as major.",
        ),
        (
            "thirteen",
            THIRTEEN_MINORS[:4],
            [THIRTEEN_FIRST],
            "A further minor breach: a minor breach was found in case T-2 on 19 October 2026, "
            "so the major outcomes are open too.",
        ),
        (
            "nexus",
            [
                ev(K.RAISED, "2026-12-14", level="minor"),
                ev(K.MEETING_HELD, "2026-12-23"),
                ev(K.LEVEL_DETERMINED, "2026-12-23", level="minor"),
            ],
            [earlier("N-1", *NEXUS_FIRST)],
            "A further minor breach: a minor breach was found in case N-1 on 22 December 2026, "
            "so further outcomes are open.",
        ),
    ],
)
def test_the_level_found_gives_its_reason_br_7_br_8(
    slug: str, events: list[Event], before: list[EarlierCase], reason: str
) -> None:
    assert read(slug, events, "2026-12-23", before=before).level_reason == reason


def test_no_breach_found_is_the_outcome_the_code_offers_br_7() -> None:
    found = [*FOUND_MINOR[:3], ev(K.LEVEL_DETERMINED, "2026-12-23", level=NO_BREACH)]
    view = read("vela", found, "2026-12-23")
    assert view.outcome is not None
    assert (view.outcome.key, view.outcome.label, view.outcome.offered) == (
        NO_BREACH,
        "No breach found",
        True,
    )


def test_an_outcome_must_be_named_br_10() -> None:
    assert _refusal(policy("vela"), FOUND_MINOR, _recorded(""), before=False) == (
        "BR-10",
        "Name the outcome.",
    )


def test_an_outcome_goes_on_the_file_under_the_codes_label_br_10() -> None:
    view = read("vela", [*FOUND_MINOR, _recorded("final_written_warning")], "2026-12-23")
    assert [(f.key, f.label, f.effect, f.start) for f in view.file] == [
        (
            "final_written_warning",
            "Final written warning, kept on record by Vela and the Panel",
            Effect.WARNING,
            d("2026-12-23"),
        )
    ]


@pytest.mark.parametrize(
    ("suspension", "ends", "ended_by"),
    [
        # Run out on the day of the appeal's decision: it stays as it ran out.
        ([ev(K.SUSPENDED, "2026-12-21", until=d("2027-01-07"))], d("2027-01-07"), None),
        # Lifted before the decision: it stays lifted.
        (
            [ev(K.SUSPENDED, "2026-12-21"), ev(K.SUSPENSION_LIFTED, "2026-12-22")],
            d("2026-12-22"),
            "lifted",
        ),
    ],
)
def test_an_overturning_appeal_ends_only_what_is_still_in_force_br_12(
    suspension: list[Event], ends: dt.date, ended_by: str | None
) -> None:
    events = [
        *SECOND_MINOR[:3],
        *suspension,
        SECOND_MINOR[3],
        _recorded("final_written_warning"),
        SECOND_MINOR[5],
        ev(K.APPEAL_LODGED, "2027-01-06"),
        ev(K.APPEAL_DECIDED, "2027-01-07", result=AppealResult.OVERTURNED),
    ]
    view = read("vela", events, "2027-01-08")
    assert [(f.key, f.ends, f.ended_by) for f in view.file] == [
        ("suspension", ends, ended_by),
        ("final_written_warning", d("2027-01-07"), "overturned on appeal"),
    ]


DATES = "effective dates (DESIGN: Dates)"


def _refused(slug: str, events: list[Event], proposed: Event, as_of: str) -> tuple[str, str]:
    with pytest.raises(StepRefused) as refused:
        propose(slug, events, proposed, as_of)
    return refused.value.rule, refused.value.message


def test_an_event_is_never_recorded_before_it_takes_effect() -> None:
    proposed = ev(K.GROUP_CONVENED, "2026-12-17", recorded="2026-12-16")
    assert _refused("vela", SECOND_MINOR[:2], proposed, "2026-12-17") == (
        DATES,
        "An event cannot take effect after the date it is recorded.",
    )


def test_an_event_dated_before_the_latest_one_is_refused() -> None:
    assert _refused("vela", SECOND_MINOR[:2], ev(K.GROUP_CONVENED, "2026-12-14"), "2026-12-16") == (
        DATES,
        "The latest event took effect on 15 December 2026; record events in the order they "
        "took effect.",
    )


def test_a_closed_case_says_no_step_is_open() -> None:
    withdrawn = [ev(K.RAISED, "2026-12-14"), ev(K.WITHDRAWN, "2026-12-15")]
    assert _refused("vela", withdrawn, ev(K.MEMBER_INFORMED, "2026-12-16"), "2026-12-16") == (
        "BR-4",
        "A step 'member informed' is not open while the case is withdrawn. Steps open now: none.",
    )


def test_a_breach_raised_at_a_level_the_code_does_not_have_is_refused_br_7() -> None:
    assert _refused("vela", [], ev(K.RAISED, "2026-12-14", level="gross"), "2026-12-14") == (
        "BR-7",
        '"gross" is not a level of breach in this code.',
    )


def test_a_suspension_given_as_the_outcome_must_end_after_it_starts_br_9() -> None:
    before = [earlier("H-1", *VERBAL_WARNING)]

    def suspended(until: str) -> Event:
        return ev(K.OUTCOME_RECORDED, "2027-03-24", outcome="suspension", until=d(until))

    with pytest.raises(StepRefused) as refused:
        propose(
            "herefordshire", FURTHER_BREACH, suspended("2027-03-24"), "2027-03-24", before=before
        )
    assert (refused.value.rule, refused.value.message) == (
        DATES,
        "A suspension must end after it starts.",
    )
    view = propose(
        "herefordshire", FURTHER_BREACH, suspended("2027-03-25"), "2027-03-24", before=before
    )
    assert [(f.start, f.ends) for f in view.file if f.effect is Effect.SUSPENSION] == [
        (d("2027-03-24"), d("2027-03-25"))
    ]


def test_an_outcome_the_code_keeps_for_a_period_leaves_the_file_when_it_runs_out_br_10() -> None:
    text = preset_text("vela")
    warning = (
        'label = "Final written warning, kept on record by Vela and the Panel"\n'
        'levels = ["minor"]\neffect = "warning"\n'
    )
    assert text.count(warning) == 1
    kept = load_policy(text.replace(warning, warning + 'keep = "12 months"\n'), source="v")
    view = assess_policy(
        kept, [*FOUND_MINOR, _recorded("final_written_warning")], as_of=d("2026-12-23")
    )
    assert [(f.key, f.start, f.ends) for f in view.file] == [
        ("final_written_warning", d("2026-12-23"), d("2027-12-23"))
    ]
