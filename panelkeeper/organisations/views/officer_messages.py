"""Pages for emails the mail server did not deliver: the list, and sending one again."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.permissions import OFFICER, READERS, get_object_for, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.forms import bound, form_applied
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.forms import ResendForm
from panelkeeper.organisations.undelivered import resend_message, undelivered
from panelkeeper.outbox.models import Message

PAGE_SIZE = 50


@staff(*READERS)
@require_GET
def message_list(request: StaffRequest, org: str) -> HttpResponse:
    page = Paginator(undelivered(request.organisation), PAGE_SIZE).get_page(request.GET.get("page"))
    return staff_page(request, "organisations/message_list.html", page_obj=page)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def resend(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    message = get_object_for(request.organisation, Message.objects.all(), pk=pk)
    form = ResendForm(**bound(request), initial={"to": message.to_address})
    if form_applied(
        request,
        form,
        lambda: resend_message(message=message, to=form.cleaned_data["to"], actor=request.user),
    ):
        to = form.cleaned_data["to"]
        messages.success(request, f"“{message.subject}” will be sent again to {to}")
        return redirect("organisations:messages", org=org)
    return staff_page(request, "organisations/resend_message.html", form=form, message=message)
