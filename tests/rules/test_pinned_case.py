"""A case on the ladder at its edges: look-backs, suspension by level, the view's helpers.

Pinned for issue 17; each test names its rule (BR-8 and Interpretation 5 for the
look-back, BR-9 for suspension).
"""

from __future__ import annotations

import datetime as dt

import pytest

from panelkeeper.rules.attendance import AbsenceRun, passes_limit
from panelkeeper.rules.ladder.case import (
    CaseView,
    EarlierCase,
    StepRefused,
    assess_policy,
    check_next_policy,
)
from panelkeeper.rules.ladder.case_model import Event
from panelkeeper.rules.policy.loader import Policy, load_policy
from panelkeeper.rules.policy.presets import preset_text
from tests.rules.scenarios import K, d, ev, policy, propose, read
from tests.rules.test_ladder_case_vela import SECOND_MINOR


def _vela_with(old: str, new: str) -> Policy:
    text = preset_text("vela")
    assert text.count(old) == 1
    return load_policy(text.replace(old, new), source="vela.toml")


def _found_on(day: dt.date) -> EarlierCase:
    """An earlier case whose minor finding was made on ``day``."""
    return EarlierCase(
        "V-0",
        (
            Event(K.RAISED, day - dt.timedelta(days=2)),
            Event(K.MEMBER_INFORMED, day - dt.timedelta(days=2)),
            Event(K.GROUP_CONVENED, day - dt.timedelta(days=1)),
            Event(K.LEVEL_DETERMINED, day, level="minor"),
        ),
    )


def _escalated(look_back: str, found: str) -> bool:
    pol = _vela_with('to = "major"\n', f'to = "major"\nlook_back = "{look_back}"\n')
    # The new case began on Monday 14 December 2026.
    view: CaseView = assess_policy(
        pol, SECOND_MINOR[:4], as_of=d("2026-12-23"), earlier_cases=[_found_on(d(found))]
    )
    return view.escalated_by == "V-0"


@pytest.mark.parametrize(
    ("look_back", "first_day"),
    [
        ("10 days", "2026-12-04"),
        ("2 weeks", "2026-11-30"),
        ("1 months", "2026-11-14"),
        ("1 years", "2025-12-14"),
        # Back from Monday 14 December: Fri 11, Thu 10, Wed 9, Tue 8, Mon 7.
        ("5 working days", "2026-12-07"),
    ],
)
def test_a_look_back_reaches_exactly_its_length_before_the_new_breach_br_8(
    look_back: str, first_day: str
) -> None:
    """Interpretation 5: a finding exactly one look-back earlier still counts."""
    assert _escalated(look_back, first_day)
    assert not _escalated(look_back, (d(first_day) - dt.timedelta(days=1)).isoformat())


def test_a_working_day_look_back_skips_bank_holidays_br_8() -> None:
    # Back from Monday 4 January 2027: Thu 31, Wed 30, Tue 29 December (Fri 1 January,
    # Christmas Day and the Boxing Day substitute are not counted).
    pol = _vela_with('to = "major"\n', 'to = "major"\nlook_back = "3 working days"\n')
    events = [
        ev(K.RAISED, "2027-01-04"),
        ev(K.MEMBER_INFORMED, "2027-01-04"),
        ev(K.GROUP_CONVENED, "2027-01-05"),
        ev(K.LEVEL_DETERMINED, "2027-01-06", level="minor"),
    ]

    def escalated(found: str) -> bool:
        view = assess_policy(
            pol, events, as_of=d("2027-01-06"), earlier_cases=[_found_on(d(found))]
        )
        return view.escalated_by == "V-0"

    assert escalated("2026-12-29") and not escalated("2026-12-28")


OPENED = [
    ev(K.RAISED, "2027-01-04"),
    ev(K.MEMBER_INFORMED, "2027-01-05"),
    ev(K.GROUP_CONVENED, "2027-01-07"),
]


def test_insight_suspends_only_for_a_breach_judged_major_br_9() -> None:
    with pytest.raises(StepRefused) as refused:
        propose("insight", OPENED, ev(K.SUSPENDED, "2027-01-08", level="minor"), "2027-01-08")
    assert refused.value.rule == "BR-9"
    assert refused.value.message == (
        "This code allows suspension only for a breach judged major; this one is judged minor."
    )
    with pytest.raises(StepRefused) as unjudged:
        propose("insight", OPENED, ev(K.SUSPENDED, "2027-01-08"), "2027-01-08")
    assert unjudged.value.message.endswith("this one is judged at no level yet.")
    view = propose("insight", OPENED, ev(K.SUSPENDED, "2027-01-08", level="major"), "2027-01-08")
    assert [(f.key, f.label, f.start, f.ends) for f in view.file] == [
        ("suspension", "Suspended", d("2027-01-08"), None)
    ]
    # Once the group has judged the breach, its level decides, whatever the step says.
    found = [*OPENED, ev(K.LEVEL_DETERMINED, "2027-01-08", level="major")]
    after = propose("insight", found, ev(K.SUSPENDED, "2027-01-08", level="minor"), "2027-01-08")
    assert [f.key for f in after.file] == ["suspension"]


def test_vela_may_suspend_at_any_level_even_before_judging_br_9() -> None:
    view = propose("vela", OPENED, ev(K.SUSPENDED, "2027-01-08"), "2027-01-08")
    assert [f.key for f in view.file] == ["suspension"]


def test_a_step_out_of_order_names_the_steps_open_now_br_10() -> None:
    with pytest.raises(StepRefused) as refused:
        propose("vela", OPENED[:2], ev(K.NOTICE_SENT, "2027-01-06"), "2027-01-06")
    assert str(refused.value) == (
        "BR-11: A step 'notice sent' is not open while the case is investigating. "
        "Steps open now: group convened, suspended, withdrawn."
    )
    with pytest.raises(StepRefused) as first:
        propose("vela", [], ev(K.CLOSED, "2027-01-06"), "2027-01-06")
    assert first.value.message == (
        "A step 'closed' is not open while the case is not yet raised. "
        "Steps open now: raised, membership ended."
    )


def test_a_view_finds_a_deadline_by_its_key() -> None:
    view = read("vela", OPENED, "2027-01-07")
    conclude = view.deadline("conclude")
    assert conclude is not None and conclude.due == d("2027-01-19")
    assert view.deadline("notice") is None


def test_a_policy_finds_its_groups_and_roles_by_key() -> None:
    vela = policy("vela")
    group = vela.group("panel")
    assert group is not None and group.name == "Customer Scrutiny Panel"
    assert vela.group("board") is None
    role = vela.roles.get("customer_involvement_team")
    assert role is not None and role.title == "Customer Involvement Team"
    assert vela.roles.get("nobody") is None


def test_the_limit_of_absences_must_be_one_or_more_mtg_2() -> None:
    with pytest.raises(ValueError, match="1 or more"):
        passes_limit(AbsenceRun(()), 0)
    assert not passes_limit(AbsenceRun(()), 1)


def test_a_policy_without_a_ladder_refuses_a_case_br_3() -> None:
    no_breach = load_policy(
        'code = { slug = "demo", organisation = "Demo Homes", version = "1" }\n'
        'groups = { panel = "Scrutiny Panel" }\n',
        source="demo.toml",
    )
    with pytest.raises(StepRefused) as refused:
        check_next_policy(no_breach, [], ev(K.RAISED, "2027-01-04"), as_of=d("2027-01-04"))
    assert (refused.value.rule, refused.value.message) == (
        "BR-3",
        "This code of conduct defines no breach procedure.",
    )


def test_an_informal_step_not_open_is_refused_naming_those_open_br_3() -> None:
    raised = [ev(K.RAISED, "2026-12-01", level="major")]
    # Informal guidance is for minor breaches only; firm guidance may come first.
    for step in ("informal_guidance", "advice", None):
        with pytest.raises(StepRefused) as refused:
            propose("thirteen", raised, ev(K.INFORMAL_STEP, "2026-12-02", step=step), "2026-12-02")
        assert (refused.value.rule, refused.value.message) == (
            "BR-3",
            f"Informal step '{step}' is not open now. Open: firm_guidance.",
        )
    minor = [ev(K.RAISED, "2026-12-01", level="minor")]
    with pytest.raises(StepRefused) as both:
        propose("thirteen", minor, ev(K.INFORMAL_STEP, "2026-12-02", step="x"), "2026-12-02")
    assert both.value.message.endswith("Open: informal_guidance, firm_guidance.")


def test_firm_guidance_goes_on_the_file_under_its_own_name_br_3() -> None:
    events = [
        ev(K.RAISED, "2026-12-01", level="minor"),
        ev(K.INFORMAL_STEP, "2026-12-02", step="firm_guidance"),
    ]
    view = read("thirteen", events, "2026-12-02")
    assert [(f.key, f.label, f.start, f.ends) for f in view.file] == [
        (
            "firm_guidance",
            "Firm guidance at a joint discussion, such as mediation or training, "
            "with actions and review dates",
            d("2026-12-02"),
            d("2027-12-02"),
        )
    ]


def test_lifting_a_suspension_after_the_outcome_leaves_the_outcome_in_force_br_9() -> None:
    events = [
        *OPENED,
        ev(K.SUSPENDED, "2027-01-08"),
        ev(K.LEVEL_DETERMINED, "2027-01-11", level="minor"),
        ev(K.OUTCOME_RECORDED, "2027-01-11", outcome="final_written_warning"),
        ev(K.SUSPENSION_LIFTED, "2027-01-12"),
    ]
    view = read("vela", events, "2027-01-12")
    assert [(f.key, f.ends, f.ended_by, f.in_force) for f in view.file] == [
        ("suspension", d("2027-01-12"), "lifted", False),
        ("final_written_warning", None, None, True),
    ]


def test_an_ended_membership_is_labelled_with_its_reason_if_one_is_given_mtg_2() -> None:
    for reason, label in (
        (None, "Membership ended"),
        ("Missed 3 meetings", "Membership ended: Missed 3 meetings"),
    ):
        view = read("nexus", [ev(K.MEMBERSHIP_ENDED, "2027-01-04", reason=reason)], "2027-01-04")
        assert view.outcome is not None
        assert (view.outcome.key, view.outcome.label) == ("membership_ended", label)
        assert [(f.key, f.label, f.in_force) for f in view.file] == [
            ("membership_ended", label, True)
        ]
