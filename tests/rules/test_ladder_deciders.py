"""Who must be in place before a level or an outcome is recorded, preset by preset (BR-6)."""

from panelkeeper.rules.ladder import GroupProblemCode, Ladder, Seated
from panelkeeper.rules.ladder.deciders import decider_problems, deciding_roles
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
    assert [p.message for p in problems] == [
        "Nobody holds the role of Assistant Director on that day: name who holds it first."
    ]
    assert (
        decider_problems(
            ladder, outcome="exclusion", seated=[], held={"panel"}, subject_is_chair=False
        )
        == ()
    )
