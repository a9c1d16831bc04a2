"""The five presets carry their codes' figures (fidelity to CLAUSES.md).

Breach and appeal figures (BR-*) are proved beside the ladder; these cover the rest.
"""

import datetime as dt

import pytest

from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.calendar.working_days import Region
from panelkeeper.rules.policy.presets import PRESETS, load_preset, preset_text
from panelkeeper.rules.policy.roles import Role
from panelkeeper.rules.policy.sections import (
    ApologiesFor,
    DecisionMaking,
    Disclose,
    GiftsDiscussed,
    OnConflict,
)


def keys(roles: tuple[Role, ...]) -> list[str]:
    return [r.key for r in roles]


def test_preset_text_refuses_an_unknown_slug_naming_the_presets() -> None:
    with pytest.raises(KeyError, match="vela, insight, nexus, herefordshire, thirteen"):
        preset_text("acme")


@pytest.mark.parametrize("slug", PRESETS)
def test_each_preset_loads_under_its_own_slug_in_england(slug: str) -> None:
    policy = load_preset(slug)
    assert policy.code.slug == slug
    assert policy.calendar.region is Region.ENG
    assert policy.groups
    assert policy.breach is not None


@pytest.mark.parametrize(
    ("slug", "signed"),
    [
        (
            "vela",
            ["Code of Conduct", "Confidentiality Statement", "Terms of Reference", "Role Profile"],
        ),
        (
            "insight",
            ["Code of Conduct", "Confidentiality Agreement", "Role Profile", "Terms of Reference"],
        ),
        ("nexus", []),
        ("herefordshire", ["Code of Conduct", "Confidentiality Agreement (data protection)"]),
        ("thirteen", ["Code of Conduct", "Confidentiality Statement"]),
    ],
)
def test_members_sign_the_documents_their_code_names(slug: str, signed: list[str]) -> None:
    """MEM-2: nexus has nothing to sign."""
    documents = load_preset(slug).documents
    assert documents is not None
    assert [d.title for d in documents.to_sign] == signed


@pytest.mark.parametrize(
    ("slug", "citable"),
    [
        ("vela", ["code_of_conduct", "confidentiality_statement", "terms_of_reference"]),
        (
            "insight",
            ["code_of_conduct", "confidentiality_agreement", "role_profile", "terms_of_reference"],
        ),
        ("nexus", ["code_of_conduct"]),
        ("herefordshire", ["code_of_conduct", "confidentiality_agreement"]),
        ("thirteen", ["code_of_conduct", "confidentiality_statement"]),
    ],
)
def test_a_breach_may_cite_only_the_documents_its_code_allows(
    slug: str, citable: list[str]
) -> None:
    """BR-0."""
    documents = load_preset(slug).documents
    assert documents is not None
    assert sorted(d.key for d in documents.citable) == sorted(citable)
    spirit = slug in {"vela", "insight", "thirteen"}
    assert documents.breach_covers_spirit is spirit
    assert documents.breach_covers_co_regulation is spirit


def test_vela_and_insight_members_confirm_reading_and_thirteen_accepts_the_consequences() -> None:
    """MEM-3, MEM-4."""
    for slug in ("vela", "insight"):
        documents = load_preset(slug).documents
        assert documents is not None and documents.read_in_full
        assert documents.needs_identified_at == ("appointment", "appraisals")
    thirteen = load_preset("thirteen").documents
    assert thirteen is not None
    assert thirteen.acknowledge_consequences and not thirteen.read_in_full
    for slug in ("vela", "insight", "herefordshire", "thirteen"):
        documents = load_preset(slug).documents
        assert documents is not None and documents.countersigned_by is not None


def test_apologies_follow_each_code() -> None:
    """MTG-1, Interpretation 7: insight wants them 2 working days ahead; herefordshire
    asks only for notice of late arrival, to the Chair or the team."""
    insight = load_preset("insight").attendance
    assert insight is not None
    assert insight.apologies_notice == Duration(2, Unit.WORKING_DAYS)
    assert insight.apologies_with_reasons
    for slug in ("vela", "nexus", "thirteen"):
        attendance = load_preset(slug).attendance
        assert attendance is not None
        assert attendance.apologies_notice is None
        assert attendance.apologies_for == (ApologiesFor.ABSENCE,)
    herefordshire = load_preset("herefordshire").attendance
    assert herefordshire is not None
    assert herefordshire.apologies_for == (ApologiesFor.LATE_ARRIVAL,)
    assert herefordshire.apologies_with_arrival_time
    assert keys(herefordshire.apologies_to) == ["chair", "customer_involvement_team"]


def test_only_nexus_ends_membership_after_more_than_two_missed_meetings() -> None:
    """MTG-2, Interpretation 6: the third absence in a row, apologies or not, opens a
    decision for the Panel."""
    absences = load_preset("nexus").attendance
    assert absences is not None and absences.consecutive_absences is not None
    rule = absences.consecutive_absences
    assert (rule.limit, rule.opens_decision_at, rule.count_with_apologies) == (2, 3, True)
    assert rule.decided_by is not None and rule.decided_by.key == "panel"
    for slug in ("vela", "insight", "herefordshire", "thirteen"):
        attendance = load_preset(slug).attendance
        assert attendance is not None and attendance.consecutive_absences is None


@pytest.mark.parametrize(
    ("slug", "decisions"),
    [
        ("vela", DecisionMaking.MAJORITY),
        ("insight", DecisionMaking.MAJORITY),
        ("nexus", DecisionMaking.CONSENSUS),
        ("herefordshire", None),
        ("thirteen", DecisionMaking.MAJORITY),
    ],
)
def test_decisions_are_by_majority_or_consensus_as_each_code_says(
    slug: str, decisions: DecisionMaking | None
) -> None:
    """MTG-3."""
    meetings = load_preset(slug).meetings
    assert meetings is not None and meetings.decisions is decisions


def test_only_the_nexus_chair_sends_a_member_out_of_a_meeting() -> None:
    """MTG-5."""
    sends_out = {}
    for slug in PRESETS:
        meetings = load_preset(slug).meetings
        assert meetings is not None
        sends_out[slug] = meetings.chair_may_send_out
    assert sends_out == {s: s == "nexus" for s in PRESETS}


@pytest.mark.parametrize(
    ("slug", "tell", "on_conflict"),
    [
        ("vela", ["project_lead", "customer_involvement_team"], OnConflict.WITHDRAW),
        ("insight", ["customer_involvement_coordinator"], OnConflict.WITHDRAW),
        ("nexus", [], OnConflict.DISCLOSE_ONLY),
        ("herefordshire", ["customer_involvement_team"], OnConflict.OFFER_TO_WITHDRAW),
        ("thirteen", ["customer_involvement_team"], OnConflict.WITHDRAW),
    ],
)
def test_conflicts_are_told_to_and_handled_as_each_code_says(
    slug: str, tell: list[str], on_conflict: OnConflict
) -> None:
    """COI-2, COI-3, Interpretation 12."""
    interests = load_preset(slug).interests
    assert interests is not None
    assert keys(interests.tell) == tell
    assert interests.on_conflict is on_conflict
    assert interests.decided_by


def test_nexus_asks_for_interests_through_close_relatives_and_organisations() -> None:
    """COI-1, COI-2 for nexus: disclose, nothing more; the Chair or the Panel decides."""
    interests = load_preset("nexus").interests
    assert interests is not None
    assert Disclose.CLOSE_RELATIVES in interests.disclose
    assert Disclose.ORGANISATIONS in interests.disclose
    assert keys(interests.decided_by) == ["chair", "panel"]
    insight = load_preset("insight").interests
    assert insight is not None and insight.tell_immediately


@pytest.mark.parametrize(
    ("slug", "disclose_to"),
    [
        ("vela", "lead_officer_scrutinised"),
        ("insight", "customer_involvement_coordinator"),
        ("nexus", None),
        ("herefordshire", "lead_officer_scrutinised"),
        ("thirteen", "project_lead"),
    ],
)
def test_confidential_information_goes_only_to_the_named_role(
    slug: str, disclose_to: str | None
) -> None:
    """CONF-1, CONF-2, Interpretation 13."""
    confidentiality = load_preset(slug).confidentiality
    assert confidentiality is not None and confidentiality.protect_identities
    role = confidentiality.disclose_only_to
    assert (role.key if role else None) == disclose_to


def test_confidentiality_rules_found_in_only_one_or_two_codes() -> None:
    """CONF-3 (herefordshire), CONF-4 (nexus, herefordshire), CONF-6 and CONF-7 (nexus)."""
    nexus = load_preset("nexus").confidentiality
    herefordshire = load_preset("herefordshire").confidentiality
    assert nexus is not None and herefordshire is not None
    assert herefordshire.information_belongs_to_scrutinised
    assert not nexus.information_belongs_to_scrutinised
    assert nexus.speak_for_group_needs_agreement and herefordshire.speak_for_group_needs_agreement
    assert nexus.correspondence_shared and herefordshire.findings_by_whole_group
    assert nexus.requests_through_plan and nexus.contact_details_private


def test_gifts_are_declared_and_discussed_as_each_code_says() -> None:
    """GIFT-1 to GIFT-3: thirteen declares offers too and discusses them with the team;
    the others discuss them at the next meeting; nexus has no gifts section."""
    thirteen = load_preset("thirteen").gifts
    assert thirteen is not None and thirteen.offered_too
    assert thirteen.discuss is GiftsDiscussed.WITH_ROLE
    assert thirteen.discuss_with is not None
    assert thirteen.discuss_with.title == "Customer Involvement Team"
    for slug in ("vela", "insight", "herefordshire"):
        gifts = load_preset(slug).gifts
        assert gifts is not None and gifts.register and not gifts.offered_too
        assert gifts.discuss is GiftsDiscussed.NEXT_MEETING
    herefordshire = load_preset("herefordshire").gifts
    assert herefordshire is not None
    assert keys(herefordshire.declare_to) == ["chair", "customer_involvement_team"]
    assert load_preset("nexus").gifts is None


def test_nexus_is_reviewed_every_three_years_and_assessed_for_equality_impact() -> None:
    """GOV-1, GOV-2, MEM-6."""
    nexus = load_preset("nexus")
    assert nexus.review_every == Duration(3, Unit.YEARS)
    assert nexus.governance is not None
    assert nexus.governance.approved_on == dt.date(2011, 8, 3)
    assert nexus.governance.review_due == dt.date(2014, 9, 1)
    assert keys(nexus.governance.reviewed_by) == ["panel", "board"]
    assert nexus.governance.revisions_jointly_agreed
    assert nexus.governance.equality_impact_assessment
    for slug in ("vela", "insight", "herefordshire", "thirteen"):
        assert load_preset(slug).review_every is None


def test_nexus_lists_its_associated_documents() -> None:
    """GOV-3."""
    documents = load_preset("nexus").documents
    assert documents is not None
    assert {d.title for d in documents.items} == {
        "Customer Led Scrutiny Code of Conduct",
        "Customer Led Scrutiny Terms of Reference",
        "Data Protection Policy",
        "Access to Information Protocol",
        "Equality and Diversity Policy",
    }


def test_the_policy_switches_stay_on_except_the_signature_gate_where_nothing_is_signed() -> None:
    """MEM-2, MEM-6 and COI-4 as POLICY behaviours."""
    for slug in PRESETS:
        behaviours = load_preset(slug).behaviours
        assert behaviours.resign_new_versions and behaviours.conflict_check_every_seat
        assert behaviours.eligibility_needs_signatures is (slug != "nexus")


@pytest.mark.parametrize(
    ("slug", "count", "example"),
    [
        ("vela", 28, "vela.app.14"),
        ("insight", 36, "insight.app.26"),
        ("nexus", 20, "nexus.3.9"),
        ("herefordshire", 25, "herefordshire.scrutiny.10"),
        ("thirteen", 39, "thirteen.app.11"),
    ],
)
def test_conduct_standards_are_citable_clauses_with_stable_ids(
    slug: str, count: int, example: str
) -> None:
    """MTG-8, MTG-9: every appendix and personal-conduct item, each with its own id."""
    conduct = load_preset(slug).conduct
    assert conduct is not None
    assert len(conduct.standards) == count
    assert conduct.standard(example) is not None


def test_standards_particular_to_one_code_cite_their_rule() -> None:
    """MEM-7 (nexus, herefordshire), MEM-8 (herefordshire), MEM-10, MTG-7, MTG-10, CONF-5."""
    cited: dict[str, set[str]] = {}
    for slug in PRESETS:
        conduct = load_preset(slug).conduct
        assert conduct is not None
        cited[slug] = {
            rule
            for part in conduct.parts
            for s in part.standards
            for rule in (*s.rules, *part.cites.all)
        }
    assert "MEM-7" in cited["nexus"] and "MEM-7" in cited["herefordshire"]
    assert "MEM-8" in cited["herefordshire"]
    assert {"MEM-10", "MTG-7", "MTG-10"} <= cited["nexus"]
    assert {"MEM-10", "MTG-7", "MTG-10", "CONF-5"} <= cited["thirteen"]
    assert "CONF-5" in cited["vela"] and "CONF-5" in cited["insight"]


def test_membership_terms_follow_each_code() -> None:
    """MEM-1, MEM-5, MEM-9."""
    insight = load_preset("insight").membership
    nexus = load_preset("nexus").membership
    assert insight is not None and insight.voluntary and insight.rewards_and_expenses
    assert nexus is not None and not nexus.rewards_and_expenses and nexus.customers == ()
    thirteen = load_preset("thirteen").membership
    assert thirteen is not None and "people who receive services" in thirteen.customers
