"""Pages for role holders: who holds each staff title the code declares (BR-2, BR-13)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.models import Invitation
from panelkeeper.accounts.permissions import OFFICER, READERS, get_object_for, staff
from panelkeeper.accounts.views.common import invitation_buttons, invitation_page, staff_page
from panelkeeper.lib.forms import bound, form_result
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.forms import RoleHolderForm
from panelkeeper.organisations.models import RoleHolder
from panelkeeper.organisations.policies import declared_staff_titles
from panelkeeper.organisations.role_holders import assign_role_holder
from panelkeeper.organisations.staff_forms import TitleInviteForm
from panelkeeper.organisations.title_invitations import invite_to_title, waiting_for


@staff(*READERS)
@require_GET
def role_holder_list(request: StaffRequest, org: str) -> HttpResponse:
    """Each declared staff title with its current holder, then every earlier term."""
    organisation = request.organisation
    titles = declared_staff_titles(organisation, on=timezone.localdate())
    terms = list(RoleHolder.objects.filter(organisation=organisation).select_related("user"))
    current = {term.role_key: term for term in terms if term.effective_until is None}
    return staff_page(
        request,
        "organisations/role_holder_list.html",
        rows=[(title, current.get(title.key)) for title in titles],
        past=[term for term in terms if term.effective_until is not None],
        invitations=waiting_for(organisation),
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def assign(request: StaffRequest, org: str, role: str) -> HttpResponse:
    organisation = request.organisation
    today = timezone.localdate()
    titles = {t.key: t for t in declared_staff_titles(organisation, on=today)}
    if role not in titles:
        raise Http404("No such title in this organisation's code.")
    form = RoleHolderForm(
        **bound(request), organisation=organisation, initial={"effective_from": today}
    )
    holder = form_result(
        request,
        form,
        lambda: assign_role_holder(
            organisation=organisation,
            role_key=role,
            actor=request.user,
            today=today,
            **form.cleaned_data,
        ),
    )
    if holder is not None:
        messages.success(request, f"{holder.user} now holds the title {holder.role_title}")
        return redirect("organisations:role_holders", org=org)
    return staff_page(
        request, "organisations/assign_role_holder.html", title=titles[role], form=form
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def invite_role_holder(request: StaffRequest, org: str, role: str) -> HttpResponse:
    """Invite someone the organisation does not know yet to hold a title: accepting makes
    them its holder from that day."""
    organisation = request.organisation
    titles = {t.key: t for t in declared_staff_titles(organisation, on=timezone.localdate())}
    if role not in titles:
        raise Http404("No such title in this organisation's code.")
    form = TitleInviteForm(**bound(request))
    return invitation_page(
        request,
        form,
        lambda: invite_to_title(
            organisation=organisation, role_key=role, actor=request.user, **form.cleaned_data
        ),
        sent_to=reverse("organisations:role_holders", kwargs={"org": org}),
        template="organisations/invite_role_holder.html",
        page_title=f"Invite someone new to hold the title {titles[role].title}",
        submit="Send invitation",
        back_url=reverse("organisations:assign_role_holder", kwargs={"org": org, "role": role}),
        back_text="Back",
    )


def _title_invitation(request: StaffRequest, pk: int) -> tuple[Invitation, str]:
    """The organisation's invitation to a title ``pk``, on the role holders' page."""
    invitations = Invitation.objects.filter(role=Invitation.Role.TITLE)
    invitation = get_object_for(request.organisation, invitations, pk=pk)
    return invitation, reverse(
        "organisations:role_holders", kwargs={"org": request.organisation.slug}
    )


resend_title_invitation, withdraw_title_invitation = invitation_buttons(_title_invitation)
