"""Nobody records a level or an outcome before those who decide are in place (BR-6):
herefordshire's Chair and Customer Involvement Manager seated (the Vice Chair when the
Chair is the subject), nexus's Assistant Director holding the role. Through the API and
the case page alike; nothing is saved when refused."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from panelkeeper.cases.changes.people import seat_investigator
from panelkeeper.cases.changes.steps import open_investigation, record_determination
from panelkeeper.cases.models import Case
from panelkeeper.members.models import GroupRole
from panelkeeper.organisations.models import RoleHolder
from panelkeeper.rules.ladder.case import EventKind
from tests.cases.helpers import api_step, date_input
from tests.factory import Factory

OPENED = dt.date(2026, 11, 3)
ON = dt.date(2026, 11, 4)


def _herefordshire_case(factory: Factory) -> Case:
    case = factory.breach_case(
        factory.panel_member(), preset="herefordshire", clauses=["code_of_conduct"]
    )
    open_investigation(case=case, actor=None, effective=OPENED)
    return case


def _seat_the_pair(factory: Factory, case: Case) -> None:
    chair = factory.panel_member(group=case.member.group, role=GroupRole.CHAIR)
    factory.signed_up(chair, "herefordshire")
    for role_key, person in (
        ("chair", {"member": chair}),
        ("customer_involvement_manager", {"user": factory.officer()}),
    ):
        seat_investigator(
            case=case,
            role_key=role_key,
            actor=None,
            effective=ON,
            **person,  # type: ignore[arg-type]
        )


def test_herefordshire_refuses_a_level_with_nobody_seated_to_decide_br_6(
    factory: Factory, officer_client: Client
) -> None:
    case = _herefordshire_case(factory)
    refused = api_step(officer_client, case, "determine", {"level": "minor"})
    assert refused["status"] == 422 and refused["rule"] == "BR-6"
    detail = str(refused["detail"])
    assert detail.startswith("Those who decide must be in place before the level of breach")
    assert "Chair of the Challenge Group" in detail and "Customer Involvement Manager" in detail

    page = reverse("cases:action", kwargs={"org": "home", "pk": case.pk, "action": "determine"})
    response = officer_client.post(page, {"level": "minor", **date_input("effective", ON)})
    assert response.status_code == 200
    assert "Those who decide must be in place" in response.content.decode()
    assert not case.events.filter(kind=EventKind.LEVEL_DETERMINED).exists()

    _seat_the_pair(factory, case)
    assert api_step(officer_client, case, "determine", {"level": "serious"})["status"] == 200
    assert api_step(officer_client, case, "outcome", {"outcome": "suspension"})["status"] == 200


def test_herefordshire_refuses_an_outcome_once_a_decider_is_no_longer_seated_br_6(
    factory: Factory, officer_client: Client
) -> None:
    from panelkeeper.cases.changes.people import release_seat

    case = _herefordshire_case(factory)
    _seat_the_pair(factory, case)
    record_determination(case=case, level="serious", actor=None, effective=ON)
    release_seat(seat=case.seats.get(role_key="chair"), reason="Left the group.", actor=None)
    page = reverse("cases:action", kwargs={"org": "home", "pk": case.pk, "action": "outcome"})
    response = officer_client.post(page, {"outcome": "removal"})
    assert response.status_code == 200
    assert "before the outcome is recorded" in response.content.decode()
    refused = api_step(officer_client, case, "outcome", {"outcome": "removal"})
    assert refused["status"] == 422 and refused["rule"] == "BR-6"
    assert not case.events.filter(kind=EventKind.OUTCOME_RECORDED).exists()


def test_nexus_needs_an_assistant_director_to_decide_the_level_br_6(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.breach_case(factory.panel_member(), preset="nexus")
    open_investigation(case=case, actor=None, effective=OPENED)
    # The Assistant Director left at the end of October, and nobody has taken over yet.
    held = RoleHolder.objects.filter(organisation=case.organisation, role_key="assistant_director")
    assert held.update(effective_until=dt.date(2026, 11, 1)) == 1
    refused = api_step(
        officer_client, case, "determine", {"level": "minor", "effective": "2026-11-04"}
    )
    assert refused["status"] == 422 and refused["rule"] == "BR-6"
    assert "Nobody holds the role of Assistant Director" in str(refused["detail"])
    assert not case.events.filter(kind=EventKind.LEVEL_DETERMINED).exists()
    factory.role_holder("assistant_director", effective_from=dt.date(2026, 11, 2))
    assert api_step(officer_client, case, "determine", {"level": "minor"})["status"] == 200
