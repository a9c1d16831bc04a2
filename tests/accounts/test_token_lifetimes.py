"""API tokens expire, say when they were last used, and every making and revoking is
audited without the secret (issue 14)."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from panelkeeper.accounts.models import ApiToken, User
from panelkeeper.accounts.tokens import (
    TokenError,
    authenticate_token,
    create_token,
    revoke_token,
    tokens_seen_by,
)
from panelkeeper.audit.models import AuditEntry
from tests.factory import Factory


def days_ahead(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def entries_for(token: ApiToken) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(
            object_type="accounts.ApiToken", object_id=str(token.pk)
        ).order_by("id")
    )


def test_a_token_lasts_90_days_unless_told_otherwise(factory: Factory, officer: User) -> None:
    assert factory.token(officer).token.expires_on == days_ahead(90)


def test_a_token_works_through_its_last_day_and_not_after(factory: Factory, officer: User) -> None:
    new = create_token(
        user=officer, organisation=factory.home, name="CRM", actor=officer,
        expires_on=days_ahead(1),
    )  # fmt: skip
    ApiToken.objects.filter(pk=new.token.pk).update(expires_on=timezone.localdate())
    assert authenticate_token(new.plaintext) is not None
    ApiToken.objects.filter(pk=new.token.pk).update(expires_on=days_ahead(-1))
    assert authenticate_token(new.plaintext) is None
    token = ApiToken.objects.get(pk=new.token.pk)
    assert token.state(today=timezone.localdate()) == ApiToken.State.EXPIRED


@pytest.mark.parametrize(
    ("days", "message"),
    [
        (0, "or later"),
        (-3, "or later"),
        (366, "no more than a year away"),
    ],
)
def test_a_last_day_outside_a_day_to_a_year_is_refused(
    factory: Factory, officer: User, days: int, message: str
) -> None:
    with pytest.raises(TokenError, match=message) as refused:
        create_token(
            user=officer, organisation=factory.home, name="CRM", actor=officer,
            expires_on=days_ahead(days),
        )  # fmt: skip
    assert refused.value.field == "expires_on"
    assert not ApiToken.objects.exists() and not AuditEntry.objects.exists()


@pytest.mark.parametrize("days", [1, 365])
def test_a_day_and_a_year_are_both_allowed(factory: Factory, officer: User, days: int) -> None:
    new = create_token(
        user=officer, organisation=factory.home, name="CRM", actor=officer,
        expires_on=days_ahead(days),
    )  # fmt: skip
    assert new.token.expires_on == days_ahead(days)


def test_a_token_needs_a_name(factory: Factory, officer: User) -> None:
    with pytest.raises(TokenError, match="Enter a name") as refused:
        create_token(user=officer, organisation=factory.home, name="  ", actor=officer)
    assert refused.value.field == "name"
    with pytest.raises(TokenError, match="100 characters or fewer"):
        create_token(user=officer, organisation=factory.home, name="x" * 101, actor=officer)
    assert not ApiToken.objects.exists()


def test_making_a_token_is_audited_without_its_secret(factory: Factory, officer: User) -> None:
    new = factory.token(officer)
    [entry] = entries_for(new.token)
    assert entry.action == "api_token.created"
    assert entry.actor == officer and entry.organisation == factory.home
    assert entry.fields == ["user", "name", "prefix", "expires_on"]
    assert ApiToken.objects.get(pk=entry.object_id).prefix == new.token.prefix
    secret = new.plaintext.rsplit("_", 1)[1]
    assert secret not in str(entry.__dict__)


def test_revoking_is_audited_once(factory: Factory, officer: User) -> None:
    new = factory.token(officer)
    other_officer = factory.officer()
    revoke_token(prefix=new.token.prefix, actor=other_officer)
    revoke_token(prefix=new.token.prefix, actor=officer)
    created, revoked = entries_for(new.token)
    assert created.action == "api_token.created"
    assert (revoked.action, revoked.actor, revoked.fields) == (
        "api_token.revoked",
        other_officer,
        ["revoked"],
    )


def test_the_console_audits_with_no_actor(factory: Factory, officer: User) -> None:
    out = StringIO()
    call_command(
        "token", "create", "--user", officer.email, "--org", "home", stdout=out, stderr=StringIO()
    )
    token = ApiToken.objects.get()
    call_command("token", "revoke", token.prefix, stdout=StringIO())
    assert [(e.action, e.actor) for e in entries_for(token)] == [
        ("api_token.created", None),
        ("api_token.revoked", None),
    ]


def test_the_console_takes_a_number_of_days_or_a_date(factory: Factory, officer: User) -> None:
    err = StringIO()
    call_command(
        "token", "create", "--user", officer.email, "--org", "home", "--expires", "30",
        stdout=StringIO(), stderr=err,
    )  # fmt: skip
    assert ApiToken.objects.get().expires_on == days_ahead(30)
    assert "working until the end of" in err.getvalue()
    call_command(
        "token", "create", "--user", officer.email, "--org", "home",
        "--expires", days_ahead(7).isoformat(), stdout=StringIO(), stderr=StringIO(),
    )  # fmt: skip
    assert ApiToken.objects.order_by("-pk").first().expires_on == days_ahead(7)  # type: ignore[union-attr]


def test_the_console_refuses_a_bad_expiry(factory: Factory, officer: User) -> None:
    with pytest.raises(CommandError, match="number of days"):
        call_command("token", "create", "--user", officer.email, "--org", "home",
                     "--expires", "soon")  # fmt: skip
    with pytest.raises(CommandError, match="no more than a year away"):
        call_command("token", "create", "--user", officer.email, "--org", "home",
                     "--expires", "400")  # fmt: skip
    assert not ApiToken.objects.exists()


def test_the_console_list_says_which_tokens_expired_and_when_they_were_used(
    factory: Factory, officer: User
) -> None:
    used, expired, revoked = (factory.token(officer, name=n) for n in ("a", "b", "c"))
    authenticate_token(used.plaintext)
    ApiToken.objects.filter(pk=expired.token.pk).update(expires_on=days_ahead(-2))
    revoke_token(prefix=revoked.token.prefix)
    out = StringIO()
    call_command("token", "list", stdout=out)
    lines = {line.split()[0]: line for line in out.getvalue().splitlines()}
    today = timezone.localdate()
    assert (
        f"active until {days_ahead(90):%Y-%m-%d}  last used {today:%Y-%m-%d}"
        in lines[used.token.prefix]
    )
    assert f"expired {days_ahead(-2):%Y-%m-%d}  never used" in lines[expired.token.prefix]
    assert f"revoked {today:%Y-%m-%d}" in lines[revoked.token.prefix]


def test_an_officer_sees_the_organisations_tokens_an_auditor_only_their_own(
    factory: Factory, officer: User, auditor: User
) -> None:
    mine, theirs = factory.token(officer).token, factory.token(auditor).token
    factory.token(factory.outsider(), organisation=factory.other)
    officer_roles, auditor_roles = frozenset({"officer"}), frozenset({"auditor"})
    seen_by_officer = tokens_seen_by(user=officer, organisation=factory.home, roles=officer_roles)
    seen_by_auditor = tokens_seen_by(user=auditor, organisation=factory.home, roles=auditor_roles)
    assert set(seen_by_officer) == {mine, theirs}
    assert list(seen_by_auditor) == [theirs]
