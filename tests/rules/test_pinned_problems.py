"""The typed table reader in full: each reader's words and defaults (issue 17, pinned).

tests/rules/test_problems.py checks where problems land; here each message is pinned
word for word, since it is what an officer reads when a code-of-conduct file is wrong.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from panelkeeper.rules.policy.problems import PolicyError, Problem, Problems, Table


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


def _read(data: dict[str, object], prefix: str = "section") -> tuple[Table, Problems]:
    problems = Problems("test.toml")
    return Table(data, prefix, problems), problems


def _messages(problems: Problems) -> list[str]:
    return [f"{p.key}: {p.message}" for p in problems]


def test_a_policy_error_counts_its_problems_in_its_first_line() -> None:
    one = Problem("x.toml", "a", "one")
    assert str(PolicyError([one])).splitlines() == [
        "1 problem in the code of conduct",
        "x.toml: a: one",
    ]
    assert str(PolicyError([one, one])).splitlines()[0] == "2 problems in the code of conduct"
    assert str(PolicyError([])).splitlines() == ["0 problems in the code of conduct"]


def test_problems_collect_in_order_and_are_false_when_empty() -> None:
    problems = Problems("x.toml")
    assert not problems and len(problems) == 0
    problems.add("b", "two")
    problems.add("a", "one")
    assert problems and len(problems) == 2
    assert [p.key for p in problems] == ["b", "a"]


def test_a_problem_with_the_table_itself_is_reported_at_its_key_or_the_top_level() -> None:
    table, problems = _read({})
    table.problem("", "Whole table.")
    top, _ = _read({}, prefix="")
    top.problems = problems
    top.problem("", "Whole file.")
    top.problem("name", "A key.")
    assert _messages(problems) == [
        "section: Whole table.",
        "(top level): Whole file.",
        "name: A key.",
    ]


def test_each_scalar_reader_says_what_to_write() -> None:
    table, problems = _read(
        {
            "empty": "  ",
            "few": 1,
            "flag": "yes",
            "within": 10,
            "when": "2026-12-24",
            "stamp": dt.datetime(2026, 12, 24, 9, 0),
            "colour": 3,
        }
    )
    assert table.required_str("empty", example='"Panel"') is None
    assert table.required_int("few", minimum=2) is None
    assert table.optional_int("few", 5, minimum=2) == 5
    assert table.optional_int("missing", 7) == 7
    assert table.required_bool("flag") is None
    assert table.required_bool("absent") is None
    assert table.optional_bool("absent", True) is True
    assert table.optional_bool("absent", False) is False
    assert table.required_duration("within") is None
    assert table.optional_duration("absent") is None
    assert table.optional_date("when") is None
    assert table.optional_date("stamp") is None
    assert table.optional_date("absent") is None
    assert table.optional_choice("colour", Colour, Colour.RED) is Colour.RED
    assert table.optional_str("absent", "fallback") == "fallback"
    assert _messages(problems) == [
        'section.empty: This is empty. Write text in quotes, such as "Panel".',
        "section.few: Write a whole number of at least 2, not 1.",
        "section.few: Write a whole number of at least 2, not 1.",
        "section.flag: Write true or false, such as true, not text.",
        "section.absent: This is missing. Add absent = true.",
        'section.within: Write a duration in quotes, such as "10 working days", '
        "not a whole number.",
        "section.when: Write a date without quotes, such as 2026-12-24, not text.",
        "section.stamp: Write a date without quotes, such as 2026-12-24, not a date and time.",
        'section.colour: Write one of "red", "blue", such as "red", not a whole number.',
    ]


def test_each_list_reader_reports_each_bad_item_at_its_index() -> None:
    table, problems = _read(
        {
            "days": [dt.date(2026, 12, 24), "Boxing Day"],
            "numbers": [1, True, 2.5],
            "colours": ["red", "bleu"],
            "rows": [{"a": 1}, 7],
        }
    )
    assert table.date_list("days") == (dt.date(2026, 12, 24),)
    assert table.int_list("numbers") == (1,)
    assert table.choice_list("colours", Colour) == (Colour.RED,)
    assert [t.prefix for t in table.table_list("rows")] == ["section.rows[0]"]
    assert table.str_list("absent", required=True) == ()
    assert table.table_list("absent_rows", required=True) == ()
    assert table.date_list("none") == () and table.int_list("none") == ()
    assert _messages(problems) == [
        "section.days[1]: Write a date without quotes, such as 2026-12-24, not text.",
        "section.numbers[1]: Write a whole number, not true or false.",
        "section.numbers[2]: Write a whole number, not a decimal number.",
        'section.colours[1]: "bleu" is not allowed here. Write one of "red", "blue". '
        'Did you mean "blue"?',
        "section.rows[1]: Write a table, such as { ... }, not a whole number.",
        'section.absent: This is missing. Add absent = ["...", "..."].',
        "section.absent_rows: This is missing. Add absent_rows = [[section.absent_rows]].",
    ]


def test_a_table_of_named_tables_reads_each_and_knows_every_key() -> None:
    table, problems = _read({"seats": {"chair": {"count": 1}, "officer": 2}})
    named = table.table_map("seats")
    assert [(name, sub.prefix, sub.data) for name, sub in named] == [
        ("chair", "section.seats.chair", {"count": 1})
    ]
    assert table.table_map("absent") == ()
    assert table.table_map("required", required=True) == ()
    table.finish()
    assert _messages(problems) == [
        "section.seats.officer: Write a table, such as [section.seats.officer], "
        "not a whole number.",
        "section.required: This table is missing. Add a [section.required] table.",
    ]


def test_a_key_read_twice_is_known_once_and_has_marks_it_known() -> None:
    table, problems = _read({"name": "x", "other": 1, "extra": 2})
    assert table.has("other") and not table.has("missing")
    table.optional_str("name")
    table.optional_str("name")
    table.finish()
    assert _messages(problems) == [
        'section.extra: "extra" is not a setting here. Remove it or correct its name.'
    ]
