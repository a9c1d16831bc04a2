"""The published registers: a public page, only when the organisation chose to publish.

Shows members' names, the kinds and descriptions of their interests, and gifts with the
kind of giver: never a contact detail, never the giver's name (a third party).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from panelkeeper.accounts.permissions import public
from panelkeeper.organisations.models import Organisation
from panelkeeper.registers.published import public_registers


@public
@require_GET
def public_page(request: HttpRequest, org: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=org)
    registers = public_registers(organisation)
    if registers is None:
        raise Http404("These registers are not published.")
    return render(request, "registers/public.html", {"registers": registers})
