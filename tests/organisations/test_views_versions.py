"""Pages for the versions of the code: list, drafts, upload, publish, download (GOV-1)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.organisations.models import PolicyVersion, RoleHolder
from panelkeeper.rules.policy.presets import preset_text
from tests.factory import Factory
from tests.organisations.conftest import audit_actions, hold_every_title
from tests.organisations.test_policies import BROKEN

VERSIONS = reverse("organisations:versions", kwargs={"org": "home"})
START = reverse("organisations:start_draft", kwargs={"org": "home"})
UPLOAD = reverse("organisations:upload", kwargs={"org": "home"})


def url(name: str, version: PolicyVersion) -> str:
    return reverse(f"organisations:{name}", kwargs={"org": "home", "pk": version.pk})


def dates(approved: dt.date, in_force: dt.date) -> dict[str, int]:
    return {
        "approved_on_day": approved.day,
        "approved_on_month": approved.month,
        "approved_on_year": approved.year,
        "in_force_from_day": in_force.day,
        "in_force_from_month": in_force.month,
        "in_force_from_year": in_force.year,
    }


def queries_for(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_list_of_versions_runs_the_same_queries_for_3_and_30(
    factory: Factory, auditor_client: Client
) -> None:
    for n in range(3):
        factory.published_version(in_force_from=dt.date(2020, 1, 1) + dt.timedelta(days=n))
    few = queries_for(auditor_client, VERSIONS)
    for _ in range(27):
        factory.draft_version()
    assert queries_for(auditor_client, VERSIONS) == few
    assert len(auditor_client.get(VERSIONS).context["page_obj"]) == 30


def test_the_list_marks_the_version_in_force(factory: Factory, officer_client: Client) -> None:
    factory.published_version(version="2025-1", in_force_from=dt.date(2025, 1, 1))
    factory.published_version(version="2026-1", in_force_from=dt.date(2026, 1, 1))
    factory.draft_version(version="2027-1")
    content = officer_client.get(VERSIONS).content.decode()
    assert content.count(">In force<") == 1
    assert content.index("2026-1") < content.index(">In force<") < content.index("2025-1")


def test_an_officer_starts_a_draft_from_a_preset(officer_client: Client, db: None) -> None:
    response = officer_client.post(START, {"start_from": "preset:insight"}, follow=True)
    draft = PolicyVersion.objects.get()
    assert response.redirect_chain == [(url("version", draft), 302)]
    assert draft.source == preset_text("insight") and draft.preset == "insight"
    assert audit_actions(draft) == ["policy_version.draft_created"]
    content = response.content.decode()
    assert "Draft version “preset-1” created" in content
    assert "The rulebook this version would publish" in content


def test_choosing_nothing_to_start_from_shows_the_error(officer_client: Client, db: None) -> None:
    response = officer_client.post(START, {})
    assert response.status_code == 200
    assert "Select a preset or a version to start from" in response.content.decode()
    assert not PolicyVersion.objects.exists()


def test_an_auditor_cannot_start_a_draft(auditor_client: Client, db: None) -> None:
    assert auditor_client.post(START, {"start_from": "preset:vela"}).status_code == 403
    assert auditor_client.post(UPLOAD, {}).status_code == 403
    assert not PolicyVersion.objects.exists()


def test_an_uploaded_file_becomes_a_draft_with_its_exact_text(
    officer_client: Client, db: None
) -> None:
    text = "# edited by us\n" + preset_text("thirteen")
    upload = SimpleUploadedFile("thirteen-2026.toml", text.encode(), "application/toml")
    response = officer_client.post(UPLOAD, {"file": upload})
    draft = PolicyVersion.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("version", draft)
    assert (draft.source, draft.file_name) == (text, "thirteen-2026.toml")


def test_an_upload_with_three_problems_shows_three_problems_and_saves_nothing(
    officer_client: Client, db: None
) -> None:
    upload = SimpleUploadedFile("ours.toml", BROKEN.encode(), "application/toml")
    response = officer_client.post(UPLOAD, {"file": upload})
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count('class="govuk-table__row pk-problem"') == 3
    assert "3 problems in the file" in content
    assert "interpretations.not_a_setting" in content and "ours.toml" in content
    assert "There is a problem" in content
    assert not PolicyVersion.objects.exists()


def test_a_file_that_is_not_utf8_text_is_refused(officer_client: Client, db: None) -> None:
    upload = SimpleUploadedFile("code.toml", b"\xff\xfe\x00binary", "application/toml")
    response = officer_client.post(UPLOAD, {"file": upload})
    assert "saved as UTF-8" in response.content.decode()
    assert not PolicyVersion.objects.exists()


def test_a_stored_draft_with_problems_shows_each_of_them(
    factory: Factory, auditor_client: Client
) -> None:
    draft = factory.draft_version(source=BROKEN)
    content = auditor_client.get(url("version", draft)).content.decode()
    assert content.count('class="govuk-table__row pk-problem"') == 3
    assert "Publish this version" not in content


def test_a_draft_lists_the_titles_still_to_assign_with_links(
    factory: Factory, officer_client: Client
) -> None:
    draft = factory.draft_version(preset="vela")
    factory.role_holder("customer_involvement_team")
    content = officer_client.get(url("version", draft)).content.decode()
    assign = reverse(
        "organisations:assign_role_holder",
        kwargs={"org": "home", "role": "group_director_of_operations"},
    )
    assert f'href="{assign}"' in content
    assert "Group Director of Operations" in content
    assert "Publish this version" in content


def test_publishing_without_role_holders_is_refused_listing_the_missing_titles(
    factory: Factory, officer_client: Client
) -> None:
    draft = factory.draft_version(preset="vela")
    response = officer_client.post(
        url("publish", draft), dates(dt.date(2026, 11, 2), dt.date(2026, 12, 1))
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Assign someone to each staff title before publishing" in content
    for key, title in [
        ("customer_involvement_team", "Customer Involvement Team"),
        ("service_improvement_team", "Service Improvement Team"),
        ("group_director_of_operations", "Group Director of Operations"),
    ]:
        link = reverse("organisations:assign_role_holder", kwargs={"org": "home", "role": key})
        assert f'href="{link}">Assign someone as {title}' in content
    draft.refresh_from_db()
    assert draft.status == PolicyVersion.Status.DRAFT


def test_an_officer_publishes_a_draft_with_its_dates(
    factory: Factory, officer_client: Client
) -> None:
    draft = factory.draft_version(preset="vela")
    hold_every_title(factory)
    response = officer_client.post(
        url("publish", draft), dates(dt.date(2026, 11, 2), dt.date(2026, 12, 1)), follow=True
    )
    assert response.redirect_chain == [(url("version", draft), 302)]
    assert "published" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == PolicyVersion.Status.PUBLISHED
    assert (draft.approved_on, draft.in_force_from) == (dt.date(2026, 11, 2), dt.date(2026, 12, 1))
    assert audit_actions(draft) == ["policy_version.published"]


def test_publishing_with_a_date_missing_its_month_says_so(
    factory: Factory, officer_client: Client
) -> None:
    draft = factory.draft_version()
    data = dates(dt.date(2026, 11, 2), dt.date(2026, 12, 1)) | {"in_force_from_month": ""}
    content = officer_client.post(url("publish", draft), data).content.decode()
    assert "The date it comes into force must include a month" in content


def test_a_published_version_cannot_be_published_again(
    factory: Factory, officer_client: Client
) -> None:
    version = factory.published_version()
    response = officer_client.post(
        url("publish", version), dates(dt.date(2026, 11, 2), dt.date(2026, 12, 24))
    )
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.in_force_from == dt.date(2026, 2, 2)
    assert audit_actions(version) == []


def test_an_auditor_cannot_publish(factory: Factory, auditor_client: Client) -> None:
    draft = factory.draft_version()
    hold_every_title(factory)
    data = dates(dt.date(2026, 11, 2), dt.date(2026, 12, 1))
    assert auditor_client.post(url("publish", draft), data).status_code == 403
    draft.refresh_from_db()
    assert draft.status == PolicyVersion.Status.DRAFT


@pytest.mark.parametrize("status", ["draft", "published"])
def test_any_version_downloads_as_its_exact_text(
    factory: Factory, auditor_client: Client, status: str
) -> None:
    text = "# ours\r\n" + preset_text("herefordshire") + "\n"
    make = factory.draft_version if status == "draft" else factory.published_version
    version = make(preset="herefordshire", source=text, version="2026/1")
    response = auditor_client.get(url("download", version))
    assert response.status_code == 200
    assert response.content == text.encode()
    assert response["Content-Type"] == "application/toml"
    assert response["Content-Disposition"] == 'attachment; filename="home-2026-1.toml"'


def test_another_organisations_version_answers_404(
    factory: Factory, officer_client: Client
) -> None:
    theirs = factory.published_version(factory.other)
    for name in ("version", "download", "publish"):
        path = reverse(f"organisations:{name}", kwargs={"org": "home", "pk": theirs.pk})
        assert officer_client.get(path).status_code == 404
    path = reverse("organisations:version", kwargs={"org": "other", "pk": theirs.pk})
    assert officer_client.get(path).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(factory: Factory, client: Client) -> None:
    draft = factory.draft_version()
    for path in (VERSIONS, START, UPLOAD, url("version", draft), url("download", draft)):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:sign-in"))


def test_the_publish_form_starts_with_the_approval_date_the_file_states(
    factory: Factory, officer_client: Client
) -> None:
    nexus = factory.draft_version(preset="nexus")
    content = officer_client.get(url("publish", nexus)).content.decode()
    assert re.search(r'name="approved_on_day"[^>]* value="3"', content)
    assert re.search(r'name="approved_on_year"[^>]* value="2011"', content)


def test_the_publish_form_lists_titles_without_a_holder_before_any_date_is_typed(
    factory: Factory, officer_client: Client
) -> None:
    draft = factory.draft_version(preset="vela")
    hold_every_title(factory)
    RoleHolder.objects.filter(role_key="service_improvement_team").delete()
    content = officer_client.get(url("publish", draft)).content.decode()
    assert "Assign someone as Service Improvement Team" in content
    assert "Assign someone as Customer Involvement Team" not in content


def test_an_officer_discards_a_draft(factory: Factory, officer_client: Client) -> None:
    draft = factory.draft_version(version="2027-1")
    assert officer_client.get(url("discard", draft)).status_code == 405
    assert "Discard this draft" in officer_client.get(url("version", draft)).content.decode()
    response = officer_client.post(url("discard", draft), follow=True)
    assert response.redirect_chain == [(VERSIONS, 302)]
    assert "Draft version “2027-1” discarded" in response.content.decode()
    assert not PolicyVersion.objects.exists()


def test_discarding_a_published_version_is_refused_with_a_message(
    factory: Factory, officer_client: Client
) -> None:
    version = factory.published_version()
    assert "Discard this draft" not in officer_client.get(url("version", version)).content.decode()
    response = officer_client.post(url("discard", version), follow=True)
    assert response.redirect_chain == [(url("version", version), 302)]
    assert "cannot be discarded" in response.content.decode()
    assert PolicyVersion.objects.filter(pk=version.pk).exists()


def test_an_auditor_cannot_discard_a_draft(factory: Factory, auditor_client: Client) -> None:
    draft = factory.draft_version()
    assert "Discard this draft" not in auditor_client.get(url("version", draft)).content.decode()
    assert auditor_client.post(url("discard", draft)).status_code == 403
    assert auditor_client.get(url("discard", draft)).status_code == 403
    assert PolicyVersion.objects.filter(pk=draft.pk).exists()
