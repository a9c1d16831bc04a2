"""Reading a part's values from a draft and writing them back (issue 16).

Only what changed is written, comments and layout kept; an emptied value removes its
key and a table left with only its rule ids; what a form adds gets a key and the rule
ids the file asks for.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

import pytest

from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.ladder.model import Anchor, Deadline
from panelkeeper.rules.policy.editing.catalogue import part
from panelkeeper.rules.policy.editing.document import (
    Target,
    choices_for,
    parse,
    problem_target,
    role_choices,
    to_toml,
    values,
    with_values,
)
from panelkeeper.rules.policy.editing.entries import ORIGIN, Field, Kind, Row, Rows, Value
from panelkeeper.rules.policy.editing.writing import make_key, normalise, rows_of
from panelkeeper.rules.policy.loader import check_policy
from panelkeeper.rules.policy.presets import preset_text
from tests.rules.editing.small import SMALL


def _write(slug: str, new: dict[str, Value], text: str = SMALL) -> str:
    return to_toml(with_values(parse(text), part(slug), new))


def _rows(slug: str, key: str, text: str = SMALL) -> list[Row]:
    return [dict(row) for row in rows_of(values(parse(text), part(slug))[key])]


# -- reading ------------------------------------------------------------------------


def test_a_parts_values_are_read_with_defaults_for_what_is_absent() -> None:
    assert values(parse(SMALL), part("names")) == {
        "code.organisation": "Demo Homes",
        "code.title": None,
        "code.version": "1",
        "groups": (("panel", "Scrutiny Panel"),),
        "roles.members.chair": "Chair",
        "roles.members.vice_chair": "Vice Chair",
        "roles.members.panel": "the Panel",
        "roles.members.involved_customer": "another involved customer",
        "roles.members.project_lead": "the officer leading the scrutiny project",
        "roles.members.lead_officer_scrutinised": (
            "the lead officer of the organisation scrutinised"
        ),
    }


def test_rows_are_read_with_their_origin_key_and_every_field() -> None:
    assert values(parse(SMALL), part("outcomes"))["breach.outcomes"] == (
        {
            ORIGIN: 0,
            "key": "warning",
            "label": "Warning",
            "levels": ("minor",),
            "effect": "warning",
            "keep": None,
            "requires": None,
            "requires_at": (),
            "decided_by": (),
            "notice": Deadline(Duration(5, Unit.WORKING_DAYS), Anchor.DECISION_MADE),
        },
    )


def test_values_of_the_wrong_type_read_as_not_set() -> None:
    broken = """
[meetings]
keep_to_agenda = "yes"
decisions = 3
[attendance]
apologies_notice = "soon"
apologies_for = ["absence", 2]
apologies_to = "chair"
[governance]
approved_on = 2026-01-02T10:00:00
review_every = 36
[breach.group]
min_impartial = true
seats = ["chair", { role = "chair" }]
[breach.appeal]
window = { within = "10 working days", from = "lunch" }
consider = { within = "10 working days", from = "appeal_received", target = "no" }
decide = "soon"
[groups]
panel = 3
"""
    document = parse(broken)
    assert values(document, part("meetings"))["meetings.keep_to_agenda"] is False
    assert values(document, part("meetings"))["meetings.decisions"] is None
    attendance = values(document, part("attendance"))
    assert attendance["attendance.apologies_notice"] is None
    assert attendance["attendance.apologies_for"] == ("absence",)
    assert attendance["attendance.apologies_to"] == ()
    governance = values(document, part("governance"))
    assert governance["governance.approved_on"] is None
    assert governance["governance.review_every"] is None
    group = values(document, part("group"))
    assert group["breach.group.min_impartial"] == 0
    assert group["breach.group.seats"] == ({ORIGIN: 1, "role": "chair", "count": 1},)
    appeal = values(document, part("appeals"))
    assert appeal["breach.appeal.window"] is None
    assert appeal["breach.appeal.consider"] is None
    assert appeal["breach.appeal.decide"] is None
    assert values(document, part("names"))["groups"] == ()


def test_a_date_and_a_deadline_as_a_target_are_read_as_values() -> None:
    text = """
[governance]
approved_on = 2011-08-03
[breach.deadlines]
conclude = { within = "10 working days", from = "member_informed", target = true }
"""
    assert values(parse(text), part("governance"))["governance.approved_on"] == dt.date(2011, 8, 3)
    assert values(parse(text), part("deadlines"))["breach.deadlines.conclude"] == Deadline(
        Duration(10, Unit.WORKING_DAYS), Anchor.MEMBER_INFORMED, target=True
    )


# -- writing fields -----------------------------------------------------------------


def test_a_changed_value_is_written_in_place_keeping_comments() -> None:
    text = _write("names", {"code.organisation": "Kestrel Homes"})
    assert text == SMALL.replace('"Demo Homes"', '"Kestrel Homes"')


def test_entries_left_out_and_equal_values_change_nothing() -> None:
    assert _write("names", {}) == SMALL
    assert _write("names", {"code.organisation": " Demo Homes "}) == SMALL


def test_writing_returns_a_new_document_and_leaves_the_old_one_alone() -> None:
    document = parse(SMALL)
    with_values(document, part("names"), {"code.organisation": "Kestrel Homes"})
    assert to_toml(document) == SMALL


def test_an_emptied_value_removes_its_key() -> None:
    text = _write("names", {"code.version": "  "})
    assert 'version = "1"' not in text
    assert check_policy(text, source="x")[0].key == "code.version"


def test_a_table_left_with_only_its_rule_ids_is_removed() -> None:
    text = _write("gifts", {"gifts.declare_to": ()})
    assert "[gifts]" not in text
    assert 'rules = ["GIFT-1"]' not in text


def test_a_value_equal_to_what_an_absent_key_means_removes_the_key() -> None:
    text = _write("meetings", {"meetings.chair_by": "rota_or_standing"})
    assert text.endswith('\n[meetings]\nchair_by = "rota_or_standing"\n\n')
    back = _write("meetings", {"meetings.chair_by": "standing"}, text)
    assert "[meetings]" not in back


def test_a_new_table_cites_its_rule_ids_and_ends_with_a_blank_line() -> None:
    window = Deadline(Duration(15, Unit.WORKING_DAYS), Anchor.NOTICE_RECEIVED)
    text = _write("appeals", {"breach.appeal.to": "officer", "breach.appeal.window": window})
    assert text.endswith(
        '\n[breach.appeal]\nrules = ["BR-12"]\nto = "officer"\n'
        'window = {within = "15 working days", from = "notice_received"}\n\n'
    )
    assert check_policy(text, source="x", new_draft=True) == ()


def test_a_new_table_without_rule_ids_to_cite_has_none() -> None:
    text = _write("membership", {"membership.voluntary": True})
    assert text.endswith("\n[membership]\nvoluntary = true\n\n")


def test_a_deadline_becomes_a_target_and_back_in_place() -> None:
    target = Deadline(Duration(5, Unit.WORKING_DAYS), Anchor.DECISION_MADE, target=True)
    row = _rows("outcomes", "breach.outcomes")[0]
    text = _write("outcomes", {"breach.outcomes": ({**row, "notice": target},)})
    assert 'notice = { within = "5 working days", from = "decision_made", target = true' in text
    row = _rows("outcomes", "breach.outcomes", text)[0]
    plain = Deadline(Duration(5, Unit.WORKING_DAYS), Anchor.DECISION_MADE)
    assert _write("outcomes", {"breach.outcomes": ({**row, "notice": plain},)}, text) == SMALL


def test_a_dates_and_lists_are_written_as_toml_values() -> None:
    text = _write(
        "governance",
        {
            "governance.approved_on": dt.date(2027, 3, 8),
            "governance.reviewed_by": ("panel", "officer"),
            "governance.review_every": Duration(3, Unit.YEARS),
        },
    )
    assert text.endswith(
        '\n[governance]\napproved_on = 2027-03-08\nreview_every = "3 years"\n'
        'reviewed_by = ["panel", "officer"]\n\n'
    )


def test_blank_texts_in_a_list_are_dropped() -> None:
    text = _write("membership", {"membership.customers": ("tenants", " ", "", " leaseholders ")})
    assert 'customers = ["tenants", "leaseholders"]' in text


# -- rows -----------------------------------------------------------------------------


def test_a_new_row_gets_a_key_from_its_label_and_the_rule_ids_rows_cite() -> None:
    minor = _rows("levels", "breach.levels")[0]
    new: Row = {"label": "Gross misconduct!", "marks": "very serious things"}
    text = _write("levels", {"breach.levels": (minor, new)})
    assert text == SMALL.replace(
        'marks = "small things"\n',
        'marks = "small things"\n\n[[breach.levels]]\nkey = "gross_misconduct"\n'
        'rules = ["BR-7"]\nlabel = "Gross misconduct!"\nmarks = "very serious things"\n',
    )
    assert check_policy(text, source="x", new_draft=True) == ()


def test_a_new_level_never_takes_the_key_kept_for_no_breach_nor_one_in_use() -> None:
    minor = _rows("levels", "breach.levels")[0]
    rows: tuple[Row, ...] = (
        minor,
        {"label": "No breach", "marks": "a"},
        {"label": "Minor", "marks": "b"},
    )
    text = _write("levels", {"breach.levels": rows})
    assert [r["key"] for r in _rows("levels", "breach.levels", text)] == [
        "minor",
        "no_breach_2",
        "minor_2",
    ]


def test_a_removed_row_goes_and_the_others_keep_their_rule_ids_and_comments() -> None:
    text = preset_text("thirteen")
    outcomes = _rows("outcomes", "breach.outcomes", text)
    written = _write("outcomes", {"breach.outcomes": (outcomes[0], outcomes[2])}, text)
    assert 'key = "final_written_warning"' not in written
    assert written.count('rules = ["BR-10"]') == 2
    assert "# The breach ladder (BR-0 to BR-13, COI-4)" in written
    assert len(written.splitlines()) == len(text.splitlines()) - 7


def test_rows_put_in_another_order_are_written_in_that_order_with_their_own_rule_ids() -> None:
    text = preset_text("thirteen")
    outcomes = _rows("outcomes", "breach.outcomes", text)
    written = _write("outcomes", {"breach.outcomes": tuple(reversed(outcomes))}, text)
    keys = [r["key"] for r in _rows("outcomes", "breach.outcomes", written)]
    assert keys == ["training_and_support", "final_written_warning", "withdraw_from_involvement"]
    assert written.count('rules = ["BR-10", "BR-11"]') == 1
    assert check_policy(written, source="x", new_draft=True) == ()


def test_a_row_claiming_an_origin_already_used_or_out_of_range_is_a_new_row() -> None:
    minor = _rows("levels", "breach.levels")[0]
    rows: tuple[Row, ...] = (
        minor,
        {**minor, "label": "Copy"},
        {ORIGIN: 7, "label": "Far", "marks": "c"},
    )
    keys = [
        r["key"]
        for r in _rows("levels", "breach.levels", _write("levels", {"breach.levels": rows}))
    ]
    assert keys == ["minor", "copy", "far"]


def test_removing_every_row_removes_the_list() -> None:
    text = _write("outcomes", {"breach.outcomes": ()})
    assert "[[breach.outcomes]]" not in text
    assert [p.key for p in check_policy(text, source="x")] == ["breach.outcomes"]


def test_a_first_row_in_a_new_list_of_inline_tables_is_written_inline() -> None:
    seat: Row = {"role": "chair", "count": 2}
    text = _write("group", {"breach.group.seats": (seat,)})
    assert text.endswith(
        '\n[breach.group]\nrules = ["BR-6"]\nseats = [\n    {role = "chair", count = 2},\n]\n\n'
    )


def test_a_new_standard_takes_the_next_free_id_under_the_codes_slug() -> None:
    text = """
[code]
slug = "demo"
[[conduct.parts]]
title = "Meetings"
standards = [{ id = "demo.own.1", text = "Be on time." }]
"""
    parts = _rows("conduct", "conduct.parts", text)
    standards = (*rows_of(parts[0]["standards"]), {"text": "Be kind."})
    new_part: Row = {"title": "Online", "standards": ({"text": "Be polite."},)}
    written = _write(
        "conduct", {"conduct.parts": ({**parts[0], "standards": standards}, new_part)}, text
    )
    assert '{id = "demo.own.2", text = "Be kind."}' in written
    assert (
        '[[conduct.parts]]\ntitle = "Online"\nstandards = [\n'
        '    {id = "demo.own.1", text = "Be polite."},\n]'
    ) in written


# -- names ------------------------------------------------------------------------------


def test_names_are_renamed_added_and_removed_by_key() -> None:
    text = _write(
        "titles",
        {"roles.staff": (("officer", "Customer Voice Officer"), ("", "Chair"), ("", "Chair"))},
    )
    assert (
        '[roles.staff]\nofficer = "Customer Voice Officer"  # receives reports\n'
        'chair_2 = "Chair"\nchair_3 = "Chair"\n'
    ) in text
    removed = _write("names", {"groups": (("", "Tenants' Forum"),)})
    assert '[groups]\ntenants_forum = "Tenants\' Forum"\n' in removed


def test_keys_are_made_in_lower_case_with_underscores_and_never_twice() -> None:
    assert make_key("Head of Customer Voice", ()) == "head_of_customer_voice"
    assert make_key("  2nd -- Officer ", ()) == "item_2nd_officer"
    assert make_key("!!!", ()) == "item"
    assert make_key("A" * 50, ()) == "a" * 40
    assert make_key("Officer", {"officer", "officer_2"}) == "officer_3"


# -- choices ------------------------------------------------------------------------------


def test_role_choices_are_the_staff_titles_then_the_member_roles_with_their_titles() -> None:
    assert role_choices(parse(preset_text("thirteen"))) == (
        ("customer_involvement_team", "Customer Involvement Team"),
        ("customer_experience_manager", "Customer Experience Manager"),
        ("head_of_touchpoints", "Head of Touchpoints"),
        ("director_of_experience", "Director of Experience"),
        ("chair", "Chair of the Customer Involvement Framework"),
        ("vice_chair", "Vice Chair of the Customer Involvement Framework"),
        ("panel", "the involved customers"),
        ("involved_customer", "another involved customer"),
        ("project_lead", "the Customer Involvement Team's lead officer for the activity"),
        ("lead_officer_scrutinised", "the lead officer of the organisation scrutinised"),
    )


def test_levels_steps_and_outcomes_are_offered_from_the_document() -> None:
    document = parse(preset_text("thirteen"))
    assert choices_for(Field("x", "x", Kind.LEVELS), document) == (
        ("minor", "Minor breach"),
        ("major", "Major breach"),
    )
    assert choices_for(Field("x", "x", Kind.LEVEL), document)[0] == ("minor", "Minor breach")
    assert choices_for(Field("x", "x", Kind.STEPS), document)[0] == (
        "informal_guidance",
        "Informal guidance",
    )
    assert choices_for(Field("x", "x", Kind.OUTCOME), document)[2] == (
        "training_and_support",
        "Training and support",
    )
    assert choices_for(Field("x", "x", Kind.ROLE), document)[0][0] == "customer_involvement_team"
    assert choices_for(Field("x", "x", Kind.ROLES), document)[-1][0] == "lead_officer_scrutinised"
    fixed = Field("x", "x", Kind.CHOICE, choices=(("a", "A"),))
    assert choices_for(fixed, document) == (("a", "A"),)
    assert choices_for(Field("x", "x", Kind.LEVELS), parse("")) == ()


# -- problems on fields -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "key", "target"),
    [
        ("appeals", "breach.appeal.window.within", Target("breach.appeal.window")),
        ("appeals", "breach.appeal.window", Target("breach.appeal.window")),
        ("appeals", "breach.appeal.to", Target("breach.appeal.to")),
        ("interests", "interests.decided_by[1]", Target("interests.decided_by")),
        ("levels", "breach.levels[1].label", Target("breach.levels", 1, "label")),
        ("levels", "breach.levels[12]", Target("breach.levels", 12)),
        ("levels", "breach.levels[0].rules", Target("breach.levels", 0)),
        ("levels", "breach.levels", Target("breach.levels")),
        ("informal", "breach.informal[0].after[1]", Target("breach.informal", 0, "after")),
        ("conduct", "conduct.parts[1].standards[2].id", Target("conduct.parts", 1, "standards")),
        (
            "titles",
            "roles.staff.head_of_touchpoints",
            Target("roles.staff", name="head_of_touchpoints"),
        ),
        ("names", "groups", Target("groups")),
        ("names", "groups.panel.x", Target("groups", name="panel")),
        ("names", "code.organisation", Target("code.organisation")),
        ("appeals", "breach.appeal", None),
        ("appeals", "breach.appeal.rules", None),
        ("appeals", "breach.appeal.tox", None),
        ("names", "code", None),
        ("names", "roles.members.chairs", None),
        ("levels", "breach.levelsx", None),
        ("levels", "breach.levels.x", None),
    ],
)
def test_a_problem_is_put_on_the_entry_row_and_field_it_belongs_to(
    slug: str, key: str, target: Target | None
) -> None:
    assert problem_target(part(slug), key) == target


def test_a_deadline_of_nothing_is_refused_on_its_field() -> None:
    window = Deadline(Duration(0, Unit.WORKING_DAYS), Anchor.NOTICE_RECEIVED)
    text = _write("appeals", {"breach.appeal.to": "officer", "breach.appeal.window": window})
    problems = check_policy(text, source="x", new_draft=True)
    assert [(p.key, p.message) for p in problems] == [
        (
            "breach.appeal.window.within",
            'A deadline needs at least one day; write one such as "10 working days".',
        )
    ]
    assert problem_target(part("appeals"), problems[0].key) == Target("breach.appeal.window")


def test_text_that_is_not_toml_is_refused_when_parsed() -> None:
    with pytest.raises(ValueError):
        parse("[code\n")


# -- the less-travelled paths ------------------------------------------------------------


def test_a_part_finds_its_entries_and_rows_their_fields_by_key() -> None:
    appeals = part("appeals")
    assert appeals.entry("breach.appeal.to") is appeals.entries[0]
    assert appeals.entry("breach.appeal") is None
    levels = part("levels").entry("breach.levels")
    assert isinstance(levels, Rows)
    assert levels.field("marks") is levels.fields[1]
    assert levels.field("key") is None


def test_a_row_key_that_is_not_text_reads_as_none() -> None:
    text = '[[breach.levels]]\nkey = 3\nlabel = "Minor"\n'
    assert _rows("levels", "breach.levels", text)[0]["key"] is None


def test_what_a_form_sends_is_made_comparable_before_it_is_written() -> None:
    names = part("names").entry("groups")
    assert names is not None
    junk = cast(Value, (("a", "A"), ("b",), ("c", " "), (" d ", " D "), ("k", 3), (4, "T")))
    assert normalise(names, junk) == (("a", "A"), ("d", "D"))
    assert normalise(names, "panel") == ()
    assert normalise(names, None) == ()
    assert rows_of(None) == ()
    levels = part("levels").entry("breach.levels")
    assert levels is not None
    rows = cast(Value, ({ORIGIN: "0", "label": " Minor "}, "x"))
    assert normalise(levels, rows) == (
        {ORIGIN: None, "key": None, "label": "Minor", "marks": None},
    )
    assert normalise(levels, None) == ()
    field = Field("x", "X", Kind.TEXTS)
    assert normalise(field, "a") == ()
    assert normalise(Field("x", "X", Kind.YES_NO, default=True), None) is True
    assert normalise(Field("x", "X", Kind.TEXT, default="Chair"), "  ") == "Chair"


def test_the_first_row_of_a_new_list_of_tables_is_written_as_a_table() -> None:
    step: Row = {"label": "A quiet word", "taken_by": ("chair",)}
    text = _write("informal", {"breach.informal": (step,)})
    assert text.endswith(
        '\n[[breach.informal]]\nkey = "a_quiet_word"\nrules = ["BR-3"]\n'
        'label = "A quiet word"\ntaken_by = ["chair"]\n\n'
    )


def test_a_new_row_without_a_title_gets_a_plain_key() -> None:
    text = _write("levels", {"breach.levels": ({"marks": "a"},)})
    assert _rows("levels", "breach.levels", text)[0]["key"] == "item"


def test_a_table_inside_an_inline_table_is_created_inline() -> None:
    text = 'attendance = { rules = ["MTG-1"] }\n'
    written = _write("attendance", {"attendance.consecutive_absences.limit": 3}, text)
    assert written == 'attendance = { rules = ["MTG-1"], consecutive_absences = {limit = 3}}\n'


def test_a_standard_added_to_a_code_without_a_slug_is_numbered_under_code() -> None:
    text = '[[conduct.parts]]\ntitle = "Meetings"\nstandards = [{ id = "x.y", text = "Be." }]\n'
    parts = _rows("conduct", "conduct.parts", text)
    standards = (*rows_of(parts[0]["standards"]), {"text": "Be kind."})
    written = _write("conduct", {"conduct.parts": ({**parts[0], "standards": standards},)}, text)
    assert '{id = "code.own.1", text = "Be kind."}' in written


def test_rows_offered_as_choices_need_a_key_and_read_as_it_without_a_label() -> None:
    text = '[[breach.levels]]\nkey = "minor"\n[[breach.levels]]\nlabel = "No key"\n'
    assert choices_for(Field("x", "x", Kind.LEVELS), parse(text)) == (("minor", "minor"),)
    assert choices_for(Field("x", "x", Kind.LEVELS), parse("breach = { levels = [1] }")) == ()


def test_a_problem_under_a_longer_key_than_a_names_table_is_not_its_own() -> None:
    assert problem_target(part("names"), "groupsx") is None
    assert problem_target(part("titles"), "roles.staffing") is None


def test_a_key_cut_to_forty_letters_loses_the_underscores_at_its_ends() -> None:
    assert make_key("!!" + "a" * 45, ()) == "a" * 40
    assert make_key("a" * 39 + " bc", ()) == "a" * 39


def test_roles_and_titles_of_the_wrong_shape_offer_only_the_member_roles() -> None:
    assert role_choices(parse("[roles]\nstaff = 3\nmembers = 3\n"))[0] == ("chair", "Chair")
    assert len(role_choices(parse("[roles]\nstaff = 3\nmembers = 3\n"))) == 6
    assert role_choices(parse("[roles.staff]\nx = 3\n[roles.members]\nchair = 4\n"))[0] == (
        "chair",
        "Chair",
    )


def test_a_table_left_with_both_kinds_of_rule_ids_is_removed() -> None:
    text = '[behaviours]\nrules = ["MEM-2"]\nadopted = ["MEM-6"]\nresign_new_versions = false\n'
    written = _write("documents", {"behaviours.resign_new_versions": True}, text)
    assert written == ""


def test_tables_emptied_in_turn_are_removed_up_to_the_first_still_needed() -> None:
    text = '[attendance]\nrules = ["MTG-1"]\n\n[attendance.consecutive_absences]\nlimit = 2\n'
    assert _write("attendance", {"attendance.consecutive_absences.limit": None}, text) == ""
    kept = text.replace('rules = ["MTG-1"]', 'rules = ["MTG-1"]\napologies_to = ["chair"]')
    assert _write("attendance", {"attendance.consecutive_absences.limit": None}, kept) == (
        '[attendance]\nrules = ["MTG-1"]\napologies_to = ["chair"]\n\n'
    )


def test_rows_written_inline_in_the_file_stay_inline_when_a_row_is_added() -> None:
    text = '[breach]\nlevels = [{ key = "minor", label = "Minor", marks = "a" }]\n'
    minor = _rows("levels", "breach.levels", text)[0]
    written = _write("levels", {"breach.levels": (minor, {"label": "Major", "marks": "b"})}, text)
    assert written == (
        '[breach]\nlevels = [{ key = "minor", label = "Minor", marks = "a" }, '
        '{key = "major", rules = ["BR-7"], label = "Major", marks = "b"}]\n'
    )


def test_a_row_from_just_past_the_last_row_is_new() -> None:
    minor = _rows("levels", "breach.levels")[0]
    rows: tuple[Row, ...] = (minor, {ORIGIN: 1, "label": "Next", "marks": "n"})
    text = _write("levels", {"breach.levels": rows})
    assert [r["key"] for r in _rows("levels", "breach.levels", text)] == ["minor", "next"]


def test_two_new_rows_with_the_same_title_get_different_keys() -> None:
    minor = _rows("levels", "breach.levels")[0]
    rows: tuple[Row, ...] = (
        minor,
        {"label": "Major", "marks": "a"},
        {"label": "Major", "marks": "b"},
    )
    text = _write("levels", {"breach.levels": rows})
    assert [r["key"] for r in _rows("levels", "breach.levels", text)] == [
        "minor",
        "major",
        "major_2",
    ]


def test_tables_created_on_the_way_cite_only_their_own_rule_ids() -> None:
    written = _write("appeals", {"breach.appeal.to": "chair"}, "")
    assert written == '[breach.appeal]\nrules = ["BR-12"]\nto = "chair"\n\n\n'


def test_names_written_into_a_draft_without_their_table_create_it() -> None:
    written = _write("names", {"groups": (("", "Scrutiny Panel"),)}, "")
    assert written == '[groups]\nscrutiny_panel = "Scrutiny Panel"\n\n'
