"""A member's own subject access requests: ask for a copy of everything held about
them, see when it is due, and read the pack once an officer has released it.

Guarded by ``member_self``: another member's record answers 404, and so does a pack
not yet released or made for someone else.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.models import User
from panelkeeper.accounts.permissions import member_self
from panelkeeper.lib.forms import bound, form_result
from panelkeeper.lib.requests import MemberRequest
from panelkeeper.members.models import Member
from panelkeeper.subject_access.forms import MyRequestForm
from panelkeeper.subject_access.models import Pack, Requester, SubjectAccessRequest
from panelkeeper.subject_access.requests import clock_of, log_request
from panelkeeper.subject_access.views.common import pack_page, pack_pdf


def ask_for_own(member: Member, *, details: str, actor: User) -> SubjectAccessRequest:
    """A member's own request, received today."""
    today = timezone.localdate()
    return log_request(
        organisation=member.group.organisation,
        requester=Requester.MEMBER,
        member=member,
        received_on=today,
        details=details,
        actor=actor,
        today=today,
    )


MY_PAGE_SIZE = 25
"""A member's own requests on a page, in the portal and the API."""


def own_requests(member: Member) -> QuerySet[SubjectAccessRequest]:
    """The member's own requests, newest first."""
    return (
        SubjectAccessRequest.objects.filter(member=member)
        .select_related("organisation", "member", "pack")
        .prefetch_related("pauses")
        .order_by("-received_on", "-id")
    )


def own_pack(member: Member, pk: int) -> Pack:
    return get_object_or_404(
        Pack.objects.select_related("request"),
        request_id=pk,
        request__member=member,
        released_on__isnull=False,
    )


@member_self
@require_http_methods(["GET", "POST"])
def my_requests(request: MemberRequest, member: int) -> HttpResponse:
    record = request.member
    form = MyRequestForm(**bound(request))
    made = form_result(
        request,
        form,
        lambda: ask_for_own(record, details=form.cleaned_data["details"], actor=request.user),
    )
    if made is not None:
        messages.success(request, "We have your request. We will send your copy by the date shown")
        return redirect("subject_access:mine", member=member)
    today = timezone.localdate()
    page = Paginator(own_requests(record), MY_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(found, clock_of(found, today=today)) for found in page]
    context = {
        "member": record,
        "organisation": record.group.organisation,
        "rows": rows,
        "page_obj": page,
        "form": form,
    }
    return render(request, "subject_access/my_requests.html", context)


@member_self
@require_GET
def my_pack(request: MemberRequest, member: int, pk: int) -> HttpResponse:
    return pack_page(
        request,
        own_pack(request.member, pk),
        back=reverse("subject_access:mine", kwargs={"member": member}),
        pdf=reverse("subject_access:my_pack_pdf", kwargs={"member": member, "pk": pk}),
    )


@member_self
@require_GET
def my_pack_pdf(request: MemberRequest, member: int, pk: int) -> HttpResponse:
    return pack_pdf(own_pack(request.member, pk))
