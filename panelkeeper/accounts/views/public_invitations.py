"""Accepting an invitation from its link: a public page, as the invitee has no sign-in yet.

Someone without an account that signs in chooses their name (unless the account has one)
and a password, or, where the invitation offers it, a code emailed each time; someone
who already has one signs in first and accepts with a button. A link that cannot be used
(unknown, used, withdrawn, expired) answers with a page saying what to do.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from panelkeeper.accounts.forms import AcceptInvitationForm
from panelkeeper.accounts.invitations import (
    InvitationRefused,
    accept,
    accept_with_password,
    has_name,
    kind_of,
    needs_password,
    open_invitation,
)
from panelkeeper.accounts.notices import notify
from panelkeeper.accounts.permissions import public
from panelkeeper.lib.forms import bound, button_change, form_result


@public
@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invited = open_invitation(token)
    except InvitationRefused as refused:
        return render(
            request,
            "accounts/invitation_refused.html",
            {"message": refused.message},
            status=refused.status,
        )
    kind = kind_of(invited)
    context = {"invitation": invited, "invited_as": kind.invited_as(invited)}
    if needs_password(invited):
        first, last = kind.initial_name(invited)
        form = AcceptInvitationForm(
            **bound(request),
            initial={"first_name": first, "last_name": last},
            asks_name=not has_name(invited),
            offers_code=kind.offers_code,
        )
        user = form_result(
            request,
            form,
            lambda: accept_with_password(
                token=token,
                first_name=form.cleaned_data.get("first_name", ""),
                last_name=form.cleaned_data.get("last_name", ""),
                password=form.cleaned_data["password"],
            ),
        )
        if user is not None:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            notify(user, "signed_in", fields=["last_login"])
            how = (
                "Next time, sign in with your email address and your password"
                if user.has_usable_password()
                else "Next time, sign in with your email address: we will email you a code"
            )
            messages.success(request, f"Invitation accepted. You are signed in. {how}")
            return redirect(kind.landing)
        return render(request, "accounts/invitation_accept.html", {**context, "form": form})
    if request.method == "POST" and request.user.is_authenticated:
        user = request.user
        done = button_change(request, lambda: accept(token=token, user=user))
        if done is not None:
            messages.success(request, "Invitation accepted")
            return redirect(kind.landing)
        return redirect("accounts:invitation", token=token)
    return render(request, "accounts/invitation_accept.html", context)
