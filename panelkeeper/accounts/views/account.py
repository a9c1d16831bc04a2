"""A signed-in person's own account: where they are signed in."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from panelkeeper.accounts import sessions
from panelkeeper.accounts.permissions import signed_in
from panelkeeper.lib.requests import SignedInRequest


@signed_in
@require_GET
def session_list(request: SignedInRequest) -> HttpResponse:
    """Where you are signed in: each session's start and last activity, this one first."""
    listed = sessions.listing(request, request.user)
    return render(request, "accounts/sessions.html", {"sessions": listed})


@signed_in
@require_POST
def end_other_sessions(request: SignedInRequest) -> HttpResponse:
    """Sign out every other session; this one stays signed in."""
    ended = sessions.end_others(request, request.user)
    if ended:
        plural = "" if ended == 1 else "s"
        messages.success(request, f"You signed out {ended} other session{plural}")
    else:
        messages.success(request, "You were not signed in anywhere else")
    return redirect("accounts:sessions")
