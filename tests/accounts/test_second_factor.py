"""A second factor for staff, installation administrators and anyone deciding a case or
an appeal; optional for members; an emailed code for a member seated on a group."""

import datetime as dt
import re
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from tests.accounts.signing import (
    ENTER_CODE,
    SECOND_FACTOR,
    app_code,
    code_in,
    confirmed,
    last_email_to,
    password_sign_in,
    with_app,
)
from tests.factory import PASSWORD, Factory

SET_UP = reverse("mfa_index")


@pytest.fixture(autouse=True)
def required(settings: Any, db: None) -> None:
    """The rule as it stands outside the demo (the rest of the suite turns it off)."""
    settings.REQUIRE_SECOND_FACTOR = True
    cache.clear()


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def home_page(factory: Factory) -> str:
    return reverse("today:today", kwargs={"org": factory.home.slug})


def test_staff_without_a_second_factor_are_sent_to_set_one_up(factory: Factory) -> None:
    response = signed_in(factory.officer()).get(home_page(factory), follow=True)
    assert response.redirect_chain == [(SET_UP, 302)]
    assert "Set up a second factor before you continue" in response.content.decode()


@pytest.mark.parametrize("persona", ["auditor", "admin", "investigator", "appeal_officer"])
def test_everyone_who_decides_is_sent_to_set_one_up(factory: Factory, persona: str) -> None:
    client = signed_in(getattr(factory, persona)())
    assert client.get(reverse("organisations:start"))["Location"] == SET_UP


def test_staff_reach_no_api_operation_by_session_before_setting_one_up(
    factory: Factory,
) -> None:
    response = signed_in(factory.officer()).get("/api/v1/me")
    assert response.status_code == 403
    assert "Set up a second factor" in response.json()["detail"]


def test_an_api_token_is_a_factor_of_its_own(factory: Factory) -> None:
    made = factory.token(factory.officer())
    response = Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {made.plaintext}")
    assert response.status_code == 200


def test_the_pages_to_set_one_up_and_to_sign_out_stay_open(factory: Factory) -> None:
    client = signed_in(factory.officer())
    assert client.get(SET_UP).status_code == 200
    assert client.get(reverse("accounts:sessions")).status_code == 200
    assert client.post(reverse("accounts:sign-out")).status_code == 302


def test_staff_with_an_authenticator_app_reach_their_pages(factory: Factory) -> None:
    officer = with_app(factory.officer())
    assert signed_in(officer).get(home_page(factory)).status_code == 200


def test_an_installation_administrator_with_an_app_reaches_their_pages(
    factory: Factory,
) -> None:
    admin = with_app(factory.admin())
    assert signed_in(admin).get(reverse("organisations:installation")).status_code == 200


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("persona", ["officer", "member"])
def test_the_rule_asks_one_query_a_request(factory: Factory, settings: Any, persona: str) -> None:
    """Whether they must use one and whether they have one, asked together, on a page
    and on the API."""
    user = getattr(factory, persona)()
    client = signed_in(with_app(user) if persona == "officer" else user)
    page, api = reverse("pages:health"), "/api/v1/me"
    required = _queries(client, page), _queries(client, api)
    settings.REQUIRE_SECOND_FACTOR = False
    assert (_queries(client, page) + 1, _queries(client, api) + 1) == required


def test_members_need_none(factory: Factory) -> None:
    member = factory.member()
    response = signed_in(member).get(reverse("organisations:start"))
    assert response.get("Location") != SET_UP


def test_a_demo_installation_lets_staff_skip_it(factory: Factory, settings: Any) -> None:
    settings.REQUIRE_SECOND_FACTOR = False
    assert signed_in(factory.officer()).get(home_page(factory)).status_code == 200


def test_staff_with_an_app_are_asked_for_its_code_at_sign_in(factory: Factory) -> None:
    officer = with_app(factory.officer())
    client = Client()
    assert password_sign_in(client, officer.email, PASSWORD) == SECOND_FACTOR
    assert SESSION_KEY not in client.session
    wrong = client.post(SECOND_FACTOR, {"code": "000000"})
    assert wrong.status_code == 200 and SESSION_KEY not in client.session
    client.post(SECOND_FACTOR, {"code": app_code()})
    assert client.session[SESSION_KEY] == str(officer.pk)


def test_a_member_seated_on_a_group_signs_in_with_an_emailed_code_too(
    factory: Factory,
) -> None:
    from panelkeeper.cases.changes.people import seat_investigator

    seated = factory.involved_customer(user=factory.user())
    seat_investigator(
        case=factory.the_case,
        role_key="involved_customer",
        member=seated,
        actor=None,
        effective=dt.date(2026, 11, 4),
        today=dt.date(2026, 11, 23),
    )
    assert seated.user is not None
    client = Client()
    assert password_sign_in(client, seated.user.email, PASSWORD) == ENTER_CODE
    client.post(ENTER_CODE, {"code": code_in(last_email_to(seated.user.email))})
    assert client.session[SESSION_KEY] == str(seated.user.pk)


def test_setting_up_an_authenticator_app_is_audited_and_emailed(
    factory: Factory, django_capture_on_commit_callbacks: Any
) -> None:
    officer = factory.officer()
    client = confirmed(officer)
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = re.search(r"Key: <code[^>]*>([A-Z2-7]+)</code>", page.content.decode())
    assert secret is not None
    # allauth tells of a new factor once it is saved (on commit).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("mfa_activate_totp"), {"code": app_code(secret=secret[1])})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=officer, type=Authenticator.Type.TOTP).exists()
    assert AuditEntry.objects.filter(
        action="second_factor.added", object_id=str(officer.pk)
    ).exists()
    assert last_email_to(officer.email).subject == "An authenticator app was added"
    assert client.get(home_page(factory)).status_code == 200


def test_new_recovery_codes_are_audited_and_emailed(
    factory: Factory, django_capture_on_commit_callbacks: Any
) -> None:
    officer = with_app(factory.officer())
    client = confirmed(officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("mfa_generate_recovery_codes"))
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="recovery_codes.regenerated").exists()
    assert last_email_to(officer.email).subject == "You have new recovery codes"


def test_another_persons_security_key_answers_as_missing(factory: Factory) -> None:
    officer = with_app(factory.officer())
    key = Authenticator.objects.create(
        user=factory.user(), type=Authenticator.Type.WEBAUTHN, data={}
    )
    client = confirmed(officer)
    url = reverse("mfa_remove_webauthn", kwargs={"pk": key.pk})
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Authenticator.objects.filter(pk=key.pk).exists()
