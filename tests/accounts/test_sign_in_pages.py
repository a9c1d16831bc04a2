"""allauth's pages are ours: our page template, GOV.UK markup, plain words."""

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User

PUBLIC_PAGES = [
    "accounts:sign-in",
    "account_request_login_code",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key_done",
    "account_inactive",
]
OWN_PAGES = [
    "mfa_index",
    "mfa_list_webauthn",
    "accounts:sessions",
    "account_change_password",
    "account_reauthenticate",
]


def looks_like_ours(page: str) -> None:
    assert 'class="govuk-template"' in page
    assert "panelkeeper keeps the records of a code of conduct" in page  # our footer
    assert '<h1 class="govuk-heading-l">' in page
    assert "Menu:" not in page  # allauth's own layout


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_each_public_page_uses_our_template(client: Client, db: None, name: str) -> None:
    response = client.get(reverse(name))
    assert response.status_code == 200
    looks_like_ours(response.content.decode())


@pytest.mark.parametrize("name", OWN_PAGES)
def test_each_account_page_uses_our_template(officer_client: Client, name: str) -> None:
    response = officer_client.get(reverse(name))
    assert response.status_code == 200
    looks_like_ours(response.content.decode())


@pytest.mark.parametrize("name", ["account_reauthenticate", "account_change_password"])
def test_form_errors_come_in_a_govuk_error_summary(officer_client: Client, name: str) -> None:
    page = officer_client.post(reverse(name), {"password": "", "oldpassword": ""})
    text = page.content.decode()
    assert "govuk-error-summary" in text
    assert text.index("govuk-error-summary") < text.index("<h1")
    assert "<title>Error:" in text


def test_recovery_codes_are_shown_in_our_words(officer: User) -> None:
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    from tests.accounts.signing import confirmed, with_app

    with_app(officer)
    codes = RecoveryCodes.activate(officer).get_unused_codes()
    client = confirmed(officer)
    page = client.get(reverse("mfa_view_recovery_codes"))
    assert page.status_code == 200
    looks_like_ours(page.content.decode())
    assert f"You have {len(codes)} unused codes" in page.content.decode()


def test_the_second_factor_page_says_what_it_is_for(officer_client: Client, officer: User) -> None:
    page = officer_client.get(reverse("mfa_index")).content.decode()
    assert "Set up an authenticator app" in page
    assert "Add a passkey or security key" in page
    assert "Staff, installation administrators and anyone deciding a case" in page
