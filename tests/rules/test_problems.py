"""The typed table reader: every mistake reported once, at its dotted key, never raised."""

from enum import StrEnum

from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.policy.problems import PolicyError, Problem, Problems, Table


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


def read(data: dict[str, object]) -> tuple[Table, Problems]:
    problems = Problems("test.toml")
    return Table(data, "section", problems), problems


def test_a_problem_prints_file_key_and_message() -> None:
    problem = Problem("vela.toml", "breach.levels.minor", "Write text.")
    assert str(problem) == "vela.toml: breach.levels.minor: Write text."


def test_good_values_are_read_without_problems() -> None:
    table, problems = read(
        {
            "name": "Panel",
            "count": 2,
            "flag": True,
            "within": "10 working days",
            "colour": "blue",
            "names": ["a", "b"],
            "sub": {"x": 1},
            "rows": [{"y": 2}],
        }
    )
    assert table.required_str("name") == "Panel"
    assert table.required_int("count", minimum=0) == 2
    assert table.required_bool("flag") is True
    assert table.required_duration("within") == Duration(10, Unit.WORKING_DAYS)
    assert table.required_choice("colour", Colour) is Colour.BLUE
    assert table.str_list("names") == ("a", "b")
    sub = table.required_table("sub")
    assert sub is not None and sub.required_int("x") == 1
    rows = table.table_list("rows")
    assert rows[0].key("y") == "section.rows[0].y"
    table.finish()
    assert not problems


def test_each_mistake_is_one_problem_at_its_dotted_key() -> None:
    table, problems = read(
        {
            "count": "two",
            "flag": 1,
            "within": "10 workdays",
            "colour": "green",
            "names": ["a", 3],
            "rows": [{"y": 2}, "oops"],
            "nmae": "typo",
        }
    )
    assert table.required_str("name") is None
    assert table.required_int("count") is None
    assert table.optional_bool("flag", False) is False
    assert table.required_duration("within") is None
    assert table.required_choice("colour", Colour) is None
    assert table.str_list("names") == ("a",)
    assert len(table.table_list("rows")) == 1
    table.finish()
    keys = [p.key for p in problems]
    assert keys == [
        "section.name",
        "section.count",
        "section.flag",
        "section.within",
        "section.colour",
        "section.names[1]",
        "section.rows[1]",
        "section.nmae",
    ]
    messages = {p.key: p.message for p in problems}
    assert "such as '10 working days'" in messages["section.within"]
    assert 'Did you mean "name"?' in messages["section.nmae"]
    assert '"red", "blue"' in messages["section.colour"]


def test_true_or_false_is_not_a_number() -> None:
    table, problems = read({"count": True})
    assert table.required_int("count") is None
    assert len(problems) == 1


def test_a_policy_error_carries_every_problem() -> None:
    problems = Problems("x.toml")
    problems.add("a", "one")
    problems.add("b.c", "two")
    error = PolicyError(problems.as_tuple())
    assert error.problems == (Problem("x.toml", "a", "one"), Problem("x.toml", "b.c", "two"))
    assert "x.toml: b.c: two" in str(error)
