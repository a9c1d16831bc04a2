"""Where you are signed in: a person sees their sessions and signs the others out."""

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from panelkeeper.accounts.models import SignInSession, User
from panelkeeper.accounts.sessions import key_hash
from panelkeeper.audit.models import AuditEntry
from tests.accounts.signing import last_email_to, password_sign_in
from tests.factory import PASSWORD, Factory

SESSIONS = reverse("accounts:sessions")
END_OTHERS = reverse("accounts:end_sessions")
# A page that asks the database nothing itself: its queries are those every signed-in
# request makes before its view.
HEALTH = reverse("pages:health")


@pytest.fixture(autouse=True)
def empty_cache(db: None) -> None:
    cache.clear()


def two_browsers(user: User) -> tuple[Client, Client]:
    laptop, phone = Client(), Client()
    password_sign_in(laptop, user.email, PASSWORD)
    password_sign_in(phone, user.email, PASSWORD)
    return laptop, phone


def test_signing_in_lists_the_session_without_its_key(officer: User) -> None:
    laptop, _ = two_browsers(officer)
    rows = SignInSession.objects.filter(user=officer)
    assert rows.count() == 2
    assert laptop.session.session_key not in {row.key_hash for row in rows}
    assert rows.filter(key_hash=key_hash(laptop.session.session_key)).exists()


def test_the_page_lists_each_session_and_marks_this_one(officer: User) -> None:
    laptop, _ = two_browsers(officer)
    page = laptop.get(SESSIONS)
    assert page.status_code == 200
    text = page.content.decode()
    assert text.count('class="govuk-table__row"') == 3  # a heading row and two sessions
    assert text.count("This session") == 1
    assert "Sign out everywhere else" in text


def test_signing_out_the_others_ends_them_at_their_next_request(officer: User) -> None:
    laptop, phone = two_browsers(officer)
    response = laptop.post(END_OTHERS, follow=True)
    assert "You signed out 1 other session" in response.content.decode()
    phone.get(SESSIONS)
    assert SESSION_KEY not in phone.session
    assert laptop.get(SESSIONS).status_code == 200
    assert laptop.session[SESSION_KEY] == str(officer.pk)


def test_signing_out_the_others_is_audited_and_emailed(officer: User) -> None:
    laptop, _ = two_browsers(officer)
    laptop.post(END_OTHERS)
    assert AuditEntry.objects.filter(action="sessions.ended", object_id=str(officer.pk)).exists()
    assert last_email_to(officer.email).subject == "You were signed out everywhere else"


def test_with_no_other_session_nothing_is_recorded(officer: User) -> None:
    laptop = Client()
    password_sign_in(laptop, officer.email, PASSWORD)
    response = laptop.post(END_OTHERS, follow=True)
    assert "You were not signed in anywhere else" in response.content.decode()
    assert not AuditEntry.objects.filter(action="sessions.ended").exists()


def test_a_person_sees_and_ends_only_their_own_sessions(factory: Factory) -> None:
    officer, auditor = factory.officer(), factory.auditor()
    laptop, _ = two_browsers(officer)
    theirs = Client()
    password_sign_in(theirs, auditor.email, PASSWORD)
    assert laptop.get(SESSIONS).content.decode().count('class="govuk-table__row"') == 3
    laptop.post(END_OTHERS)
    theirs.get(SESSIONS)
    assert theirs.session[SESSION_KEY] == str(auditor.pk)


def test_signing_out_ends_the_listed_session(officer: User) -> None:
    laptop = Client()
    password_sign_in(laptop, officer.email, PASSWORD)
    laptop.post(reverse("accounts:sign-out"))
    assert SignInSession.objects.get(user=officer).ended_at is not None


def test_the_api_lists_the_sessions_and_signs_the_others_out(officer: User) -> None:
    laptop, phone = two_browsers(officer)
    listed = laptop.get("/api/v1/me/sessions").json()["sessions"]
    assert len(listed) == 2
    assert [entry["this_one"] for entry in listed] == [True, False]
    assert set(listed[0]) == {"id", "started_at", "last_active", "this_one"}
    ended = laptop.delete("/api/v1/me/sessions")
    assert ended.status_code == 200
    assert ended.json() == {"ended": 1}
    assert phone.get("/api/v1/me/sessions").status_code == 401


def test_a_token_sees_every_session_as_another(factory: Factory) -> None:
    officer = factory.officer()
    two_browsers(officer)
    made = factory.token(officer)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {made.plaintext}"}
    listed = Client().get("/api/v1/me/sessions", **auth).json()["sessions"]  # type: ignore[arg-type]
    assert [entry["this_one"] for entry in listed] == [False, False]
    assert Client().delete("/api/v1/me/sessions", **auth).json() == {"ended": 2}  # type: ignore[arg-type]


def _queries(client: Client, url: str = HEALTH) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured]


def test_a_signed_in_request_reads_its_session_listing_and_user_in_one_query(
    officer_client: Client,
) -> None:
    """Every signed-in request: the session, its sign-in row and the user, together."""
    (query,) = _queries(officer_client)
    assert "django_session" in query
    assert "accounts_signinsession" in query
    assert "accounts_user" in query


@pytest.mark.parametrize(("minutes", "queries", "noted"), [(5, 2, True), (4, 1, False)])
def test_a_session_is_marked_active_again_at_most_every_five_minutes(
    officer: User, officer_client: Client, minutes: int, queries: int, noted: bool
) -> None:
    listed = SignInSession.objects.get(user=officer)
    earlier = timezone.now() - dt.timedelta(minutes=minutes)
    SignInSession.objects.filter(pk=listed.pk).update(last_active=earlier)
    assert len(_queries(officer_client)) == queries
    listed.refresh_from_db()
    assert (listed.last_active > earlier) is noted
    assert len(_queries(officer_client)) == 1


def test_a_session_signed_in_before_sessions_were_listed_is_listed(
    officer: User, officer_client: Client
) -> None:
    SignInSession.objects.all().delete()
    officer_client.get(HEALTH)
    listed = SignInSession.objects.get(user=officer)
    assert listed.key_hash == key_hash(officer_client.session.session_key or "")
    assert officer_client.session[SESSION_KEY] == str(officer.pk)


def test_a_session_listed_as_someone_elses_is_signed_out(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    SignInSession.objects.filter(user=officer).update(user=factory.auditor())
    officer_client.get(HEALTH)
    assert SESSION_KEY not in officer_client.session
    assert officer_client.get(SESSIONS).status_code == 302


def test_a_session_ended_elsewhere_is_signed_out_of_the_api_too(
    officer: User, officer_client: Client
) -> None:
    SignInSession.objects.filter(user=officer).update(ended_at=timezone.now())
    assert officer_client.get("/api/v1/me").status_code == 401
    assert SESSION_KEY not in officer_client.session


def test_a_password_changed_elsewhere_signs_the_session_out(
    officer: User, officer_client: Client
) -> None:
    officer.set_password("a new and different passphrase")
    officer.save()
    officer_client.get(HEALTH)
    assert SESSION_KEY not in officer_client.session


def test_a_user_made_inactive_is_signed_out(officer: User, officer_client: Client) -> None:
    User.objects.filter(pk=officer.pk).update(is_active=False)
    assert officer_client.get(SESSIONS).status_code == 302
    assert officer_client.get("/api/v1/me").status_code == 401


def test_a_session_signed_with_a_retired_secret_key_stays_signed_in_with_a_new_key(
    officer: User, settings: Any
) -> None:
    laptop = Client()
    password_sign_in(laptop, officer.email, PASSWORD)
    before = laptop.session.session_key
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a new secret key, at least fifty characters long: 0123456789"
    assert laptop.get(SESSIONS).status_code == 200
    assert laptop.session.session_key != before
    assert laptop.session[SESSION_KEY] == str(officer.pk)
    settings.SECRET_KEY_FALLBACKS = []
    assert laptop.get(SESSIONS).status_code == 200


def test_a_session_signed_with_a_secret_key_no_longer_kept_is_signed_out(
    officer: User, officer_client: Client, settings: Any
) -> None:
    settings.SECRET_KEY = "a new secret key, at least fifty characters long: 0123456789"
    assert officer_client.get(SESSIONS).status_code == 302
    assert SESSION_KEY not in officer_client.session


def test_a_session_from_a_sign_in_method_no_longer_offered_is_signed_out(
    officer_client: Client, settings: Any
) -> None:
    settings.AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
    session = officer_client.session
    session[BACKEND_SESSION_KEY] = "allauth.account.auth_backends.AuthenticationBackend"
    session.save()
    assert officer_client.get(SESSIONS).status_code == 302
