"""The published registers show no contact details and no third party's name."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.registers.interests import update_register_settings
from tests.factory import Factory

CONTACTS = {
    "email": "pat.private@example.org",
    "phone": "07700 900123",
    "address": "14 Quiet Lane, Hartlepool TS24 8AB",
}
GIVERS = ["Brightside Roofing Ltd", "Mrs Ada Giverton", "Harbour Lifts Group"]


@pytest.fixture
def published(factory: Factory, officer: User) -> Factory:
    update_register_settings(
        organisation=factory.home, review_months=12, published=True, actor=officer
    )
    return factory


def fill(factory: Factory) -> None:
    member = factory.panel_member(full_name="Pat Private", **CONTACTS)
    factory.interest(member, description="Chair of the Hope Street residents' group")
    factory.interest(member, description="An old job", ends_on=dt.date(2026, 3, 1))
    for giver in GIVERS:
        factory.gift(member, giver_name=giver, description=f"Hospitality {giver[:3]}")


def test_the_public_page_is_not_found_until_the_registers_are_published(
    client: Client, factory: Factory
) -> None:
    fill(factory)
    url = reverse("registers:public", kwargs={"org": factory.home.slug})
    assert client.get(url).status_code == 404
    assert client.get(reverse("registers:public", kwargs={"org": "nowhere"})).status_code == 404


def test_the_published_page_shows_the_registers_without_contacts_or_givers_names(
    client: Client, published: Factory
) -> None:
    fill(published)
    officer_names = [u.get_full_name() for u in User.objects.all()]
    page = client.get(reverse("registers:public", kwargs={"org": published.home.slug}))
    assert page.status_code == 200
    text = page.text
    assert "Pat Private" in text and "Chair of the Hope Street residents" in text
    assert "An old job" not in text  # only interests current today
    gifts = client.get(page.request["PATH_INFO"], {"register": "gifts"}).text
    assert "A contractor or supplier" in gifts and "£25.00" in gifts
    for secret in [*CONTACTS.values(), *GIVERS, *officer_names]:
        assert secret not in text and secret not in gifts, secret
    for register in ("interests", "gifts"):
        api = client.get(f"/api/v1/registers/public/{published.home.slug}/{register}")
        assert api.status_code == 200 and api.json()["count"] >= 1
        for secret in [*CONTACTS.values(), *GIVERS, *officer_names]:
            assert secret not in api.text, secret
        assert "Pat Private" in api.text


@pytest.mark.parametrize(
    "query", [{}, {"register": "gifts"}, {"register": "gifts", "page": "2"}, "interests", "gifts"]
)
def test_the_public_page_runs_the_same_queries_at_3_and_30_entries(
    client: Client, published: Factory, query: dict[str, str] | str
) -> None:
    slug = published.home.slug
    url = reverse("registers:public", kwargs={"org": slug})
    if isinstance(query, str):
        url, query = f"/api/v1/registers/public/{slug}/{query}", {}

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, query).status_code == 200
        return len(captured)

    member = published.panel_member()
    for _ in range(3):
        published.interest(member)
        published.gift(member)
    few = count()
    for _ in range(27):
        published.interest(published.panel_member())
        published.gift(member)
    assert count() == few
