"""A member's own letters in the portal: the member, or the advocate acting for them."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from panelkeeper.accounts.permissions import member_self
from panelkeeper.letters.listing import MY_PAGE_SIZE, mine
from panelkeeper.letters.models import Letter
from panelkeeper.letters.rendering import article_of
from panelkeeper.lib.downloads import pdf_download
from panelkeeper.lib.requests import MemberRequest


@member_self
@require_GET
def my_letters(request: MemberRequest, member: int) -> HttpResponse:
    """The member's letters, newest first, 25 to a page."""
    page = Paginator(mine(request.member), MY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "letters/my_letters.html", {"member": request.member, "page_obj": page})


@member_self
@require_GET
def my_letter_download(request: MemberRequest, member: int, letter: int) -> HttpResponse:
    """Only a letter to this member; any other answers 404, as if it did not exist."""
    found = get_object_or_404(Letter.objects.to_member(), pk=letter, member=request.member)
    return pdf_download(bytes(found.pdf), found.file_name)


@member_self
@require_GET
def my_letter(request: MemberRequest, member: int, letter: int) -> HttpResponse:
    """One letter to this member, to read on the page; the PDF is a link away."""
    found = get_object_or_404(Letter.objects.to_member(), pk=letter, member=request.member)
    context = {
        "member": request.member,
        "letter": found,
        "article": mark_safe(article_of(found.html)),  # our own frame, values escaped
    }
    return render(request, "letters/my_letter.html", context)
