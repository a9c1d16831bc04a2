"""One organisation's subject access requests and their packs, looked up by id for the
officers' pages and operations alike: another organisation's is a 404, exactly like a
missing one."""

from __future__ import annotations

from django.db.models import QuerySet

from panelkeeper.accounts.permissions import get_object_for
from panelkeeper.organisations.models import Organisation
from panelkeeper.subject_access.models import Pack, SubjectAccessRequest


def _with_clock() -> QuerySet[SubjectAccessRequest]:
    """Requests with what reading their clock and showing them needs."""
    return SubjectAccessRequest.objects.select_related(
        "organisation", "member", "pack"
    ).prefetch_related("pauses")


def requests_of(organisation: Organisation) -> QuerySet[SubjectAccessRequest]:
    """``organisation``'s requests, newest received first, ready to show with their clock."""
    return _with_clock().filter(organisation=organisation)


def request_in(organisation: Organisation, *, pk: int) -> SubjectAccessRequest:
    """The request ``pk`` of ``organisation``, ready to show with its clock, or 404."""
    return get_object_for(organisation, _with_clock(), pk=pk)


def pack_in(organisation: Organisation, *, request_id: int) -> Pack:
    """The pack of ``organisation``'s request ``request_id``, or 404 (also before it is
    built)."""
    return get_object_for(
        organisation,
        Pack.objects.select_related("request__organisation"),
        via="request__organisation",
        request_id=request_id,
    )
