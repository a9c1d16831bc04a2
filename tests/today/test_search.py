"""The search for a member or a case: by name or email, by reference or member, only in
the organisation's own records; the page and the API check the question alike."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from panelkeeper.today.search import SHOWN
from tests.factory import Factory

SEARCH = reverse("today:search", kwargs={"org": "home"})
API = "/api/v1/organisations/home/search"


def test_a_member_is_found_by_part_of_their_name_or_email(
    factory: Factory, auditor_client: Client
) -> None:
    found = factory.panel_member(full_name="Priya Patel", email="priya@example.org")
    factory.panel_member(full_name="Someone Else", email="else@example.org")
    for words in ("patel", "PRIYA@", " Priya "):
        response = auditor_client.get(SEARCH, {"q": words})
        assert response.context["found"].members == [found]
    link = reverse("members:detail", kwargs={"org": "home", "pk": found.pk})
    assert f'href="{link}"' in auditor_client.get(SEARCH, {"q": "patel"}).content.decode()


def test_a_member_is_found_by_the_email_they_sign_in_with(
    factory: Factory, officer_client: Client
) -> None:
    record = factory.member_record
    assert record.user is not None
    record.user.email = "mina.signs.in@example.org"
    record.user.save(update_fields=["email"])
    assert officer_client.get(API, {"q": "signs.in"}).json()["members"][0]["id"] == record.pk


def test_a_case_is_found_by_its_reference_or_by_its_member(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.the_case
    for words in (case.reference, case.reference.lower(), str(case.pk), "Sam Subj"):
        response = officer_client.get(SEARCH, {"q": words})
        assert response.context["found"].cases == [case], words
    assert officer_client.get(API, {"q": case.reference}).json()["cases"] == [
        {
            "id": case.pk,
            "reference": case.reference,
            "member": "Sam Subject",
            "state": "Reported",
            "began_on": "2026-11-02",
        }
    ]


def test_another_organisations_members_and_cases_are_never_found(
    factory: Factory, officer_client: Client
) -> None:
    elsewhere = factory.panel_member(factory.group(factory.other), full_name="Olive Other")
    case = factory.breach_case(elsewhere)
    for words in ("Olive", case.reference):
        found = officer_client.get(SEARCH, {"q": words}).context["found"]
        assert found.members == [] and found.cases == []
        body = officer_client.get(API, {"q": words}).json()
        assert body["members_total"] == 0 and body["cases_total"] == 0


def test_an_empty_or_long_search_asks_again_on_the_page_and_is_refused_by_the_api(
    officer_client: Client,
) -> None:
    empty = officer_client.get(SEARCH, {"q": "   "})
    assert empty.status_code == 200
    assert "Enter a name, an email address or a case reference" in empty.content.decode()
    assert officer_client.get(SEARCH, {"q": "x" * 101}).context["form"].errors
    refused = officer_client.get(API, {"q": ""})
    assert refused.status_code == 422
    assert refused.json()["field"] == "q"
    assert refused.json()["detail"] == "Enter a name, an email address or a case reference"
    assert officer_client.get(API, {"q": "x" * 101}).status_code == 422


def test_the_page_without_a_question_shows_the_form_alone(officer_client: Client) -> None:
    response = officer_client.get(SEARCH)
    assert response.context["found"] is None
    assert not response.context["form"].errors


def test_many_matches_show_the_first_and_say_how_many(
    factory: Factory, officer_client: Client
) -> None:
    factory.many_members(SHOWN + 5)
    found = officer_client.get(SEARCH, {"q": "Member 0"}).context["found"]
    assert len(found.members) == SHOWN
    assert found.members_total == SHOWN + 5
