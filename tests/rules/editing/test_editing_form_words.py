"""The loader's problems in a form user's words, the file's words kept for uploads."""

from __future__ import annotations

import pytest

from panelkeeper.rules.policy.editing.catalogue import part
from panelkeeper.rules.policy.editing.form_words import form_message, missing_words
from panelkeeper.rules.policy.loader import check_policy
from panelkeeper.rules.policy.presets import preset_text
from panelkeeper.rules.policy.problems import Problem, ProblemCode

THIRTEEN = preset_text("thirteen")


def _only(text: str) -> Problem:
    [problem] = check_policy(text, source="thirteen.toml")
    return problem


def test_a_missing_list_of_titles_asks_to_choose_on_its_form_and_says_where_elsewhere() -> None:
    text = THIRTEEN.replace('route_to = ["customer_experience_manager"]\n', "")
    problem = _only(text)
    assert (problem.key, problem.code) == ("breach.raising.route_to", ProblemCode.MISSING)
    assert problem.message.startswith("This is missing. Add route_to = ")
    assert form_message(problem, part("titles")) == (
        "Choose at least one for “Who receives reports of a breach”."
    )
    assert form_message(problem) == (
        "Choose at least one for “Who receives reports of a breach” under "
        "Staff titles and what each does."
    )


def test_a_missing_text_in_a_row_names_the_rows_field() -> None:
    text = THIRTEEN.replace('label = "Minor breach"\n', "", 1)
    problem = check_policy(text, source="thirteen.toml")[0]
    assert problem.code is ProblemCode.MISSING
    assert problem.key.startswith("breach.levels[")
    assert form_message(problem) == "Enter name under Levels of breach and escalation."


def test_a_missing_table_names_its_first_setting_and_an_empty_text_is_missing() -> None:
    missing = Problem("x", "breach.raising", "This table is missing.", ProblemCode.MISSING_TABLE)
    assert form_message(missing) == (
        "Choose at least one for “Who receives reports of a breach” under "
        "Staff titles and what each does."
    )
    empty = Problem("x", "code.organisation", "This is empty.", ProblemCode.EMPTY)
    assert form_message(empty, part("names")) == "Enter organisation."
    assert form_message(empty, part("titles")) == "Enter organisation under Names and words."


def test_a_missing_setting_no_form_shows_keeps_its_own_words() -> None:
    problem = Problem("x", "calendar.region", "Add region.", ProblemCode.MISSING)
    assert form_message(problem) == "Add region."


@pytest.mark.parametrize(
    ("old", "new", "code", "in_the_file", "on_a_form"),
    [
        (
            'director_of_experience = "Director of Experience"',
            'director_of_experience = "Director of Experience"\nspare = "Spare Title"',
            ProblemCode.UNUSED_TITLE,
            "nothing in the file refers to it",
            "Nothing in the code uses “Spare Title”, so it would need a holder for no purpose. "
            "Choose what it does, or remove it.",
        ),
        (
            'to = "director_of_experience"',
            'to = "gone"',
            ProblemCode.UNKNOWN_ROLE,
            "Declare it under [roles.staff]",
            "This names a staff title the code no longer has. Choose another, or keep that "
            "title under Staff titles.",
        ),
        (
            "[gifts]\n",
            "[gifts]\ndeclare_over = 0\n",
            ProblemCode.TOO_SMALL,
            "Write a whole number of at least 1, not 0.",
            "Enter 1 or more.",
        ),
    ],
)
def test_a_problem_is_worded_for_a_file_and_for_a_form(
    old: str, new: str, code: ProblemCode, in_the_file: str, on_a_form: str
) -> None:
    problem = _only(THIRTEEN.replace(old, new))
    assert problem.code is code
    assert in_the_file in problem.message
    assert form_message(problem) == on_a_form


def test_other_problems_keep_the_loaders_words() -> None:
    problem = Problem("x", "breach.levels[0].key", "Write a short key.")
    assert form_message(problem) == "Write a short key."


@pytest.mark.parametrize(
    ("slug", "key", "words"),
    [
        ("names", "code.organisation", "Enter organisation"),
        ("titles", "breach.appeal.to", "Choose one for “Who decides an appeal”"),
        ("gifts", "gifts.discuss", "Choose one for “Where what happens to a gift is talked about”"),
        ("names", "groups", "Add at least one group to “Groups this code covers”"),
        (
            "membership",
            "membership.customers",
            "Choose at least one for “Who counts as a customer”",
        ),
    ],
)
def test_what_to_do_about_an_empty_setting_suits_its_kind(slug: str, key: str, words: str) -> None:
    entry = part(slug).entry(key)
    assert entry is not None
    assert missing_words(entry) == words


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("breach.appeal.window.within", "Enter appeal window under Appeals."),
        (
            "breach.outcomes[1].levels",
            "Choose at least one for “For these levels of breach” under Outcomes.",
        ),
        ("breach.outcomes[1].label", "Enter what the outcome is under Outcomes."),
        (
            "breach.outcomes[1].nothing_such",
            "Add at least one outcome to “Outcomes” under Outcomes.",
        ),
        (
            "breach.investigated_by[0]",
            "Choose at least one for “Who investigates a breach” under Staff titles and what "
            "each does.",
        ),
    ],
)
def test_a_missing_setting_inside_a_value_or_a_row_names_the_field_it_belongs_to(
    key: str, words: str
) -> None:
    assert form_message(Problem("x", key, "Add it.", ProblemCode.MISSING)) == words
