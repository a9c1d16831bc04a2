"""Helpers shared by the members API modules: who may call, a member of the caller's
organisation, and that member's signatures."""

from django.db.models import QuerySet

from panelkeeper.accounts.models import Grant
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.lookups import member_in
from panelkeeper.members.models import Member, Signature

READERS = (Grant.Role.OFFICER, Grant.Role.AUDITOR)
OFFICER = Grant.Role.OFFICER


def member_of(request: StaffRequest, member_id: int) -> Member:
    """The member ``member_id`` of the organisation in the path, or 404."""
    return member_in(request.organisation, pk=member_id)


def signatures_of(member: Member) -> QuerySet[Signature]:
    """A member's signatures, newest first, with what ``SignatureOut`` reads."""
    return member.signatures.select_related("version__document").prefetch_related(
        "countersignatures"
    )
