"""A staff title added on a form, with what it does, in one save (BR-2, BR-6, BR-12, MEM-4)."""

from __future__ import annotations

from panelkeeper.rules.policy.editing.catalogue import part
from panelkeeper.rules.policy.editing.document import parse, to_toml, values, with_values
from panelkeeper.rules.policy.editing.writing import keyed_names, with_duties
from panelkeeper.rules.policy.loader import check_policy
from panelkeeper.rules.policy.presets import preset_text

TITLES = part("titles")


def test_new_titles_get_keys_from_their_titles_in_place_unlike_any_other() -> None:
    named = keyed_names(
        [("officer", "Officer"), ("", "Officer"), ("", "Chair"), ("", " "), ("", "Lead 2")],
        taken=("lead_2",),
    )
    assert named == (
        ("officer", "Officer"),
        ("officer_2", "Officer"),
        ("chair_2", "Chair"),
        ("", " "),
        ("lead_2_2", "Lead 2"),
    )


def test_titles_with_keys_keep_them() -> None:
    assert keyed_names([("a", "Anything"), ("b", "")]) == (("a", "Anything"), ("b", ""))


def test_the_titles_part_offers_each_duty_in_a_titles_words() -> None:
    assert [(f.key, f.duty) for f in TITLES.duties] == [
        ("breach.raising.route_to", "Receives reports of a breach"),
        ("breach.investigated_by", "Investigates a breach"),
        ("breach.raising.monitored_by", "Keeps watch on how breaches are handled"),
        (
            "documents.countersigned_by",
            "Countersigns members' documents (in place of any other title)",
        ),
        ("breach.appeal.to", "Decides appeals (in place of any other title)"),
    ]
    assert all(f.label.startswith("Who ") for f in TITLES.duties)


def test_duties_are_added_to_lists_and_put_in_place_of_a_single_title() -> None:
    current = values(parse(preset_text("thirteen")), TITLES)
    given = with_duties(
        TITLES,
        current,
        {
            "lead": ["breach.investigated_by", "breach.appeal.to", "no.such.setting"],
            "customer_experience_manager": ["breach.investigated_by"],
        },
    )
    assert given["breach.investigated_by"] == ("customer_experience_manager", "lead")
    assert given["breach.appeal.to"] == "lead"
    assert given["breach.raising.route_to"] == current["breach.raising.route_to"]
    assert "no.such.setting" not in given
    assert current["breach.appeal.to"] == "director_of_experience"


def test_each_title_gets_only_its_own_duties_whatever_their_order() -> None:
    given = with_duties(
        TITLES,
        {},
        {"first": ["breach.appeal.to"], "second": ["breach.investigated_by"], "third": []},
    )
    assert given == {"breach.investigated_by": ("second",), "breach.appeal.to": "first"}


def test_a_duty_on_a_list_not_set_starts_the_list() -> None:
    assert with_duties(TITLES, {}, {"lead": ["breach.investigated_by"]}) == {
        "breach.investigated_by": ("lead",)
    }


def test_a_title_added_with_a_duty_loads_and_one_without_is_refused() -> None:
    document = parse(preset_text("thirteen"))
    current = values(document, TITLES)
    staff = keyed_names([*current["roles.staff"], ("", "Tenancy Lead")])  # type: ignore[misc]
    new = with_duties(
        TITLES, {**current, "roles.staff": staff}, {"tenancy_lead": ["breach.investigated_by"]}
    )
    assert check_policy(to_toml(with_values(document, TITLES, new)), source="x") == ()
    bare = {**current, "roles.staff": staff}
    [problem] = check_policy(to_toml(with_values(document, TITLES, bare)), source="x")
    assert problem.key == "roles.staff.tenancy_lead"
