"""Officers' member pages: list, add, edit, status, member page, documents (MEM-1, MEM-2)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.audit.models import AuditEntry
from panelkeeper.members.models import Countersignature, Member, MemberStatus, Status
from tests.factory import Factory


def date_parts(name: str, day: dt.date) -> dict[str, str]:
    return {
        f"{name}_day": str(day.day),
        f"{name}_month": str(day.month),
        f"{name}_year": str(day.year),
    }


def new_member(factory: Factory, **changes: str) -> dict[str, str]:
    return {
        "full_name": "Pat Example",
        "group": str(factory.panel().pk),
        "customer_type": "leaseholder",
        "role": "member",
        "contact_by": "post",
        **date_parts("started_on", dt.date(2026, 2, 2)),
        **changes,
    }


def test_an_officer_adds_a_member_mem_1(factory: Factory, officer_client: Client) -> None:
    url = reverse("members:add", kwargs={"org": factory.home.slug})
    response = officer_client.post(url, new_member(factory, email="pat@example.org"))
    member = Member.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "members:detail", kwargs={"org": factory.home.slug, "pk": member.pk}
    )
    assert member.customer_type == "leaseholder" and member.email == "pat@example.org"
    assert MemberStatus.objects.get(member=member).status == Status.ACTIVE
    assert AuditEntry.objects.filter(action="member.added", object_id=str(member.pk)).exists()
    page = officer_client.get(response["Location"])
    assert "Pat Example added" in page.content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"full_name": ""}, "Enter the member&#x27;s full name"),
        ({"customer_type": "landlord"}, "Select the kind of customer from the list"),
        (
            {**date_parts("ended_on", dt.date(2026, 1, 1))},
            "The end date must be after the start date",
        ),
        ({"contact_by": "email"}, "Enter an email address, or choose post"),
        ({"user_email": "nobody@example.org"}, "No one signs in with that email"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(
    factory: Factory, officer_client: Client, changes: dict[str, str], message: str
) -> None:
    url = reverse("members:add", kwargs={"org": factory.home.slug})
    response = officer_client.post(url, new_member(factory, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not Member.objects.exists()
    assert not AuditEntry.objects.exists()


def test_a_group_of_another_organisation_cannot_be_chosen(
    factory: Factory, officer_client: Client
) -> None:
    theirs = factory.group(factory.other)
    url = reverse("members:add", kwargs={"org": factory.home.slug})
    response = officer_client.post(url, new_member(factory, group=str(theirs.pk)))
    assert response.status_code == 200
    assert not Member.objects.exists()


def test_an_officer_edits_a_record_and_the_changed_fields_are_audited(
    factory: Factory, officer_client: Client
) -> None:
    member = factory.panel_member(full_name="Pat Example", customer_type="tenant")
    url = reverse("members:edit", kwargs={"org": factory.home.slug, "pk": member.pk})
    data = new_member(factory, large_print="on", share_contact_details="on")
    response = officer_client.post(url, {**data, **date_parts("started_on", member.started_on)})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.large_print and member.share_contact_details
    entry = AuditEntry.objects.get(action="member.updated")
    assert entry.fields == ["customer_type", "large_print", "share_contact_details"]


def test_a_status_change_is_recorded_from_a_date(factory: Factory, officer_client: Client) -> None:
    member = factory.panel_member()
    url = reverse("members:status", kwargs={"org": factory.home.slug, "pk": member.pk})
    response = officer_client.post(
        url,
        {
            "status": "suspended",
            "reason": "Pending a decision",
            **date_parts("effective_from", dt.date(2026, 3, 2)),
        },
    )
    assert response.status_code == 302
    entry = MemberStatus.objects.filter(member=member).last()
    assert entry is not None and entry.status == Status.SUSPENDED
    page = officer_client.get(response["Location"]).content.decode()
    assert "is suspended from 2 March 2026" in page
    assert "Pending a decision" in page


def test_a_future_status_date_is_refused(factory: Factory, officer_client: Client) -> None:
    member = factory.panel_member()
    url = reverse("members:status", kwargs={"org": factory.home.slug, "pk": member.pk})
    response = officer_client.post(
        url,
        {
            "status": "ended",
            "reason": "Moved away",
            **date_parts("effective_from", dt.date(2030, 1, 1)),
        },
    )
    assert response.status_code == 200
    assert "must be today or in the past" in response.content.decode()
    assert MemberStatus.objects.filter(member=member).count() == 1


def test_the_list_searches_by_name(factory: Factory, officer_client: Client) -> None:
    factory.panel_member(full_name="Alice Able")
    factory.panel_member(full_name="Bob Baker")
    url = reverse("members:list", kwargs={"org": factory.home.slug})
    page = officer_client.get(url, {"q": "alice"}).content.decode()
    assert "Alice Able" in page and "Bob Baker" not in page


def test_the_list_shows_only_the_organisations_members(
    factory: Factory, officer_client: Client
) -> None:
    factory.panel_member(full_name="Ours Member")
    factory.panel_member(factory.group(factory.other), full_name="Theirs Member")
    page = officer_client.get(reverse("members:list", kwargs={"org": factory.home.slug}))
    assert "Ours Member" in page.content.decode()
    assert "Theirs Member" not in page.content.decode()


def list_queries(client: Client, factory: Factory, count: int) -> int:
    for _ in range(count):
        factory.panel_member()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("members:list", kwargs={"org": factory.home.slug}))
    assert response.status_code == 200
    return len(queries)


def test_the_list_runs_the_same_number_of_queries_for_3_and_30_members(
    factory: Factory, officer_client: Client
) -> None:
    at_three = list_queries(officer_client, factory, 3)
    at_thirty = list_queries(officer_client, factory, 27)
    assert at_three == at_thirty


def test_the_list_is_paginated(factory: Factory, officer_client: Client) -> None:
    for n in range(30):
        factory.panel_member(full_name=f"Member {n:02d}")
    url = reverse("members:list", kwargs={"org": factory.home.slug})
    first = officer_client.get(url).content.decode()
    second = officer_client.get(url, {"page": 2}).content.decode()
    assert "Member 00" in first and "Member 29" not in first
    assert "Member 29" in second


def test_the_member_page_shows_the_eligibility_checklist(
    factory: Factory, officer_client: Client
) -> None:
    factory.published_version(preset="vela", in_force_from=dt.date(2026, 1, 5))
    member = factory.member_record
    factory.document_version("code_of_conduct", title="Code of Conduct")
    url = reverse("members:detail", kwargs={"org": factory.home.slug, "pk": member.pk})
    page = officer_client.get(url).content.decode()
    assert "Not yet" in page
    assert "Code of Conduct is not signed" in page


def test_an_officer_countersigns_from_the_member_page_mem_4(
    factory: Factory, officer_client: Client, officer: object
) -> None:
    member = factory.member_record
    signature = factory.signature(member, factory.document_version())
    url = reverse("members:countersign", kwargs={"org": factory.home.slug, "pk": signature.pk})
    response = officer_client.post(url)
    assert response.status_code == 302
    counter = Countersignature.objects.get(signature=signature)
    assert counter.officer == officer
    again = officer_client.post(url, follow=True)
    assert "already countersigned" in again.content.decode()
    assert Countersignature.objects.count() == 1


def test_another_organisations_member_is_not_found(
    factory: Factory, officer_client: Client
) -> None:
    theirs = factory.panel_member(factory.group(factory.other))
    for name in ("members:detail", "members:edit", "members:status"):
        url = reverse(name, kwargs={"org": factory.home.slug, "pk": theirs.pk})
        assert officer_client.get(url).status_code == 404


def test_a_signature_pdf_holds_both_signatures(factory: Factory, officer_client: Client) -> None:
    signature = factory.signature(factory.member_record, factory.document_version())
    factory.countersignature(signature)
    url = reverse("members:signature_pdf", kwargs={"org": factory.home.slug, "pk": signature.pk})
    response = officer_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_an_officer_publishes_a_document_version(factory: Factory, officer_client: Client) -> None:
    factory.published_version(preset="vela", in_force_from=dt.date(2026, 1, 5))
    url = reverse("members:add_version", kwargs={"org": factory.home.slug})
    response = officer_client.post(
        url,
        {
            "key": "terms_of_reference",
            "label": "2026-1",
            "text": "# Terms\n\n2.1 The panel meets monthly.",
            "citable_clauses": "2.1, 2.2",
            **date_parts("published_on", dt.date(2026, 1, 5)),
        },
    )
    assert response.status_code == 302
    page = officer_client.get(response["Location"]).content.decode()
    assert "<h2>Terms</h2>" in page and "2.1, 2.2" in page


def test_an_empty_document_text_is_refused(factory: Factory, officer_client: Client) -> None:
    factory.published_version(preset="vela", in_force_from=dt.date(2026, 1, 5))
    url = reverse("members:add_version", kwargs={"org": factory.home.slug})
    response = officer_client.post(
        url,
        {
            "key": "terms_of_reference",
            "label": "1",
            **date_parts("published_on", dt.date(2026, 1, 5)),
        },
    )
    assert "Enter the text of the document, or upload a file" in response.content.decode()


def test_the_member_page_answers_for_another_date(factory: Factory, officer_client: Client) -> None:
    member = factory.panel_member(started_on=dt.date(2026, 1, 5))
    url = reverse("members:detail", kwargs={"org": factory.home.slug, "pk": member.pk})
    page = officer_client.get(url, date_parts("on", dt.date(2026, 1, 4))).content.decode()
    assert "May take part on 4 January 2026?" in page
    assert "Membership starts on 5 January 2026" in page
    bad = officer_client.get(url, {"on_day": "31", "on_month": "2", "on_year": "2026"})
    assert "The date to check must be a real date" in bad.content.decode()


def test_a_countersignature_dated_before_the_signature_is_refused(
    factory: Factory, officer_client: Client
) -> None:
    signature = factory.signature(factory.member_record, factory.document_version())
    url = reverse("members:countersign", kwargs={"org": factory.home.slug, "pk": signature.pk})
    page = officer_client.post(
        url, date_parts("countersigned_on", dt.date(2026, 1, 1)), follow=True
    )
    assert "on or after 6 January 2026, when the member signed" in page.content.decode()
    page = officer_client.post(url, {"countersigned_on_day": "4"}, follow=True)
    assert "The date of the countersignature must include a month and year" in page.content.decode()
    assert not Countersignature.objects.exists()
