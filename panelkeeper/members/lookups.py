"""One organisation's members, signatures, claims and document versions, looked up by id
for the officers' pages and operations alike: another organisation's record is a 404
(or, for a version named in a body, a refusal), exactly like a missing one."""

from __future__ import annotations

from panelkeeper.accounts.permissions import get_object_for
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import DocumentVersion, Expense, Member, Signature
from panelkeeper.organisations.models import Organisation

# The path from each record to its organisation, for get_object_for's ``via``.
THROUGH_GROUP = "group__organisation"
THROUGH_MEMBER = "member__group__organisation"


def member_in(organisation: Organisation, *, pk: int) -> Member:
    """The member ``pk`` of ``organisation``, with the people their record names, or 404."""
    queryset = Member.objects.select_related("group__organisation", "user", "advocate")
    return get_object_for(organisation, queryset, via=THROUGH_GROUP, pk=pk)


def signature_in(organisation: Organisation, *, pk: int) -> Signature:
    """The signature ``pk`` on one of ``organisation``'s documents, or 404."""
    queryset = Signature.objects.select_related(THROUGH_MEMBER, "version__document")
    return get_object_for(organisation, queryset, via=THROUGH_MEMBER, pk=pk)


def expense_in(organisation: Organisation, *, pk: int) -> Expense:
    """The claim for an expense or a reward ``pk`` of ``organisation``'s members, or 404."""
    queryset = Expense.objects.select_related(THROUGH_MEMBER)
    return get_object_for(organisation, queryset, via=THROUGH_MEMBER, pk=pk)


def version_named(organisation: Organisation, version_id: int | None) -> DocumentVersion:
    """The version of one of ``organisation``'s documents that a body names; refused when
    it names none of them."""
    version = (
        DocumentVersion.objects.select_related("document")
        .filter(pk=version_id, document__organisation=organisation)
        .first()
        if version_id is not None
        else None
    )
    if version is None:
        raise Refused("Give the id of one of your documents' versions", field="version_id")
    return version
