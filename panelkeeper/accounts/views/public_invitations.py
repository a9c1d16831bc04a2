"""Accepting an invitation from its link: a public page, as the invitee has no sign-in yet.

Someone without an account that signs in chooses their name and a password here; someone
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
    needs_password,
    open_invitation,
)
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
    if needs_password(invited):
        form = AcceptInvitationForm(**bound(request))
        user = form_result(
            request,
            form,
            lambda: accept_with_password(
                token=token,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password"],
            ),
        )
        if user is not None:
            login(request, user)
            messages.success(request, "Invitation accepted. You are signed in")
            return redirect("organisations:start")
        context = {"invitation": invited, "form": form}
        return render(request, "accounts/invitation_accept.html", context)
    if request.method == "POST" and request.user.is_authenticated:
        user = request.user
        done = button_change(request, lambda: accept(token=token, user=user))
        if done is not None:
            messages.success(request, "Invitation accepted")
            return redirect("organisations:start")
        return redirect("accounts:invitation", token=token)
    return render(request, "accounts/invitation_accept.html", {"invitation": invited})
