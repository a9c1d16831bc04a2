"""Helpers the staff pages and the member's own pages share (not views themselves)."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.http import FileResponse, HttpRequest

from panelkeeper.lib.forms import form_applied
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.models import Paper


def applied_result[T](request: HttpRequest, form: forms.Form, change: Callable[[], T]) -> T | None:
    """What ``change`` returned, where :func:`~panelkeeper.lib.forms.form_applied` applied
    it to a POSTed, valid ``form``; None where it did not (a refusal is on the form).

    For a page that goes on to show what the change made, such as the meeting scheduled.
    """
    results: list[T] = []
    if form_applied(request, form, lambda: results.append(change())):
        return results[0]
    return None


def apply_and_tell(request: HttpRequest, change: Callable[[], object], *, done: str) -> None:
    """Apply ``change`` (a domain function call) from a button, and say how it went: the
    message ``done``, or the refusal's own message. The caller redirects either way."""
    try:
        change()
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, done)


def paper_download(paper: Paper) -> FileResponse:
    """The paper's file, to save under its own name rather than the stored path; for a
    paper not removed, whose file is always there (``Paper.objects.current()``)."""
    name = (paper.file.name or "").rsplit("/", 1)[-1]
    return FileResponse(paper.file.open("rb"), as_attachment=True, filename=name)
