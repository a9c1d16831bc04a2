"""The API tokens page: make a token (shown once), list, revoke; bounded queries."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from panelkeeper.accounts.models import ApiToken, User
from panelkeeper.accounts.tokens import authenticate_token, revoke_token
from panelkeeper.audit.models import AuditEntry
from tests.factory import Factory

LIST = reverse("accounts:tokens", kwargs={"org": "home"})
NEW = reverse("accounts:create_token", kwargs={"org": "home"})


def revoke_url(token: ApiToken) -> str:
    return reverse("accounts:revoke_token", kwargs={"org": "home", "prefix": token.prefix})


def date_parts(day: dt.date) -> dict[str, str]:
    return {
        "expires_on_day": str(day.day),
        "expires_on_month": str(day.month),
        "expires_on_year": str(day.year),
    }


def test_a_token_made_on_the_page_is_shown_once_and_works(
    officer_client: Client, officer: User
) -> None:
    answer = officer_client.post(NEW, {"name": "Housing system", "lifetime": "30"})
    assert answer.status_code == 200
    assert answer["Cache-Control"] == "no-store"
    token = ApiToken.objects.get()
    field = answer.text.split('id="new-token"', 1)[1]
    plaintext = field.split('value="', 1)[1].split('"', 1)[0]
    assert plaintext.startswith(f"pk_{token.prefix}_")
    assert authenticate_token(plaintext) == token
    assert token.user == officer and token.name == "Housing system"
    assert token.expires_on == timezone.localdate() + dt.timedelta(days=30)
    assert "cannot be shown again" in answer.text
    listing = officer_client.get(LIST)
    assert f"pk_{token.prefix}" in listing.text and plaintext not in listing.text
    assert AuditEntry.objects.filter(action="api_token.created", actor=officer).count() == 1


def test_the_form_offers_90_days_first(officer_client: Client) -> None:
    page = officer_client.get(NEW).text
    assert 'value="90" checked' in page and page.count(" checked") == 1


def test_a_chosen_date_is_the_last_day(officer_client: Client) -> None:
    day = timezone.localdate() + dt.timedelta(days=10)
    answer = officer_client.post(NEW, {"name": "CRM", "lifetime": "date", **date_parts(day)})
    assert answer.status_code == 200
    assert ApiToken.objects.get().expires_on == day


def test_a_date_more_than_a_year_away_is_refused_on_the_form(officer_client: Client) -> None:
    day = timezone.localdate() + dt.timedelta(days=400)
    answer = officer_client.post(NEW, {"name": "CRM", "lifetime": "date", **date_parts(day)})
    assert answer.status_code == 200
    assert "There is a problem" in answer.text and "no more than a year away" in answer.text
    assert not ApiToken.objects.exists() and not AuditEntry.objects.exists()


def test_the_form_says_what_is_missing(officer_client: Client) -> None:
    answer = officer_client.post(NEW, {"lifetime": "date"})
    assert "Enter a name that says what the token is for" in answer.text
    assert "Enter the last day the token works" in answer.text
    nonsense = officer_client.post(NEW, {"name": "x", "lifetime": "forever"})
    assert "Select how long the token should work" in nonsense.text
    assert not ApiToken.objects.exists()


def test_a_date_typed_beside_a_period_is_ignored(officer_client: Client) -> None:
    answer = officer_client.post(
        NEW, {"name": "CRM", "lifetime": "90", "expires_on_day": "99", "expires_on_month": "x"}
    )
    assert answer.status_code == 200 and "There is a problem" not in answer.text
    assert ApiToken.objects.get().expires_on == timezone.localdate() + dt.timedelta(days=90)


def test_the_list_says_made_last_day_last_used_and_status_in_words(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    used, expired, revoked = (factory.token(officer, name=n) for n in ("Used", "Old", "Gone"))
    authenticate_token(used.plaintext)
    ApiToken.objects.filter(pk=expired.token.pk).update(expires_on=dt.date(2026, 1, 5))
    revoke_token(prefix=revoked.token.prefix, actor=officer)
    page = officer_client.get(LIST).text
    assert "Working" in page and "Expired" in page and "Revoked" in page
    assert "5 Jan 2026" in page and "Never" in page
    assert "-" + str(timezone.localdate().year) not in page  # no ISO dates
    assert page.count(">Revoke<") == 2  # not offered for the revoked one


def test_an_officer_sees_and_revokes_a_colleagues_token(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    colleague = factory.officer(first_name="Colin", last_name="League")
    token = factory.token(colleague, name="Colin's script").token
    page = officer_client.get(LIST).text
    assert "Colin League" in page and f"pk_{token.prefix}" in page
    confirm = officer_client.get(revoke_url(token)).text
    assert "made by Colin League" in confirm
    done = officer_client.post(revoke_url(token), follow=True)
    assert "Token “Colin&#x27;s script” revoked" in done.text
    assert ApiToken.objects.get(pk=token.pk).revoked is not None
    entry = AuditEntry.objects.get(action="api_token.revoked")
    assert (entry.actor, entry.object_id) == (officer, str(token.pk))


def test_an_auditor_sees_only_their_own_tokens(
    factory: Factory, officer: User, auditor: User, auditor_client: Client
) -> None:
    mine, theirs = factory.token(auditor).token, factory.token(officer).token
    page = auditor_client.get(LIST).text
    assert f"pk_{mine.prefix}" in page and f"pk_{theirs.prefix}" not in page
    assert auditor_client.post(revoke_url(theirs)).status_code == 404
    assert ApiToken.objects.get(pk=theirs.pk).revoked is None


def test_the_list_runs_the_same_queries_for_3_tokens_as_for_30(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert officer_client.get(LIST).status_code == 200
            assert officer_client.get("/api/v1/tokens/home").status_code == 200
        return len(captured)

    for _ in range(3):
        factory.token(factory.officer())
    few = queries()
    for _ in range(27):
        factory.token(factory.auditor())
    assert queries() == few
