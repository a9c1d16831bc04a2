"""An outcome that ends membership sets the member's ``ended_on`` in the same step, and an
appeal that undoes it clears it again, through the API and the pages (BR-10, BR-12)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from django.urls import reverse

from panelkeeper.cases.changes.people import seat_investigator
from panelkeeper.cases.changes.steps import convene_group, inform_member, record_determination
from panelkeeper.cases.models import Case
from panelkeeper.members.models import Member
from tests.cases.helpers import date_input
from tests.factory import Factory

TODAY = dt.date(2026, 11, 23)
DECIDED = dt.date(2026, 11, 10)


def _found_major(factory: Factory) -> Case:
    """``the_case`` (vela) with a major breach found on 10 November: asking to leave is open."""
    case = factory.the_case
    inform_member(case=case, actor=None, effective=dt.date(2026, 11, 3), today=TODAY)
    for role in ("customer_involvement_team", "service_improvement_team"):
        seat_investigator(
            case=case, role_key=role, user=factory.invited_to_case(case), actor=None,
            effective=dt.date(2026, 11, 4), today=TODAY,
        )  # fmt: skip
    seat_investigator(
        case=case, role_key="involved_customer", member=factory.involved_customer(), actor=None,
        effective=dt.date(2026, 11, 4), today=TODAY,
    )  # fmt: skip
    convene_group(case=case, actor=None, effective=dt.date(2026, 11, 5), today=TODAY)
    record_determination(case=case, level="major", actor=None, effective=DECIDED, today=TODAY)
    return case


def _ended_on(member: Member) -> dt.date | None:
    member.refresh_from_db()
    return member.ended_on


def test_asked_to_leave_through_the_api_ends_membership_and_overturning_it_restores_it_br_12(
    factory: Factory, officer_client: Client
) -> None:
    case = _found_major(factory)
    steps = f"/api/v1/cases/home/{case.pk}/steps"

    def step(action: str, body: dict[str, Any]) -> None:
        response = officer_client.post(f"{steps}/{action}", body, content_type="application/json")
        assert response.status_code == 200, response.content

    step("outcome", {"outcome": "asked_to_leave", "effective": DECIDED.isoformat()})
    assert _ended_on(case.member) == DECIDED
    step("notice", {"sent_on": "2026-11-11", "to": "Sam Subject", "channel": "post"})
    step("appeal", {"received_on": "2026-11-16"})
    assert _ended_on(case.member) == DECIDED
    step(
        "decide-appeal",
        {"result": "overturned", "reason": "The evidence did not hold.", "effective": "2026-11-20"},
    )
    assert _ended_on(case.member) is None


def test_asked_to_leave_on_the_pages_ends_membership_and_a_varied_appeal_restores_it_br_12(
    factory: Factory, officer_client: Client
) -> None:
    case = _found_major(factory)

    def step(action: str, data: dict[str, str]) -> None:
        url = reverse("cases:action", kwargs={"org": "home", "pk": case.pk, "action": action})
        response = officer_client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:3000]

    step("outcome", {"outcome": "asked_to_leave", **date_input("effective", DECIDED)})
    assert _ended_on(case.member) == DECIDED
    step(
        "notice",
        {"to": "Sam Subject", "channel": "post", **date_input("sent_on", dt.date(2026, 11, 11))},
    )
    step("appeal", date_input("received_on", dt.date(2026, 11, 16)))
    step(
        "decide-appeal",
        {
            "result": "varied",
            "reason": "Too harsh.",
            "outcome": "final_written_warning",
            **date_input("effective", dt.date(2026, 11, 20)),
        },
    )
    assert _ended_on(case.member) is None
