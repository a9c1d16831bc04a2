from django.urls import path

from panelkeeper.accounts.views import public

app_name = "accounts"
urlpatterns = [
    path("sign-in/", public.sign_in, name="sign-in"),
    path("sign-out/", public.sign_out, name="sign-out"),
]
