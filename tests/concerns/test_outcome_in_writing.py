"""Whoever raises a concern is asked whether they want the outcome in writing, where the
code in force sends it to them (insight, BR-11), and their answer travels to the case."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.cases.models import Case, PartyRole
from panelkeeper.concerns.models import Concern
from tests.concerns.conftest import report_data
from tests.factory import Factory

QUESTION = "Can we send you the outcome in writing?"
POSTAL = "4 Mill Lane, Leeds LS6 2AB"


@pytest.fixture
def insight(factory: Factory) -> Any:
    """``home`` under the insight preset, which tells the reporter the outcome."""
    factory.code_in_force("insight")
    return factory.home


def raise_url() -> str:
    return reverse("concerns:raise", kwargs={"org": "home"})


def named(**overrides: Any) -> dict[str, Any]:
    """A named report for a code with no anonymous route."""
    given = {"reporter_name": "Rhona Reporter", "reporter_contact": "rhona@example.org"}
    data = report_data(**(given | overrides))
    del data["anonymous"]
    return data


def test_insight_asks_whether_to_send_the_outcome_in_writing_br_11(insight: Any) -> None:
    page = Client().get(raise_url()).text
    assert QUESTION in page
    assert 'name="outcome_in_writing"' in page


@pytest.mark.parametrize("preset", ["thirteen", "vela"])
def test_codes_that_do_not_tell_the_reporter_do_not_ask_br_11(
    factory: Factory, preset: str
) -> None:
    factory.code_in_force(preset)
    page = Client().get(raise_url()).text
    assert QUESTION not in page
    assert 'name="outcome_in_writing"' not in page


def test_a_reporter_who_says_yes_with_an_email_address_is_recorded_br_11(insight: Any) -> None:
    response = Client().post(raise_url(), named(outcome_in_writing="yes"))
    assert response.status_code == 302
    concern = Concern.objects.get()
    assert concern.outcome_in_writing is True
    assert concern.reporter_contact == "rhona@example.org"


def test_a_postal_address_with_its_postcode_will_do_br_11(insight: Any) -> None:
    response = Client().post(raise_url(), named(outcome_in_writing="yes", reporter_contact=POSTAL))
    assert response.status_code == 302
    assert Concern.objects.get().outcome_in_writing is True


def test_saying_yes_with_only_a_phone_number_asks_for_an_address_br_11(insight: Any) -> None:
    response = Client().post(
        raise_url(), named(outcome_in_writing="yes", reporter_contact="07700 900123")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["reporter_contact"] == [
        "To be sent the outcome in writing, enter an email address or a postal address with "
        "its postcode"
    ]
    assert not Concern.objects.exists()


def test_the_question_must_be_answered_br_11(insight: Any) -> None:
    response = Client().post(raise_url(), named())
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["outcome_in_writing"] == ["Select yes if we can send you the outcome in writing"]
    assert not Concern.objects.exists()


def test_saying_no_keeps_a_phone_number_as_the_way_to_contact_them(insight: Any) -> None:
    response = Client().post(
        raise_url(), named(outcome_in_writing="no", reporter_contact="07700 900123")
    )
    assert response.status_code == 302
    concern = Concern.objects.get()
    assert concern.outcome_in_writing is False
    assert concern.reporter_contact == "07700 900123"


def test_under_thirteen_a_posted_answer_is_ignored(thirteen: Any) -> None:
    data = report_data(
        anonymous="no",
        reporter_name="Rhona Reporter",
        reporter_contact="rhona@example.org",
        outcome_in_writing="yes",
    )
    assert Client().post(raise_url(), data).status_code == 302
    assert Concern.objects.get().outcome_in_writing is False


def test_the_officer_sees_whether_to_send_the_outcome_in_writing_br_11(
    factory: Factory, officer_client: Client
) -> None:
    concern = factory.concern(preset="insight", outcome_in_writing=True)
    url = reverse("concerns:detail", kwargs={"org": "home", "pk": concern.pk})
    page = officer_client.get(url).text
    assert "Send them the outcome in writing?" in page
    assert "Yes, at the contact details above" in page


def test_the_api_takes_the_answer_and_refuses_a_phone_number_br_11(
    insight: Any, officer_client: Client
) -> None:
    body = {
        "what_happened": "Shouted at a tenant during the panel meeting.",
        "happened_on": "2026-11-12",
        "setting": "meeting",
        "reporter_kind": "customer",
        "reporter_name": "Rhona Reporter",
        "reporter_contact": "07700 900123",
        "outcome_in_writing": True,
    }
    url = "/api/v1/concerns/home"
    refused = Client().post(url, json.dumps(body), content_type="application/json")
    assert refused.status_code == 422
    assert not Concern.objects.exists()
    body["reporter_contact"] = "rhona@example.org"
    accepted = Client().post(url, json.dumps(body), content_type="application/json")
    assert accepted.status_code == 201
    concern = Concern.objects.get()
    assert concern.outcome_in_writing is True
    read = officer_client.get(f"{url}/{concern.pk}").json()
    assert read["outcome_in_writing"] is True


def test_the_api_refuses_the_answer_where_the_code_does_not_tell_the_reporter(
    thirteen: Any,
) -> None:
    body = {
        "what_happened": "Shouted at a tenant during the panel meeting.",
        "happened_on": "2026-11-12",
        "setting": "meeting",
        "reporter_kind": "customer",
        "reporter_name": "Rhona Reporter",
        "reporter_contact": "rhona@example.org",
        "outcome_in_writing": True,
    }
    response = Client().post(
        "/api/v1/concerns/home", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 422
    assert not Concern.objects.exists()


# Triage carries the answer to the case


def _triage(client: Client, concern: Concern, member: Any) -> Any:
    url = reverse("concerns:triage", kwargs={"org": "home", "pk": concern.pk})
    day = dt.date(2026, 11, 23)
    return client.post(
        url,
        {
            "member": str(member.pk),
            "effective_day": str(day.day),
            "effective_month": str(day.month),
            "effective_year": str(day.year),
            "description": "Shouted at a tenant during the panel meeting.",
            "setting": "meeting",
            "clauses": ["code_of_conduct"],
        },
    )


def test_triage_carries_the_address_and_the_agreement_to_the_case_br_11(
    factory: Factory, officer_client: Client
) -> None:
    concern = factory.concern(preset="insight", reporter_contact=POSTAL, outcome_in_writing=True)
    assert _triage(officer_client, concern, factory.panel_member()).status_code == 302
    reporter = Case.objects.get().parties.get(role=PartyRole.REPORTER)
    assert reporter.name == "Rhona Reporter"
    assert reporter.contact == POSTAL
    assert reporter.agreed_to_letters is True


def test_triage_copies_no_address_when_they_did_not_ask_for_the_outcome_in_writing(
    factory: Factory, officer_client: Client
) -> None:
    concern = factory.concern(preset="insight", outcome_in_writing=False)
    assert _triage(officer_client, concern, factory.panel_member()).status_code == 302
    reporter = Case.objects.get().parties.get(role=PartyRole.REPORTER)
    assert reporter.contact == "" and reporter.agreed_to_letters is False


def test_triage_never_copies_a_phone_number_onto_the_case(
    factory: Factory, officer_client: Client
) -> None:
    concern = factory.concern(preset="insight", reporter_contact="07700 900123")
    # Recorded before the form checked the address, say: a phone number takes no letter.
    Concern.objects.filter(pk=concern.pk).update(outcome_in_writing=True)
    response = _triage(officer_client, concern, factory.panel_member())
    assert response.status_code == 302
    reporter = Case.objects.get().parties.get(role=PartyRole.REPORTER)
    assert reporter.contact == "" and reporter.agreed_to_letters is False
    assert "07700" not in str(Case.objects.values().get())


def test_triage_of_an_anonymous_concern_carries_no_address(
    factory: Factory, officer_client: Client
) -> None:
    concern = factory.concern(anonymous=True)
    assert _triage(officer_client, concern, factory.panel_member()).status_code == 302
    assert not Case.objects.get().parties.exists()
