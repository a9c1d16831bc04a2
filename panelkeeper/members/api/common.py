"""Helpers shared by the members API modules: who may call, a member of the caller's
organisation, that member's signatures, and adding a record to a member."""

from collections.abc import Callable

from django.db.models import QuerySet
from django.utils import timezone
from ninja import Schema, Status

from panelkeeper.lib.api import read_body
from panelkeeper.lib.requests import SignedInRequest, StaffRequest
from panelkeeper.members.lookups import member_in
from panelkeeper.members.models import Member, Signature


def member_of(request: StaffRequest, member_id: int) -> Member:
    """The member ``member_id`` of the organisation in the path, or 404."""
    return member_in(request.organisation, pk=member_id)


def signatures_of(member: Member) -> QuerySet[Signature]:
    """A member's signatures, newest first, with what ``SignatureOut`` reads."""
    return member.signatures.select_related("version__document").prefetch_related(
        "countersignatures"
    )


def added_to[T](
    request: SignedInRequest, member: Member, schema: type[Schema], add: Callable[..., T]
) -> Status[T]:
    """201 with the record ``add`` made for ``member`` from the JSON body read as ``schema``.

    ``add`` is a domain function taking ``member``, ``actor`` and ``today`` besides the
    body's fields as keywords: change_member_status, record_appraisal, submit_expense.
    A refusal it raises is answered by the API's handler.
    """
    data = read_body(request, schema)
    made = add(member=member, actor=request.user, today=timezone.localdate(), **data.model_dump())
    return Status(201, made)
