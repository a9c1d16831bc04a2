"""The members API invites members and advocates as the pages do, with the same refusals."""

from __future__ import annotations

from django.test import Client
from django.utils import timezone

from panelkeeper.accounts.models import Invitation
from panelkeeper.members.invitations import invite_member
from panelkeeper.outbox.models import Message
from tests.factory import Factory
from tests.members.test_api import API, post

CSV = "full_name,customer_type,group,started_on,email\n"


def test_an_officer_invites_a_member_and_reads_the_sign_in_state(
    factory: Factory, officer_client: Client
) -> None:
    member = factory.panel_member(email="pat@example.org")
    before = officer_client.get(f"{API}/members/{member.pk}").json()
    assert (before["sign_in"], before["invited_at"]) == ("not_invited", None)
    response = post(officer_client, f"{API}/members/{member.pk}/invitations", {})
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["role"], body["member_id"], body["email"]) == (
        "member",
        member.pk,
        "pat@example.org",
    )
    assert "link" not in body and "token_hash" not in body
    after = officer_client.get(f"{API}/members/{member.pk}").json()
    assert after["sign_in"] == "invited" and after["invitation_expires_at"]
    listed = officer_client.get(f"{API}/members", {"sign_in": "invited"}).json()["members"]
    assert [m["id"] for m in listed] == [member.pk]
    waiting = officer_client.get(f"{API}/members/{member.pk}/invitations").json()["invitations"]
    assert [i["id"] for i in waiting] == [body["id"]]


def test_a_member_without_an_email_address_is_refused_in_words(
    factory: Factory, officer_client: Client
) -> None:
    member = factory.panel_member(full_name="Pat Kestrel")
    response = post(officer_client, f"{API}/members/{member.pk}/invitations", {})
    assert response.status_code == 422
    assert response.json()["detail"] == "Add an email address to the record of Pat Kestrel first"
    assert not Invitation.objects.exists()


def test_an_auditor_and_another_organisation_cannot_invite(
    factory: Factory, auditor_client: Client, outsider_client: Client
) -> None:
    member = factory.panel_member(email="pat@example.org")
    url = f"{API}/members/{member.pk}/invitations"
    assert post(auditor_client, url, {}).status_code == 403
    assert post(outsider_client, url, {}).status_code == 404
    assert (
        post(outsider_client, f"{API}/member-invitations", {"member_ids": [member.pk]}).status_code
        == 404
    )
    assert not Invitation.objects.exists()


def test_bulk_invitations_are_all_or_none(factory: Factory, officer_client: Client) -> None:
    ann = factory.panel_member(full_name="Ann Able", email="ann@example.org")
    bob = factory.panel_member(full_name="Bob Blank")
    stranger = factory.panel_member(factory.panel(factory.other), email="s@example.org")
    foreign = post(
        officer_client, f"{API}/member-invitations", {"member_ids": [ann.pk, stranger.pk]}
    )
    assert foreign.status_code == 422 and foreign.json()["field"] == "member_ids"
    refused = post(officer_client, f"{API}/member-invitations", {"member_ids": [ann.pk, bob.pk]})
    assert refused.status_code == 422
    assert "Bob Blank" in refused.json()["detail"]
    assert not Invitation.objects.exists()
    done = post(officer_client, f"{API}/member-invitations", {"member_ids": [ann.pk]})
    assert done.status_code == 201 and len(done.json()) == 1
    rest = post(officer_client, f"{API}/member-invitations/not-yet-invited", {})
    assert rest.status_code == 201 and rest.json() == []


def test_resend_withdraw_and_an_advocate_through_the_api(
    factory: Factory, officer_client: Client
) -> None:
    member = factory.panel_member(email="pat@example.org")
    invitation = invite_member(member=member, actor=None).invitation
    base = f"{API}/member-invitations/{invitation.pk}"
    assert post(officer_client, f"{base}/resend", {}).json()["sent"] == 2
    assert post(officer_client, f"{base}/withdraw", {}).json()["withdrawn_at"]
    again = post(officer_client, f"{base}/resend", {})
    assert again.status_code == 422 and "withdrawn" in again.json()["detail"]
    staff = factory.invitation()
    assert (
        post(
            officer_client, f"{API}/member-invitations/{staff.invitation.pk}/resend", {}
        ).status_code
        == 404
    )
    url = f"{API}/members/{member.pk}/advocate-invitations"
    bad = post(officer_client, url, {"email": "nope"})
    assert bad.status_code == 422 and bad.json()["field"] == "email"
    made = post(officer_client, url, {"email": "ada@example.org"})
    assert made.status_code == 201 and made.json()["role"] == "advocate"


def test_importing_with_invitations_checks_every_row_has_its_own_email(
    factory: Factory, officer_client: Client
) -> None:
    factory.panel()
    rows = (
        "Ann,tenant,Customer Scrutiny Panel,2026-01-31,ann@example.org\n"
        "Bob,tenant,Customer Scrutiny Panel,2026-01-31,\n"
        "Cat,tenant,Customer Scrutiny Panel,2026-01-31,ANN@example.org\n"
    )
    refused = post(officer_client, f"{API}/import", {"csv": CSV + rows, "invite": True})
    assert refused.status_code == 422
    assert [(p["line"], p["field"]) for p in refused.json()["problems"]] == [
        (3, "email"),
        (4, "email"),
    ]
    good = CSV + rows.splitlines()[0] + "\n"
    saved = post(officer_client, f"{API}/import", {"csv": good, "invite": True})
    assert saved.json()["invited"] == 1
    assert Invitation.objects.get().member_id == saved.json()["member_ids"][0]
    assert Message.objects.filter(key__startswith="invitation:").count() == 1
    assert timezone.now() < Invitation.objects.get().expires_at


def test_an_empty_choice_is_refused_naming_the_field(
    factory: Factory, officer_client: Client
) -> None:
    response = post(officer_client, f"{API}/member-invitations", {"member_ids": []})
    assert response.status_code == 422
    assert response.json()["field"] == "member_ids"
    assert response.json()["detail"] == "Select the members to invite"
