from django.urls import path

from panelkeeper.accounts.views import account, officer, public, public_invitations

app_name = "accounts"

TOKENS = "organisations/<slug:org>/api-tokens/"

urlpatterns = [
    path("sign-in/", public.sign_in, name="sign-in"),
    path("sign-out/", public.sign_out, name="sign-out"),
    path("account/sessions/", account.session_list, name="sessions"),
    path("account/sessions/sign-out-others/", account.end_other_sessions, name="end_sessions"),
    path("invitations/<str:token>/", public_invitations.invitation, name="invitation"),
    path(TOKENS, officer.token_list, name="tokens"),
    path(f"{TOKENS}new/", officer.create, name="create_token"),
    path(f"{TOKENS}<slug:prefix>/revoke/", officer.revoke, name="revoke_token"),
]
