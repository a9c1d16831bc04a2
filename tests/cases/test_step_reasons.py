"""The reasons given when a member is suspended and when the suspension is lifted are kept
on the case's record and shown with its steps, through the API and the pages (BR-9)."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from panelkeeper.cases.changes.steps import inform_member
from panelkeeper.cases.models import Case, CaseEvent
from panelkeeper.rules.ladder.case import EventKind
from tests.cases.helpers import date_input
from tests.factory import Factory

TODAY = dt.date(2026, 11, 23)
SUSPENDED, LIFTED = dt.date(2026, 11, 4), dt.date(2026, 11, 12)
WHY_SUSPENDED = "Contacted the reporter about the complaint."
WHY_LIFTED = "The reporter has moved away."


def _investigating(factory: Factory) -> Case:
    case = factory.the_case
    inform_member(case=case, actor=None, effective=dt.date(2026, 11, 3), today=TODAY)
    return case


def _reasons(case: Case) -> dict[str, str]:
    kinds = (EventKind.SUSPENDED, EventKind.SUSPENSION_LIFTED)
    return {e.kind: e.reason for e in CaseEvent.objects.filter(case=case, kind__in=kinds)}


def test_the_api_keeps_and_shows_the_reasons_for_a_suspension_and_its_lifting_br_9(
    factory: Factory, officer_client: Client
) -> None:
    case = _investigating(factory)
    steps = f"/api/v1/cases/home/{case.pk}/steps"
    for action, body in (
        ("suspend", {"effective": SUSPENDED.isoformat(), "reason": WHY_SUSPENDED}),
        ("lift-suspension", {"effective": LIFTED.isoformat(), "reason": f"  {WHY_LIFTED} "}),
    ):
        response = officer_client.post(f"{steps}/{action}", body, content_type="application/json")
        assert response.status_code == 200, response.content
    assert _reasons(case) == {"suspended": WHY_SUSPENDED, "suspension_lifted": WHY_LIFTED}
    events = officer_client.get(f"/api/v1/cases/home/{case.pk}").json()["events"]
    assert [(e["kind"], e["reason"]) for e in events[-2:]] == [
        ("suspended", WHY_SUSPENDED),
        ("suspension_lifted", WHY_LIFTED),
    ]


def test_the_pages_keep_and_show_the_reasons_for_a_suspension_and_its_lifting_br_9(
    factory: Factory, officer_client: Client
) -> None:
    case = _investigating(factory)
    for action, day, why in (
        ("suspend", SUSPENDED, WHY_SUSPENDED),
        ("lift-suspension", LIFTED, WHY_LIFTED),
    ):
        url = reverse("cases:action", kwargs={"org": "home", "pk": case.pk, "action": action})
        assert "Reason (optional)" in officer_client.get(url).content.decode()
        response = officer_client.post(url, {**date_input("effective", day), "reason": why})
        assert response.status_code == 302, response.content.decode()[:3000]
    assert _reasons(case) == {"suspended": WHY_SUSPENDED, "suspension_lifted": WHY_LIFTED}
    page = officer_client.get(reverse("cases:detail", kwargs={"org": "home", "pk": case.pk}))
    assert WHY_SUSPENDED in page.content.decode() and WHY_LIFTED in page.content.decode()


def test_a_suspension_and_its_lifting_still_need_no_reason_br_9(
    factory: Factory, officer_client: Client
) -> None:
    case = _investigating(factory)
    steps = f"/api/v1/cases/home/{case.pk}/steps"
    for action, day in (("suspend", SUSPENDED), ("lift-suspension", LIFTED)):
        response = officer_client.post(
            f"{steps}/{action}", {"effective": day.isoformat()}, content_type="application/json"
        )
        assert response.status_code == 200, response.content
    assert _reasons(case) == {"suspended": "", "suspension_lifted": ""}


def test_a_reason_longer_than_the_page_takes_is_refused_by_the_api_as_by_the_page(
    factory: Factory, officer_client: Client
) -> None:
    """A suspension's reason and a withdrawal's are held to the 2,000 characters their
    forms take: refused on the field, with the form's words, and nothing is recorded."""
    case = _investigating(factory)
    too_long = "x" * 2001
    steps = f"/api/v1/cases/home/{case.pk}/steps"
    before = CaseEvent.objects.filter(case=case).count()
    for action in ("suspend", "withdraw"):
        url = reverse("cases:action", kwargs={"org": "home", "pk": case.pk, "action": action})
        page = officer_client.post(url, {**date_input("effective", SUSPENDED), "reason": too_long})
        assert page.status_code == 200
        api = officer_client.post(
            f"{steps}/{action}",
            {"effective": SUSPENDED.isoformat(), "reason": too_long},
            content_type="application/json",
        )
        assert api.status_code == 422, api.content
        refusal = api.json()
        assert refusal["field"] == "reason"
        assert refusal["detail"] in page.content.decode()
    assert CaseEvent.objects.filter(case=case).count() == before
