"""Who must be in place before a level or an outcome is recorded, preset by preset (BR-6)."""

from dataclasses import replace

from panelkeeper.rules.ladder import GroupProblemCode, Ladder, Seated
from panelkeeper.rules.ladder.deciders import decider_problems, deciding_roles
from panelkeeper.rules.ladder.group import GroupProblem
from tests.rules.scenarios import policy


def _ladder(slug: str) -> Ladder:
    ladder = policy(slug).breach
    assert ladder is not None
    return ladder


PAIR = [Seated("Hal", "chair"), Seated("Ida", "customer_involvement_manager")]


def test_herefordshires_pair_must_be_seated_to_decide_the_level_and_outcome_br_6() -> None:
    ladder = _ladder("herefordshire")
    for outcome in (None, "suspension", "something_else"):
        empty = decider_problems(
            ladder, outcome=outcome, seated=[], held=set(), subject_is_chair=False
        )
        assert [p.code for p in empty] == [GroupProblemCode.SEAT_SHORT] * 2
        assert (
            decider_problems(
                ladder, outcome=outcome, seated=PAIR, held=set(), subject_is_chair=False
            )
            == ()
        )


def test_herefordshires_vice_chair_decides_when_the_chair_is_the_subject_br_6() -> None:
    ladder = _ladder("herefordshire")
    stand_in = [Seated("Jo", "vice_chair"), PAIR[1]]
    assert (
        decider_problems(ladder, outcome=None, seated=stand_in, held=(), subject_is_chair=True)
        == ()
    )
    assert decider_problems(ladder, outcome=None, seated=PAIR, held=(), subject_is_chair=True)


def test_a_code_with_a_group_has_the_group_decide_br_6() -> None:
    for slug in ("vela", "insight", "thirteen", "herefordshire"):
        assert deciding_roles(_ladder(slug), outcome=None, subject_is_chair=False) == ()


def test_nexus_names_who_decides_each_outcome_and_the_level_br_6() -> None:
    ladder = _ladder("nexus")

    def keys(outcome: str | None) -> list[str]:
        return [r.key for r in deciding_roles(ladder, outcome=outcome, subject_is_chair=False)]

    assert keys(None) == ["assistant_director"]
    assert keys("reminder") == ["assistant_director"]
    assert keys("exclusion") == ["panel"]
    # An outcome naming nobody, or one the code does not name, falls to whoever investigates.
    assert keys("step_down") == keys("extra_training") == ["assistant_director"]
    problems = decider_problems(
        ladder, outcome="reminder", seated=[], held={"panel"}, subject_is_chair=False
    )
    assert problems == (
        GroupProblem(
            GroupProblemCode.DECIDER_NOT_HELD,
            "BR-6",
            "Nobody holds the role of Assistant Director on that day: name who holds it first.",
        ),
    )
    assert (
        decider_problems(
            ladder, outcome="exclusion", seated=[], held={"panel"}, subject_is_chair=False
        )
        == ()
    )


def test_an_outcome_naming_its_deciders_needs_them_held_even_where_a_group_decides_br_6() -> None:
    """An outcome's own deciders come before the group: its seats are not enough."""
    ladder = _ladder("herefordshire")
    manager = policy("herefordshire").role("customer_involvement_manager")
    ladder = replace(
        ladder,
        outcomes=tuple(
            replace(o, decided_by=(manager,)) if o.key == "suspension" else o
            for o in ladder.outcomes
        ),
    )
    assert deciding_roles(ladder, outcome="suspension", subject_is_chair=False) == (manager,)
    unheld = decider_problems(
        ladder, outcome="suspension", seated=PAIR, held=set(), subject_is_chair=False
    )
    assert [(p.code, p.rule) for p in unheld] == [(GroupProblemCode.DECIDER_NOT_HELD, "BR-6")]
    assert (
        decider_problems(
            ladder,
            outcome="suspension",
            seated=[],
            held={"customer_involvement_manager"},
            subject_is_chair=False,
        )
        == ()
    )


def test_without_a_group_the_chairs_stand_in_decides_when_the_chair_is_the_subject_br_6() -> None:
    """Interpretation 10: the stand-in acts wherever the chair would, deciding included."""
    ladder = replace(_ladder("herefordshire"), group=None)

    def keys(subject_is_chair: bool) -> list[str]:
        return [
            r.key for r in deciding_roles(ladder, outcome=None, subject_is_chair=subject_is_chair)
        ]

    assert keys(False) == ["chair", "customer_involvement_manager"]
    assert keys(True) == ["vice_chair", "customer_involvement_manager"]
    held = {"chair", "customer_involvement_manager"}
    problems = decider_problems(ladder, outcome=None, seated=[], held=held, subject_is_chair=True)
    assert [p.message for p in problems] == [
        "Nobody holds the role of Vice Chair of the Challenge Group on that day: name who holds "
        "it first."
    ]
