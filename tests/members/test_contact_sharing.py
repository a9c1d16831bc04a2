"""A member gives or withdraws their own consent to share contact details (CONF-7),
on the portal page and through the API; their group then sees them, or does not."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client
from django.urls import reverse

from panelkeeper.audit.models import AuditEntry
from panelkeeper.members.models import Member
from tests.factory import Factory


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def group_page_seen_by_another_member(factory: Factory) -> str:
    """The group page as the advocate sees it for the member they act for."""
    url = reverse("members:my_group", kwargs={"member": factory.advocated_record.pk})
    return client_for(factory.advocate()).get(url).content.decode()


def sharing_url(member: Member) -> str:
    return reverse("members:contact_sharing", kwargs={"member": member.pk})


def api_url(member: Member) -> str:
    return f"/api/v1/my/{member.pk}/contact-sharing"


def put(client: Client, url: str, body: object) -> Any:
    return client.put(url, json.dumps(body), content_type="application/json")


def with_contacts(factory: Factory) -> Member:
    member = factory.member_record
    Member.objects.filter(pk=member.pk).update(email="mina@example.org", phone="0777 000111")
    member.refresh_from_db()
    return member


def test_a_member_agrees_on_their_page_and_the_group_then_sees_their_details_conf_7(
    factory: Factory,
) -> None:
    member = with_contacts(factory)
    assert "mina@example.org" not in group_page_seen_by_another_member(factory)
    client = client_for(factory.member())
    page = client.get(sharing_url(member)).content.decode()
    assert "mina@example.org" in page and "Do you agree to share" in page
    response = client.post(sharing_url(member), {"share": "yes"})
    assert response.status_code == 302
    assert response["Location"] == reverse("members:my_record", kwargs={"member": member.pk})
    member.refresh_from_db()
    assert member.share_contact_details
    entry = AuditEntry.objects.get(action="member.contact_consent_given")
    assert entry.actor == factory.member() and entry.fields == ["share_contact_details"]
    record = client.get(response["Location"]).content.decode()
    assert "Contact details are now shown to the other members" in record
    seen = group_page_seen_by_another_member(factory)
    assert "mina@example.org" in seen and "0777 000111" in seen


def test_a_member_withdraws_consent_on_their_page_and_the_group_no_longer_sees_them_conf_7(
    factory: Factory,
) -> None:
    member = with_contacts(factory)
    Member.objects.filter(pk=member.pk).update(share_contact_details=True)
    assert "mina@example.org" in group_page_seen_by_another_member(factory)
    response = client_for(factory.member()).post(sharing_url(member), {"share": "no"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert not member.share_contact_details
    assert AuditEntry.objects.filter(action="member.contact_consent_withdrawn").count() == 1
    seen = group_page_seen_by_another_member(factory)
    assert "mina@example.org" not in seen and "0777 000111" not in seen


def test_no_answer_on_the_page_says_what_to_do_and_changes_nothing(factory: Factory) -> None:
    member = factory.member_record
    response = client_for(factory.member()).post(sharing_url(member), {})
    assert response.status_code == 200
    assert "Select yes if you agree to share your contact details" in response.content.decode()
    assert not AuditEntry.objects.filter(action__startswith="member.contact_consent").exists()


def test_the_same_answer_twice_records_nothing_more(factory: Factory) -> None:
    member = factory.member_record
    client = client_for(factory.member())
    client.post(sharing_url(member), {"share": "yes"})
    client.post(sharing_url(member), {"share": "yes"})
    assert AuditEntry.objects.filter(action="member.contact_consent_given").count() == 1


def test_an_advocate_answers_for_the_member_they_act_for_conf_7(factory: Factory) -> None:
    cared_for = factory.advocated_record
    client = client_for(factory.advocate())
    page = client.get(sharing_url(cared_for)).content.decode()
    assert "as their advocate" in page
    assert client.post(sharing_url(cared_for), {"share": "yes"}).status_code == 302
    cared_for.refresh_from_db()
    assert cared_for.share_contact_details
    entry = AuditEntry.objects.get(action="member.contact_consent_given")
    assert entry.actor == factory.advocate()


def test_nobody_answers_for_another_members_record(factory: Factory) -> None:
    other = factory.panel_member(full_name="Someone Else")
    client = client_for(factory.member())
    assert client.post(sharing_url(other), {"share": "yes"}).status_code == 404
    assert put(client, api_url(other), {"share_contact_details": True}).status_code == 404
    other.refresh_from_db()
    assert not other.share_contact_details


def test_a_member_gives_and_withdraws_consent_through_the_api_conf_7(factory: Factory) -> None:
    member = with_contacts(factory)
    client = client_for(factory.member())
    given = put(client, api_url(member), {"share_contact_details": True})
    assert given.status_code == 200, given.content
    assert given.json()["share_contact_details"] is True
    assert "mina@example.org" in group_page_seen_by_another_member(factory)
    withdrawn = put(client, api_url(member), {"share_contact_details": False})
    assert withdrawn.json()["share_contact_details"] is False
    assert "mina@example.org" not in group_page_seen_by_another_member(factory)
    actions = list(
        AuditEntry.objects.filter(action__startswith="member.contact_consent").values_list(
            "action", flat=True
        )
    )
    assert sorted(actions) == ["member.contact_consent_given", "member.contact_consent_withdrawn"]


def test_the_api_refuses_an_answer_that_is_not_yes_or_no_and_saves_nothing(
    factory: Factory,
) -> None:
    member = factory.member_record
    client = client_for(factory.member())
    for body in ({}, {"share_contact_details": "perhaps"}):
        response = put(client, api_url(member), body)
        assert response.status_code == 422
        assert "share_contact_details" in response.json()["detail"]
    member.refresh_from_db()
    assert not member.share_contact_details
