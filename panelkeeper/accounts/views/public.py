"""Signing in and out."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from panelkeeper.accounts import throttle
from panelkeeper.accounts.forms import SignInForm
from panelkeeper.accounts.models import User
from panelkeeper.accounts.permissions import public

WRONG_DETAILS = "Enter a correct email address and password"
TOO_MANY = (
    f"You have tried to sign in too many times. Wait {throttle.WINDOW_MINUTES} minutes, "
    "then try again"
)


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return str(settings.LOGIN_REDIRECT_URL)


@public
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    """Sign in by email address and password, throttled per address and per client."""
    form = SignInForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if throttle.is_blocked(request, email):
            form.add_error(None, TOO_MANY)
        else:
            account = User.objects.filter(email__iexact=email).first()
            user = authenticate(
                request,
                username=account.username if account else email,
                password=form.cleaned_data["password"],
            )
            if user is None:
                throttle.record_failure(request, email)
                form.add_error(None, WRONG_DETAILS)
            else:
                throttle.clear_email(email)
                login(request, user)
                return redirect(_next_url(request))
    # The form is shown again with its errors (200), except when throttled: 429 tells
    # scripts as well as people to wait.
    status = 429 if TOO_MANY in form.non_field_errors() else 200
    return render(
        request,
        "accounts/sign_in.html",
        {"form": form, "next": _next_url(request)},
        status=status,
    )


@public
@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    """Sign out (POST only, so a link or an image cannot sign anyone out)."""
    logout(request)
    messages.success(request, "You have signed out")
    return redirect("accounts:sign-in")
