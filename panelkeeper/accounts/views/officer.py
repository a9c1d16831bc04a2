"""Staff pages for API tokens: list, make (the token shown this once), revoke.

Any staff member (officer or auditor) makes and revokes their own tokens for the
organisation; an officer also sees and may revoke colleagues' (see
:func:`panelkeeper.accounts.tokens.tokens_seen_by`). Members hold no grant, so these
pages answer 404 to them, as to anyone outside the organisation.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.forms import TokenForm
from panelkeeper.accounts.models import ApiToken
from panelkeeper.accounts.permissions import READERS, staff
from panelkeeper.accounts.tokens import create_token, revoke_token, tokens_seen_by
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.forms import bound, button_change, form_result
from panelkeeper.lib.requests import StaffRequest

PAGE_SIZE = 25


def _seen(request: StaffRequest) -> QuerySet[ApiToken]:
    return tokens_seen_by(user=request.user, organisation=request.organisation, roles=request.roles)


@staff(*READERS)
@require_GET
def token_list(request: StaffRequest, org: str) -> HttpResponse:
    """The tokens the user may see, newest first, a bounded number of queries a page."""
    page = Paginator(_seen(request), PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    rows = [(token, token.state(today=today)) for token in page]
    return staff_page(
        request, "accounts/token_list.html", page_obj=page, rows=rows, States=ApiToken.State
    )


@staff(*READERS)
@require_http_methods(["GET", "POST"])
def create(request: StaffRequest, org: str) -> HttpResponse:
    """Make a token for oneself. The token is shown in the answer to the POST itself, not
    after a redirect: carrying it to another page would mean storing it somewhere (the
    session), and it must exist nowhere but here. The answer is never cached."""
    form = TokenForm(**bound(request))
    new = form_result(
        request,
        form,
        lambda: create_token(
            user=request.user,
            organisation=request.organisation,
            name=form.cleaned_data["name"],
            expires_on=form.cleaned_data["expires_on"],
            actor=request.user,
        ),
    )
    if new is None:
        return staff_page(request, "accounts/token_new.html", form=form)
    response = staff_page(request, "accounts/token_made.html", new=new, token=new.token)
    response["Cache-Control"] = "no-store"
    return response


@staff(*READERS)
@require_http_methods(["GET", "POST"])
def revoke(request: StaffRequest, org: str, prefix: str) -> HttpResponse:
    """Ask, then revoke; a token the user may not see answers 404 like a missing one."""
    token = get_object_or_404(_seen(request), prefix=prefix)
    if request.method == "POST":
        button_change(
            request,
            lambda: revoke_token(prefix=token.prefix, actor=request.user),
            done=f"Token “{token.name}” revoked: it no longer works",
        )
        return redirect("accounts:tokens", org=org)
    return staff_page(request, "accounts/token_revoke.html", token=token)
