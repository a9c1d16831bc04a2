"""The one check that a text a person must enter was entered: trimmed, and not empty."""

from __future__ import annotations

import pytest

from panelkeeper.lib.refusals import VALIDATION, Refused, entered


def test_the_text_comes_back_trimmed() -> None:
    assert entered("  Case 12 ", field="title", missing="Enter a title") == "Case 12"


def test_nothing_but_spaces_is_refused_on_its_field() -> None:
    with pytest.raises(Refused, match=r"^Enter a title$") as caught:
        entered(" \n\t ", field="title", missing="Enter a title")
    assert (caught.value.field, caught.value.rule) == ("title", VALIDATION)


def test_a_limit_refuses_a_longer_text_once_trimmed() -> None:
    def name(text: str) -> str:
        return entered(text, field="name", missing="Enter a name", most=5, too_long="Too long")

    assert name("  12345  ") == "12345"
    with pytest.raises(Refused, match=r"^Too long$") as caught:
        name("123456")
    assert caught.value.field == "name"


def test_without_a_limit_any_length_is_kept() -> None:
    assert entered("x" * 10_000, field="details", missing="Enter the details") == "x" * 10_000


def test_a_missing_text_names_the_clause_it_breaks_where_one_is_given_br_0() -> None:
    with pytest.raises(Refused, match=r"^Describe what happened\.$") as caught:
        entered("   ", field="description", missing="Describe what happened.", rule="BR-0")
    assert (caught.value.field, caught.value.rule) == ("description", "BR-0")
