"""Drafts, publishing and reading versions of the code (GOV-1), through the domain functions."""

from __future__ import annotations

import datetime as dt

import pytest

from panelkeeper.accounts.models import User
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.in_force import policy_of_version
from panelkeeper.organisations.models import Group, PolicyVersion
from panelkeeper.organisations.policies import (
    InvalidPolicy,
    MissingRoleHolders,
    declared_staff_titles,
    discard_draft,
    load_preset_draft,
    missing_role_holders,
    problems_of,
    publish_policy_version,
    review_due,
    upload_draft,
)
from panelkeeper.rules.policy.presets import load_preset, preset_text
from tests.factory import Factory
from tests.organisations.conftest import audit_actions, hold_every_title

TODAY = dt.date(2026, 11, 23)
APPROVED = dt.date(2026, 11, 2)
IN_FORCE = dt.date(2026, 12, 1)

# Three mistakes at different depths: an unknown top-level key, an unknown key in a
# table, and a duration in a unit that does not exist.
BROKEN = (
    preset_text("vela")
    .replace("[code]\n", 'colour = "blue"\n\n[code]\n', 1)
    .replace("[interpretations]\n", "[interpretations]\nnot_a_setting = 1\n", 1)
    .replace('"10 working days"', '"10 workdays"', 1)
)


def publish(version: PolicyVersion, actor: User, **dates: dt.date) -> PolicyVersion:
    return publish_policy_version(
        version=version,
        approved_on=dates.get("approved_on", APPROVED),
        in_force_from=dates.get("in_force_from", IN_FORCE),
        actor=actor,
        today=TODAY,
    )


def test_a_preset_becomes_a_draft_holding_its_text_exactly(factory: Factory, officer: User) -> None:
    draft = load_preset_draft(organisation=factory.home, preset="nexus", actor=officer)
    assert draft.status == PolicyVersion.Status.DRAFT
    assert draft.source == preset_text("nexus")
    assert draft.version == load_preset("nexus").code.version
    assert (draft.file_name, draft.preset, draft.created_by) == ("nexus.toml", "nexus", officer)
    assert audit_actions(draft) == ["policy_version.draft_created"]


def test_an_unknown_preset_is_refused_naming_the_presets(factory: Factory, officer: User) -> None:
    with pytest.raises(Refused, match="vela, insight, nexus, herefordshire, thirteen"):
        load_preset_draft(organisation=factory.home, preset="acme", actor=officer)
    assert not PolicyVersion.objects.exists()


def test_an_uploaded_file_is_kept_byte_for_byte(factory: Factory, officer: User) -> None:
    text = "# our own comment\r\n" + preset_text("thirteen") + "\n\n"
    draft = upload_draft(
        organisation=factory.home, text=text, file_name="ours.toml", actor=officer, today=TODAY
    )
    draft.refresh_from_db()
    assert draft.source == text
    assert (draft.file_name, draft.preset) == ("ours.toml", "")
    assert audit_actions(draft) == ["policy_version.draft_created"]


def test_a_file_with_problems_is_refused_with_every_problem_and_nothing_is_saved(
    factory: Factory, officer: User
) -> None:
    with pytest.raises(InvalidPolicy) as refused:
        upload_draft(
            organisation=factory.home, text=BROKEN, file_name="b.toml", actor=officer, today=TODAY
        )
    keys = [problem.key for problem in refused.value.file_problems]
    assert len(keys) == 3
    assert {"colour", "interpretations.not_a_setting", "breach.deadlines.conclude.within"} == set(
        keys
    )
    assert all(problem.source == "b.toml" for problem in refused.value.file_problems)
    assert "problems" in refused.value.message
    assert not PolicyVersion.objects.exists()


def test_an_empty_file_is_refused(factory: Factory, officer: User) -> None:
    with pytest.raises(Refused, match="empty"):
        upload_draft(
            organisation=factory.home, text="  \n", file_name="e.toml", actor=officer, today=TODAY
        )


def test_publishing_is_refused_until_every_declared_staff_title_has_a_holder(
    factory: Factory, officer: User
) -> None:
    draft = factory.draft_version(preset="vela")
    factory.role_holder("customer_involvement_team")
    with pytest.raises(MissingRoleHolders) as refused:
        publish(draft, officer)
    assert [t.key for t in refused.value.missing] == [
        "service_improvement_team",
        "group_director_of_operations",
    ]
    assert "Service Improvement Team, Group Director of Operations" in refused.value.message
    draft.refresh_from_db()
    assert draft.status == PolicyVersion.Status.DRAFT
    assert audit_actions(draft) == []


def test_publishing_records_the_dates_who_published_and_adds_the_groups_named(
    factory: Factory, officer: User
) -> None:
    draft = factory.draft_version(preset="vela")
    hold_every_title(factory)
    published = publish(draft, officer)
    published.refresh_from_db()
    assert published.status == PolicyVersion.Status.PUBLISHED
    assert (published.approved_on, published.in_force_from) == (APPROVED, IN_FORCE)
    assert published.published_by == officer and published.published_at is not None
    assert audit_actions(published) == ["policy_version.published"]
    group = Group.objects.get(organisation=factory.home)
    assert group.name == "Customer Scrutiny Panel"
    assert audit_actions(group) == ["group.created"]
    assert PolicyVersion.objects.in_force(factory.home, on=IN_FORCE) == published
    assert PolicyVersion.objects.in_force(factory.home, on=TODAY) is None


def test_a_published_version_is_never_published_again(factory: Factory, officer: User) -> None:
    version = factory.published_version()
    with pytest.raises(Refused, match="already published and cannot be changed"):
        publish(version, officer, in_force_from=dt.date(2026, 12, 24))
    version.refresh_from_db()
    assert version.in_force_from == dt.date(2026, 2, 2)


@pytest.mark.parametrize(
    ("dates", "field", "message"),
    [
        ({"approved_on": TODAY + dt.timedelta(days=1)}, "approved_on", "today or in the past"),
        ({"in_force_from": APPROVED - dt.timedelta(days=1)}, "in_force_from", "after the approval"),
        (
            {"approved_on": dt.date(2026, 10, 1), "in_force_from": dt.date(2026, 11, 1)},
            "in_force_from",
            "after 1 November 2026, when version “2026-1” came into force",
        ),
    ],
)
def test_publishing_refuses_dates_out_of_order_gov_1(
    factory: Factory, officer: User, dates: dict[str, dt.date], field: str, message: str
) -> None:
    factory.published_version(in_force_from=dt.date(2026, 11, 1), version="2026-1")
    draft = factory.draft_version()
    hold_every_title(factory)
    with pytest.raises(Refused, match=message) as refused:
        publish(draft, officer, **dates)
    assert refused.value.field == field
    draft.refresh_from_db()
    assert draft.status == PolicyVersion.Status.DRAFT


def test_publishing_refuses_a_version_label_already_published(
    factory: Factory, officer: User
) -> None:
    factory.published_version(version="preset-1", in_force_from=dt.date(2025, 1, 1))
    draft = factory.draft_version(version="preset-1")
    hold_every_title(factory)
    with pytest.raises(Refused, match="Version “preset-1” is already published") as refused:
        publish(draft, officer)
    assert "Give this draft a new version name under Names and words" in refused.value.message


def test_a_stored_draft_the_rules_no_longer_accept_shows_its_problems(
    factory: Factory, officer: User
) -> None:
    draft = factory.draft_version(source=BROKEN)
    assert len(problems_of(draft)) == 3
    with pytest.raises(InvalidPolicy):
        publish(draft, officer)


def test_titles_that_may_be_held_come_from_the_code_in_force_and_every_draft(
    factory: Factory,
) -> None:
    factory.published_version(preset="herefordshire")
    factory.draft_version(preset="vela")
    factory.draft_version(source=BROKEN)
    keys = [t.key for t in declared_staff_titles(factory.home, on=TODAY)]
    assert keys == [
        "customer_involvement_manager",
        "customer_involvement_team",
        "chief_executive",
        "service_improvement_team",
        "group_director_of_operations",
    ]


def test_missing_role_holders_ignore_ended_terms(factory: Factory) -> None:
    draft = factory.draft_version(preset="vela")
    factory.role_holder("customer_involvement_team", effective_until=dt.date(2026, 3, 1))
    assert "customer_involvement_team" in [t.key for t in missing_role_holders(draft)]


def test_the_review_date_a_code_states_comes_first_gov_1(factory: Factory) -> None:
    nexus = factory.published_version(preset="nexus")
    assert review_due(nexus, policy_of_version(nexus)) == dt.date(2014, 9, 1)


def test_without_a_stated_date_review_is_due_a_period_after_approval_gov_1(
    factory: Factory,
) -> None:
    text = preset_text("nexus").replace("review_due = 2014-09-01\n", "")
    version = factory.published_version(source=text, approved_on=dt.date(2025, 1, 31))
    assert review_due(version, policy_of_version(version)) == dt.date(2028, 1, 31)
    draft = factory.draft_version(source=text)
    assert review_due(draft, policy_of_version(draft)) is None


def test_a_code_without_a_review_period_is_never_due(factory: Factory) -> None:
    vela = factory.published_version(preset="vela")
    assert review_due(vela, policy_of_version(vela)) is None


def test_a_version_label_too_long_to_keep_is_a_problem_at_its_key(
    factory: Factory, officer: User
) -> None:
    text = preset_text("vela").replace('version = "preset-1"', f'version = "{"x" * 101}"', 1)
    with pytest.raises(InvalidPolicy) as refused:
        upload_draft(
            organisation=factory.home, text=text, file_name="v.toml", actor=officer, today=TODAY
        )
    assert [p.key for p in refused.value.file_problems] == ["code.version"]
    assert not PolicyVersion.objects.exists()


def test_a_draft_can_be_discarded_and_the_discarding_is_audited(
    factory: Factory, officer: User
) -> None:
    draft = factory.draft_version()
    pk = draft.pk
    discard_draft(version=draft, actor=officer)
    assert not PolicyVersion.objects.filter(pk=pk).exists()
    draft.pk = pk
    assert audit_actions(draft) == ["policy_version.draft_discarded"]


def test_a_published_version_is_never_discarded(factory: Factory, officer: User) -> None:
    version = factory.published_version()
    with pytest.raises(Refused, match="cannot be discarded"):
        discard_draft(version=version, actor=officer)
    assert PolicyVersion.objects.filter(pk=version.pk).exists()


def test_a_new_draft_that_sets_a_calendar_is_refused_saying_where_it_is_set_now(
    factory: Factory, officer: User
) -> None:
    text = preset_text("vela") + '\n[calendar]\nregion = "SCT"\n'
    with pytest.raises(InvalidPolicy) as refused:
        upload_draft(
            organisation=factory.home, text=text, file_name="ours.toml", actor=officer, today=TODAY
        )
    [problem] = refused.value.file_problems
    assert problem.key == "calendar"
    assert "settings page" in problem.message and "closure days page" in problem.message
    assert not PolicyVersion.objects.exists()


def test_a_draft_saved_with_a_calendar_before_it_moved_cannot_be_published(
    factory: Factory, officer: User
) -> None:
    hold_every_title(factory)
    draft = factory.draft_version(source=preset_text("vela") + '\n[calendar]\nregion = "SCT"\n')
    assert [p.key for p in problems_of(draft)] == ["calendar"]
    with pytest.raises(InvalidPolicy):
        publish(draft, officer)


def test_a_published_version_with_a_calendar_still_loads(factory: Factory) -> None:
    text = preset_text("vela") + '\n[calendar]\nregion = "SCT"\n'
    version = factory.published_version(source=text)
    assert problems_of(version) == ()
    assert policy_of_version(version).code.slug == "vela"


def test_every_preset_starts_a_draft(factory: Factory, officer: User) -> None:
    for slug in ("vela", "insight", "nexus", "herefordshire", "thirteen"):
        draft = load_preset_draft(organisation=factory.home, preset=slug, actor=officer)
        assert problems_of(draft) == ()
