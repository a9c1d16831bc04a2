"""The public pages: raise a concern, keep the receipt, follow it up (BR-1, BR-2).

Anyone may use them, signed in or not. They live under ``/concerns/``, the path the
project's logs (and the deployment's proxy) leave out. Nothing here reads, logs or
stores the client's address or user agent; the rate limits know the client only by a
keyed hash kept in the cache (:mod:`panelkeeper.concerns.limits`).
"""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panelkeeper.accounts.permissions import public
from panelkeeper.concerns import follow_up, receipts
from panelkeeper.concerns.forms import CodeForm, ConcernForm, MessageForm
from panelkeeper.concerns.handling import (
    find_by_code,
    send_reporter_message,
    show_code_again,
    submit_concern,
)
from panelkeeper.concerns.limits import WINDOW_MINUTES, Limit, count, is_blocked
from panelkeeper.concerns.models import Concern
from panelkeeper.concerns.routing import raising_for
from panelkeeper.lib.downloads import pdf_download
from panelkeeper.lib.forms import add_refusal, bound, form_applied
from panelkeeper.lib.pdf import render_pdf
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.models import Organisation

TOO_MANY = f"You have tried too many times. Wait {WINDOW_MINUTES} minutes, then try again."
# One answer for every code that opens nothing: a typo, a made-up code, another
# organisation's code. It must not say whether any concern exists.
NO_MATCH = "Check your receipt code and enter it again"


def _blocked(limit: Limit, request: HttpRequest, org: str, form: forms.Form) -> bool:
    """Whether this person has tried ``limit`` too often; if so ``form`` says so, above
    any other errors it has."""
    if not is_blocked(limit, request, org):
        return False
    form.is_valid()
    form.add_error(None, TOO_MANY)
    return True


def _organisation(org: str) -> Organisation:
    return get_object_or_404(Organisation, slug=org)


@public
@require_http_methods(["GET", "POST"])
def raise_concern(request: HttpRequest, org: str) -> HttpResponse:
    organisation = _organisation(org)
    today = timezone.localdate()
    raising = raising_for(organisation, on=today)
    if raising is None:
        return render(request, "concerns/unavailable.html", {"organisation": organisation})
    form = ConcernForm(**bound(request), raising=raising, today=today)
    context = {"organisation": organisation, "form": form, "raising": raising}
    if request.method == "POST":
        if _blocked(Limit.SUBMIT, request, org, form):
            return render(request, "concerns/raise.html", context, status=429)
        if form.is_valid():
            try:
                concern, code = submit_concern(
                    organisation=organisation, raising=raising, report=form.report(), today=today
                )
            except Refused as refusal:
                add_refusal(form, refusal)
            else:
                count(Limit.SUBMIT, request, org)
                response = redirect("concerns:submitted", org=org)
                follow_up.hand_over(
                    response, organisation, {"code": code, "routed_to": concern.routed_to}
                )
                return response
    return render(request, "concerns/raise.html", context)


@public
@require_GET
def submitted(request: HttpRequest, org: str) -> HttpResponse:
    """The confirmation: the receipt code, shown this once, for an anonymous reporter."""
    organisation = _organisation(org)
    response = HttpResponse()
    carried = follow_up.take(request, response, organisation)
    context = {
        "organisation": organisation,
        "code": carried.get("code"),
        "routed_to": carried.get("routed_to"),
        "sent": bool(carried),
    }
    response.content = render_to_string("concerns/submitted.html", context, request)
    response["Cache-Control"] = "no-store"
    return response


@public
@require_POST
def receipt_pdf(request: HttpRequest, org: str) -> HttpResponse:
    """The receipt as a PDF: the code, the organisation and the date, and nothing else.

    The code arrives in the request body from the confirmation page. It is only checked
    for shape, never looked up, so this answers nothing about which concerns exist.
    """
    organisation = _organisation(org)
    canonical = receipts.normalise(request.POST.get("code", ""))
    if canonical is None:
        return redirect("concerns:submitted", org=org)
    html = render_to_string(
        "concerns/receipt_pdf.html",
        {
            "organisation": organisation,
            "code": receipts.group(canonical),
            "today": timezone.localdate(),
            "follow_up_url": request.build_absolute_uri(f"/concerns/{org}/follow-up/"),
        },
    )
    response = pdf_download(render_pdf(html), "concern-receipt.pdf")
    response["Cache-Control"] = "no-store"
    return response


@public
@require_http_methods(["GET", "POST"])
def follow_up_page(request: HttpRequest, org: str) -> HttpResponse:
    """Enter the receipt code; once proved, the status and the messages."""
    organisation = _organisation(org)
    concern = follow_up.remembered(request, organisation)
    if concern is not None and request.method == "GET":
        response = HttpResponse()
        shown_again = follow_up.take(request, response, organisation).get("code")
        response.content = render_to_string(
            "concerns/follow_up.html",
            _status_context(organisation, concern, MessageForm(), shown_again),
            request,
        )
        response["Cache-Control"] = "no-store"
        return response
    form = CodeForm(**bound(request))
    context = {"organisation": organisation, "form": form}
    if request.method == "POST":
        if _blocked(Limit.CODE, request, org, form):
            return render(request, "concerns/enter_code.html", context, status=429)
        if form.is_valid():
            found = find_by_code(organisation=organisation, code=form.cleaned_data["code"])
            if found is None:
                count(Limit.CODE, request, org)
                form.add_error("code", NO_MATCH)
            else:
                follow_up.remember(request, found)
                response = redirect("concerns:follow_up", org=org)
                if show_code_again(concern=found):
                    code = receipts.normalise(form.cleaned_data["code"]) or ""
                    follow_up.hand_over(response, organisation, {"code": receipts.group(code)})
                return response
    return render(request, "concerns/enter_code.html", context)


def _status_context(
    organisation: Organisation, concern: Concern, form: MessageForm, shown_again: str | None
) -> dict[str, object]:
    return {
        "organisation": organisation,
        "form": form,
        "code_again": shown_again,
        **follow_up.reporter_view(concern),
    }


@public
@require_POST
def follow_up_message(request: HttpRequest, org: str) -> HttpResponse:
    """A message from the reporter, sent while their proved code is remembered."""
    organisation = _organisation(org)
    concern = follow_up.remembered(request, organisation)
    if concern is None:
        return redirect("concerns:follow_up", org=org)
    form = MessageForm(request.POST)
    status = 200
    if _blocked(Limit.MESSAGE, request, org, form):
        status = 429
    elif form_applied(
        request,
        form,
        lambda: send_reporter_message(
            concern=concern, body=form.cleaned_data["body"], today=timezone.localdate()
        ),
    ):
        count(Limit.MESSAGE, request, org)
        return redirect("concerns:follow_up", org=org)
    return render(
        request,
        "concerns/follow_up.html",
        _status_context(organisation, concern, form, None),
        status=status,
    )


@public
@require_POST
def follow_up_finish(request: HttpRequest, org: str) -> HttpResponse:
    """Forget the proved code on this browser (for a shared computer)."""
    _organisation(org)
    follow_up.forget(request)
    return redirect("concerns:follow_up", org=org)
