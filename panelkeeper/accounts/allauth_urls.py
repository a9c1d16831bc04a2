"""django-allauth's pages at plain paths, under the names allauth reverses.

Only the pages panelkeeper uses are mounted: no sign-up, no email management, no social
accounts, no passkey sign-in without a password. Pages for someone part-way through
signing in (a code, a second factor) or resetting a password are public; the rest are
for signed-in people.
"""

from collections.abc import Callable, Iterable
from typing import Any

from allauth.account import views as account
from allauth.mfa.base import views as mfa
from allauth.mfa.recovery_codes import views as recovery_codes
from allauth.mfa.totp import views as totp
from allauth.mfa.webauthn import views as webauthn
from django.http import HttpResponseBase
from django.urls import URLPattern, path, re_path

from panelkeeper.accounts.permissions import public, signed_in
from panelkeeper.accounts.views.public import mounted, sign_in, sign_out

type Page = tuple[str, Callable[..., HttpResponseBase], str]
"""A page's path, allauth's view and the URL name allauth reverses."""


def _pages(
    policy: Callable[[Any], Any], pages: Iterable[Page], *, under: str = ""
) -> list[URLPattern]:
    """``pages`` at their paths below ``under``, each declaring ``policy``."""
    return [path(under + route, mounted(view, policy), name=name) for route, view, name in pages]


PART_WAY: list[Page] = [
    ("sign-in/code/", account.request_login_code, "account_request_login_code"),
    ("sign-in/code/enter/", account.confirm_login_code, "account_confirm_login_code"),
    ("sign-in/second-factor/", mfa.authenticate, "mfa_authenticate"),
    ("sign-in/inactive/", account.account_inactive, "account_inactive"),
    ("password/forgotten/", account.password_reset, "account_reset_password"),
    ("password/forgotten/sent/", account.password_reset_done, "account_reset_password_done"),
    (
        "password/reset/done/",
        account.password_reset_from_key_done,
        "account_reset_password_from_key_done",
    ),
]
"""Pages for someone part-way through signing in or resetting a password."""

ACCOUNT: list[Page] = [
    ("password/", account.password_change, "account_change_password"),
    ("password/set/", account.password_set, "account_set_password"),
    ("confirm/", account.reauthenticate, "account_reauthenticate"),
    (
        "confirm/code/",
        account.request_reauthentication_code,
        "account_request_reauthentication_code",
    ),
    (
        "confirm/code/enter/",
        account.confirm_reauthentication_code,
        "account_confirm_reauthentication_code",
    ),
]
"""A signed-in person's password, and confirming it is them before a sensitive change."""

SECOND_FACTOR: list[Page] = [
    ("", mfa.index, "mfa_index"),
    ("confirm/", mfa.reauthenticate, "mfa_reauthenticate"),
    ("app/", totp.activate_totp, "mfa_activate_totp"),
    ("app/remove/", totp.deactivate_totp, "mfa_deactivate_totp"),
    ("recovery-codes/", recovery_codes.view_recovery_codes, "mfa_view_recovery_codes"),
    ("recovery-codes/new/", recovery_codes.generate_recovery_codes, "mfa_generate_recovery_codes"),
    (
        "recovery-codes/download/",
        recovery_codes.download_recovery_codes,
        "mfa_download_recovery_codes",
    ),
    ("keys/", webauthn.list_webauthn, "mfa_list_webauthn"),
    ("keys/add/", webauthn.add_webauthn, "mfa_add_webauthn"),
    ("keys/confirm/", webauthn.reauthenticate_webauthn, "mfa_reauthenticate_webauthn"),
    ("keys/<int:pk>/remove/", webauthn.remove_webauthn, "mfa_remove_webauthn"),
    ("keys/<int:pk>/edit/", webauthn.edit_webauthn, "mfa_edit_webauthn"),
]
"""A signed-in person's second factors: an authenticator app, recovery codes, security keys."""

urlpatterns = [
    # The same page as accounts:sign-in, under the name allauth reverses.
    path("sign-in/", sign_in, name="account_login"),
    path("sign-out/", sign_out, name="account_logout"),
    re_path(
        r"^password/reset/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        mounted(account.password_reset_from_key, public),
        name="account_reset_password_from_key",
    ),
    *_pages(public, PART_WAY),
    *_pages(signed_in, ACCOUNT, under="account/"),
    *_pages(signed_in, SECOND_FACTOR, under="account/second-factor/"),
]
