"""The investigating group is made up as the code says (BR-6): thirteen's convener plus at
least one impartial member, the convener never counting as one; staff seats for staff and
member seats for members. Through the API and the case page alike."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from panelkeeper.cases.changes.steps import open_investigation
from panelkeeper.cases.models import Case
from panelkeeper.rules.ladder.case import EventKind
from tests.cases.helpers import api_step, date_input
from tests.factory import Factory

ON = dt.date(2026, 11, 4)


def _thirteen_case(factory: Factory) -> Case:
    member = factory.panel_member()
    case = factory.breach_case(member, preset="thirteen", clauses=["code_of_conduct"])
    open_investigation(case=case, actor=None, effective=dt.date(2026, 11, 3))
    return case


def test_the_convener_alone_ticked_impartial_is_not_the_whole_group_br_6(
    factory: Factory, officer_client: Client
) -> None:
    case = _thirteen_case(factory)
    convener = factory.officer(first_name="Erin", last_name="Convener")
    seated = api_step(
        officer_client,
        case,
        "seat",
        {"role_key": "customer_experience_manager", "user_id": convener.pk, "impartial": True},
    )
    assert seated["status"] == 200
    refused = api_step(officer_client, case, "convene", {})
    assert refused["status"] == 422
    assert refused["rule"] == "BR-6"
    assert "impartial member besides the Customer Experience Manager" in str(refused["detail"])
    assert not case.events.filter(kind=EventKind.GROUP_CONVENED).exists()

    page = reverse("cases:action", kwargs={"org": "home", "pk": case.pk, "action": "convene"})
    response = officer_client.post(page, date_input("effective", ON))
    assert response.status_code == 200
    assert "besides the Customer Experience Manager" in response.content.decode()
    assert not case.events.filter(kind=EventKind.GROUP_CONVENED).exists()

    other = factory.officer(first_name="Femi", last_name="Fair")
    body = {"role_key": "head_of_touchpoints", "user_id": other.pk, "impartial": True}
    assert api_step(officer_client, case, "seat", body)["status"] == 200
    assert api_step(officer_client, case, "convene", {})["status"] == 200


def test_a_member_seat_takes_a_member_not_staff_br_6(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.the_case
    staff = factory.officer(first_name="Sam", last_name="Staff")
    body = {"role_key": "involved_customer", "user_id": staff.pk}
    refused = api_step(officer_client, case, "seat", body)
    assert refused["status"] == 422 and refused["rule"] == "BR-6"
    assert "is for a member of the group, not a member of staff" in str(refused["detail"])
    page = reverse("cases:action", kwargs={"org": "home", "pk": case.pk, "action": "seat"})
    response = officer_client.post(
        page, {"role_key": "involved_customer", "user": staff.pk, **date_input("effective", ON)}
    )
    assert response.status_code == 200
    assert "is for a member of the group" in response.content.decode()
    assert not case.seats.exists()
