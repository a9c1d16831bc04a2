"""A case names only its own organisation's people and the people invited to that case:
the seat picker lists no one else, and the pages and the API refuse anyone else
(Interpretation 11; DESIGN "Confidentiality by design")."""

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


def test_the_seat_picker_lists_the_organisations_people_and_this_cases_guests_only(
    factory: Factory,
) -> None:
    officer = factory.officer()
    also_auditor = factory.staff(Grant.Role.AUDITOR, first_name="Twice", last_name="Granted")
    Grant.objects.create(user=also_auditor, organisation=factory.home, role=Grant.Role.OFFICER)
    guest = factory.invited_to_case(factory.the_case, first_name="Ivy", last_name="Impartial")
    untied = factory.user(first_name="Una", last_name="Untied")
    another_case = factory.breach_case(effective=dt.date(2026, 11, 9))
    guest_elsewhere = factory.invited_to_case(another_case, first_name="Gus", last_name="Else")
    other_case = factory.breach_case(factory.panel_member(factory.group(factory.other)))
    guest_of_other = factory.invited_to_case(other_case, first_name="Gil", last_name="Other")
    outsider = factory.outsider()
    other_member = factory.panel_member(factory.group(factory.other))
    other_member.user = factory.user(first_name="Otto", last_name="Othermember")
    other_member.save(update_fields=["user"])

    field = SeatForm(case=factory.the_case).fields["user"]
    assert isinstance(field, ModelChoiceField)
    offered = list(field.queryset)

    assert officer in offered and guest in offered
    assert offered.count(also_auditor) == 1
    assert outsider not in offered
    assert other_member.user not in offered
    assert untied not in offered and guest_elsewhere not in offered
    assert guest_of_other not in offered


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
    assert refusal["field"] == "user_id"  # as sent
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


def test_a_person_invited_to_the_case_may_sit_on_it(
    factory: Factory, officer_client: Client
) -> None:
    factory.code_in_force("vela")
    _open(factory)
    url = f"/api/v1/cases/home/{factory.the_case.pk}/steps/seat"
    body = {
        "role_key": "service_improvement_team",
        "user_id": factory.invited_to_case(factory.the_case).pk,
        "effective": "2026-11-04",
    }
    response = officer_client.post(url, body, content_type="application/json")
    assert response.status_code == 200, response.content
    assert Seat.objects.count() == 1


def test_a_person_tied_to_no_organisation_and_not_invited_may_not_sit(
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
    assert response.status_code == 422, response.content
    assert response.json()["rule"] == "Interpretation 11"
    assert not Seat.objects.exists()


def test_a_guest_of_another_case_may_not_sit_on_this_one(factory: Factory) -> None:
    from panelkeeper.cases.changes.people import seat_investigator
    from panelkeeper.lib.refusals import Refused

    factory.code_in_force("vela")
    another_case = factory.breach_case(effective=dt.date(2026, 11, 9))
    guest = factory.invited_to_case(another_case)
    try:
        seat_investigator(
            case=factory.the_case,
            role_key="service_improvement_team",
            user=guest,
            actor=None,
            effective=dt.date(2026, 11, 10),
            today=dt.date(2026, 11, 23),
        )
    except Refused as refused:
        assert refused.rule == "Interpretation 11"
    else:
        raise AssertionError("a guest of another case was seated")
    assert not Seat.objects.exists()
