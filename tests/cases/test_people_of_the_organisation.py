"""A case names only its own organisation's people: the seat picker lists no one tied
only to another landlord, and the pages and the API refuse such a person (Interpretation
11; DESIGN "Confidentiality by design")."""

from __future__ import annotations

import datetime as dt

from django.forms import ModelChoiceField
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import Grant
from panelkeeper.cases.forms import SeatForm
from panelkeeper.cases.models import CaseParty, Seat
from tests.cases.helpers import date_input
from tests.factory import Factory


def _open(factory: Factory) -> None:
    from panelkeeper.cases.changes.steps import open_investigation

    open_investigation(
        case=factory.the_case,
        actor=None,
        effective=dt.date(2026, 11, 3),
        today=dt.date(2026, 11, 23),
    )


def test_the_seat_picker_lists_the_organisations_people_once_and_no_other_landlords(
    factory: Factory,
) -> None:
    officer = factory.officer()
    also_auditor = factory.staff(Grant.Role.AUDITOR, first_name="Twice", last_name="Granted")
    Grant.objects.create(user=also_auditor, organisation=factory.home, role=Grant.Role.OFFICER)
    untied = factory.user(first_name="Ivy", last_name="Impartial")
    outsider = factory.outsider()
    other_member = factory.panel_member(factory.group(factory.other))
    other_member.user = factory.user(first_name="Otto", last_name="Othermember")
    other_member.save(update_fields=["user"])

    field = SeatForm(case=factory.the_case).fields["user"]
    assert isinstance(field, ModelChoiceField)
    offered = list(field.queryset)

    assert officer in offered and untied in offered
    assert offered.count(also_auditor) == 1
    assert outsider not in offered
    assert other_member.user not in offered


def test_the_api_refuses_to_seat_another_organisations_officer(
    factory: Factory, officer_client: Client
) -> None:
    factory.code_in_force("vela")
    _open(factory)
    url = f"/api/v1/cases/home/{factory.the_case.pk}/steps/seat"
    body = {
        "role_key": "customer_involvement_team",
        "user_id": factory.outsider().pk,
        "effective": "2026-11-04",
    }
    response = officer_client.post(url, body, content_type="application/json")
    assert response.status_code == 422, response.content
    refusal = response.json()
    assert refusal["rule"] == "Interpretation 11"
    assert refusal["field"] == "user"
    assert "this organisation" in refusal["detail"]
    assert not Seat.objects.exists()


def test_the_api_refuses_to_add_another_organisations_officer_to_a_case(
    factory: Factory, officer_client: Client
) -> None:
    url = f"/api/v1/cases/home/{factory.the_case.pk}/steps/add-person"
    body = {"role": "witness", "user_id": factory.outsider().pk, "effective": "2026-11-04"}
    response = officer_client.post(url, body, content_type="application/json")
    assert response.status_code == 422, response.content
    assert response.json()["rule"] == "Interpretation 11"
    assert not CaseParty.objects.filter(user__isnull=False).exists()


def test_the_seat_page_refuses_another_organisations_officer(
    factory: Factory, officer_client: Client
) -> None:
    factory.code_in_force("vela")
    _open(factory)
    url = reverse(
        "cases:action", kwargs={"org": "home", "pk": factory.the_case.pk, "action": "seat"}
    )
    page = officer_client.get(url).content.decode()
    outsider = factory.outsider()
    assert "Owen Outsider" not in page
    response = officer_client.post(
        url,
        {
            "role_key": "customer_involvement_team",
            "user": outsider.pk,
            **date_input("effective", dt.date(2026, 11, 4)),
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Seat.objects.exists()


def test_a_person_tied_to_no_organisation_may_still_sit_on_one_case(
    factory: Factory, officer_client: Client
) -> None:
    factory.code_in_force("vela")
    _open(factory)
    url = f"/api/v1/cases/home/{factory.the_case.pk}/steps/seat"
    body = {
        "role_key": "service_improvement_team",
        "user_id": factory.user().pk,
        "effective": "2026-11-04",
    }
    response = officer_client.post(url, body, content_type="application/json")
    assert response.status_code == 200, response.content
    assert Seat.objects.count() == 1
