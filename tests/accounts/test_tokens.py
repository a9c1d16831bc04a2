"""API tokens: shown once, stored only as a hash, revocable, scoped to one organisation."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection

from panelkeeper.accounts.models import ApiToken, User
from panelkeeper.accounts.tokens import TokenError, authenticate_token, create_token, revoke_token
from tests.factory import Factory


def test_a_new_token_authenticates_as_its_user(factory: Factory, officer: User) -> None:
    new = factory.token(officer)
    found = authenticate_token(new.plaintext)
    assert found is not None and found.user == officer and found.organisation == factory.home
    assert found.last_used is not None


def test_no_column_of_any_table_holds_the_plaintext_token(factory: Factory, officer: User) -> None:
    new = factory.token(officer)
    secret = new.plaintext.rsplit("_", 1)[1]
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = connection.ops.quote_name(model._meta.db_table)
            for field in model._meta.concrete_fields:
                column = connection.ops.quote_name(field.column)
                cursor.execute(f"SELECT {column} FROM {table}")
                for (value,) in cursor.fetchall():
                    assert secret not in str(value), f"{model._meta.label}.{field.name}"
                    assert new.plaintext not in str(value)


def test_a_revoked_token_no_longer_authenticates(factory: Factory, officer: User) -> None:
    new = factory.token(officer)
    revoke_token(prefix=new.token.prefix)
    assert authenticate_token(new.plaintext) is None


def test_a_tampered_token_does_not_authenticate(factory: Factory, officer: User) -> None:
    new = factory.token(officer)
    assert (
        authenticate_token(new.plaintext[:-1] + ("A" if new.plaintext[-1] != "A" else "B")) is None
    )
    assert authenticate_token("pk_" + new.token.prefix) is None
    assert authenticate_token("nonsense") is None


def test_a_token_of_a_deactivated_user_does_not_authenticate(
    factory: Factory, officer: User
) -> None:
    new = factory.token(officer)
    officer.is_active = False
    officer.save()
    assert authenticate_token(new.plaintext) is None


def test_a_token_needs_a_grant_at_its_organisation(factory: Factory, officer: User) -> None:
    with pytest.raises(TokenError, match="holds no grant"):
        create_token(user=officer, organisation=factory.other, name="x", actor=officer)


def test_the_command_prints_the_token_once_and_it_works(factory: Factory, officer: User) -> None:
    out, err = StringIO(), StringIO()
    call_command(
        "token", "create", "--user", officer.email, "--org", "home", "--name", "CRM",
        stdout=out, stderr=err,
    )  # fmt: skip
    plaintext = out.getvalue().strip()
    token = authenticate_token(plaintext)
    assert token is not None and token.name == "CRM"
    assert "cannot be shown again" in err.getvalue()
    listing = StringIO()
    call_command("token", "list", stdout=listing)
    assert token.prefix in listing.getvalue() and plaintext not in listing.getvalue()


def test_the_command_revokes_by_prefix(factory: Factory, officer: User) -> None:
    new = factory.token(officer)
    call_command("token", "revoke", new.token.prefix, stdout=StringIO())
    assert ApiToken.objects.get(pk=new.token.pk).revoked is not None


def test_the_command_names_what_is_wrong(factory: Factory, officer: User) -> None:
    with pytest.raises(CommandError, match="No user has the email address"):
        call_command("token", "create", "--user", "x@example.org", "--org", "home")
    with pytest.raises(CommandError, match="No organisation has the slug"):
        call_command("token", "create", "--user", officer.email, "--org", "nope")
    with pytest.raises(CommandError, match="No token has the prefix"):
        call_command("token", "revoke", "deadbeef")
