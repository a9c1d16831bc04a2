"""Who gives an informal step, preset by preset (BR-3, Interpretation 10)."""

from panelkeeper.rules.ladder import Ladder
from panelkeeper.rules.ladder.givers import Giver, giver_problems
from tests.rules.scenarios import policy

STAFF = frozenset({"customer_involvement_manager", "customer_involvement_team"})
CHAIR = Giver("Hal", frozenset({"chair", "involved_customer", "panel"}))
VICE = Giver("Jo", frozenset({"vice_chair", "involved_customer", "panel"}))
MANAGER = Giver("Ida", STAFF)
MEMBER = Giver("Kit", frozenset({"involved_customer", "panel"}))


def _ladder(slug: str) -> Ladder:
    ladder = policy(slug).breach
    assert ladder is not None
    return ladder


def test_herefordshires_warning_needs_the_manager_and_the_chair_together_br_3() -> None:
    ladder = _ladder("herefordshire")

    def problems(*givers: Giver, chair: bool = False) -> tuple[str, ...]:
        return giver_problems(ladder, "verbal_warning", givers, subject_is_chair=chair)

    assert problems(MANAGER, CHAIR) == ()
    assert problems(CHAIR, MANAGER, MANAGER) == ()
    together = (
        "The code has this step given by Customer Involvement Manager and Chair of the "
        "Challenge Group together: record each of them as giving it."
    )
    assert problems() == problems(MANAGER) == problems(CHAIR) == (together,)
    # One person holding both roles is still one person: the code wants two.
    both = Giver("Pat", STAFF | {"chair"})
    assert problems(both) == (together,)
    assert problems(MANAGER, MEMBER) == (
        "Kit cannot give this step: the code has it given by Customer Involvement Manager "
        "and Chair of the Challenge Group.",
        together,
    )
    # Interpretation 10: the Vice Chair gives it in the Chair's place.
    assert problems(MANAGER, VICE, chair=True) == ()
    assert len(problems(MANAGER, CHAIR, chair=True)) == 2


def test_one_person_in_any_named_role_gives_a_step_taken_alone_br_3() -> None:
    thirteen = _ladder("thirteen")
    for givers in ((), (CHAIR,), (MANAGER,), (CHAIR, MANAGER)):
        assert giver_problems(thirteen, "informal_guidance", givers, subject_is_chair=False) == ()
    assert giver_problems(thirteen, "firm_guidance", [MEMBER], subject_is_chair=False)
    nexus = _ladder("nexus")
    assert giver_problems(nexus, "private_word", [MEMBER], subject_is_chair=False) == ()
    assert giver_problems(nexus, "private_word", [MANAGER], subject_is_chair=False)
    assert giver_problems(nexus, "no_such_step", [MANAGER], subject_is_chair=False) == ()
