"""The breach figures issue 2 names, read from the presets as loaded (BR-3 to BR-12).

The ladder's case tests walk cases through these; here the figures themselves
are pinned, so a preset edited by mistake fails by name.
"""

from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.ladder import Anchor, AppealScope, Effect, EscalationMode, Ladder, Party
from panelkeeper.rules.policy.presets import load_preset

WD = Unit.WORKING_DAYS
CD = Unit.DAYS


def ladder(slug: str) -> Ladder:
    breach = load_preset(slug).breach
    assert breach is not None
    return breach


def test_vela_concludes_within_10_working_days_of_telling_the_member() -> None:
    """BR-4, BR-5: a limit, not a target."""
    conclude = ladder("vela").conclude
    assert conclude is not None
    assert (conclude.within, conclude.start, conclude.target) == (
        Duration(10, WD),
        Anchor.MEMBER_INFORMED,
        False,
    )


def test_insight_aims_for_10_working_days_as_a_target() -> None:
    """BR-5."""
    conclude = ladder("insight").conclude
    assert conclude is not None and conclude.within == Duration(10, WD) and conclude.target


def test_nexus_appeals_only_exclusions_within_7_calendar_days_then_7_and_a_further_7() -> None:
    """BR-12, Interpretation 4."""
    appeal = ladder("nexus").appeal
    assert appeal is not None
    assert appeal.against is AppealScope.EXCLUSIONS
    assert appeal.window is not None and appeal.consider is not None and appeal.decide is not None
    assert (appeal.window.within, appeal.window.start) == (Duration(7, CD), Anchor.NOTICE_RECEIVED)
    assert (appeal.consider.within, appeal.consider.start) == (
        Duration(7, CD),
        Anchor.APPEAL_RECEIVED,
    )
    assert (appeal.decide.within, appeal.decide.start) == (
        Duration(7, CD),
        Anchor.APPEAL_CONSIDERED,
    )
    assert appeal.to.title == "Head of Customer and Community Involvement"
    assert not ladder("nexus").appealable(Effect.WARNING)
    assert ladder("nexus").appealable(Effect.STEPPING_DOWN)


def test_herefordshire_sets_no_appeal_window_and_the_vice_chair_stands_in_for_the_chair() -> None:
    """BR-12, Interpretations 3 and 10."""
    breach = ladder("herefordshire")
    assert breach.appeal is not None and breach.appeal.window is None
    assert breach.appeal.to.title == "Chief Executive"
    assert breach.chair_stand_in is not None and breach.chair_stand_in.key == "vice_chair"
    chair = load_preset("herefordshire").role("chair")
    assert breach.acting_role(chair, subject_is_chair=True).key == "vice_chair"
    assert breach.acting_role(chair, subject_is_chair=False).key == "chair"


def test_herefordshire_considers_within_10_days_and_tells_the_result_within_3() -> None:
    """BR-5, BR-11: calendar days, since the code never says working."""
    breach = ladder("herefordshire")
    assert breach.conclude is not None and breach.conclude.within == Duration(10, CD)
    assert breach.notice is not None and breach.notice.within == Duration(3, CD)


def test_thirteen_keeps_firm_guidance_12_months_and_needs_the_convener_and_one_impartial() -> None:
    """BR-3, BR-6."""
    breach = ladder("thirteen")
    firm = breach.step("firm_guidance")
    assert firm is not None and firm.keep == Duration(12, Unit.MONTHS) and firm.written
    assert breach.group is not None
    assert breach.group.includes_convener and breach.group.min_impartial == 1
    assert breach.group.convened_by is not None
    assert breach.group.convened_by.title == "Customer Experience Manager"


def test_insight_never_suspends_for_a_minor_breach() -> None:
    """BR-9."""
    suspension = ladder("insight").suspension
    assert suspension is not None and suspension.levels == ("major",)


def test_a_second_minor_finding_relevels_in_vela_and_insight_but_opens_outcomes_in_thirteen() -> (
    None
):
    """BR-8, Interpretation 5."""
    for slug in ("vela", "insight"):
        escalation = ladder(slug).escalation
        assert escalation is not None and escalation.mode is EscalationMode.RELEVEL
        assert (escalation.from_level, escalation.to_level) == ("minor", "major")
    thirteen = ladder("thirteen").escalation
    assert thirteen is not None and thirteen.mode is EscalationMode.OPEN_OUTCOMES


def test_appeals_go_to_the_named_director_within_10_working_days_of_notice() -> None:
    """BR-12: vela, insight and thirteen; insight decides within 10 working days too."""
    for slug, title in (
        ("vela", "Group Director of Operations"),
        ("insight", "Director of Housing Services"),
        ("thirteen", "Director of Experience"),
    ):
        appeal = ladder(slug).appeal
        assert appeal is not None and appeal.to.title == title
        assert appeal.window is not None and appeal.window.within == Duration(10, WD)
        assert appeal.window.start is Anchor.NOTICE_RECEIVED
    insight = ladder("insight").appeal
    assert insight is not None and insight.decide is not None
    assert insight.decide.within == Duration(10, WD)


def test_only_insight_tells_every_party_of_the_outcome_and_of_the_appeal_decision() -> None:
    """BR-11 and BR-12: insight confirms both in writing to all parties; the others to the
    member alone."""
    insight = ladder("insight")
    assert insight.outcome_also_to == (Party.REPORTER, Party.INVESTIGATORS)
    assert insight.appeal is not None
    assert insight.appeal.decision_also_to == (Party.REPORTER, Party.INVESTIGATORS)
    for slug in ("vela", "nexus", "herefordshire", "thirteen"):
        other = ladder(slug)
        assert other.outcome_also_to == ()
        assert other.appeal is None or other.appeal.decision_also_to == ()
