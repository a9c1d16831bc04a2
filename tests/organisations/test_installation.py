"""Installation administrators list every organisation and start new ones, on a page and
through the API, with the same checks as ``panelkeeper setup``."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import Invitation
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations import founding
from panelkeeper.organisations.models import Organisation, PolicyVersion
from panelkeeper.outbox.models import Message
from tests.factory import Factory

KESTREL = {
    "name": "Kestrel Homes",
    "slug": "kestrel",
    "region": "ENG",
    "preset": "thirteen",
    "officer_email": "jo@kestrel.example",
}


def _admin_client(factory: Factory) -> Client:
    client = Client()
    client.force_login(factory.admin())
    return client


def test_an_administrator_starts_an_organisation_from_a_page(factory: Factory) -> None:
    client = _admin_client(factory)
    response = client.post(reverse("organisations:found"), KESTREL)
    assert response.status_code == 302
    organisation = Organisation.objects.get(slug="kestrel")
    assert PolicyVersion.objects.get(organisation=organisation).preset == "thirteen"
    invitation = Invitation.objects.get(organisation=organisation)
    assert (invitation.email, invitation.role) == ("jo@kestrel.example", "officer")
    assert Message.objects.filter(to_address="jo@kestrel.example").exists()
    listing = client.get(reverse("organisations:installation")).content.decode()
    assert "Kestrel Homes" in listing
    # The administrator holds no grant: the organisation's own pages stay closed.
    assert client.get(reverse("organisations:home", kwargs={"org": "kestrel"})).status_code == 404


def test_a_taken_short_name_is_refused_on_its_field_and_nothing_is_saved(
    factory: Factory,
) -> None:
    factory.home  # noqa: B018
    client = _admin_client(factory)
    response = client.post(reverse("organisations:found"), {**KESTREL, "slug": "home"})
    assert response.status_code == 200
    assert "The short name home is taken" in response.content.decode()
    assert Organisation.objects.count() == 1
    assert not Invitation.objects.exists() and not Message.objects.exists()


def test_the_api_starts_an_organisation_with_the_same_checks(factory: Factory) -> None:
    client = _admin_client(factory)
    url = "/api/v1/installation/organisations"
    bad = client.post(url, {**KESTREL, "officer_email": "jo"}, content_type="application/json")
    assert bad.status_code == 422
    assert bad.json()["field"] == "email"
    assert not Organisation.objects.filter(slug="kestrel").exists()
    made = client.post(url, KESTREL, content_type="application/json")
    assert made.status_code == 201
    assert made.json()["slug"] == "kestrel"
    assert client.get(url).json()["count"] == 1


def test_staff_and_tokens_cannot_start_organisations(factory: Factory) -> None:
    officer = factory.officer()
    client = Client()
    client.force_login(officer)
    assert client.get(reverse("organisations:installation")).status_code == 403
    token = factory.token(officer).plaintext
    response = Client().get(
        "/api/v1/installation/organisations", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 403


def test_a_short_name_taken_after_the_check_is_refused_in_the_same_words(
    factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two people starting the same short name at once: the check passes for both, the
    unique constraint refuses the second, and the answer is the check's refusal."""
    admin = factory.admin(email="installer@example.org")
    monkeypatch.setattr(founding, "check_details", lambda **kw: (kw["name"], kw["slug"]))
    with pytest.raises(Refused) as refusal:
        founding.found_organisation(
            name="Another Home",
            slug=factory.home.slug,
            region="ENG",
            preset="thirteen",
            officer_email="jo@example.org",
            actor=admin,
        )
    assert refusal.value.field == "slug"
    assert f"The short name {factory.home.slug} is taken" in str(refusal.value)
    assert Organisation.objects.filter(slug=factory.home.slug).count() == 1
    assert not Invitation.objects.filter(email="jo@example.org").exists()
