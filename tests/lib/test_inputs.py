"""What any value sent must be: the checks the API shares with the forms."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from ninja import Schema

from panelkeeper.lib.inputs import LARGEST_NUMBER, LONGEST_TEXT, check_sent
from panelkeeper.lib.refusals import Refused


class Body(Schema):
    title: str = ""
    notes: list[str] = []
    on: dt.date | None = None
    at: dt.time | None = None
    count: int = 0


TITLE = forms.CharField(max_length=20, error_messages={"max_length": "Keep the title short"})


def refusal(body: Body) -> Refused:
    with pytest.raises(Refused) as refused:
        check_sent(body, field="", limits={"title": TITLE})
    return refused.value


def test_a_good_body_passes() -> None:
    check_sent(
        Body(title="Agenda", notes=["a"], on=dt.date(2026, 12, 7), at=dt.time(18, 30), count=3),
        field="",
        limits={"title": TITLE},
    )


def test_text_takes_the_form_fields_limit_and_message() -> None:
    refused = refusal(Body(title="x" * 21))
    assert (refused.message, refused.field) == ("Keep the title short", "title")


def test_text_no_form_field_names_is_held_to_the_longest_box_a_form_offers() -> None:
    check_sent(Body(notes=["x" * LONGEST_TEXT]), field="")
    with pytest.raises(Refused) as refused:
        check_sent(Body(notes=["ok", "x" * (LONGEST_TEXT + 1)]), field="")
    assert refused.value.field == "notes.1"


def test_a_nul_character_is_refused_in_values_and_keys() -> None:
    assert refusal(Body(notes=["a\x00"])).field == "notes.0"
    with pytest.raises(Refused) as refused:
        check_sent({"a\x00": "b"}, field="values")
    assert refused.value.field == "values"


def test_a_time_zone_on_a_time_of_day_is_refused() -> None:
    aware = dt.time(18, 30, tzinfo=dt.UTC)
    assert refusal(Body(at=aware)).field == "at"


@pytest.mark.parametrize("year", [1, 1899, 2101, 9999])
def test_a_year_outside_the_range_is_refused(year: int) -> None:
    assert refusal(Body(on=dt.date(year, 1, 1))).field == "on"


def test_a_number_too_large_to_store_is_refused() -> None:
    check_sent(LARGEST_NUMBER, field="offset")
    with pytest.raises(Refused) as refused:
        check_sent(LARGEST_NUMBER + 1, field="offset")
    assert refused.value.field == "offset"


def test_several_problems_are_listed_each_on_its_field() -> None:
    refused = refusal(Body(title="x" * 21, on=dt.date(9999, 1, 1)))
    assert [p.field for p in refused.problems] == ["title", "on"]
    assert refused.field == "title"
