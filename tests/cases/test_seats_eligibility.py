"""A member sits on an investigating group only while eligible to take part (MEM-2).

Vela has members sign four documents. An involved customer who has signed three of them
may not vote, and may not sit either: seating them is refused saying what they still have
to sign, and a group whose seated member has lapsed since (a new version to re-sign,
MEM-6) is not convened until they re-sign or their seat is filled by someone who may.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.cases.changes.people import seat_investigator
from panelkeeper.cases.changes.steps import convene_group, inform_member
from panelkeeper.cases.models import Case, EventKind
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import DocumentVersion, Member
from tests.cases.helpers import date_input
from tests.factory import Factory

TODAY = dt.date(2026, 11, 23)
INFORMED, SEATED, CONVENED = dt.date(2026, 11, 3), dt.date(2026, 11, 4), dt.date(2026, 11, 5)


def _three_of_four(factory: Factory) -> Member:
    """A vela panel member who signed (and had countersigned) all but the Role Profile."""
    factory.involved_customer()  # the organisation's documents, one version each
    member = factory.panel_member(full_name="Tess Three")
    for version in DocumentVersion.objects.filter(document__organisation=factory.home).exclude(
        document__key="role_profile"
    ):
        factory.countersignature(factory.signature(member, version))
    return member


def _case_with_staff_seated(factory: Factory) -> Case:
    """The persona case informed, with both staff seats filled: only the member's is open."""
    case = factory.the_case
    inform_member(case=case, actor=None, effective=INFORMED, today=TODAY)
    for role in ("customer_involvement_team", "service_improvement_team"):
        seat_investigator(
            case=case,
            role_key=role,
            user=factory.invited_to_case(case),
            actor=None,
            effective=SEATED,
            today=TODAY,
        )
    return case


def _seat(case: Case, member: Member) -> None:
    seat_investigator(
        case=case,
        role_key="involved_customer",
        member=member,
        actor=None,
        effective=SEATED,
        today=TODAY,
    )


def test_a_member_with_a_document_unsigned_is_not_seated_mem_2(factory: Factory) -> None:
    case = _case_with_staff_seated(factory)
    with pytest.raises(Refused) as caught:
        _seat(case, _three_of_four(factory))
    refusal = caught.value
    assert (refusal.rule, refusal.field) == ("MEM-2", "member")
    assert refusal.message == (
        "Tess Three may not take part on 4 November 2026: Role Profile is not signed."
    )
    assert not case.seats.filter(member__isnull=False).exists()


def test_the_api_refuses_the_seat_with_what_is_still_to_sign_mem_2(
    factory: Factory, officer_client: Client
) -> None:
    case = _case_with_staff_seated(factory)
    response = officer_client.post(
        f"/api/v1/cases/home/{case.pk}/steps/seat",
        {
            "role_key": "involved_customer",
            "member_id": _three_of_four(factory).pk,
            "effective": SEATED.isoformat(),
        },
        content_type="application/json",
    )
    assert response.status_code == 422, response.content
    body = response.json()
    assert (body["rule"], body["field"]) == ("MEM-2", "member_id")  # as sent
    assert "Role Profile is not signed" in body["detail"]
    assert not case.seats.filter(member__isnull=False).exists()
    convened = officer_client.post(
        f"/api/v1/cases/home/{case.pk}/steps/convene",
        {"effective": CONVENED.isoformat()},
        content_type="application/json",
    )
    assert convened.status_code == 422 and convened.json()["rule"] == "BR-6"


def test_the_page_refuses_the_seat_on_the_form_mem_2(
    factory: Factory, officer_client: Client
) -> None:
    case = _case_with_staff_seated(factory)
    url = reverse("cases:action", kwargs={"org": "home", "pk": case.pk, "action": "seat"})
    response = officer_client.post(
        url,
        {
            "role_key": "involved_customer",
            "member": _three_of_four(factory).pk,
            **date_input("effective", SEATED),
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tess Three may not take part on 4 November 2026" in page
    assert "Role Profile is not signed" in page
    assert not case.seats.filter(member__isnull=False).exists()


def test_a_member_who_signed_all_four_is_seated_and_the_group_convenes_mem_2(
    factory: Factory,
) -> None:
    case = _case_with_staff_seated(factory)
    _seat(case, factory.involved_customer(full_name="Fay Four"))
    convene_group(case=case, actor=None, effective=CONVENED, today=TODAY)
    assert case.events.filter(kind=EventKind.GROUP_CONVENED).exists()


def _lapsed_after_seating(factory: Factory) -> Case:
    """A member seated while eligible, then a new Role Profile published the next day:
    their signature of the old one no longer counts (MEM-6)."""
    case = _case_with_staff_seated(factory)
    _seat(case, factory.involved_customer(full_name="Lou Lapsed"))
    factory.document_version("role_profile", published_on=CONVENED, label="2")
    return case


def test_a_group_whose_member_lapsed_after_seating_is_not_convened_mem_2(
    factory: Factory,
) -> None:
    case = _lapsed_after_seating(factory)
    with pytest.raises(Refused) as caught:
        convene_group(case=case, actor=None, effective=CONVENED, today=TODAY)
    assert caught.value.rule == "MEM-2"
    assert "Lou Lapsed may not take part on 5 November 2026" in caught.value.message
    assert "version 2 needs signing" in caught.value.message
    assert not case.events.filter(kind=EventKind.GROUP_CONVENED).exists()
    # Convened the day before the new version, the member was still eligible.
    convene_group(case=case, actor=None, effective=SEATED, today=TODAY)
    assert case.events.filter(kind=EventKind.GROUP_CONVENED).exists()


def test_the_api_and_the_page_refuse_to_convene_naming_the_lapsed_member_mem_2(
    factory: Factory, officer_client: Client
) -> None:
    case = _lapsed_after_seating(factory)
    response = officer_client.post(
        f"/api/v1/cases/home/{case.pk}/steps/convene",
        {"effective": CONVENED.isoformat()},
        content_type="application/json",
    )
    assert response.status_code == 422, response.content
    assert response.json()["rule"] == "MEM-2"
    assert "Lou Lapsed" in response.json()["detail"]
    url = reverse("cases:action", kwargs={"org": "home", "pk": case.pk, "action": "convene"})
    page = officer_client.post(url, date_input("effective", CONVENED))
    assert page.status_code == 200
    assert "Lou Lapsed may not take part on 5 November 2026" in page.content.decode()
    assert not case.events.filter(kind=EventKind.GROUP_CONVENED).exists()
