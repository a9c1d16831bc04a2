"""String enums that carry their words: a member is its value, and reads as its label."""

import pytest

from panelkeeper.rules.calendar.working_days import Region
from panelkeeper.rules.labels import LabelledEnum
from panelkeeper.rules.ladder import Anchor, Party, Raiser


def test_a_member_is_looked_up_by_its_value_and_reads_as_its_label() -> None:
    assert Raiser("board_member") is Raiser.BOARD_MEMBER
    assert Raiser.BOARD_MEMBER == "board_member"
    assert str(Raiser.BOARD_MEMBER) == "board_member"
    assert Raiser.BOARD_MEMBER.label == "Board members"
    assert Region("NIR").label == "Northern Ireland"


@pytest.mark.parametrize("kind", [Anchor, Party, Raiser, Region])
def test_every_member_of_the_rules_labelled_enums_has_words(kind: type[LabelledEnum]) -> None:
    assert all(member.label.strip() for member in kind)


def test_a_value_that_is_not_a_member_is_refused() -> None:
    with pytest.raises(ValueError):
        Raiser("landlord")


def test_declaring_a_member_without_its_label_is_refused() -> None:
    with pytest.raises(TypeError, match='"tenant" needs a label'):

        class Unlabelled(LabelledEnum):
            TENANT = "tenant"


def test_a_list_in_words_joins_the_last_two_with_and() -> None:
    from panelkeeper.rules.labels import in_words

    assert in_words([]) == ""
    assert in_words(["the Chair"]) == "the Chair"
    assert in_words(["A", "B"]) == "A and B"
    assert in_words(["A", "B", "C"]) == "A, B and C"
