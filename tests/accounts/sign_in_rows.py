"""Permission-matrix rows for signing in and the account's own pages: allauth's pages
(emailed codes, password reset, second factors) and "Where you are signed in".

Pages for someone part-way through signing in are public, and send anyone who is not
part-way back to the start (302); the account's pages are for anyone signed in, about
their own account only: another person's passkey answers 404, like a missing one.
"""

from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator

from tests.factory import Factory
from tests.permissions.matrix import SIGN_IN, Expected, Row, everyone

ME = "/api/v1/me/sessions"
# Changing a second factor asks for the password (or a code) first; past that, another
# person's key answers 404 (tests/accounts/test_second_factor.py).
CONFIRM_FIRST = "confirm it is you first"


def own_account(ok: Expected) -> dict[str, Expected]:
    """Anyone signed in, about their own account; anonymous visitors sign in first."""
    return {"anonymous": SIGN_IN, **dict.fromkeys(("officer", "auditor", "outsider"), ok)}


def api_own_account(ok: Expected) -> dict[str, Expected]:
    return {"anonymous": 401, **dict.fromkeys(("officer", "auditor", "outsider"), ok)}


def bad_reset_link(factory: Factory) -> dict[str, Any]:
    return {"uidb36": "zz", "key": "not-a-real-key"}


def someone_elses_key(factory: Factory) -> dict[str, Any]:
    """A security key of someone who is none of the personas."""
    owner = factory.user()
    key = Authenticator.objects.create(user=owner, type=Authenticator.Type.WEBAUTHN, data={})
    return {"pk": key.pk}


def wrong_password(factory: Factory) -> dict[str, Any]:
    return {"email": "nobody@example.org", "password": "wrong"}


SIGN_IN_ROWS = [
    Row("account_login", "GET", everyone(200), note="the same page as accounts:sign-in"),
    Row("account_login", "POST", everyone(200), data=wrong_password, note="refused: again"),
    Row("account_logout", "POST", everyone(302)),
    Row("account_logout", "GET", everyone(405), note="signing out is POST only"),
    Row("account_request_login_code", "GET", everyone(200)),
    Row("account_request_login_code", "POST", everyone(200), note="empty form: again"),
    Row("account_confirm_login_code", "GET", everyone(302), note="no code asked for: start"),
    Row("mfa_authenticate", "GET", everyone(302), note="not signing in: start"),
    Row("account_inactive", "GET", everyone(200)),
    Row("account_reset_password", "GET", everyone(200)),
    Row("account_reset_password", "POST", everyone(200), note="empty form: again"),
    Row("account_reset_password_done", "GET", everyone(200)),
    Row("account_reset_password_from_key", "GET", everyone(200), bad_reset_link),
    Row("account_reset_password_from_key_done", "GET", everyone(200)),
    Row("account_change_password", "GET", own_account(200)),
    Row("account_set_password", "GET", own_account(302), note="has one: change it instead"),
    Row("account_reauthenticate", "GET", own_account(200)),
    Row("account_request_reauthentication_code", "GET", own_account(302), note="code sent"),
    Row("account_confirm_reauthentication_code", "GET", own_account(302)),
    Row("mfa_index", "GET", own_account(200)),
    Row("mfa_reauthenticate", "GET", own_account(302)),
    Row("mfa_activate_totp", "GET", own_account(302), note="confirm the password first"),
    Row("mfa_deactivate_totp", "GET", own_account(404), note="no app to remove"),
    Row("mfa_view_recovery_codes", "GET", own_account(404)),
    Row("mfa_generate_recovery_codes", "GET", own_account(302)),
    Row("mfa_download_recovery_codes", "GET", own_account(404)),
    Row("mfa_list_webauthn", "GET", own_account(200)),
    Row("mfa_add_webauthn", "GET", own_account(302), note="confirm the password first"),
    Row("mfa_reauthenticate_webauthn", "GET", own_account(302)),
    Row("mfa_remove_webauthn", "GET", own_account(302), someone_elses_key, note=CONFIRM_FIRST),
    Row("mfa_remove_webauthn", "POST", own_account(302), someone_elses_key, note=CONFIRM_FIRST),
    Row("mfa_edit_webauthn", "GET", own_account(302), someone_elses_key, note=CONFIRM_FIRST),
    Row("mfa_edit_webauthn", "POST", own_account(302), someone_elses_key, note=CONFIRM_FIRST),
    Row("accounts:sessions", "GET", own_account(200)),
    Row("accounts:sessions", "POST", own_account(405), note="a page to read"),
    Row("accounts:end_sessions", "POST", own_account(302)),
    Row("accounts:end_sessions", "GET", own_account(405), note="POST only"),
    Row(ME, "GET", api_own_account(200)),
    Row(ME, "DELETE", api_own_account(200)),
]
