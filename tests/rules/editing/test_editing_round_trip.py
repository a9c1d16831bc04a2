"""A preset loaded into every form and saved unchanged is the same code (issue 16).

Saved with no change, each part writes back the very same text, so the policy is equal
and the list of differences is empty; a change of each kind of setting round-trips: it
reads back as written and loads as the policy the officer meant.
"""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.ladder.model import Anchor, Deadline
from panelkeeper.rules.policy.editing.catalogue import PARTS, part
from panelkeeper.rules.policy.editing.differences import differences
from panelkeeper.rules.policy.editing.document import parse, to_toml, values, with_values
from panelkeeper.rules.policy.editing.entries import Part, Value
from panelkeeper.rules.policy.loader import Policy, load_policy
from panelkeeper.rules.policy.presets import PRESETS, preset_text
from tests.rules.golden import plain


@pytest.mark.parametrize("slug", PRESETS)
def test_every_part_saved_unchanged_gives_back_the_same_text_policy_and_no_difference(
    slug: str,
) -> None:
    text = preset_text(slug)
    document = parse(text)
    for each in PARTS:
        document = with_values(document, each, values(document, each))
    saved = to_toml(document)
    assert saved == text
    assert plain(load_policy(saved, source="x")) == plain(load_policy(text, source="x"))
    assert differences(text, saved) == ()


@pytest.mark.parametrize("slug", PRESETS)
def test_every_part_saved_from_a_copy_of_its_values_gives_back_the_same_text(slug: str) -> None:
    # A form posts back new containers (fresh rows); equal values still change nothing.
    text = preset_text(slug)
    for each in PARTS:
        copied = copy.deepcopy(values(parse(text), each))
        assert to_toml(with_values(parse(text), each, copied)) == text, each.slug


def _changed(slug: str, each: Part, **new: Value) -> tuple[Policy, str]:
    written = with_values(parse(preset_text(slug)), each, new)
    for key, value in new.items():
        assert values(written, each)[key] == value
    text = to_toml(written)
    return load_policy(text, source="x", new_draft=True), text


def test_a_text_change_round_trips() -> None:
    policy, _ = _changed("thirteen", part("names"), **{"code.organisation": "Kestrel Homes"})
    assert policy.code.organisation == "Kestrel Homes"


def test_a_paragraph_change_round_trips() -> None:
    policy, _ = _changed(
        "thirteen", part("membership"), **{"membership.applies_when": "whenever they act"}
    )
    assert policy.membership is not None
    assert policy.membership.applies_when == "whenever they act"


def test_a_yes_no_change_round_trips_and_changing_it_back_removes_the_key() -> None:
    policy, text = _changed("thirteen", part("meetings"), **{"meetings.regular_breaks": True})
    assert policy.meetings is not None and policy.meetings.regular_breaks is True
    assert "regular_breaks = true" in text
    back = with_values(parse(text), part("meetings"), {"meetings.regular_breaks": False})
    assert to_toml(back) == preset_text("thirteen")


def test_a_whole_number_change_round_trips() -> None:
    policy, _ = _changed("thirteen", part("group"), **{"breach.group.min_impartial": 2})
    assert policy.breach is not None and policy.breach.group is not None
    assert policy.breach.group.min_impartial == 2


def test_a_duration_change_round_trips() -> None:
    notice = Duration(2, Unit.WORKING_DAYS)
    policy, text = _changed(
        "thirteen", part("attendance"), **{"attendance.apologies_notice": notice}
    )
    assert policy.attendance is not None and policy.attendance.apologies_notice == notice
    assert 'apologies_notice = "2 working days"' in text


def test_a_deadline_change_round_trips_keeping_the_tables_spacing() -> None:
    window = Deadline(Duration(15, Unit.WORKING_DAYS), Anchor.NOTICE_RECEIVED)
    policy, text = _changed("thirteen", part("appeals"), **{"breach.appeal.window": window})
    assert policy.breach is not None and policy.breach.appeal is not None
    assert policy.breach.appeal.window == window
    assert 'window = { within = "15 working days", from = "notice_received" }' in text


def test_a_new_deadline_as_a_target_round_trips() -> None:
    conclude = Deadline(Duration(1, Unit.MONTHS), Anchor.REPORT_RECEIVED, target=True)
    policy, text = _changed(
        "thirteen", part("deadlines"), **{"breach.deadlines.conclude": conclude}
    )
    assert policy.breach is not None and policy.breach.conclude == conclude
    assert (
        '[breach.deadlines]\nrules = ["BR-5"]\n'
        'conclude = {within = "1 month", from = "report_received", target = true}\n'
    ) in text


def test_a_date_change_round_trips_in_a_new_table() -> None:
    policy, text = _changed(
        "thirteen", part("governance"), **{"governance.approved_on": dt.date(2027, 3, 8)}
    )
    assert policy.governance is not None
    assert policy.governance.approved_on == dt.date(2027, 3, 8)
    assert "[governance]\napproved_on = 2027-03-08\n" in text


def test_a_choice_change_round_trips() -> None:
    policy, _ = _changed("thirteen", part("meetings"), **{"meetings.decisions": "consensus"})
    assert policy.meetings is not None and policy.meetings.decisions == "consensus"


def test_a_change_of_several_choices_round_trips() -> None:
    chosen = ("personal", "close_relatives")
    policy, _ = _changed("thirteen", part("interests"), **{"interests.disclose": chosen})
    assert policy.interests is not None and policy.interests.disclose == chosen


def test_a_list_of_short_texts_round_trips() -> None:
    promises = ("training", "a mentor")
    policy, _ = _changed(
        "thirteen", part("documents"), **{"documents.organisation_provides": promises}
    )
    assert policy.documents is not None
    assert policy.documents.organisation_provides == promises


def test_a_role_change_round_trips() -> None:
    policy, _ = _changed(
        "thirteen",
        part("documents"),
        **{"documents.countersigned_by": "customer_experience_manager"},
    )
    assert policy.documents is not None and policy.documents.countersigned_by is not None
    assert policy.documents.countersigned_by.title == "Customer Experience Manager"


def test_a_change_of_several_roles_round_trips() -> None:
    declare_to = ("customer_involvement_team", "chair")
    policy, _ = _changed("thirteen", part("gifts"), **{"gifts.declare_to": declare_to})
    assert policy.gifts is not None
    assert tuple(r.key for r in policy.gifts.declare_to) == declare_to


def test_a_level_and_an_outcome_change_round_trip() -> None:
    policy, _ = _changed(
        "nexus",
        part("levels"),
        **{"breach.escalation.to": "serious", "breach.escalation.mode": "relevel"},
    )
    assert policy.breach is not None and policy.breach.escalation is not None
    assert policy.breach.escalation.to_level == "serious"
    policy, _ = _changed(
        "nexus", part("outcomes"), **{"breach.confidentiality_outcome": "exclusion"}
    )
    assert policy.breach is not None and policy.breach.confidentiality_outcome == "exclusion"


def test_a_row_change_of_levels_and_informal_steps_round_trips() -> None:
    rows = values(parse(preset_text("thirteen")), part("informal"))["breach.informal"]
    assert isinstance(rows, tuple)
    first, firm = (dict(r) for r in rows if isinstance(r, dict))
    firm["keep"] = Duration(6, Unit.MONTHS)
    firm["after"] = ()
    first["levels"] = ("minor", "major")
    policy, _ = _changed("thirteen", part("informal"), **{"breach.informal": (first, firm)})
    assert policy.breach is not None
    steps = policy.breach.informal
    assert [s.key for s in steps] == ["informal_guidance", "firm_guidance"]
    assert steps[0].levels == ("minor", "major")
    assert steps[1].keep == Duration(6, Unit.MONTHS)
    assert steps[1].after == ()
    assert steps[1].rules == ("BR-3",)
