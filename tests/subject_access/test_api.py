"""The API does what the pages do: log a request, pause, restart and extend its clock,
build and release the pack; the lead reads the access log; a member asks for and reads
their own copy; anyone reads the privacy notice. Refusals answer 422 with the field."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from panelkeeper.accounts.models import User
from panelkeeper.subject_access.lead import choose_lead
from tests.factory import Factory

API = "/api/v1/subject-access"


def _post(client: Client, url: str, body: dict[str, Any], method: str = "post") -> Any:
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


def test_an_officer_works_a_request_through_the_api(
    factory: Factory, officer_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On 1 April 2027: the request, its pause and its restart are all in the past.
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: dt.date(2027, 4, 1))
    made = _post(
        officer_client,
        f"{API}/home/requests",
        {"requester": "witness", "name": "Wendy Witness", "received_on": "2027-01-31"},
    )
    assert made.status_code == 201, made.content
    request = made.json()
    assert (request["reference"], request["due"]) == (f"SAR-{request['id']:04d}", "2027-03-01")
    url = f"{API}/home/requests/{request['id']}"

    paused = _post(
        officer_client,
        f"{url}/pause",
        {"reason": "identity", "paused_on": "2027-02-01", "note": "Passport asked for"},
    )
    assert paused.status_code == 200 and paused.json()["paused_since"] == "2027-02-01"
    restarted = _post(officer_client, f"{url}/restart", {"resumed_on": "2027-02-06"})
    assert restarted.json()["due"] == "2027-03-05"
    extended = _post(officer_client, f"{url}/extend", {"months": 2, "reason": "Complex"})
    assert extended.json()["due"] == "2027-05-05"
    refused = _post(officer_client, f"{url}/restart", {"resumed_on": "2027-02-07"})
    assert refused.status_code == 422 and refused.json()["detail"] == "The clock is not paused."

    built = officer_client.post(f"{url}/pack")
    assert built.status_code == 200
    assert built.json()["content"]["person"] == "Wendy Witness"
    today = "2027-04-01"
    not_read = _post(
        officer_client, f"{url}/pack/release", {"reviewed": False, "released_on": today}
    )
    assert (not_read.status_code, not_read.json()["field"]) == (422, "reviewed")
    released = _post(
        officer_client, f"{url}/pack/release", {"reviewed": True, "released_on": today}
    )
    assert released.json()["released_on"] == today
    assert officer_client.get(url).json()["answered"] is True


def test_the_lead_reads_the_access_log_and_no_one_else(
    factory: Factory, officer: User, officer_client: Client, auditor_client: Client
) -> None:
    officer_client.get(f"/api/v1/cases/home/{factory.the_case.pk}")
    assert officer_client.get(f"{API}/home/access-log").status_code == 403
    lead = _post(officer_client, f"{API}/home/data-protection-lead", {"user_id": officer.pk}, "put")
    assert lead.status_code == 200 and lead.json()["user_id"] == officer.pk
    log = officer_client.get(f"{API}/home/access-log").json()
    assert log["count"] == 1
    assert {k: log["readings"][0][k] for k in ("reader_id", "role", "kind", "record_id")} == {
        "reader_id": officer.pk,
        "role": "officer",
        "kind": "case",
        "record_id": factory.the_case.pk,
    }
    assert auditor_client.get(f"{API}/home/access-log").status_code == 403
    auditor = User.objects.get(grants__role="auditor")
    not_officer = _post(
        officer_client, f"{API}/home/data-protection-lead", {"user_id": auditor.pk}, "put"
    )
    assert (not_officer.status_code, not_officer.json()["field"]) == (422, "user_id")


def test_a_member_asks_through_the_api_and_sees_only_their_own(factory: Factory) -> None:
    record = factory.member_record
    client = Client()
    client.force_login(factory.member())
    asked = _post(client, f"{API}/mine/{record.pk}/requests", {"details": "Everything"})
    assert asked.status_code == 201
    assert asked.json()["received_on"] == timezone.localdate().isoformat()
    assert [r["id"] for r in client.get(f"{API}/mine/{record.pk}/requests").json()["requests"]] == [
        asked.json()["id"]
    ]
    other = factory.panel_member()
    assert client.get(f"{API}/mine/{other.pk}/requests").status_code == 404
    pack = client.get(f"{API}/mine/{record.pk}/requests/{asked.json()['id']}/pack")
    assert pack.status_code == 404  # not built, let alone released


def test_anyone_reads_the_privacy_notice(factory: Factory, officer: User) -> None:
    choose_lead(organisation=factory.home, user=officer, actor=officer, today=dt.date(2026, 12, 1))
    notice = Client().get(f"{API}/home/privacy-notice").json()
    assert notice["organisation"] == "Home Housing"
    assert notice["data_protection_lead"] == "Olive Officer"
    assert "Who read a confidential record" in [kind["title"] for kind in notice["kinds"]]
    assert {
        "what": "Closed cases that found a breach",
        "how_long": "6 years",
        "after": "the last step of the case",
    } in notice["kept"]
    assert Client().get(f"{API}/nowhere/privacy-notice").status_code == 404
