"""Who may sit on an investigating group: BR-6, COI-4, Interpretations 10 and 11."""

from dataclasses import replace

from panelkeeper.rules.ladder import GroupProblemCode, Seated, check_group
from panelkeeper.rules.ladder.group import GroupProblem
from tests.rules.scenarios import policy


def _rules(slug: str, seated: list[Seated], *, subject_is_chair: bool = False) -> list[str]:
    ladder = policy(slug).breach
    assert ladder is not None
    return [p.rule for p in check_group(ladder, seated, subject_is_chair=subject_is_chair)]


VELA_GROUP = [
    Seated("Asha", "customer_involvement_team"),
    Seated("Ben", "service_improvement_team"),
    Seated("Cara", "involved_customer"),
]


def test_vela_needs_its_three_seats_filled_br_6() -> None:
    assert _rules("vela", VELA_GROUP) == []
    assert _rules("vela", VELA_GROUP[:2]) == ["BR-6"]


def test_nobody_conflicted_implicated_or_the_subject_may_sit_coi_4() -> None:
    conflicted = [*VELA_GROUP[:2], Seated("Cara", "involved_customer", conflicted=True)]
    assert _rules("vela", conflicted) == ["COI-4"]
    subject = [*VELA_GROUP[:2], Seated("Dev", "involved_customer", is_subject=True)]
    assert _rules("vela", subject) == ["COI-4", "BR-6"]


def test_thirteen_needs_the_convener_and_at_least_one_impartial_member_br_6() -> None:
    convener = Seated("Erin", "customer_experience_manager")
    impartial = Seated("Femi", "customer_involvement_team", impartial=True)
    assert _rules("thirteen", [convener, impartial]) == []
    assert _rules("thirteen", [convener]) == ["BR-6"]
    assert _rules("thirteen", [impartial, Seated("Gus", "head_of_touchpoints")]) == ["BR-6"]
    # An impartial member who turns out to be conflicted does not count.
    conflicted = Seated("Femi", "customer_involvement_team", impartial=True, conflicted=True)
    assert _rules("thirteen", [convener, conflicted]) == ["COI-4", "BR-6"]


def test_thirteen_never_counts_the_convener_as_its_impartial_member_br_6() -> None:
    alone = Seated("Erin", "customer_experience_manager", impartial=True)
    assert _rules("thirteen", [alone]) == ["BR-6"]
    assert _rules("thirteen", [alone, Seated("Femi", "head_of_touchpoints", impartial=True)]) == []


def test_a_member_seat_is_for_a_member_not_staff_br_6() -> None:
    staff = [
        Seated("Ann", "customer_involvement_team", is_staff=True),
        Seated("Bea", "service_improvement_team", is_staff=True),
    ]
    assert _rules("vela", [*staff, Seated("Cal", "involved_customer", is_staff=False)]) == []
    ladder = policy("vela").breach
    assert ladder is not None
    cal = Seated("Cal", "involved_customer", is_staff=True)
    assert check_group(ladder, [*staff, cal], subject_is_chair=False) == (
        GroupProblem(
            GroupProblemCode.WRONG_KIND,
            "BR-6",
            "The seat of another involved customer is for a member of the group, not a member "
            "of staff: choose a member for it.",
        ),
    )
    # A staff title may be held by a customer (insight's Customer Services Voice).
    voice = Seated("Vic", "customer_services_voice", is_staff=False)
    assert _rules("insight", [Seated("Ida", "customer_involvement_manager"), voice]) == []


def test_an_impartial_member_may_sit_in_any_role_staff_or_not_br_6() -> None:
    """Thirteen's impartial members need no named role, so whether they are staff is no
    matter."""
    convener = Seated("Erin", "customer_experience_manager", is_staff=True)
    for is_staff in (True, False):
        impartial = Seated("Femi", "panel", impartial=True, is_staff=is_staff)
        assert _rules("thirteen", [convener, impartial]) == []


def test_impartial_members_are_counted_on_their_own_where_no_convener_sits_br_6() -> None:
    ladder = policy("thirteen").breach
    assert ladder is not None and ladder.group is not None
    apart = replace(ladder, group=replace(ladder.group, includes_convener=False))
    assert check_group(apart, [], subject_is_chair=False) == (
        GroupProblem(
            GroupProblemCode.TOO_FEW_IMPARTIAL,
            "BR-6",
            "The group needs at least 1 impartial member; it has 0. Seat someone impartial.",
        ),
    )
