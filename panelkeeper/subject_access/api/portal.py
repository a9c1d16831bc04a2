"""A member's own subject access requests in the API: list them, ask for a copy, and
read the pack once released. Another member's record answers 404."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Status

from panelkeeper.accounts.permissions import api_members
from panelkeeper.lib.api import read_body
from panelkeeper.lib.requests import MemberRequest
from panelkeeper.subject_access.api.officer import pack_out, request_out, router
from panelkeeper.subject_access.api.schemas import MyRequestIn, PackOut, RequestOut
from panelkeeper.subject_access.models import SubjectAccessRequest
from panelkeeper.subject_access.views.portal import ask_for_own, own_pack, own_requests


@api_members.get(router, "/mine/{member}/requests", list[RequestOut])
def my_requests(request: MemberRequest, member: int) -> list[RequestOut]:
    """Your requests for a copy of your information, newest first (the latest 50)."""
    return [request_out(found) for found in own_requests(request.member)]


@api_members.post(router, "/mine/{member}/requests", RequestOut, status=201, body=MyRequestIn)
def ask(request: MemberRequest, member: int) -> Status[RequestOut]:
    """Ask for a copy of everything held about you."""
    data = read_body(request, MyRequestIn)
    made = ask_for_own(request.member, details=data.details, actor=request.user)
    found = get_object_or_404(SubjectAccessRequest.objects.prefetch_related("pauses"), pk=made.pk)
    return Status(201, request_out(found))


@api_members.get(router, "/mine/{member}/requests/{request_id}/pack", PackOut)
def my_pack(request: MemberRequest, member: int, request_id: int) -> PackOut:
    """Your copy, once it has been released to you."""
    return pack_out(own_pack(request.member, request_id))
