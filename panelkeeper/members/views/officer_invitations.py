"""Officers' pages inviting members and advocates to sign in: one member from their
record, many from the member list, an advocate for a member, and sending an invitation
again or withdrawing it."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from panelkeeper.accounts.invitations import BAD_EMAIL, Sent
from panelkeeper.accounts.models import Invitation
from panelkeeper.accounts.permissions import OFFICER, get_object_for, staff
from panelkeeper.accounts.views.common import invitation_buttons, invitation_page
from panelkeeper.lib.forms import bound, button_change
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.invitations import (
    invite_advocate,
    invite_member,
    invite_members,
    not_yet_invited,
)
from panelkeeper.members.models import Member
from panelkeeper.members.views.officer import member_for

MEMBER_ROLES = (Invitation.Role.MEMBER, Invitation.Role.ADVOCATE)


def _to_record(request: StaffRequest, member: Member) -> HttpResponse:
    return redirect("members:detail", org=request.organisation.slug, pk=member.pk)


@staff(OFFICER)
@require_POST
def invite(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Invite the member to sign in, at the email address on their record."""
    member = member_for(request, pk)
    button_change(
        request,
        lambda: invite_member(member=member, actor=request.user),
        done=f"Invitation sent to {member.full_name} at {member.email}",
    )
    return _to_record(request, member)


class AdvocateForm(forms.Form):
    email = forms.EmailField(
        label="Advocate's email address",
        max_length=254,
        help_text="We will email them a link. It works once, for 7 days.",
        error_messages={"required": "Enter the advocate's email address", "invalid": BAD_EMAIL},
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def advocate(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Invite someone by email to act for the member as their advocate."""
    member = member_for(request, pk)
    form = AdvocateForm(**bound(request))
    record = reverse("members:detail", kwargs={"org": org, "pk": member.pk})
    return invitation_page(
        request,
        form,
        lambda: invite_advocate(member=member, actor=request.user, **form.cleaned_data),
        sent_to=record,
        template="members/invite_advocate.html",
        member=member,
        page_title=f"Invite an advocate for {member.full_name}",
        submit="Send invitation",
        back_url=record,
        back_text=f"Back to {member.full_name}",
    )


def _member_invitation(request: StaffRequest, pk: int) -> tuple[Invitation, str]:
    """The organisation's invitation of a member or an advocate ``pk``, on the member's
    record."""
    queryset = Invitation.objects.filter(role__in=MEMBER_ROLES).select_related("member")
    invitation = get_object_for(request.organisation, queryset, pk=pk)
    assert invitation.member is not None
    slug = request.organisation.slug
    return invitation, reverse("members:detail", kwargs={"org": slug, "pk": invitation.member.pk})


resend_invitation, withdraw_invitation = invitation_buttons(_member_invitation)


def _invited(request: StaffRequest, invite_them: Callable[[], list[Sent]]) -> HttpResponse:
    """Invite many members at once; back to the list saying how many, or every member who
    could not be invited (then none was)."""
    try:
        sent = invite_them()
    except Refused as refused:
        messages.error(request, refused.message)
        for problem in refused.problems:
            messages.error(request, problem.message)
    else:
        messages.success(request, f"{len(sent)} invitation{'s' * (len(sent) != 1)} sent")
    return redirect("members:list", org=request.organisation.slug)


class ChosenMembersForm(forms.Form):
    members = forms.ModelMultipleChoiceField(queryset=Member.objects.none(), required=False)


@staff(OFFICER)
@require_POST
def invite_chosen(request: StaffRequest, org: str) -> HttpResponse:
    """Invite the members ticked on the member list."""
    form = ChosenMembersForm(request.POST)
    members = Member.objects.of(request.organisation).select_related("group__organisation")
    form.fields["members"].queryset = members  # type: ignore[attr-defined]  # a model choice
    if not form.is_valid():
        messages.error(request, "Select the members to invite from the list")
        return redirect("members:list", org=org)
    return _invited(
        request,
        lambda: invite_members(members=form.cleaned_data["members"], actor=request.user),
    )


@staff(OFFICER)
@require_POST
def invite_everyone(request: StaffRequest, org: str) -> HttpResponse:
    """Invite every member who has an email address and is not yet invited."""
    waiting = not_yet_invited(Member.objects.of(request.organisation))
    if not waiting.exists():
        messages.error(
            request,
            "Everyone with an email address can already sign in or has an invitation waiting",
        )
        return redirect("members:list", org=org)
    return _invited(request, lambda: invite_members(members=waiting, actor=request.user))
