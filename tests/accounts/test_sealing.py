"""Second-factor secrets are sealed in the database and survive a SECRET_KEY rotation."""

from io import StringIO
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, validate_totp_code
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from panelkeeper.accounts import sealing
from tests.accounts.signing import SECRET, app_code, with_app
from tests.factory import Factory

pytestmark = pytest.mark.django_db

NEW_KEY = "a-new-secret-key-for-the-rotation-test-0123456789-abcdef"


def test_the_stored_secret_is_not_the_secret_and_codes_still_work() -> None:
    user = with_app(Factory().user())
    stored = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    assert SECRET not in str(stored.data)
    assert sealing.unseal(stored.data["secret"]) == SECRET
    assert validate_totp_code(SECRET, app_code())
    assert TOTP(stored).validate_code(app_code())


def test_recovery_codes_are_sealed_and_stay_the_same_codes() -> None:
    user = Factory().user()
    codes = RecoveryCodes.activate(user)
    stored = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    seed = sealing.unseal(stored.data["seed"])
    assert seed not in str(stored.data)
    assert RecoveryCodes(stored).generate_codes() == codes.generate_codes()


def test_a_rotated_key_opens_old_secrets_until_they_are_sealed_again(settings: Any) -> None:
    user = with_app(Factory().user())
    old_key = settings.SECRET_KEY

    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = NEW_KEY, [old_key]
    stored = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    assert TOTP(stored).validate_code(app_code())
    out = StringIO()
    call_command("second_factors", "reseal", stdout=out)
    assert "1 second factors" in out.getvalue()

    settings.SECRET_KEY_FALLBACKS = []
    stored.refresh_from_db()
    assert sealing.unseal(stored.data["secret"]) == SECRET

    settings.SECRET_KEY = old_key
    with pytest.raises(sealing.Unreadable):
        sealing.unseal(stored.data["secret"])


def test_reseal_changes_nothing_when_a_secret_cannot_be_opened(settings: Any) -> None:
    user = with_app(Factory().user())
    before = Authenticator.objects.get(user=user).data
    settings.SECRET_KEY = NEW_KEY
    with pytest.raises(CommandError, match="cannot be opened"):
        call_command("second_factors", "reseal", stdout=StringIO())
    assert Authenticator.objects.get(user=user).data == before


@pytest.mark.django_db(transaction=True)
def test_the_migration_seals_secrets_stored_in_the_clear() -> None:
    executor = MigrationExecutor(connection)
    before = [("accounts", "0007_sign_in_sessions")]
    after = [("accounts", "0008_seal_second_factor_secrets")]
    executor.migrate(before)
    user = Factory().user()
    plain = Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": SECRET}
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    plain.refresh_from_db()
    assert plain.data["secret"] != SECRET
    assert sealing.unseal(plain.data["secret"]) == SECRET
