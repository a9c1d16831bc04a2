"""Drafts changed after they are made: where they start, saving a text, what they are
compared with (GOV-1)."""

from __future__ import annotations

import datetime as dt

import pytest

from panelkeeper.accounts.models import User
from panelkeeper.cases.changes.opening import open_exclusion
from panelkeeper.cases.changes.steps import record_notice
from panelkeeper.cases.procedure import assess_case
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.drafting import (
    NOT_SAVED,
    base_name,
    base_text,
    save_part,
    save_text,
    start_draft,
)
from panelkeeper.organisations.models import PolicyVersion
from panelkeeper.organisations.policies import (
    InvalidPolicy,
    publish_policy_version,
    upload_draft,
)
from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.ladder.model import Anchor, Deadline
from panelkeeper.rules.policy.editing.differences import differences
from panelkeeper.rules.policy.presets import preset_text
from tests.factory import Factory
from tests.organisations.conftest import audit_actions, hold_every_title

TODAY = dt.date(2026, 11, 23)
GROUP = 'framework = "Involved Customers (Customer Involvement Framework)"'


def renamed(text: str) -> str:
    return text.replace(GROUP, 'framework = "Kestrel Involved Customers"', 1)


def test_a_draft_starts_from_a_preset_and_is_compared_with_it(
    factory: Factory, officer: User
) -> None:
    draft = start_draft(
        organisation=factory.home, start_from="preset:thirteen", actor=officer, today=TODAY
    )
    assert (draft.preset, draft.based_on) == ("thirteen", None)
    assert base_text(draft) == preset_text("thirteen") == draft.source
    assert base_name(draft) == "the thirteen preset"
    assert audit_actions(draft) == ["policy_version.draft_created"]


def test_a_draft_starts_from_the_version_in_force_with_its_text_and_the_next_name_gov_1(
    factory: Factory, officer: User
) -> None:
    in_force = factory.published_version(preset="thirteen", version="2026-1")
    factory.draft_version(version="2026-2")
    draft = start_draft(
        organisation=factory.home, start_from=f"version:{in_force.pk}", actor=officer, today=TODAY
    )
    assert draft.based_on == in_force and draft.preset == ""
    assert draft.version == "2026-3" and not draft.is_published
    # The factory's text keeps the preset's name; a published text carries its own.
    assert draft.source == in_force.source.replace('version = "preset-1"', 'version = "2026-3"')
    assert base_text(draft) == in_force.source
    assert base_name(draft) == "version “2026-1”"
    assert [str(d) for d in differences(in_force.source, draft.source)] == [
        "Version name: preset-1 → 2026-3"
    ]
    assert audit_actions(draft) == ["policy_version.draft_created"]


def test_a_draft_takes_the_name_the_officer_gives_it_gov_1(factory: Factory, officer: User) -> None:
    in_force = factory.published_version(preset="thirteen", version="2026-1")
    draft = start_draft(
        organisation=factory.home,
        start_from=f"version:{in_force.pk}",
        actor=officer,
        today=TODAY,
        version_name=" Kestrel 2027 ",
    )
    assert draft.version == "Kestrel 2027" and 'version = "Kestrel 2027"' in draft.source
    preset = start_draft(
        organisation=factory.home,
        start_from="preset:vela",
        actor=officer,
        today=TODAY,
        version_name="Our first",
    )
    assert preset.version == "Our first" and preset.preset == "vela"


def test_a_name_too_long_leaves_no_draft_behind(factory: Factory, officer: User) -> None:
    for start_from in ("preset:vela", f"version:{factory.published_version().pk}"):
        with pytest.raises(Refused):
            start_draft(
                organisation=factory.home,
                start_from=start_from,
                actor=officer,
                today=TODAY,
                version_name="x" * 101,
            )
    assert not PolicyVersion.objects.filter(status=PolicyVersion.Status.DRAFT).exists()


def test_a_draft_never_starts_from_another_organisations_version_or_a_draft(
    factory: Factory, officer: User
) -> None:
    theirs = factory.published_version(factory.other)
    draft = factory.draft_version()
    for start_from in (f"version:{theirs.pk}", f"version:{draft.pk}", "version:x", "acme"):
        with pytest.raises(Refused) as refused:
            start_draft(
                organisation=factory.home, start_from=start_from, actor=officer, today=TODAY
            )
        assert refused.value.field == "start_from"
        assert refused.value.message == "Choose a preset or a published version to start from."
    assert PolicyVersion.objects.filter(organisation=factory.home).count() == 1


def test_an_upload_is_compared_with_the_version_in_force_when_it_came(
    factory: Factory, officer: User
) -> None:
    in_force = factory.published_version(in_force_from=dt.date(2026, 1, 5))
    text = renamed(preset_text("thirteen"))
    draft = upload_draft(
        organisation=factory.home, text=text, file_name="ours.toml", actor=officer, today=TODAY
    )
    assert draft.based_on == in_force
    alone = upload_draft(
        organisation=factory.other, text=text, file_name="ours.toml", actor=officer, today=TODAY
    )
    assert alone.based_on is None and base_text(alone) is None and base_name(alone) == ""


def test_saving_a_sound_text_changes_the_draft_and_is_audited(
    factory: Factory, officer: User
) -> None:
    draft = factory.draft_version(preset="thirteen")
    text = renamed(draft.source).replace('version = "preset-1"', 'version = "2026-2"', 1)
    save_text(version=draft, text=text, actor=officer)
    draft.refresh_from_db()
    assert draft.source == text and draft.version == "2026-2"
    assert audit_actions(draft) == ["policy_version.draft_changed"]


def test_saving_the_same_text_records_nothing(factory: Factory, officer: User) -> None:
    draft = factory.draft_version(preset="thirteen")
    save_text(version=draft, text=draft.source, actor=officer)
    assert audit_actions(draft) == []


def test_a_text_with_problems_is_refused_with_each_one_and_nothing_is_saved(
    factory: Factory, officer: User
) -> None:
    draft = factory.draft_version(preset="thirteen")
    text = draft.source.replace('within = "10 working days"', 'within = "ten working days"')
    assert text != draft.source
    with pytest.raises(InvalidPolicy) as refused:
        save_text(version=draft, text=text, actor=officer)
    assert refused.value.message == NOT_SAVED
    assert [p.key for p in refused.value.file_problems] == ["breach.appeal.window.within"]
    draft.refresh_from_db()
    assert draft.source == preset_text("thirteen")
    assert audit_actions(draft) == []


def test_a_published_version_is_never_changed(factory: Factory, officer: User) -> None:
    version = factory.published_version(preset="thirteen")
    with pytest.raises(Refused, match="A published version cannot be changed"):
        save_text(version=version, text=renamed(version.source), actor=officer)
    version.refresh_from_db()
    assert version.source == preset_text("thirteen")


def test_a_case_raised_after_publishing_counts_its_appeal_window_from_the_new_figure(
    factory: Factory, officer: User
) -> None:
    draft = factory.draft_version(preset="thirteen")
    window = Deadline(Duration(15, Unit.WORKING_DAYS), Anchor.NOTICE_RECEIVED)
    save_part(
        version=draft,
        slug="appeals",
        values={"breach.appeal.window": window},
        actor=officer,
        today=TODAY,
    )
    hold_every_title(factory, "thirteen")
    day = dt.date(2026, 11, 2)
    publish_policy_version(
        version=draft, approved_on=day, in_force_from=day, actor=officer, today=TODAY
    )
    member = factory.panel_member()
    case = open_exclusion(
        member=member, effective=dt.date(2026, 11, 12), reason="Left", actor=None, today=TODAY
    )
    record_notice(
        case=case,
        sent_on=dt.date(2026, 11, 13),
        to=member.full_name,
        channel="hand",
        actor=None,
        today=TODAY,
    )
    view = assess_case(case, as_of=TODAY)
    assert view.appeal_window is not None
    # Handed over on Friday 13 November; fifteen working days later, not the preset's ten
    # (27 November).
    assert view.appeal_window.closes == dt.date(2026, 12, 4)
