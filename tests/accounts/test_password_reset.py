"""Forgotten your password? A link by email, used once, to choose a new one."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.outbox.models import Message
from tests.accounts.signing import last_email_to, link_in, password_sign_in

FORGOTTEN = reverse("account_reset_password")
NEW_PASSWORD = "a brand new kestrel password"


@pytest.fixture(autouse=True)
def empty_cache(db: None) -> None:
    cache.clear()


def reset_link(client: Client, user: User) -> str:
    response = client.post(FORGOTTEN, {"email": user.email})
    assert response["Location"] == reverse("account_reset_password_done")
    return link_in(last_email_to(user.email))


def choose(client: Client, link: str, password: str) -> str:
    # The link's page moves the key out of the address before showing the form.
    form_page = client.get(link, follow=True)
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    response = client.post(action, {"password1": password, "password2": password})
    return str(response.get("Location", ""))


def test_the_sign_in_page_links_to_forgotten_password(client: Client, db: None) -> None:
    page = client.get(reverse("accounts:sign-in")).content.decode()
    assert "Forgotten your password?" in page
    assert FORGOTTEN in page


def test_a_person_resets_their_password_and_signs_in_with_it(client: Client, officer: User) -> None:
    link = reset_link(client, officer)
    assert choose(client, link, NEW_PASSWORD) == reverse("account_reset_password_from_key_done")
    officer.refresh_from_db()
    assert officer.check_password(NEW_PASSWORD)
    fresh = Client()
    password_sign_in(fresh, officer.email, NEW_PASSWORD)
    assert fresh.session[SESSION_KEY] == str(officer.pk)


def test_the_reset_is_audited_and_the_person_told(client: Client, officer: User) -> None:
    choose(client, reset_link(client, officer), NEW_PASSWORD)
    assert AuditEntry.objects.filter(
        action="user.password_reset", object_id=str(officer.pk), fields=["password"]
    ).exists()
    assert last_email_to(officer.email).subject == "Your password was reset"


def test_a_reset_link_works_only_once(client: Client, officer: User) -> None:
    link = reset_link(client, officer)
    choose(client, link, NEW_PASSWORD)
    second = Client()
    page = second.get(link, follow=True).content.decode()
    assert "This link does not work" in page
    officer.refresh_from_db()
    assert officer.check_password(NEW_PASSWORD)


def test_a_weak_password_is_refused_with_what_to_do(client: Client, officer: User) -> None:
    link = reset_link(client, officer)
    form_page = client.get(link, follow=True)
    action = form_page.redirect_chain[-1][0]
    page = client.post(action, {"password1": "12345678", "password2": "12345678"})
    assert page.status_code == 200
    assert "There is a problem" in page.content.decode()
    officer.refresh_from_db()
    assert not officer.check_password("12345678")


def test_an_unknown_address_gets_the_same_answer_and_no_email(client: Client, db: None) -> None:
    response = client.post(FORGOTTEN, {"email": "nobody@example.org"})
    assert response["Location"] == reverse("account_reset_password_done")
    assert not Message.objects.filter(to_address="nobody@example.org").exists()
