"""The installation administrator's pages and API for an organisation that leaves."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from unittest import mock

from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from panelkeeper.core.daily import JOBS
from panelkeeper.core.models import DailyRun
from panelkeeper.departure.exports import build, request_export
from panelkeeper.departure.models import Export
from panelkeeper.departure.tasks import delete_expired_exports
from panelkeeper.organisations.models import Organisation
from panelkeeper.retention.holds import place_hold
from tests.factory import Factory

API = "/api/v1/installation"


def test_the_page_shows_an_export_being_prepared_then_offers_it(
    factory: Factory, installation_admin_client: Client
) -> None:
    client = installation_admin_client
    leaving = reverse("departure:leaving", kwargs={"org": factory.home.slug})
    assert "No export has been made." in client.get(leaving).content.decode()
    response = client.post(reverse("departure:prepare_export", kwargs={"org": factory.home.slug}))
    assert response.status_code == 302
    page = client.get(leaving).content.decode()
    assert "Being prepared" in page and "Export its records first" in page
    export = Export.objects.get()
    build(export.pk)
    page = client.get(leaving).content.decode()
    assert "Being prepared" not in page and "Download" in page
    assert "Export its records first" not in page
    download = client.get(reverse("departure:export_file", kwargs={"pk": export.pk}))
    assert download["Content-Disposition"] == 'attachment; filename="home-housing-records.zip"'
    archive = zipfile.ZipFile(io.BytesIO(download.getvalue()))
    assert "records/members.csv" in archive.namelist()


def test_the_confirmation_names_what_goes_and_wants_the_name_typed(
    factory: Factory, installation_admin_client: Client
) -> None:
    client = installation_admin_client
    factory.the_case  # noqa: B018
    export = request_export(organisation=factory.home, actor=factory.admin())
    build(export.pk)
    url = reverse("departure:remove", kwargs={"org": factory.home.slug})
    page = client.get(url).content.decode()
    assert "Members: 1" in page and "Breach cases: 1" in page
    assert "1 breach case is still open." in page
    wrong = client.post(url, {"name": "Other Homes"})
    assert wrong.status_code == 200
    assert (
        "Type the organisation&#x27;s name as it is shown: Home Housing" in wrong.content.decode()
    )
    assert Organisation.objects.filter(slug="home").exists()
    done = client.post(url, {"name": " home  housing "})
    assert done.status_code == 302 and done["Location"] == reverse("organisations:installation")
    assert not Organisation.objects.filter(slug="home").exists()


def test_the_confirmation_says_why_a_legal_hold_stops_it(
    factory: Factory, installation_admin_client: Client
) -> None:
    client = installation_admin_client
    place_hold(
        organisation=factory.home,
        reason="A claim.",
        actor=factory.officer(),
        member=factory.member_record,
    )
    build(request_export(organisation=factory.home, actor=factory.admin()).pk)
    url = reverse("departure:remove", kwargs={"org": factory.home.slug})
    page = client.get(url).content.decode()
    assert "It cannot be removed yet" in page and "A legal hold is in force" in page
    assert "Remove the organisation</button>" not in page
    refused = client.post(url, {"name": "Home Housing"})
    assert refused.status_code == 200 and "A legal hold is in force" in refused.content.decode()
    assert Organisation.objects.filter(slug="home").exists()


def test_the_api_exports_then_removes_with_the_forms_checks(
    factory: Factory, installation_admin_client: Client
) -> None:
    client = installation_admin_client
    factory.home  # noqa: B018
    created = client.post(f"{API}/organisations/home/exports")
    assert created.status_code == 201
    body = created.json()
    assert (body["ready"], body["download"], body["organisation"]) == (False, None, "Home Housing")
    build(body["id"])
    ready = client.get(f"{API}/exports/{body['id']}").json()
    assert ready["ready"] is True and ready["download"] == f"{API}/exports/{body['id']}/file"
    file = client.get(ready["download"])
    assert file.status_code == 200 and file["Content-Type"] == "application/zip"
    removal = f"{API}/organisations/home/removal"
    wrong = client.post(removal, json.dumps({"name": "Other"}), content_type="application/json")
    assert wrong.status_code == 422
    assert wrong.json()["field"] == "name"
    assert wrong.json()["detail"] == "Type the organisation's name as it is shown: Home Housing"
    long = client.post(removal, json.dumps({"name": "x" * 201}), content_type="application/json")
    assert long.status_code == 422 and long.json()["field"] == "name"
    done = client.post(
        removal, json.dumps({"name": "Home Housing"}), content_type="application/json"
    )
    assert done.status_code == 204
    assert not Organisation.objects.filter(slug="home").exists()
    assert client.get(reverse("departure:leaving", kwargs={"org": "home"})).status_code == 404
    assert client.get(f"{API}/exports/{body['id']}").json()["ready"] is True
    assert client.post(f"{API}/organisations/home/exports").status_code == 404


def test_the_api_refuses_removal_under_a_legal_hold(
    factory: Factory, installation_admin_client: Client
) -> None:
    client = installation_admin_client
    place_hold(
        organisation=factory.home, reason="A claim.", actor=factory.officer(), case=factory.the_case
    )
    build(request_export(organisation=factory.home, actor=factory.admin()).pk)
    response = client.post(
        f"{API}/organisations/home/removal",
        json.dumps({"name": "Home Housing"}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["rule"] == "leaving"
    assert response.json()["detail"].startswith("A legal hold is in force.")


def test_exports_older_than_a_week_are_deleted_with_their_files(
    factory: Factory, installation_admin_client: Client
) -> None:
    admin = factory.admin()
    old = request_export(organisation=factory.home, actor=admin)
    build(old.pk)
    recent = request_export(organisation=factory.home, actor=admin)
    build(recent.pk)
    old.refresh_from_db()
    recent.refresh_from_db()
    Export.objects.filter(pk=old.pk).update(requested_at=timezone.now() - dt.timedelta(days=8))
    client = installation_admin_client
    assert client.get(reverse("departure:export_file", kwargs={"pk": old.pk})).status_code == 404
    assert JOBS["delete_expired_exports"] is delete_expired_exports
    day = timezone.localdate().isoformat()
    DailyRun.objects.create(day=day, job="delete_expired_exports")
    with mock.patch("django.db.transaction.on_commit", lambda do, **_: do()):
        assert delete_expired_exports.call(day) is True
    assert list(Export.objects.all()) == [recent]
    assert not default_storage.exists(old.file) and default_storage.exists(recent.file)
    assert DailyRun.objects.get(job="delete_expired_exports").outcome == {"deleted": 1}
