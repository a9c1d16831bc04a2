"""The member portal: own record, signing, PDFs, the group list (MEM-3, CONF-7)."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from panelkeeper.members.models import Signature
from tests.factory import Factory


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_a_member_reads_and_signs_a_document_mem_3(factory: Factory) -> None:
    factory.published_version(preset="vela", in_force_from=dt.date(2026, 1, 5))
    version = factory.document_version("code_of_conduct", text="# Code\n\nBe kind.")
    member = factory.member_record
    client = client_for(factory.member())
    record = client.get(reverse("members:my_record", kwargs={"member": member.pk})).content.decode()
    sign_url = reverse("members:sign", kwargs={"member": member.pk, "version": version.pk})
    assert sign_url in record
    page = client.get(sign_url).content.decode()
    assert "<p>Be kind.</p>" in page
    response = client.post(
        sign_url,
        {"read_and_understood": "on", "typed_name": "Mina Member", "text_hash": version.text_hash},
    )
    assert response.status_code == 302
    signature = Signature.objects.get(member=member)
    assert signature.version == version and signature.typed_name == "Mina Member"
    after = client.get(response["Location"]).content.decode()
    assert "You signed" in after


def test_signing_with_an_empty_name_says_what_to_do_and_saves_nothing(factory: Factory) -> None:
    version = factory.document_version()
    member = factory.member_record
    client = client_for(factory.member())
    url = reverse("members:sign", kwargs={"member": member.pk, "version": version.pk})
    response = client.post(url, {"read_and_understood": "on", "text_hash": version.text_hash})
    assert response.status_code == 200
    assert "Enter your full name to sign" in response.content.decode()
    response = client.post(url, {"typed_name": "Mina", "text_hash": version.text_hash})
    assert "Confirm that you have read and understood the document" in response.content.decode()
    assert not Signature.objects.exists()


def test_a_member_cannot_open_or_sign_for_another_member(factory: Factory) -> None:
    other = factory.panel_member(full_name="Someone Else")
    version = factory.document_version()
    client = client_for(factory.member())
    assert client.get(reverse("members:my_record", kwargs={"member": other.pk})).status_code == 404
    url = reverse("members:sign", kwargs={"member": other.pk, "version": version.pk})
    response = client.post(url, {"read_and_understood": "on", "typed_name": "X", "text_hash": "x"})
    assert response.status_code == 404
    assert not Signature.objects.exists()


def test_a_member_cannot_download_another_members_signature(factory: Factory) -> None:
    other = factory.panel_member(full_name="Someone Else")
    signature = factory.signature(other, factory.document_version())
    client = client_for(factory.member())
    mine = factory.member_record
    url = reverse("members:my_pdf", kwargs={"member": mine.pk, "signature": signature.pk})
    assert client.get(url).status_code == 404


def test_a_member_downloads_their_signed_pdf(factory: Factory) -> None:
    signature = factory.signature(factory.member_record, factory.document_version())
    client = client_for(factory.member())
    url = reverse(
        "members:my_pdf", kwargs={"member": factory.member_record.pk, "signature": signature.pk}
    )
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_an_advocate_acts_only_for_the_members_they_act_for(factory: Factory) -> None:
    cared_for = factory.advocated_record
    client = client_for(factory.advocate())
    page = client.get(reverse("members:my_record", kwargs={"member": cared_for.pk}))
    assert page.status_code == 200
    assert "as their advocate" in page.content.decode()
    other = factory.member_record
    assert client.get(reverse("members:my_record", kwargs={"member": other.pk})).status_code == 404


def test_an_advocate_signs_for_the_member_and_is_recorded_as_the_actor(factory: Factory) -> None:
    from panelkeeper.audit.models import AuditEntry

    version = factory.document_version()
    cared_for = factory.advocated_record
    client = client_for(factory.advocate())
    url = reverse("members:sign", kwargs={"member": cared_for.pk, "version": version.pk})
    client.post(
        url,
        {
            "read_and_understood": "on",
            "typed_name": "Arthur Advocated",
            "text_hash": version.text_hash,
        },
    )
    assert Signature.objects.get().member == cared_for
    assert AuditEntry.objects.get(action="signature.online").actor == factory.advocate()


def test_a_typed_name_other_than_the_members_is_refused_on_the_page_mem_3(
    factory: Factory,
) -> None:
    version = factory.document_version()
    member = factory.member_record
    client = client_for(factory.member())
    url = reverse("members:sign", kwargs={"member": member.pk, "version": version.pk})
    form = {"read_and_understood": "on", "typed_name": "Someone Else"}
    response = client.post(url, {**form, "text_hash": version.text_hash})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Type the name on the record, Mina Member" in page
    assert "I sign with a different name" in page
    assert not Signature.objects.exists()


def test_a_member_who_signs_with_a_different_name_ticks_the_box_and_it_is_recorded_mem_3(
    factory: Factory,
) -> None:
    version = factory.document_version()
    member = factory.member_record
    client = client_for(factory.member())
    url = reverse("members:sign", kwargs={"member": member.pk, "version": version.pk})
    form = {"read_and_understood": "on", "typed_name": "Mina Smith", "different_name": "on"}
    response = client.post(url, {**form, "text_hash": version.text_hash})
    assert response.status_code == 302
    signature = Signature.objects.get(member=member)
    assert signature.typed_name == "Mina Smith" and signature.different_name
    assert "You signed the" in client.get(response["Location"]).content.decode()
    record = reverse("members:my_record", kwargs={"member": member.pk})
    assert "a name other than the one on the record" in client.get(record).content.decode()


def test_an_advocate_types_the_members_name_not_their_own_mem_3(factory: Factory) -> None:
    version = factory.document_version()
    cared_for = factory.advocated_record
    client = client_for(factory.advocate())
    url = reverse("members:sign", kwargs={"member": cared_for.pk, "version": version.pk})
    form = {"read_and_understood": "on", "text_hash": version.text_hash}
    response = client.post(url, {**form, "typed_name": "Ada Advocate"})
    assert "Type the name on the record, Arthur Advocated" in response.content.decode()
    response = client.post(url, {**form, "typed_name": "arthur advocated"})
    assert response.status_code == 302
    assert not Signature.objects.get(member=cared_for).different_name


def test_other_members_show_by_name_and_role_with_contacts_only_by_consent_conf_7(
    factory: Factory,
) -> None:
    factory.panel_member(full_name="Shy Member", email="shy@example.org", phone="0111")
    factory.panel_member(
        full_name="Open Member", email="open@example.org", share_contact_details=True
    )
    client = client_for(factory.member())
    url = reverse("members:my_group", kwargs={"member": factory.member_record.pk})
    page = client.get(url).content.decode()
    assert "Shy Member" in page and "shy@example.org" not in page and "0111" not in page
    assert "open@example.org" in page


def test_the_portal_lists_every_record_a_person_may_open(factory: Factory) -> None:
    user = factory.advocate()
    factory.panel_member(full_name="Second Person", advocate=user)
    page = client_for(user).get(reverse("members:portal")).content.decode()
    assert "Arthur Advocated" in page and "Second Person" in page


def test_staff_have_no_member_records_of_their_own(
    factory: Factory, officer_client: Client
) -> None:
    page = officer_client.get(reverse("members:portal")).content.decode()
    assert "There is no member record for you" in page
