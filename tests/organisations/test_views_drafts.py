"""Changing a draft of the code on forms: the parts, a part's form, what changes (GOV-1)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from panelkeeper.organisations.models import PolicyVersion, RoleHolder
from panelkeeper.organisations.part_data import posted
from panelkeeper.organisations.part_forms import PartForm
from panelkeeper.rules.policy.editing.catalogue import PARTS
from panelkeeper.rules.policy.editing.catalogue import part as part_named
from panelkeeper.rules.policy.editing.document import parse
from panelkeeper.rules.policy.presets import preset_text
from panelkeeper.rules.policy.problems import Problem as PolicyProblem
from panelkeeper.rules.policy.problems import ProblemCode
from tests.factory import Factory
from tests.organisations.conftest import audit_actions

START = reverse("organisations:start_draft", kwargs={"org": "home"})


def url(name: str, version: PolicyVersion, **more: str) -> str:
    return reverse(f"organisations:{name}", kwargs={"org": "home", "pk": version.pk, **more})


def form_data(client: Client, path: str) -> dict[str, Any]:
    """What the form at ``path`` posts if nothing is changed, as a browser would send it."""
    return posted(client.get(path).context["form"])


def test_every_part_of_every_preset_opens_and_saves_unchanged(
    factory: Factory, officer_client: Client
) -> None:
    for slug in ("vela", "insight", "nexus", "herefordshire", "thirteen"):
        draft = factory.draft_version(preset=slug)
        for part in PARTS:
            path = url("draft_part", draft, part=part.slug)
            data = form_data(officer_client, path)
            response = officer_client.post(path, data)
            assert response.status_code == 302, (slug, part.slug, response.context["form"].errors)
        draft.refresh_from_db()
        assert draft.source == preset_text(slug), slug
        assert audit_actions(draft) == []


def test_the_parts_page_shows_each_part_in_words(factory: Factory, auditor_client: Client) -> None:
    draft = factory.draft_version(preset="thirteen")
    content = auditor_client.get(url("draft_parts", draft)).content.decode()
    for part in PARTS:
        assert part.title in content
    assert "Head of Touchpoints" in content
    assert "head_of_touchpoints" not in content
    assert "Change<span" not in content  # auditors read, never change


def test_an_auditor_cannot_change_a_part(factory: Factory, auditor_client: Client) -> None:
    draft = factory.draft_version(preset="thirteen")
    path = url("draft_part", draft, part="appeals")
    assert auditor_client.get(path).status_code == 403
    assert auditor_client.post(path, {}).status_code == 403


def test_an_officer_changes_the_appeal_window_and_sees_it_in_words(
    factory: Factory, officer_client: Client
) -> None:
    draft = factory.draft_version(preset="thirteen")
    path = url("draft_part", draft, part="appeals")
    data = form_data(officer_client, path)
    data["breach__appeal__window"] = "15"
    response = officer_client.post(path, data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert 'window = { within = "15 working days"' in draft.source
    assert audit_actions(draft) == ["policy_version.draft_changed"]
    changes = officer_client.get(url("draft_changes", draft)).content.decode()
    assert "Appeal window: 10 working days" in changes and "15 working days" in changes


def thirteen_part(
    factory: Factory, client: Client, part: str
) -> tuple[PolicyVersion, str, dict[str, Any]]:
    """A draft of the thirteen preset, its ``part``'s page, and what the page posts unchanged."""
    draft = factory.draft_version(preset="thirteen")
    path = url("draft_part", draft, part=part)
    return draft, path, form_data(client, path)


def refused(
    factory: Factory, client: Client, part: str, change: Callable[[dict[str, Any]], object]
) -> HttpResponse:
    """A thirteen draft's ``part`` posted unchanged but for ``change``: shown again with its
    errors, and nothing saved."""
    draft, path, data = thirteen_part(factory, client, part)
    change(data)
    response = client.post(path, data)
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.source == preset_text("thirteen")
    return response


def test_a_deadline_of_0_is_refused_on_its_field_and_nothing_is_saved(
    factory: Factory, officer_client: Client
) -> None:
    response = refused(
        factory, officer_client, "appeals", lambda d: d.update(breach__appeal__window="0")
    )
    errors = response.context["form"].errors
    assert list(errors) == ["breach__appeal__window"]
    assert "1 or more" in errors["breach__appeal__window"][0]


def test_an_outcome_on_no_level_is_refused_on_its_field(
    factory: Factory, officer_client: Client
) -> None:
    response = refused(
        factory, officer_client, "outcomes", lambda d: d.pop("breach__outcomes-0-levels")
    )
    assert list(response.context["form"].errors) == ["breach__outcomes-0-levels"]


def test_adding_a_row_saves_nothing_and_shows_one_more(
    factory: Factory, officer_client: Client
) -> None:
    draft = factory.draft_version(preset="thirteen")
    path = url("draft_part", draft, part="documents")
    data = form_data(officer_client, path)
    data["add"] = "documents__items"
    response = officer_client.post(path, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert not form.errors
    assert len(form.slots[0].rows) == 3
    data["documents__items-count"] = "3"
    data.pop("add")
    data["documents__items-2-title"] = "Role Profile"
    data["documents__items-2-sign"] = "on"
    assert officer_client.post(path, data).status_code == 302
    draft.refresh_from_db()
    assert "Role Profile" in draft.source


def test_removing_a_document_drops_it(factory: Factory, officer_client: Client) -> None:
    draft = factory.draft_version(preset="thirteen")
    path = url("draft_part", draft, part="documents")
    data = form_data(officer_client, path)
    data["documents__items-1-remove"] = "on"
    assert officer_client.post(path, data).status_code == 302
    draft.refresh_from_db()
    assert 'title = "Confidentiality Statement"' not in draft.source
    changes = officer_client.get(url("draft_changes", draft)).content.decode()
    assert "Confidentiality Statement removed" in changes


def test_titles_are_renamed_and_given_holders_on_the_titles_part(
    factory: Factory, officer_client: Client, officer: Any
) -> None:
    draft, path, data = thirteen_part(factory, officer_client, "titles")
    data["roles__staff-2-title"] = "Head of Resident Voice"
    data["roles__staff-2-holder"] = str(officer.pk)
    response = officer_client.post(path, data)
    assert response.status_code == 302, response.context["form"].errors
    draft.refresh_from_db()
    assert 'head_of_touchpoints = "Head of Resident Voice"' in draft.source
    holder = RoleHolder.objects.get(role_key="head_of_touchpoints")
    assert holder.user == officer


def test_a_new_title_is_added_with_its_duties_and_holder_in_one_save(
    factory: Factory, officer_client: Client, officer: Any
) -> None:
    draft, form_path, unchanged = thirteen_part(factory, officer_client, "titles")
    shown = officer_client.post(form_path, {**unchanged, "add": "roles__staff"}).text
    assert "What it does" in shown and "Investigates a breach" in shown
    added = {
        "roles__staff-count": "5",
        "roles__staff-4-title": "Tenancy Standards Lead",
        "roles__staff-4-duties": ["breach.investigated_by", "breach.raising.monitored_by"],
        "roles__staff-4-holder": str(officer.pk),
    }
    assert officer_client.post(form_path, {**unchanged, **added}).status_code == 302
    written = PolicyVersion.objects.get(pk=draft.pk).source
    both = '["customer_experience_manager", "tenancy_standards_lead"]'
    for line in (
        'tenancy_standards_lead = "Tenancy Standards Lead"',
        f"investigated_by = {both}",
        f"monitored_by = {both}",
    ):
        assert line in written
    assert RoleHolder.objects.get(role_key="tenancy_standards_lead").user == officer


def test_a_new_title_with_no_duty_is_refused_on_its_duties_and_nothing_is_saved(
    factory: Factory, officer_client: Client
) -> None:
    added = {"roles__staff-count": "5", "roles__staff-4-title": "Tenancy Standards Lead"}
    response = refused(factory, officer_client, "titles", lambda d: d.update(added))
    assert list(response.context["form"].errors) == ["roles__staff-4-duties"]


def test_a_loader_problem_is_worded_for_the_form_and_an_upload_keeps_the_files_words(
    factory: Factory, officer_client: Client
) -> None:
    response = refused(
        factory, officer_client, "titles", lambda d: d.pop("breach__raising__route_to")
    )
    assert response.context["form"].errors["breach__raising__route_to"] == [
        "Choose at least one for “Who receives reports of a breach”."
    ]
    assert "Add route_to" not in response.text


def test_another_organisations_draft_is_not_found(factory: Factory, officer_client: Client) -> None:
    theirs = factory.draft_version(factory.other)
    for name, more in (
        ("draft_parts", {}),
        ("draft_changes", {}),
        ("draft_part", {"part": "names"}),
    ):
        path = reverse(f"organisations:{name}", kwargs={"org": "home", "pk": theirs.pk, **more})
        assert officer_client.get(path).status_code == 404


def test_the_start_page_offers_every_preset_and_published_version_only(
    factory: Factory, officer_client: Client
) -> None:
    in_force = factory.published_version(preset="thirteen", version="2026-1")
    factory.draft_version(version="draft-x")
    factory.published_version(factory.other, version="theirs-1")
    choices = dict(officer_client.get(START).context["form"].fields["start_from"].choices)
    assert choices[f"version:{in_force.pk}"] == "Version “2026-1” (in force now)"
    assert choices["preset:thirteen"].startswith("Preset thirteen: ")
    assert len(choices) == 6


def test_an_officer_starts_a_draft_from_the_version_in_force(
    factory: Factory, officer_client: Client
) -> None:
    in_force = factory.published_version(preset="thirteen", version="2026-1")
    start = f"{START}?from=version:{in_force.pk}"
    assert officer_client.get(start).context["form"]["start_from"].value() == (
        f"version:{in_force.pk}"
    )
    response = officer_client.post(START, {"start_from": f"version:{in_force.pk}"}, follow=True)
    draft = PolicyVersion.objects.drafts().get()
    assert response.redirect_chain[-1][0] == url("version", draft)
    assert draft.based_on == in_force and draft.version == "2026-2"
    assert (
        "Draft version “2026-2” created, named after version “2026-1”. Change its name under "
        "Names and words if you wish"
    ) in response.text
    changes = officer_client.get(url("draft_changes", draft)).content.decode()
    assert "Version name: preset-1 → 2026-2" in changes
    names = officer_client.get(url("draft_part", draft, part="names"))
    assert names.context["form"]["code__version"].value() == "2026-2"


def test_an_officer_names_the_draft_as_it_starts(factory: Factory, officer_client: Client) -> None:
    data = {"start_from": "preset:thirteen", "version_name": "Kestrel 2027"}
    assert "Version name (optional)" in officer_client.get(START).text
    officer_client.post(START, data)
    assert PolicyVersion.objects.drafts().get().version == "Kestrel 2027"
    refused = officer_client.post(START, {**data, "version_name": "x" * 101})
    assert refused.context["form"].errors["version_name"] == [
        "The version name must be 100 characters or fewer"
    ]
    assert PolicyVersion.objects.drafts().count() == 1


def test_another_organisations_version_cannot_be_started_from(
    factory: Factory, officer_client: Client
) -> None:
    theirs = factory.published_version(factory.other)
    response = officer_client.post(START, {"start_from": f"version:{theirs.pk}"})
    assert response.status_code == 200
    assert "Select a preset or a version to start from" in response.content.decode()
    assert not PolicyVersion.objects.filter(organisation=factory.home).exists()


def test_a_published_version_has_no_form_to_change_it(
    factory: Factory, officer_client: Client
) -> None:
    version = factory.published_version(preset="thirteen")
    path = url("draft_part", version, part="appeals")
    response = officer_client.post(path, {"breach__appeal__window": "15"}, follow=True)
    assert response.redirect_chain == [(url("version", version), 302)]
    assert "A published version cannot be changed" in response.content.decode()
    version.refresh_from_db()
    assert version.source == preset_text("thirteen")


def test_an_unknown_part_is_not_found(factory: Factory, officer_client: Client) -> None:
    draft = factory.draft_version()
    assert officer_client.get(url("draft_part", draft, part="colour")).status_code == 404


def test_a_title_holder_from_another_organisation_is_refused_and_nothing_is_saved(
    factory: Factory, officer_client: Client
) -> None:
    draft, path, data = thirteen_part(factory, officer_client, "titles")
    data["roles__staff-2-title"] = "Head of Resident Voice"
    data["roles__staff-2-holder"] = str(factory.outsider().pk)
    response = officer_client.post(path, data)
    assert response.status_code == 200
    assert response.context["form"].errors["roles__staff-2-holder"] == [
        "Choose one of this organisation's people, or invite someone new from the role holders page"
    ]
    draft.refresh_from_db()
    assert draft.source == preset_text("thirteen")
    assert not RoleHolder.objects.exists()


def test_a_problem_with_a_name_lands_on_its_title_whichever_table_it_is_in(
    factory: Factory, officer_client: Client
) -> None:
    draft, _, data = thirteen_part(factory, officer_client, "names")
    form = PartForm(data, part=part_named("names"), document=parse(draft.source))
    assert form.is_valid(), form.errors
    elsewhere = form.show_problems(
        [PolicyProblem("x", "groups.framework", "Name the group.", ProblemCode.OTHER)]
    )
    assert elsewhere == []
    assert form.errors["groups-0-title"] == ["Name the group."]
