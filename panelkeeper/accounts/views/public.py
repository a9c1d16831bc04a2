"""Signing in and out, and the pages of django-allauth, each declaring who may open it.

Signing in (by password, an emailed code, a second factor), password reset and managing
second factors are allauth's views, with our templates (``templates/account/``,
``templates/mfa/``) and our adapter (:mod:`panelkeeper.accounts.adapter`). Each is
mounted here through :func:`mounted`, so it declares its access policy like every other
page (the persona matrix checks them all).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from allauth.account import views as account_views
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from panelkeeper.accounts import sessions
from panelkeeper.accounts.permissions import public


def mounted(
    view: Callable[..., HttpResponseBase], policy: Callable[[Any], Any]
) -> Callable[..., HttpResponseBase]:
    """A thin wrapper of a library's ``view``, declaring ``policy`` (public or signed_in)
    on the wrapper rather than on the library's own function."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return view(request, *args, **kwargs)

    declared: Callable[..., HttpResponseBase] = policy(wrapper)
    return declared


sign_in = mounted(account_views.login, public)


@public
@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    """Sign out (POST only, so a link or an image cannot sign anyone out)."""
    sessions.end_current(request)
    logout(request)
    messages.success(request, "You have signed out")
    return redirect("accounts:sign-in")
