"""Durations as people write them (Interpretation 1: "days" are calendar days)."""

import pytest

from panelkeeper.rules.calendar.durations import Duration, Unit, parse_duration


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10 working days", Duration(10, Unit.WORKING_DAYS)),
        ("1 working day", Duration(1, Unit.WORKING_DAYS)),
        ("7 days", Duration(7, Unit.DAYS)),
        ("7 calendar days", Duration(7, Unit.DAYS)),
        ("2 weeks", Duration(2, Unit.WEEKS)),
        ("12 Months", Duration(12, Unit.MONTHS)),
        ("  1   year ", Duration(1, Unit.YEARS)),
        ("0 working days", Duration(0, Unit.WORKING_DAYS)),
    ],
)
def test_it_reads_durations_as_people_write_them(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["10 workdays", "ten days", "10", "days", "-3 days", "1.5 days"])
def test_it_refuses_anything_else_saying_what_to_write(text: str) -> None:
    with pytest.raises(ValueError, match="such as '10 working days', '7 days' or '12 months'"):
        parse_duration(text)


def test_it_prints_singular_and_plural_units() -> None:
    assert str(Duration(10, Unit.WORKING_DAYS)) == "10 working days"
    assert str(Duration(1, Unit.WORKING_DAYS)) == "1 working day"
    assert str(Duration(1, Unit.MONTHS)) == "1 month"


def test_printing_then_reading_gives_the_same_duration() -> None:
    for unit in Unit:
        for amount in (0, 1, 2, 36):
            duration = Duration(amount, unit)
            assert parse_duration(str(duration)) == duration
