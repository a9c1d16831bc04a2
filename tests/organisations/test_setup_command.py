"""``panelkeeper setup``: an administrator, an organisation from a preset, an officer invited."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import Grant, Invitation, User
from panelkeeper.organisations.models import Organisation, PolicyVersion
from panelkeeper.outbox.models import Message
from tests.factory import Factory

KESTREL = {
    "organisation": "Kestrel Homes",
    "slug": "kestrel",
    "region": "ENG",
    "preset": "thirteen",
    "officer": "jo@kestrel.example",
}


def _setup(**options: Any) -> str:
    out = StringIO()
    call_command("setup", interactive=False, stdout=out, **options)
    return out.getvalue()


def _links(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines() if line.strip().startswith("http")]


@pytest.mark.django_db
def test_setup_makes_the_administrator_the_organisation_and_the_officers_invitation() -> None:
    output = _setup(**KESTREL, admin="it@kestrel.example", base_url="https://pk.kestrel.example")
    admin_link, officer_link = _links(output)
    assert admin_link.startswith("https://pk.kestrel.example/invitations/")
    organisation = Organisation.objects.get(slug="kestrel")
    assert (organisation.name, organisation.region) == ("Kestrel Homes", "ENG")
    draft = PolicyVersion.objects.get(organisation=organisation)
    assert (draft.status, draft.preset) == ("draft", "thirteen")
    admin = User.objects.get(email="it@kestrel.example")
    assert admin.administers_installation and not admin.has_usable_password()
    officer_invitation = Invitation.objects.get(organisation=organisation)
    assert (officer_invitation.email, officer_invitation.role) == ("jo@kestrel.example", "officer")
    assert Message.objects.filter(to_address="jo@kestrel.example").count() == 1
    assert Message.objects.filter(to_address="it@kestrel.example").count() == 1

    # The officer opens the link, sets a password, and is the organisation's officer.
    client = Client()
    response = client.post(
        officer_link.removeprefix("https://pk.kestrel.example"),
        {
            "first_name": "Jo",
            "last_name": "Bird",
            "password": "kestrel-panel-2026",
            "password_again": "kestrel-panel-2026",
        },
    )
    assert response.status_code == 302
    assert Grant.objects.filter(
        user__email="jo@kestrel.example", organisation=organisation, role="officer"
    ).exists()
    assert client.get(reverse("today:today", kwargs={"org": "kestrel"})).status_code == 200


@pytest.mark.django_db
def test_a_second_organisation_needs_no_new_administrator(factory: Factory) -> None:
    factory.admin(email="it@example.org")
    output = _setup(**KESTREL)
    assert len(_links(output)) == 1
    assert User.objects.filter(administers_installation=True).count() == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"slug": "home"}, "The short name home is taken"),
        ({"slug": "not a slug"}, "Enter a short name of letters"),
        ({"preset": "acme"}, "Choose a preset"),
        ({"region": "FRA"}, "Choose a region"),
        ({"officer": "jo-at-kestrel"}, "correct format"),
        ({"organisation": "  "}, "Enter the organisation's name"),
    ],
)
def test_bad_input_says_what_is_wrong_and_saves_nothing(
    factory: Factory, change: dict[str, str], message: str
) -> None:
    factory.home  # noqa: B018  # takes the short name "home"
    before = (User.objects.count(), Organisation.objects.count(), Message.objects.count())
    with pytest.raises(CommandError, match=message):
        _setup(**{**KESTREL, **change}, admin="it@kestrel.example")
    after = (User.objects.count(), Organisation.objects.count(), Message.objects.count())
    assert after == before
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_without_an_administrator_and_without_input_it_asks_for_admin() -> None:
    with pytest.raises(CommandError, match="--admin"):
        _setup(**KESTREL)
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_a_malformed_administrator_address_saves_nothing() -> None:
    with pytest.raises(CommandError, match="correct format"):
        _setup(**KESTREL, admin="nobody")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_it_asks_for_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["Kestrel Homes", "kestrel", "eng", "Thirteen", "jo@kestrel.example", "it@k.ex"])
    monkeypatch.setattr("builtins.input", lambda question: next(answers))
    out = StringIO()
    call_command("setup", stdout=out)
    assert Organisation.objects.get(slug="kestrel").region == "ENG"
    assert len(_links(out.getvalue())) == 2
