"""The members API: what the pages do, with the same refusals."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.test import Client

from panelkeeper.members.models import Member, MemberStatus, Signature
from tests.factory import Factory

API = "/api/v1/members/home"


def post(client: Client, url: str, body: dict[str, Any], method: str = "post") -> Any:
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


def test_an_officer_adds_and_reads_a_member(factory: Factory, officer_client: Client) -> None:
    body = {
        "group_id": factory.panel().pk,
        "full_name": "Api Person",
        "customer_type": "applicant",
        "started_on": "2026-02-02",
    }
    response = post(officer_client, f"{API}/members", body)
    assert response.status_code == 201, response.content
    member_id = response.json()["id"]
    detail = officer_client.get(f"{API}/members/{member_id}").json()
    assert detail["customer_type"] == "applicant" and detail["full_name"] == "Api Person"
    listed = officer_client.get(f"{API}/members", {"q": "api"}).json()["members"]
    assert [m["id"] for m in listed] == [member_id]


def test_an_unknown_customer_type_is_refused_with_its_field(
    factory: Factory, officer_client: Client
) -> None:
    body = {
        "group_id": factory.panel().pk,
        "full_name": "Api Person",
        "customer_type": "landlord",
        "started_on": "2026-02-02",
    }
    response = post(officer_client, f"{API}/members", body)
    assert response.status_code == 422
    assert response.json()["field"] == "customer_type"
    assert not Member.objects.exists()


def test_an_end_before_the_start_is_refused_on_patch(
    factory: Factory, officer_client: Client
) -> None:
    member = factory.panel_member()
    response = post(
        officer_client, f"{API}/members/{member.pk}", {"ended_on": "2025-01-01"}, "patch"
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith("The end date must be after the start date")
    member.refresh_from_db()
    assert member.ended_on is None


def test_status_history_and_eligibility_on_a_date(factory: Factory, officer_client: Client) -> None:
    member = factory.panel_member()
    body = {"status": "suspended", "reason": "Pending", "effective_from": "2026-03-02"}
    assert post(officer_client, f"{API}/members/{member.pk}/statuses", body).status_code == 201
    history = officer_client.get(f"{API}/members/{member.pk}/statuses").json()["statuses"]
    assert [h["status"] for h in history] == ["active", "suspended"]
    before = officer_client.get(f"{API}/members/{member.pk}/eligibility", {"on": "2026-03-01"})
    after = officer_client.get(f"{API}/members/{member.pk}/eligibility", {"on": "2026-03-02"})
    assert before.json()["eligible"] is True
    assert after.json()["eligible"] is False
    assert after.json()["reasons"][0]["hurdle"] == "suspended"
    assert MemberStatus.objects.filter(member=member).count() == 2


def test_an_auditor_reads_but_cannot_change(factory: Factory, auditor_client: Client) -> None:
    member = factory.panel_member()
    assert auditor_client.get(f"{API}/members/{member.pk}").status_code == 200
    body = {"status": "ended", "reason": "x", "effective_from": "2026-03-02"}
    assert post(auditor_client, f"{API}/members/{member.pk}/statuses", body).status_code == 403


def test_documents_are_published_and_signatures_countersigned(
    factory: Factory, officer_client: Client
) -> None:
    factory.published_version(preset="vela", in_force_from=dt.date(2026, 1, 5))
    body = {
        "key": "code_of_conduct",
        "label": "1",
        "text": "# Code\n\nBe fair.",
        "published_on": "2026-01-05",
        "citable_clauses": ["1"],
    }
    created = post(officer_client, f"{API}/documents", body)
    assert created.status_code == 201
    version_id = created.json()["id"]
    member = factory.member_record
    member_client = Client()
    member_client.force_login(factory.member())
    signed = post(
        member_client,
        f"/api/v1/my/{member.pk}/signatures",
        {"version_id": version_id, "read_and_understood": True, "typed_name": "Mina Member"},
    )
    assert signed.status_code == 201, signed.content
    signature_id = signed.json()["id"]
    counter = post(officer_client, f"{API}/signatures/{signature_id}/countersign", {})
    assert counter.status_code == 201
    assert counter.json()["countersigned_by"] == "Olive Officer"
    mine = member_client.get(f"/api/v1/my/{member.pk}/signatures").json()["signatures"]
    assert mine[0]["countersigned_on"] is not None


def test_signing_with_an_empty_name_through_the_api_is_refused(factory: Factory) -> None:
    version = factory.document_version()
    client = Client()
    client.force_login(factory.member())
    response = post(
        client,
        f"/api/v1/my/{factory.member_record.pk}/signatures",
        {"version_id": version.pk, "read_and_understood": True, "typed_name": " "},
    )
    assert response.status_code == 422
    assert response.json() == {
        "detail": "Enter your full name to sign",
        "rule": "validation",
        "field": "typed_name",
        "problems": [],
    }
    assert not Signature.objects.exists()


def test_no_operation_changes_or_deletes_a_signature(
    factory: Factory, officer_client: Client
) -> None:
    from panelkeeper.api import api

    signature_paths = [
        (path, method)
        for bound in api._get_bound_routers()
        for path, view in bound.path_operations.items()
        for operation in view.operations
        for method in operation.methods
        if "signature" in path
    ]
    assert signature_paths and all(method in ("GET", "POST") for _, method in signature_paths)


def test_import_checks_then_saves_all_or_nothing(factory: Factory, officer_client: Client) -> None:
    factory.panel()
    good = (
        "full_name,customer_type,group,started_on\nAnn,tenant,Customer Scrutiny Panel,2026-01-31\n"
    )
    dry = post(officer_client, f"{API}/import", {"csv": good, "dry_run": True})
    assert dry.json() == {"saved": False, "rows": 1, "member_ids": [], "invited": 0}
    assert not Member.objects.exists()
    bad = good + "Bob,tenant,Customer Scrutiny Panel,yesterday\n"
    refused = post(officer_client, f"{API}/import", {"csv": bad})
    assert refused.status_code == 422
    assert refused.json()["problems"][0]["line"] == 3
    assert not Member.objects.exists()
    saved = post(officer_client, f"{API}/import", {"csv": good})
    assert saved.json()["saved"] is True and Member.objects.count() == 1
    exported = officer_client.get(f"{API}/export")
    assert "Ann" in exported.content.decode()


def test_a_token_for_another_organisation_sees_no_member(factory: Factory) -> None:
    member = factory.member_record
    from panelkeeper.accounts.models import Grant

    both = factory.officer()  # an officer of home and of the other organisation
    Grant.objects.create(user=both, organisation=factory.other, role=Grant.Role.OFFICER)
    theirs = Client(
        headers={"Authorization": f"Bearer {factory.token(both, factory.other).plaintext}"}
    )
    ours = Client(headers={"Authorization": f"Bearer {factory.token(both).plaintext}"})
    assert theirs.get(f"{API}/members/{member.pk}").status_code == 404
    assert ours.get(f"{API}/members/{member.pk}").status_code == 200


def test_claims_and_appraisals_through_the_api(factory: Factory, officer_client: Client) -> None:
    member = factory.member_record
    created = post(
        officer_client,
        f"{API}/members/{member.pk}/expenses",
        {"kind": "reward", "activity": "Review", "activity_on": "2026-03-03", "amount": "20"},
    )
    assert created.status_code == 201
    expense_id = created.json()["id"]
    refused = post(officer_client, f"{API}/expenses/{expense_id}/decision", {"state": "refused"})
    assert refused.json()["field"] == "reason"
    approved = post(officer_client, f"{API}/expenses/{expense_id}/decision", {"state": "approved"})
    assert approved.json()["state"] == "approved"
    appraisal = post(
        officer_client,
        f"{API}/members/{member.pk}/appraisals",
        {"kind": "appointment", "held_on": "2026-01-05", "training_needs": "Induction"},
    )
    assert appraisal.status_code == 201
    listed = officer_client.get(f"{API}/members/{member.pk}/appraisals").json()["appraisals"]
    assert listed[0]["training_needs"] == "Induction"


def test_an_officer_enters_a_paper_signature_with_its_scan(
    factory: Factory, officer_client: Client
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    version = factory.document_version()
    member = factory.member_record
    url = f"{API}/members/{member.pk}/paper-signatures"
    fields = {"version_id": version.pk, "typed_name": "Mina Member", "signed_on": "2026-02-03"}
    missing = officer_client.post(url, fields)
    assert missing.status_code == 422 and missing.json()["field"] == "scan"
    scan = SimpleUploadedFile("paper.pdf", b"%PDF-1.4", content_type="application/pdf")
    response = officer_client.post(url, {**fields, "scan": scan})
    assert response.status_code == 201, response.content
    assert response.json()["method"] == "paper"
    assert Signature.objects.get().entered_by is not None


def test_a_patch_with_nulls_is_refused_not_crashed(
    factory: Factory, officer_client: Client
) -> None:
    member = factory.panel_member(email="keep@example.org")
    url = f"{API}/members/{member.pk}"
    refused = post(officer_client, url, {"large_print": None}, "patch")
    assert refused.status_code == 422 and refused.json()["field"] == "large_print"
    refused = post(officer_client, url, {"full_name": None}, "patch")
    assert refused.json()["detail"] == "Enter the member's full name"
    cleared = post(officer_client, url, {"email": None}, "patch")
    assert cleared.status_code == 200 and cleared.json()["email"] == ""


def test_a_typed_name_other_than_the_members_is_refused_through_the_api_mem_3(
    factory: Factory,
) -> None:
    version = factory.document_version()
    client = Client()
    client.force_login(factory.member())
    url = f"/api/v1/my/{factory.member_record.pk}/signatures"
    body = {"version_id": version.pk, "read_and_understood": True, "typed_name": "Someone Else"}
    response = post(client, url, body)
    assert response.status_code == 422
    refusal = response.json()
    assert refusal["rule"] == "MEM-3" and refusal["field"] == "typed_name"
    assert (
        "Mina Member" in refusal["detail"] and "I sign with a different name" in refusal["detail"]
    )
    assert not Signature.objects.exists()


def test_a_member_signs_through_the_api_with_a_name_they_confirm_they_use_mem_3(
    factory: Factory,
) -> None:
    version = factory.document_version()
    client = Client()
    client.force_login(factory.member())
    url = f"/api/v1/my/{factory.member_record.pk}/signatures"
    body = {"version_id": version.pk, "read_and_understood": True, "typed_name": "mina  MEMBER"}
    matching = post(client, url, body)
    assert matching.status_code == 201, matching.content
    assert matching.json()["typed_name"] == "mina MEMBER"
    assert matching.json()["different_name"] is False
    body = {**body, "typed_name": "Mina Smith", "different_name": True}
    other = post(client, url, body)
    assert other.status_code == 201, other.content
    assert other.json()["different_name"] is True
    assert Signature.objects.get(pk=other.json()["id"]).typed_name == "Mina Smith"
