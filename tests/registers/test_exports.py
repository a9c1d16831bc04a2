"""Files of long registers, prepared by a task and downloaded when ready, then removed."""

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from panelkeeper.core.daily import JOBS, trigger
from panelkeeper.registers import exports
from panelkeeper.registers.exports import build_export, remove_old_exports
from panelkeeper.registers.models import Export, ExportState
from tests.factory import Factory
from tests.registers.conftest import audit_actions

API = "/api/v1/registers/home"
type Capture = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


def url(name: str, **kwargs: object) -> str:
    return reverse(f"registers:{name}", kwargs={"org": "home", **kwargs})


@pytest.fixture
def long_register(factory: Factory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three interests and three gifts, with files built at once only up to two rows."""
    monkeypatch.setattr(exports, "CSV_AT_ONCE", 2)
    monkeypatch.setattr(exports, "PDF_AT_ONCE", 2)
    for name in ("Ann Avery", "Bob Brown", "Cy Clay"):
        member = factory.panel_member(full_name=name)
        kind = "employment" if name != "Cy Clay" else "personal"
        factory.interest(member, kind=kind, description=f"Interest of {name}")
        factory.gift(member, description=f"Gift to {name}")


def prepare(client: Client, capture: Capture, **data: str) -> Export:
    with capture(execute=True):
        response = client.post(url("prepare_export"), data)
    assert response.status_code == 302, response.content
    export = Export.objects.latest("id")
    assert response["Location"] == url("export", pk=export.pk)
    return export


def test_a_long_register_is_prepared_by_a_task_with_its_filters(
    officer_client: Client,
    long_register: None,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    page = officer_client.get(url("interests"))
    assert "Prepare a CSV file" in page.text and "Download as CSV" not in page.text
    short = officer_client.get(url("interests"), {"kind": "employment"})
    assert "Download as CSV" in short.text and "Prepare a CSV file" not in short.text
    at_once = officer_client.get(url("interests_csv"))
    assert at_once.status_code == 302 and at_once["Location"] == url("interests")
    export = prepare(officer_client, django_capture_on_commit_callbacks, file="interests_csv")
    assert DBTaskResult.objects.filter(task_path=build_export.module_path).count() == 1
    assert "Preparing your file" in officer_client.get(url("export", pk=export.pk)).text
    assert officer_client.get(url("export_file", pk=export.pk)).status_code == 404
    assert build_export.call(export.pk) is True
    assert build_export.call(export.pk) is False  # built once
    export.refresh_from_db()
    assert (export.state, export.rows) == (ExportState.READY, 3)
    assert export.stored_as.startswith("exports/") and len(export.stored_as) > 40
    ready = officer_client.get(url("export", pk=export.pk))
    assert "Your file is ready" in ready.text and "3 rows" in ready.text
    file = officer_client.get(url("export_file", pk=export.pk))
    text = file.getvalue().decode("utf-8-sig")
    assert file["Content-Disposition"] == 'attachment; filename="home-register-of-interests.csv"'
    assert all(f"Interest of {name}" in text for name in ("Ann Avery", "Bob Brown", "Cy Clay"))
    assert audit_actions(export) == ["register.exported"]


def test_the_file_keeps_the_filters_chosen(
    auditor_client: Client, long_register: None, django_capture_on_commit_callbacks: Capture
) -> None:
    export = prepare(
        auditor_client,
        django_capture_on_commit_callbacks,
        file="interests_pdf",
        kind="employment",
        page="2",
    )
    assert export.filters == {"kind": "employment"}
    build_export.call(export.pk)
    export.refresh_from_db()
    assert export.rows == 2
    content = default_storage.open(export.stored_as).read()
    assert content.startswith(b"%PDF")


def test_a_gifts_file_is_prepared_and_dates_filter_it(
    officer_client: Client, long_register: None, django_capture_on_commit_callbacks: Capture
) -> None:
    export = prepare(
        officer_client,
        django_capture_on_commit_callbacks,
        file="gifts_csv",
        name="bob",
        given_from_day="1",
        given_from_month="1",
        given_from_year="2026",
    )
    build_export.call(export.pk)
    text = default_storage.open(export.stored_as).read().decode("utf-8-sig")
    assert "Gift to Bob Brown" in text and "Gift to Ann Avery" not in text


def test_a_list_short_enough_for_a_csv_may_still_need_its_pdf_prepared(
    officer_client: Client, long_register: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exports, "CSV_AT_ONCE", 10)
    page = officer_client.get(url("gifts"))
    assert "Download as CSV" in page.text and "Prepare a CSV file" not in page.text
    assert "Prepare a PDF for the Board" in page.text and "Download as PDF" not in page.text
    assert officer_client.get(url("gifts_csv")).status_code == 200
    assert officer_client.get(url("gifts_pdf"))["Location"] == url("gifts")


def test_a_list_that_cannot_be_built_is_marked_failed_and_says_so(
    officer_client: Client,
    long_register: None,
    django_capture_on_commit_callbacks: Capture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    export = prepare(officer_client, django_capture_on_commit_callbacks, file="gifts_pdf")

    def broken(*args: object) -> bytes:
        raise OSError("no fonts")

    spec = exports.FILES["gifts_pdf"]
    monkeypatch.setitem(exports.FILES, "gifts_pdf", replace(spec, render=broken))
    assert build_export.call(export.pk) is False
    export.refresh_from_db()
    assert export.state == ExportState.FAILED
    page = officer_client.get(url("export", pk=export.pk))
    assert "We could not prepare your file" in page.text


def test_an_unknown_file_or_a_bad_filter_prepares_nothing(
    officer_client: Client, long_register: None
) -> None:
    response = officer_client.post(url("prepare_export"), {"file": "members_csv"})
    assert response.status_code == 302
    bad = officer_client.post(url("prepare_export"), {"file": "gifts_csv", "status": "lost"})
    assert bad["Location"] == url("gifts")
    assert not Export.objects.exists()


def test_a_prepared_file_is_refused_to_another_organisations_staff_and_to_members(
    officer_client: Client,
    factory: Factory,
    long_register: None,
    member_client: Client,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    export = prepare(officer_client, django_capture_on_commit_callbacks, file="gifts_csv")
    build_export.call(export.pk)
    stranger = Client()
    stranger.force_login(factory.officer(factory.other))
    for client in (stranger, member_client):
        assert client.get(url("export", pk=export.pk)).status_code == 404
        assert client.get(url("export_file", pk=export.pk)).status_code == 404
    token = factory.token(factory.officer(factory.other), factory.other).plaintext
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.get(f"/api/v1/registers/other/exports/{export.pk}").status_code == 404
    auditor = Client()
    auditor.force_login(factory.auditor())
    assert auditor.get(url("export_file", pk=export.pk)).status_code == 200


def test_the_daily_job_removes_files_after_their_days(
    officer_client: Client, long_register: None, django_capture_on_commit_callbacks: Capture
) -> None:
    assert JOBS["remove_old_exports"] is remove_old_exports
    kept = prepare(officer_client, django_capture_on_commit_callbacks, file="gifts_csv")
    old = prepare(officer_client, django_capture_on_commit_callbacks, file="interests_csv")
    build_export.call(kept.pk)
    build_export.call(old.pk)
    today = timezone.localdate()
    Export.objects.filter(pk=old.pk).update(
        requested_at=timezone.now() - dt.timedelta(days=exports.KEPT_DAYS + 1)
    )
    assert officer_client.get(url("export_file", pk=old.pk)).status_code == 404  # past its days
    trigger(today)
    with django_capture_on_commit_callbacks(execute=True):
        assert remove_old_exports.call(today.isoformat()) is True
    assert remove_old_exports.call(today.isoformat()) is False
    assert list(Export.objects.all()) == [kept]
    assert not default_storage.exists(old.stored_as) and default_storage.exists(kept.stored_as)


def test_the_api_asks_for_a_file_reads_its_state_and_downloads_it(
    officer_client: Client, long_register: None, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        asked = officer_client.post(
            f"{API}/gifts/exports",
            {"format": "csv", "given_to": "2026-12-31", "name": "ann"},
            content_type="application/json",
        )
    assert asked.status_code == 202, asked.content
    body = asked.json()
    assert (body["kind"], body["state"], body["file"]) == ("gifts_csv", "preparing", None)
    assert officer_client.get(f"{API}/exports/{body['id']}/file").status_code == 422
    build_export.call(body["id"])
    state = officer_client.get(f"{API}/exports/{body['id']}").json()
    assert state["state"] == "ready" and state["rows"] == 1
    file = officer_client.get(state["file"])
    text = file.getvalue().decode("utf-8-sig")
    assert "Gift to Ann Avery" in text and "Gift to Bob Brown" not in text


def test_the_api_refuses_a_file_with_a_bad_filter_or_format(
    officer_client: Client, long_register: None
) -> None:
    wrong_way = {"format": "pdf", "given_from": "2026-10-01", "given_to": "2026-03-01"}
    response = officer_client.post(
        f"{API}/gifts/exports", wrong_way, content_type="application/json"
    )
    assert response.status_code == 422 and response.json()["field"] == "given_to"
    response = officer_client.post(
        f"{API}/interests/exports", {"format": "xls"}, content_type="application/json"
    )
    assert response.status_code == 422 and response.json()["field"] == "format"
    assert not Export.objects.exists()
