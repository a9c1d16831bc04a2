"""Signing in by email and password, and signing out."""

from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from tests.factory import PASSWORD, Factory

SIGN_IN = reverse("accounts:sign-in")


def test_the_sign_in_page_shows_the_form(client: Client, db: None) -> None:
    response = client.get(SIGN_IN)
    assert response.status_code == 200
    assert b'name="email"' in response.content
    assert b'name="password"' in response.content


def test_it_signs_in_with_email_and_password(client: Client, officer: User) -> None:
    response = client.post(SIGN_IN, {"email": officer.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.session[SESSION_KEY] == str(officer.pk)


def test_the_email_address_is_not_case_sensitive(client: Client, officer: User) -> None:
    client.post(SIGN_IN, {"email": officer.email.upper(), "password": PASSWORD})
    assert client.session[SESSION_KEY] == str(officer.pk)


def test_it_follows_next_within_the_site(client: Client, officer: User) -> None:
    response = client.post(
        SIGN_IN, {"email": officer.email, "password": PASSWORD, "next": "/home/panel/"}
    )
    assert response["Location"] == "/home/panel/"


def test_it_ignores_next_pointing_to_another_site(client: Client, officer: User) -> None:
    response = client.post(
        SIGN_IN, {"email": officer.email, "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_a_wrong_password_is_refused_in_govuk_voice(client: Client, officer: User) -> None:
    response = client.post(SIGN_IN, {"email": officer.email, "password": "wrong"})
    assert response.status_code == 200
    assert SESSION_KEY not in client.session
    assert "Enter a correct email address and password" in response.content.decode()
    assert "There is a problem" in response.content.decode()


def test_an_unknown_email_gets_the_same_answer_as_a_wrong_password(
    client: Client, db: None
) -> None:
    response = client.post(SIGN_IN, {"email": "nobody@example.org", "password": "wrong"})
    assert response.status_code == 200
    assert "Enter a correct email address and password" in response.content.decode()


def test_empty_fields_say_what_to_enter(client: Client, db: None) -> None:
    page = client.post(SIGN_IN, {"email": "", "password": ""}).content.decode()
    assert "Enter your email address" in page
    assert "Enter your password" in page


def test_a_malformed_email_says_how_to_write_one(client: Client, db: None) -> None:
    page = client.post(SIGN_IN, {"email": "not-an-email", "password": "x"}).content.decode()
    assert "Enter an email address in the correct format, like name@example.com" in page


def test_an_inactive_user_cannot_sign_in(client: Client, factory: Factory) -> None:
    user = factory.officer(is_active=False)
    client.post(SIGN_IN, {"email": user.email, "password": PASSWORD})
    assert SESSION_KEY not in client.session


def test_sign_out_is_post_only_and_ends_the_session(officer_client: Client) -> None:
    sign_out = reverse("accounts:sign-out")
    assert officer_client.get(sign_out).status_code == 405
    assert SESSION_KEY in officer_client.session
    response = officer_client.post(sign_out)
    assert response.status_code == 302
    assert response["Location"] == SIGN_IN
    assert SESSION_KEY not in officer_client.session
