"""A member's own subject access requests in the API: list them, ask for a copy, and
read the pack once released. Another member's record answers 404."""

from django.shortcuts import get_object_or_404
from ninja import Query, Status

from panelkeeper.accounts.permissions import api_members
from panelkeeper.lib.api import PageQuery, out_of, paged, read_body
from panelkeeper.lib.requests import MemberRequest
from panelkeeper.subject_access.api.officer import request_out, router
from panelkeeper.subject_access.api.schemas import (
    MyRequestIn,
    PackOut,
    RequestOut,
    RequestPageOut,
)
from panelkeeper.subject_access.models import SubjectAccessRequest
from panelkeeper.subject_access.views.portal import (
    MY_PAGE_SIZE,
    ask_for_own,
    own_pack,
    own_requests,
)


@api_members.get(router, "/mine/{member}/requests", RequestPageOut)
def my_requests(request: MemberRequest, member: int, query: Query[PageQuery]) -> RequestPageOut:
    """Your requests for a copy of your information, newest first, 25 to a page."""
    rows, counts = paged(own_requests(request.member), query, size=MY_PAGE_SIZE)
    return RequestPageOut(**counts, requests=[request_out(found) for found in rows])


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
    return out_of(PackOut, own_pack(request.member, request_id))
