"""GovukDateField reads day, month and year boxes into a date and names what is wrong."""

import datetime

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.test import override_settings

from panelkeeper.lib.widgets import GovukDateField, GovukDateInput


def clean(day: str, month: str, year: str, **field_options: object) -> datetime.date | None:
    field = GovukDateField(noun="date of the meeting", **field_options)  # type: ignore[arg-type]
    return field.clean([day, month, year])


def error_of(day: str, month: str, year: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        clean(day, month, year)
    return caught.value


def test_three_boxes_clean_into_a_date_with_or_without_leading_zeros() -> None:
    assert clean("3", "02", "2027") == datetime.date(2027, 2, 3)
    assert clean(" 03 ", "2", "2027") == datetime.date(2027, 2, 3)


def test_empty_boxes_ask_for_the_date() -> None:
    error = error_of("", "", "")
    assert error.messages == ["Enter the date of the meeting"]


def test_an_optional_date_left_empty_cleans_to_none() -> None:
    assert clean("", "", "", required=False) is None


@pytest.mark.parametrize(
    ("day", "month", "year", "message", "parts"),
    [
        ("12", "", "2026", "The date of the meeting must include a month", ("month",)),
        ("", "", "2026", "The date of the meeting must include a day and month", ("day", "month")),
        ("12", "3", "", "The date of the meeting must include a year", ("year",)),
    ],
)
def test_a_date_missing_parts_names_each_missing_part(
    day: str, month: str, year: str, message: str, parts: tuple[str, ...]
) -> None:
    error = error_of(day, month, year)
    assert error.messages == [message]
    assert error.error_list[0].params == {"missing": " and ".join(parts), "parts": parts}


@pytest.mark.parametrize(
    ("day", "month", "year", "parts"),
    [
        ("31", "2", "2026", ("day",)),
        ("29", "2", "2026", ("day",)),
        ("12", "13", "2026", ("month",)),
        ("12", "6", "26", ("year",)),
        ("12", "6", "1899", ("year",)),
        ("12", "6", "2101", ("year",)),
        ("12", "6", "9999", ("year",)),
        ("twelve", "6", "2026", ("day",)),
        ("32", "0", "2026", ("day", "month")),
    ],
)
def test_an_impossible_date_must_be_a_real_date_and_names_the_parts_at_fault(
    day: str, month: str, year: str, parts: tuple[str, ...]
) -> None:
    error = error_of(day, month, year)
    assert error.messages == ["The date of the meeting must be a real date"]
    assert error.error_list[0].params == {"parts": parts}


def test_29_february_is_accepted_in_a_leap_year() -> None:
    assert clean("29", "2", "2028") == datetime.date(2028, 2, 29)


def test_a_form_can_word_its_own_messages() -> None:
    field = GovukDateField(error_messages={"required": "Enter the date you were told"})
    with pytest.raises(ValidationError) as caught:
        field.clean(["", "", ""])
    assert caught.value.messages == ["Enter the date you were told"]
    with pytest.raises(ValidationError) as caught:
        field.clean(["1", "", "2026"])
    assert caught.value.messages == ["The date must include a month"]


def test_the_widget_reads_its_three_named_boxes_from_posted_data() -> None:
    widget = GovukDateInput()
    data = QueryDict("held_on_day=1&held_on_month=12&held_on_year=2026")
    assert widget.value_from_datadict(data, QueryDict(), "held_on") == ["1", "12", "2026"]
    assert not widget.value_omitted_from_data(data, QueryDict(), "held_on")
    assert widget.value_omitted_from_data(QueryDict(), QueryDict(), "held_on")


def test_an_initial_date_fills_the_three_boxes() -> None:
    class MeetingForm(forms.Form):
        held_on = GovukDateField(label="Date of the meeting")

    with override_settings(FORM_RENDERER="panelkeeper.lib.forms.GovukFormRenderer"):
        form = MeetingForm(initial={"held_on": datetime.date(2026, 11, 23)})
        html = str(form["held_on"])
    assert (
        'id="id_held_on_day" name="held_on_day" type="text" inputmode="numeric" value="23"' in html
    )
    assert 'name="held_on_month" type="text" inputmode="numeric" value="11"' in html
    assert 'name="held_on_year" type="text" inputmode="numeric" value="2026"' in html
    assert "data-error-parts" not in html


def test_the_years_1900_and_2100_are_the_first_and_last_accepted() -> None:
    assert clean("1", "1", "1900") == datetime.date(1900, 1, 1)
    assert clean("31", "12", "2100") == datetime.date(2100, 12, 31)


def test_a_date_given_whole_outside_the_years_accepted_is_refused_on_the_year() -> None:
    field = GovukDateField(noun="date of the meeting")
    with pytest.raises(ValidationError) as refused:
        field.clean("9999-12-31")
    assert refused.value.params == {"parts": ("year",)}
