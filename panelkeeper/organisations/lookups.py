"""One organisation's versions of its code, looked up by id for the officers' pages and
operations alike: another organisation's version is a 404, exactly like a missing one."""

from __future__ import annotations

from panelkeeper.accounts.permissions import get_object_for
from panelkeeper.organisations.models import Organisation, PolicyVersion


def version_in(organisation: Organisation, *, pk: int) -> PolicyVersion:
    """The version ``pk`` of ``organisation``'s code, with the version it started from
    and who made and published it, or 404."""
    versions = PolicyVersion.objects.select_related("based_on", "created_by", "published_by")
    return get_object_for(organisation, versions, pk=pk)
