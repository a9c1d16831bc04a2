"""Who sees what of a case, beyond the staff matrix: the member it is about, an
investigator, the appeal officer, another member (DESIGN "Confidentiality by design")."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from tests.factory import Factory


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _my_case(case_id: int) -> str:
    return reverse("cases:my_case", kwargs={"case": case_id})


def test_the_member_sees_their_own_case_but_not_who_raised_it(factory: Factory) -> None:
    client = _client(factory.subject())
    response = client.get(_my_case(factory.the_case.pk))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Rita Reporter" not in page
    assert "has not agreed to be named" in page
    assert "You can still take part while this case goes on" in page
    api = client.get(f"/api/v1/cases/mine/{factory.the_case.pk}").json()
    assert api["reporter"] is None and api["description"] is None
    assert "Rita Reporter" not in str(api)


def test_the_member_is_told_who_raised_it_when_the_reporter_agreed(factory: Factory) -> None:
    case = factory.breach_case(reporter_consents_to_identity=True)
    client = _client(factory.subject())
    assert "Rita Reporter" in client.get(_my_case(case.pk)).content.decode()
    assert client.get(f"/api/v1/cases/mine/{case.pk}").json()["reporter"] == "Rita Reporter"


def test_the_member_sees_the_letters_sent_to_them_br_11(factory: Factory) -> None:
    factory.appeal_officer()
    page = _client(factory.subject()).get(_my_case(factory.the_case.pk)).content.decode()
    assert "11 November 2026, by email" in page


def test_the_member_cannot_open_the_officers_pages(factory: Factory) -> None:
    client = _client(factory.subject())
    url = reverse("cases:detail", kwargs={"org": "home", "pk": factory.the_case.pk})
    assert client.get(url).status_code == 404
    assert client.get(f"/api/v1/cases/home/{factory.the_case.pk}").status_code == 404


def test_an_investigator_sees_only_the_cases_they_sit_on(factory: Factory) -> None:
    investigator = factory.investigator()
    other = factory.breach_case(factory.panel_member())
    client = _client(investigator)
    assert client.get(_my_case(factory.the_case.pk)).status_code == 200
    assert client.get(_my_case(other.pk)).status_code == 404
    assert client.get(f"/api/v1/cases/mine/{other.pk}").status_code == 404
    mine = client.get("/api/v1/cases/mine").json()["cases"]
    assert [c["id"] for c in mine] == [factory.the_case.pk]
    decide = reverse("cases:decide_appeal", kwargs={"case": factory.the_case.pk})
    assert client.get(decide).status_code == 404


def test_the_appeal_officer_sees_only_the_appeal_put_to_them_br_12(factory: Factory) -> None:
    director = factory.appeal_officer()
    other = factory.breach_case(factory.panel_member())
    client = _client(director)
    assert client.get(_my_case(factory.the_case.pk)).status_code == 200
    decide = reverse("cases:decide_appeal", kwargs={"case": factory.the_case.pk})
    assert client.get(decide).status_code == 200
    assert client.get(_my_case(other.pk)).status_code == 404
    assert client.get(reverse("cases:list", kwargs={"org": "home"})).status_code == 404
    response = client.post(
        f"/api/v1/cases/mine/{factory.the_case.pk}/appeal-decision",
        {"result": "overturned", "reason": "Not proved.", "effective": "2026-11-20"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["appeal"]["result"] == "overturned"


@pytest.mark.parametrize("persona", ["member", "chair", "outsider", "auditor"])
def test_nobody_else_sees_a_case_through_the_participants_pages(
    factory: Factory, persona: str
) -> None:
    client = _client(getattr(factory, persona)())
    case = factory.the_case
    assert client.get(_my_case(case.pk)).status_code == 404
    assert client.get(f"/api/v1/cases/mine/{case.pk}").status_code == 404
    assert client.get("/api/v1/cases/mine").json()["cases"] == []


def test_another_organisations_case_answers_404_to_an_officer(factory: Factory) -> None:
    organisation = factory.other
    member = factory.panel_member(group=factory.group(organisation))
    case = factory.breach_case(member)
    client = _client(factory.officer())
    assert (
        client.get(reverse("cases:detail", kwargs={"org": "home", "pk": case.pk})).status_code
        == 404
    )
    assert (
        client.get(reverse("cases:detail", kwargs={"org": "other", "pk": case.pk})).status_code
        == 404
    )
    assert client.get(f"/api/v1/cases/home/{case.pk}").status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(factory: Factory) -> None:
    response = Client().get(_my_case(factory.the_case.pk))
    assert response.status_code == 302 and "sign-in" in response["Location"]
    assert Client().get(f"/api/v1/cases/mine/{factory.the_case.pk}").status_code == 401


def test_effective_dates_in_the_future_are_refused_by_the_api(factory: Factory) -> None:
    client = _client(factory.officer())
    url = f"/api/v1/cases/home/{factory.the_case.pk}/steps/open-investigation"
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    response = client.post(url, {"effective": future}, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["field"] == "effective"
