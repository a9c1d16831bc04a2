"""Officers' page for erasing a person who is not a member (a reporter, a witness, a
requester): what the records hold under their name, why it must stay if it must, and
the erasure itself."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from panelkeeper.accounts.permissions import OFFICER, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.forms import bound, form_result
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.subject_access.erasure import (
    Person,
    erase_person,
    find_person,
    reasons_to_keep,
)
from panelkeeper.subject_access.forms import ErasePersonForm


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def erase_person_page(request: StaffRequest, org: str) -> HttpResponse:
    """``?name=`` (and ``contact=``) shows what is held under that name first."""
    asked = {key: request.GET.get(key, "").strip()[:300] for key in ("name", "contact")}
    form = ErasePersonForm(**bound(request), initial=asked)

    def erase() -> Person:
        who = {key: form.cleaned_data[key] for key in ("name", "contact")}
        return erase_person(organisation=request.organisation, actor=request.user, **who)

    erased = form_result(request, form, erase)
    if erased is not None:
        messages.success(request, f"{erased.count} records no longer name them")
        return redirect("subject_access:list", org=org)
    person = reasons = None
    if asked["name"]:
        person = find_person(request.organisation, **asked)
        reasons = reasons_to_keep(request.organisation, person)
    return staff_page(
        request, "subject_access/erase.html", form=form, person=person, reasons=reasons
    )
