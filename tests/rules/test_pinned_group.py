"""Who may sit on an investigating group, every problem in full (BR-6, COI-4, Interp. 10).

tests/rules/test_ladder_group.py checks which rules are broken; here each problem's code,
rule and words are pinned, and the settings presets leave at their defaults (seat counts,
more than one impartial member, conflicts allowed) are tried on edited presets.
"""

from __future__ import annotations

from panelkeeper.rules.ladder import GroupProblemCode as P
from panelkeeper.rules.ladder import Ladder, Seated, check_group
from panelkeeper.rules.policy.loader import load_policy
from panelkeeper.rules.policy.presets import preset_text
from tests.rules.scenarios import policy


def _ladder(slug: str, *edits: tuple[str, str]) -> Ladder:
    text = preset_text(slug)
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    ladder = load_policy(text, source=f"{slug}.toml").breach if edits else policy(slug).breach
    assert ladder is not None
    return ladder


def _problems(
    ladder: Ladder, seated: list[Seated], *, chair: bool = False
) -> list[tuple[P, str, str]]:
    return [
        (p.code, p.rule, p.message) for p in check_group(ladder, seated, subject_is_chair=chair)
    ]


VELA = [
    Seated("Asha", "customer_involvement_team"),
    Seated("Ben", "service_improvement_team"),
    Seated("Cara", "involved_customer"),
]


def test_a_code_without_a_group_says_so_br_6() -> None:
    assert _problems(_ladder("nexus"), VELA) == [
        (P.NO_GROUP, "BR-6", "This code names no investigating group.")
    ]


def test_the_subject_and_anyone_conflicted_are_named_coi_4() -> None:
    seated = [
        Seated("Asha", "customer_involvement_team", conflicted=True),
        Seated("Ben", "service_improvement_team"),
        Seated("Cara", "involved_customer", is_subject=True, conflicted=True),
    ]
    assert _problems(_ladder("vela"), seated) == [
        (P.CONFLICTED, "COI-4", "Asha has a conflict of interest or is implicated."),
        (P.SUBJECT_SITS, "COI-4", "Cara is the member the breach is about."),
        (P.SEAT_SHORT, "BR-6", "The group needs 1 of another involved customer; it has 0."),
    ]


def test_a_conflict_is_allowed_where_the_code_allows_it_br_6() -> None:
    ladder = _ladder("vela", ("no_conflicts = true", "no_conflicts = false"))
    seated = [*VELA[:2], Seated("Cara", "involved_customer", conflicted=True)]
    assert _problems(ladder, seated) == []


def test_a_seat_for_two_needs_two_br_6() -> None:
    ladder = _ladder(
        "vela", ('{ role = "involved_customer" }', '{ role = "involved_customer", count = 2 }')
    )
    assert _problems(ladder, VELA) == [
        (P.SEAT_SHORT, "BR-6", "The group needs 2 of another involved customer; it has 1."),
    ]
    assert _problems(ladder, [*VELA, Seated("Dev", "involved_customer")]) == []


def test_the_chair_stands_down_for_the_vice_chair_on_their_own_case_interpretation_10() -> None:
    ladder = _ladder("herefordshire")
    seated = [Seated("Hal", "chair"), Seated("Ida", "customer_involvement_manager")]
    assert _problems(ladder, seated) == []
    assert _problems(ladder, seated, chair=True) == [
        (
            P.CHAIR_STANDS_DOWN,
            "Interpretation 10",
            "The breach is by the Chair: the Vice Chair of the Challenge Group sits instead.",
        ),
        (P.SEAT_SHORT, "BR-6", "The group needs 1 of Vice Chair of the Challenge Group; it has 0."),
        (P.ROLE_NOT_NAMED, "BR-6", "Hal sits in a role this code does not name."),
    ]
    stand_in = [Seated("Jo", "vice_chair"), Seated("Ida", "customer_involvement_manager")]
    assert _problems(ladder, stand_in, chair=True) == []
    assert _problems(ladder, stand_in) == [
        (P.SEAT_SHORT, "BR-6", "The group needs 1 of Chair of the Challenge Group; it has 0."),
        (P.ROLE_NOT_NAMED, "BR-6", "Jo sits in a role this code does not name."),
    ]


CONVENER = Seated("Erin", "customer_experience_manager")
IMPARTIAL = Seated("Femi", "panel", impartial=True)


def test_thirteen_needs_its_convener_and_an_impartial_member_br_6() -> None:
    ladder = _ladder("thirteen")
    # An impartial member may sit in a role the code does not list.
    assert _problems(ladder, [CONVENER, IMPARTIAL]) == []
    assert _problems(ladder, [IMPARTIAL, Seated("Gus", "head_of_touchpoints")]) == [
        (P.CONVENER_MISSING, "BR-6", "Customer Experience Manager convenes and sits on the group.")
    ]
    assert _problems(ladder, [CONVENER, Seated("Gus", "panel")]) == [
        (
            P.TOO_FEW_IMPARTIAL,
            "BR-6",
            "The group needs at least 1 impartial member besides the Customer Experience "
            "Manager; it has 0. Seat someone impartial.",
        ),
        (P.ROLE_NOT_NAMED, "BR-6", "Gus sits in a role this code does not name."),
    ]
    # Impartial but the subject, or conflicted, does not count.
    subject = Seated("Femi", "chair", impartial=True, is_subject=True)
    assert [p[0] for p in _problems(ladder, [CONVENER, subject])] == [
        P.SUBJECT_SITS,
        P.TOO_FEW_IMPARTIAL,
    ]
    # The convener seated as the subject does not count as seated.
    assert [
        p[0] for p in _problems(ladder, [IMPARTIAL, Seated("Erin", CONVENER.role, is_subject=True)])
    ] == [
        P.SUBJECT_SITS,
        P.CONVENER_MISSING,
    ]


def test_more_than_one_impartial_member_is_counted_in_the_plural_br_6() -> None:
    ladder = _ladder("thirteen", ("min_impartial = 1", "min_impartial = 2"))
    assert _problems(ladder, [CONVENER, IMPARTIAL]) == [
        (
            P.TOO_FEW_IMPARTIAL,
            "BR-6",
            "The group needs at least 2 impartial members besides the Customer Experience "
            "Manager; it has 1. Seat someone impartial.",
        ),
    ]
    assert _problems(ladder, [CONVENER, IMPARTIAL, Seated("Gia", "chair", impartial=True)]) == []


def test_a_convener_who_does_not_sit_is_not_required_and_not_named_br_6() -> None:
    ladder = _ladder("thirteen", ("includes_convener = true", "includes_convener = false"))
    assert _problems(ladder, [IMPARTIAL]) == []
    assert _problems(ladder, [CONVENER, IMPARTIAL]) == [
        (P.ROLE_NOT_NAMED, "BR-6", "Erin sits in a role this code does not name."),
    ]
