"""The privacy notice of each organisation, for anyone: linked from every form that
collects personal data, the public concern form included."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from panelkeeper.accounts.permissions import public
from panelkeeper.organisations.models import Organisation
from panelkeeper.subject_access.privacy import notice_for


@public
@require_GET
def privacy_notice(request: HttpRequest, org: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=org)
    return render(request, "subject_access/privacy.html", {"notice": notice_for(organisation)})
