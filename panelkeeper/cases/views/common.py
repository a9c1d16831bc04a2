"""What the pages about a case share: a refusal shown with the rule it applies."""

from __future__ import annotations

from collections.abc import Callable

from django.forms import Form
from django.http import HttpRequest

from panelkeeper.lib.refusals import Refused


def refuse(form: Form, refusal: Refused, renamed: dict[str, str] | None = None) -> None:
    """Show a refusal on its field (or above the form), naming the rule it applies.

    ``renamed`` maps a domain function's field name to the form's, where they differ.
    """
    field = (renamed or {}).get(refusal.field or "", refusal.field)
    field = field if field in form.fields else None
    form.add_error(field, f"{refusal.message} ({refusal.rule})")


def changed[T](
    request: HttpRequest,
    form: Form,
    change: Callable[[], T],
    *,
    renamed: dict[str, str] | None = None,
) -> T | None:
    """What ``change`` (a domain function call) returned for a POSTed, valid ``form``; None
    for a GET, an invalid form or a refusal, so the page is shown again.

    :func:`panelkeeper.lib.forms.form_applied` for a case, whose pages need the record
    made: a refusal goes on the form naming the rule it applies (:func:`refuse`).
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return change()
    except Refused as refusal:
        refuse(form, refusal, renamed)
        return None
