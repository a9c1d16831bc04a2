"""Where you are signed in: a person sees their sessions and signs the others out."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import SignInSession, User
from panelkeeper.accounts.sessions import key_hash
from panelkeeper.audit.models import AuditEntry
from tests.accounts.signing import last_email_to, password_sign_in
from tests.factory import PASSWORD, Factory

SESSIONS = reverse("accounts:sessions")
END_OTHERS = reverse("accounts:end_sessions")


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
