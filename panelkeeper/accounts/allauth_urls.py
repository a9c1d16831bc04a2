"""django-allauth's pages at plain paths, under the names allauth reverses.

Only the pages panelkeeper uses are mounted: no sign-up, no email management, no social
accounts, no passkey sign-in without a password. Pages for someone part-way through
signing in (a code, a second factor) or resetting a password are public; the rest are
for signed-in people.
"""

from allauth.account import views as account
from allauth.mfa.base import views as mfa
from allauth.mfa.recovery_codes import views as recovery_codes
from allauth.mfa.totp import views as totp
from allauth.mfa.webauthn import views as webauthn
from django.urls import path, re_path

from panelkeeper.accounts.permissions import public, signed_in
from panelkeeper.accounts.views.public import mounted, sign_in, sign_out

FACTOR = "account/second-factor/"

urlpatterns = [
    # The same page as accounts:sign-in, under the name allauth reverses.
    path("sign-in/", sign_in, name="account_login"),
    path("sign-out/", sign_out, name="account_logout"),
    path(
        "sign-in/code/",
        mounted(account.request_login_code, public),
        name="account_request_login_code",
    ),
    path(
        "sign-in/code/enter/",
        mounted(account.confirm_login_code, public),
        name="account_confirm_login_code",
    ),
    path("sign-in/second-factor/", mounted(mfa.authenticate, public), name="mfa_authenticate"),
    path("sign-in/inactive/", mounted(account.account_inactive, public), name="account_inactive"),
    path(
        "password/forgotten/",
        mounted(account.password_reset, public),
        name="account_reset_password",
    ),
    path(
        "password/forgotten/sent/",
        mounted(account.password_reset_done, public),
        name="account_reset_password_done",
    ),
    re_path(
        r"^password/reset/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        mounted(account.password_reset_from_key, public),
        name="account_reset_password_from_key",
    ),
    path(
        "password/reset/done/",
        mounted(account.password_reset_from_key_done, public),
        name="account_reset_password_from_key_done",
    ),
    path(
        "account/password/",
        mounted(account.password_change, signed_in),
        name="account_change_password",
    ),
    path(
        "account/password/set/",
        mounted(account.password_set, signed_in),
        name="account_set_password",
    ),
    path(
        "account/confirm/",
        mounted(account.reauthenticate, signed_in),
        name="account_reauthenticate",
    ),
    path(
        "account/confirm/code/",
        mounted(account.request_reauthentication_code, signed_in),
        name="account_request_reauthentication_code",
    ),
    path(
        "account/confirm/code/enter/",
        mounted(account.confirm_reauthentication_code, signed_in),
        name="account_confirm_reauthentication_code",
    ),
    path(FACTOR, mounted(mfa.index, signed_in), name="mfa_index"),
    path(f"{FACTOR}confirm/", mounted(mfa.reauthenticate, signed_in), name="mfa_reauthenticate"),
    path(f"{FACTOR}app/", mounted(totp.activate_totp, signed_in), name="mfa_activate_totp"),
    path(
        f"{FACTOR}app/remove/", mounted(totp.deactivate_totp, signed_in), name="mfa_deactivate_totp"
    ),
    path(
        f"{FACTOR}recovery-codes/",
        mounted(recovery_codes.view_recovery_codes, signed_in),
        name="mfa_view_recovery_codes",
    ),
    path(
        f"{FACTOR}recovery-codes/new/",
        mounted(recovery_codes.generate_recovery_codes, signed_in),
        name="mfa_generate_recovery_codes",
    ),
    path(
        f"{FACTOR}recovery-codes/download/",
        mounted(recovery_codes.download_recovery_codes, signed_in),
        name="mfa_download_recovery_codes",
    ),
    path(f"{FACTOR}keys/", mounted(webauthn.list_webauthn, signed_in), name="mfa_list_webauthn"),
    path(f"{FACTOR}keys/add/", mounted(webauthn.add_webauthn, signed_in), name="mfa_add_webauthn"),
    path(
        f"{FACTOR}keys/confirm/",
        mounted(webauthn.reauthenticate_webauthn, signed_in),
        name="mfa_reauthenticate_webauthn",
    ),
    path(
        f"{FACTOR}keys/<int:pk>/remove/",
        mounted(webauthn.remove_webauthn, signed_in),
        name="mfa_remove_webauthn",
    ),
    path(
        f"{FACTOR}keys/<int:pk>/edit/",
        mounted(webauthn.edit_webauthn, signed_in),
        name="mfa_edit_webauthn",
    ),
]
