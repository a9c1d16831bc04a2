"""What a draft changes from the version it came from, in words (issue 16)."""

from __future__ import annotations

import datetime as dt

from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.ladder.model import Anchor, Deadline
from panelkeeper.rules.policy.editing.catalogue import part
from panelkeeper.rules.policy.editing.differences import (
    Difference,
    described,
    differences,
    in_plain_words,
)
from panelkeeper.rules.policy.editing.document import parse, to_toml, values, with_values
from panelkeeper.rules.policy.editing.entries import Field, Kind, Row, Value
from panelkeeper.rules.policy.editing.writing import rows_of
from panelkeeper.rules.policy.presets import preset_text
from tests.rules.editing.small import SMALL


def _changes(slug: str, new: dict[str, Value], text: str = SMALL) -> list[str]:
    after = to_toml(with_values(parse(text), part(slug), new))
    return [str(d) for d in differences(text, after)]


def _rows(slug: str, key: str, text: str = SMALL) -> list[Row]:
    return [dict(row) for row in rows_of(values(parse(text), part(slug))[key])]


def test_a_difference_reads_as_before_and_after_or_as_added_or_removed() -> None:
    assert str(Difference("Appeals", "Appeal window", "10 days", "15 days")) == (
        "Appeal window: 10 days → 15 days"
    )
    assert str(Difference("Documents", "Documents", None, "Role Profile")) == (
        "Documents: Role Profile added"
    )
    assert str(Difference("Documents", "Documents", "Role Profile", None)) == (
        "Documents: Role Profile removed"
    )


def test_the_kestrel_changes_are_listed_in_words_in_the_rulebooks_order() -> None:
    text = preset_text("thirteen")
    document = parse(text)
    document = with_values(document, part("names"), {"groups": (("framework", "Kestrel Voices"),)})
    staff = values(document, part("titles"))["roles.staff"]
    assert isinstance(staff, tuple)
    renamed = {
        "head_of_touchpoints": "Head of Customer Voice",
        "director_of_experience": "Director of Homes",
    }
    document = with_values(
        document,
        part("titles"),
        {"roles.staff": tuple((k, renamed.get(k, t)) for k, t in staff if isinstance(t, str))},
    )
    documents = _rows("documents", "documents.items", text)
    document = with_values(document, part("documents"), {"documents.items": (documents[0],)})
    window = Deadline(Duration(15, Unit.WORKING_DAYS), Anchor.NOTICE_RECEIVED)
    document = with_values(document, part("appeals"), {"breach.appeal.window": window})
    informal = _rows("informal", "breach.informal", text)
    informal[1]["keep"] = Duration(6, Unit.MONTHS)
    document = with_values(document, part("informal"), {"breach.informal": tuple(informal)})
    found = differences(text, to_toml(document))
    assert [str(d) for d in found] == [
        "Groups this code covers: Involved Customers (Customer Involvement Framework) → "
        "Kestrel Voices",
        "Staff titles: Head of Touchpoints → Head of Customer Voice",
        "Staff titles: Director of Experience → Director of Homes",
        "Documents: Confidentiality Statement removed",
        "How long it stays on record (informal step “Firm guidance at a joint discussion, "
        "such as mediation or training, with actions and review dates”): "
        "12 months → 6 months",
        "Appeal window: 10 working days after the member receives written notice of the "
        "decision → 15 working days after the member receives written notice of the decision",
    ]
    assert [d.part for d in found] == [
        "Names and words",
        "Staff titles and what each does",
        "Staff titles and what each does",
        "Documents and signing",
        "Informal steps",
        "Appeals",
    ]


def test_a_setting_two_forms_show_is_listed_once_under_the_first() -> None:
    assert _changes("raising", {"breach.raising.route_to": ("officer", "chair")}) == [
        "Who receives reports of a breach: Involvement Officer → Involvement Officer and Chair"
    ]
    text = to_toml(
        with_values(parse(SMALL), part("raising"), {"breach.raising.route_to": ("chair",)})
    )
    assert [d.part for d in differences(SMALL, text)] == ["Staff titles and what each does"]


def test_roles_are_named_by_the_title_each_side_gives_them() -> None:
    renamed = to_toml(
        with_values(parse(SMALL), part("titles"), {"roles.staff": (("officer", "Lead"),)})
    )
    changed = to_toml(with_values(parse(renamed), part("gifts"), {"gifts.declare_to": ("chair",)}))
    assert [str(d) for d in differences(SMALL, changed)] == [
        "Staff titles: Involvement Officer → Lead",
        "Who members report them to: Involvement Officer → Chair",
    ]


def test_names_added_and_removed_are_listed() -> None:
    assert _changes("names", {"groups": (("", "Tenants' Forum"),)}) == [
        "Groups this code covers: Scrutiny Panel removed",
        "Groups this code covers: Tenants' Forum added",
    ]


def test_rows_added_removed_and_changed_are_listed_by_their_titles() -> None:
    minor = _rows("levels", "breach.levels")[0]
    new: Row = {"label": "Major breach", "marks": "serious"}
    assert _changes("levels", {"breach.levels": ({**minor, "marks": "little things"}, new)}) == [
        "What marks it (level “Minor breach”): small things → little things",
        "Levels of breach: Major breach added",
    ]
    assert _changes("outcomes", {"breach.outcomes": ()}) == ["Outcomes: Warning removed"]


def test_rows_without_a_key_are_matched_by_their_title() -> None:
    text = """
[code]
slug = "demo"
[[conduct.parts]]
title = "Meetings"
standards = [{ id = "demo.a.1", text = "Be on time." }]
"""
    parts = _rows("conduct", "conduct.parts", text)
    standards = (*rows_of(parts[0]["standards"]), {"text": "Be kind."})
    renamed: Row = {**parts[0], "title": "At meetings", "standards": standards}
    assert _changes("conduct", {"conduct.parts": (renamed,)}, text) == [
        "Groups of standards: Meetings removed",
        "Groups of standards: At meetings added",
    ]
    kept: Row = {**parts[0], "standards": standards}
    assert _changes("conduct", {"conduct.parts": (kept,)}, text) == [
        "Standards (group of standards “Meetings”): Be kind. added"
    ]


def test_a_row_without_its_title_is_named_by_what_it_is() -> None:
    text = "[breach.group]\nseats = [{ count = 2 }]\n"
    assert _changes("group", {"breach.group.seats": ()}, text) == [
        "Seats on the group: seat removed"
    ]


def _words(kind: Kind, value: Value, choices: tuple[tuple[str, str], ...] = ()) -> str:
    return in_plain_words(Field("x", "X", kind, choices=choices), value, parse(SMALL))


def test_each_kind_of_value_reads_in_plain_words() -> None:
    assert _words(Kind.YES_NO, True) == "yes"
    assert _words(Kind.YES_NO, False) == "no"
    assert _words(Kind.WHOLE_NUMBER, 3) == "3"
    assert _words(Kind.WHOLE_NUMBER, 0) == "0"
    assert _words(Kind.DURATION, Duration(7, Unit.DAYS)) == "7 calendar days"
    assert _words(Kind.DURATION, Duration(1, Unit.MONTHS)) == "1 month"
    conclude = Deadline(Duration(10, Unit.WORKING_DAYS), Anchor.REPORT_RECEIVED, target=True)
    assert _words(Kind.DEADLINE, conclude) == (
        "10 working days after the report is received, as a target"
    )
    assert _words(Kind.DATE, dt.date(2011, 8, 3)) == "3 August 2011"
    assert _words(Kind.CHOICE, "a", (("a", "Apples"),)) == "Apples"
    assert _words(Kind.CHOICE, "b", (("a", "Apples"),)) == "b"
    assert _words(Kind.CHOICES, ("a", "b"), (("a", "Apples"), ("b", "Pears"))) == (
        "Apples and Pears"
    )
    assert _words(Kind.ROLE, "officer") == "Involvement Officer"
    assert _words(Kind.ROLES, ("officer", "panel")) == "Involvement Officer and the Panel"
    assert _words(Kind.LEVELS, ("minor",)) == "Minor breach"
    assert _words(Kind.OUTCOME, "warning") == "Warning"
    assert _words(Kind.TEXTS, ("training", "support", "expenses")) == (
        "training, support and expenses"
    )
    assert _words(Kind.TEXT, "Kestrel Homes") == "Kestrel Homes"


def test_a_value_not_set_reads_as_not_set_and_an_empty_list_as_none() -> None:
    for kind in (Kind.TEXT, Kind.DURATION, Kind.DEADLINE, Kind.DATE, Kind.ROLE, Kind.CHOICE):
        assert _words(kind, None) == "not set"
    for kind in (Kind.CHOICES, Kind.TEXTS, Kind.ROLES, Kind.LEVELS, Kind.STEPS):
        assert _words(kind, ()) == "none"


def test_a_deadline_and_a_date_change_read_in_words() -> None:
    consider = Deadline(Duration(7, Unit.DAYS), Anchor.APPEAL_RECEIVED)
    text = to_toml(with_values(parse(SMALL), part("appeals"), {"breach.appeal.to": "officer"}))
    assert _changes("appeals", {"breach.appeal.consider": consider}, text) == [
        "The appeal is considered within: not set → 7 calendar days after the appeal is received"
    ]
    assert _changes("governance", {"governance.review_due": dt.date(2027, 1, 4)}) == [
        "Next review due: not set → 4 January 2027"
    ]


def test_identical_texts_have_no_differences() -> None:
    assert differences(SMALL, SMALL) == ()
    assert differences(SMALL, SMALL.replace("# A small code", "# A tiny code")) == ()


def test_a_part_is_described_setting_by_setting_in_words() -> None:
    assert described(parse(SMALL), part("levels")) == (
        ("Levels of breach", "Minor breach"),
        ("When a member is found in breach again", "not set"),
        ("Level of the further breach", "not set"),
        ("Level it is treated as", "not set"),
        ("How far back earlier breaches count", "not set"),
    )
    assert described(parse(SMALL), part("titles"))[:2] == (
        ("Staff titles", "Involvement Officer"),
        ("Who receives reports of a breach", "Involvement Officer"),
    )
    assert described(parse(SMALL), part("attendance"))[4] == ("Who receives apologies", "none")
    assert described(parse(""), part("names"))[3] == ("Groups this code covers", "none")
    assert described(parse(""), part("documents"))[0] == ("Documents", "none")


def test_seats_are_described_and_compared_by_the_titles_of_their_roles() -> None:
    vela = preset_text("vela")
    assert dict(described(parse(vela), part("group")))["Seats on the group"] == (
        "Customer Involvement Team, Service Improvement Team and another involved customer"
    )
    fewer = vela.replace('  { role = "service_improvement_team" },\n', "")
    assert [str(d) for d in differences(vela, fewer)] == [
        "Seats on the group: Service Improvement Team removed"
    ]


def test_a_renamed_row_is_a_change_of_its_title_and_rows_after_a_removed_one_are_compared() -> None:
    text = preset_text("thirteen")
    outcomes = _rows("outcomes", "breach.outcomes", text)
    renamed = {**outcomes[2], "label": "Training"}
    assert _changes("outcomes", {"breach.outcomes": (outcomes[1], renamed)}, text) == [
        "Outcomes: Asked to step back from every involvement activity removed",
        "What the outcome is (outcome “Training and support”): Training and support → Training",
    ]
    added = differences(SMALL, _write_levels_added())
    assert [(d.part, d.before, d.after) for d in added] == [
        ("Levels of breach and escalation", None, "Major breach")
    ]


def _write_levels_added() -> str:
    minor = _rows("levels", "breach.levels")[0]
    new: Row = {"label": "Major breach", "marks": "serious"}
    return to_toml(with_values(parse(SMALL), part("levels"), {"breach.levels": (minor, new)}))


def test_a_name_added_is_listed_under_its_part() -> None:
    after = to_toml(
        with_values(
            parse(SMALL), part("names"), {"groups": (("panel", "Scrutiny Panel"), ("", "Forum"))}
        )
    )
    assert [(d.part, d.label, d.before, d.after) for d in differences(SMALL, after)] == [
        ("Names and words", "Groups this code covers", None, "Forum")
    ]


def test_a_gift_threshold_reads_in_pounds_and_its_change_is_listed_gift_1() -> None:
    assert _words(Kind.POUNDS, 25) == "£25"
    assert _words(Kind.POUNDS, None) == "not set"
    assert _changes("gifts", {"gifts.declare_over": 50}) == [
        "Gifts worth this much or less need not be reported: not set → £50"
    ]
    after = to_toml(with_values(parse(SMALL), part("gifts"), {"gifts.declare_over": 50}))
    assert "declare_over = 50" in after
    assert [str(d) for d in differences(after, SMALL)] == [
        "Gifts worth this much or less need not be reported: £50 → not set"
    ]
