"""Loading a code of conduct: every mistake at once, each at its dotted key."""

import pytest

from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.calendar.working_days import Region
from panelkeeper.rules.policy.loader import check_policy, load_policy
from panelkeeper.rules.policy.problems import PolicyError

GOOD = """
[code]
slug = "demo"
organisation = "Demo Homes"
version = "1"

[groups]
panel = "Scrutiny Panel"

[roles.staff]
officer = "Involvement Officer"
director = "Director of Homes"

[calendar]
region = "SCT"
closure_days = [2026-12-24]

[interpretations]
relies_on = [1, 2]

[governance]
rules = ["GOV-1"]
review_every = "36 months"

[attendance]
rules = ["MTG-1"]
apologies_notice = "2 working days"
apologies_to = ["officer"]

[gifts]
rules = ["GIFT-1"]
declare_to = ["officer"]

[breach]
rules = ["BR-7"]
investigated_by = ["officer"]

[[breach.levels]]
key = "minor"
label = "Minor breach"
marks = "causing offence"
rules = ["BR-7"]

[[breach.levels]]
key = "major"
label = "Major breach"
marks = "misusing information"
rules = ["BR-7"]

[breach.escalation]
mode = "relevel"
from = "minor"
to = "major"
rules = ["BR-8"]

[[breach.outcomes]]
key = "warning"
label = "Final written warning"
levels = ["minor"]
effect = "warning"
rules = ["BR-10"]

[breach.raising]
route_to = ["officer"]
monitored_by = ["officer"]
rules = ["BR-2"]

[breach.appeal]
to = "director"
window = { within = "10 working days", from = "notice_received" }
rules = ["BR-12"]
"""


def test_a_sound_file_loads_with_its_figures_and_roles() -> None:
    policy = load_policy(GOOD, source="demo.toml")
    assert check_policy(GOOD, source="demo.toml") == ()
    assert policy.code.slug == "demo"
    assert policy.code.organisation == "Demo Homes"
    assert [g.name for g in policy.groups] == ["Scrutiny Panel"]
    assert [(r.key, r.title) for r in policy.staff_roles] == [
        ("officer", "Involvement Officer"),
        ("director", "Director of Homes"),
    ]
    assert policy.role_title("chair") == "Chair"
    assert not policy.role("panel").needs_holder
    assert policy.calendar.region is Region.SCT
    assert policy.review_every == Duration(36, Unit.MONTHS)
    assert policy.attendance is not None
    assert policy.attendance.apologies_notice == Duration(2, Unit.WORKING_DAYS)
    assert policy.breach is not None and policy.breach.appeal is not None
    assert policy.breach.appeal.to.title == "Director of Homes"


def test_the_working_calendar_has_the_region_and_the_closure_days() -> None:
    import datetime as dt

    policy = load_policy(GOOD, source="demo.toml")
    calendar = policy.working_calendar()
    assert not calendar.is_working_day(dt.date(2026, 12, 24))
    assert not calendar.is_working_day(dt.date(2027, 1, 4))  # Scotland: 2 January observed
    assert calendar.is_working_day(dt.date(2026, 12, 23))
    later = policy.working_calendar(extra_closure_days=[dt.date(2026, 12, 23)])
    assert not later.is_working_day(dt.date(2026, 12, 23))


def _mistakes(text: str, replacements: list[tuple[str, str]]) -> str:
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


SIX_MISTAKES = [
    # 1. an unknown key two tables down
    ('key = "minor"\nlabel = "Minor breach"', 'key = "minor"\nlable = "x"\nlabel = "Minor breach"'),
    # 2. a duration people might write but we do not accept
    ('apologies_notice = "2 working days"', 'apologies_notice = "2 workdays"'),
    # 3. an escalation to a level the file never defines
    ('to = "major"', 'to = "gross"'),
    # 4. an outcome on a level the file never defines
    ('levels = ["minor"]', 'levels = ["serious"]'),
    # 5. a wrong type
    ('region = "SCT"', "region = 3"),
    # 6. a role the file does not declare
    ('to = "director"', 'to = "chief_executive"'),
]


def test_a_file_with_six_mistakes_at_different_depths_gives_exactly_six_problems() -> None:
    text = _mistakes(GOOD, SIX_MISTAKES)
    problems = check_policy(text, source="bad.toml")
    assert len(problems) == 6, "\n".join(map(str, problems))
    keys = {p.key for p in problems}
    assert keys == {
        "breach.levels[0].lable",
        "attendance.apologies_notice",
        "breach.escalation.to",
        "breach.outcomes[0].levels[0]",
        "calendar.region",
        "breach.appeal.to",
    }
    by_key = {p.key: p.message for p in problems}
    assert 'Did you mean "label"?' in by_key["breach.levels[0].lable"]
    assert "such as '10 working days'" in by_key["attendance.apologies_notice"]
    assert '"officer" (Involvement Officer)' in by_key["breach.appeal.to"]
    assert all(p.source == "bad.toml" for p in problems)
    with pytest.raises(PolicyError) as raised:
        load_policy(text, source="bad.toml")
    assert raised.value.problems == problems


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5])
def test_each_mistake_counts_once_whatever_else_is_wrong(count: int) -> None:
    problems = check_policy(_mistakes(GOOD, SIX_MISTAKES[:count]), source="bad.toml")
    assert len(problems) == count


def test_unknown_top_level_tables_and_rule_ids_are_reported_with_suggestions() -> None:
    text = GOOD.replace("[gifts]", "[gift]").replace('rules = ["MTG-1"]', 'rules = ["MTG-99"]')
    problems = check_policy(text, source="x.toml")
    messages = {p.key: p.message for p in problems}
    assert 'Did you mean "gifts"?' in messages["gift"]
    assert "not a rule id" in messages["attendance.rules[0]"]


def test_a_stored_text_with_a_calendar_table_still_loads() -> None:
    # Versions published before [calendar] moved to the organisation can never change.
    policy = load_policy(GOOD, source="demo.toml")
    assert policy.calendar.region is Region.SCT


def test_a_new_draft_may_not_set_a_calendar_table_and_is_told_where_it_went() -> None:
    problems = check_policy(GOOD, source="demo.toml", new_draft=True)
    assert [p.key for p in problems] == ["calendar"]
    assert "settings page" in problems[0].message
    assert "closure days page" in problems[0].message
    with pytest.raises(PolicyError):
        load_policy(GOOD, source="demo.toml", new_draft=True)


def test_a_new_draft_without_a_calendar_table_counts_in_england() -> None:
    text = GOOD.replace('[calendar]\nregion = "SCT"\nclosure_days = [2026-12-24]\n', "")
    assert "[calendar]" not in text
    policy = load_policy(text, source="demo.toml", new_draft=True)
    assert policy.calendar.region is Region.ENG and policy.calendar.closure_days == ()


def test_a_missing_code_table_and_bad_toml_are_reported_not_raised() -> None:
    keys = [p.key for p in check_policy('[groups]\npanel = "P"\n', source="x.toml")]
    # [calendar] is optional: the region and closure days belong to the organisation.
    assert "code" in keys and "calendar" not in keys
    messages = {p.key: p.message for p in check_policy('[groups]\npanel = "P"\n', source="x")}
    assert messages["code"] == "This table is missing. Add a [code] table."
    broken = check_policy("[code\n", source="x.toml")
    assert len(broken) == 1 and "not valid TOML" in broken[0].message


def test_an_interpretation_that_does_not_exist_is_a_problem() -> None:
    problems = check_policy(GOOD.replace("relies_on = [1, 2]", "relies_on = [1, 15]"), source="x")
    assert [p.key for p in problems] == ["interpretations.relies_on[1]"]


def test_conduct_standard_ids_start_with_the_slug_and_are_unique() -> None:
    conduct = """
[conduct]
rules = ["MTG-8"]
[[conduct.parts]]
title = "Appendix"
standards = [
  { id = "demo.app.1", text = "Be kind." },
  { id = "demo.app.1", text = "Be on time." },
  { id = "other.app.3", text = "Be brief." },
]
"""
    problems = check_policy(GOOD + conduct, source="x")
    assert [p.key for p in problems] == [
        "conduct.parts[0].standards[1].id",
        "conduct.parts[0].standards[2].id",
    ]


def test_a_staff_role_declared_but_never_named_is_a_problem() -> None:
    """Every declared staff title needs a holder, so an unused one is refused."""
    text = GOOD.replace(
        'director = "Director of Homes"', 'director = "Director of Homes"\nclerk = "Clerk"'
    )
    problems = check_policy(text, source="x.toml")
    assert [p.key for p in problems] == ["roles.staff.clerk"]


def test_a_gift_threshold_is_read_in_whole_pounds_and_absent_means_every_gift_gift_1() -> None:
    every = load_policy(GOOD, source="demo.toml").gifts
    assert every is not None
    assert every.declare_over is None
    text = GOOD.replace('declare_to = ["officer"]', 'declare_to = ["officer"]\ndeclare_over = 25')
    gifts = load_policy(text, source="demo.toml").gifts
    assert gifts is not None
    assert gifts.declare_over == 25


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("0", "at least 1, not 0"),
        ('"£25"', "a whole number"),
        ("12.5", "a whole number"),
    ],
)
def test_a_gift_threshold_that_is_not_a_whole_number_of_pounds_is_refused_gift_1(
    written: str, says: str
) -> None:
    text = GOOD.replace(
        'declare_to = ["officer"]', f'declare_to = ["officer"]\ndeclare_over = {written}'
    )
    problems = {p.key: p.message for p in check_policy(text, source="x.toml")}
    assert says in problems["gifts.declare_over"]
