"""The log of who read which confidential record, for the data protection lead only."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.views.decorators.http import require_GET

from panelkeeper.accounts.permissions import READERS, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.subject_access.lead import is_lead
from panelkeeper.subject_access.reading import log_of

PAGE_SIZE = 100


@staff(*READERS)
@require_GET
def access_log(request: StaffRequest, org: str) -> HttpResponse:
    """Newest first, a page at a time; anyone but the lead is refused (403)."""
    if not is_lead(request):
        raise PermissionDenied("Only your data protection lead can read this log.")
    page = Paginator(log_of(request.organisation), PAGE_SIZE).get_page(request.GET.get("page"))
    return staff_page(request, "subject_access/access_log.html", page_obj=page)
