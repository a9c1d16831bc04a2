"""The declaration pages members and officers share: the same forms and domain calls,
reached through different access policies (a member for themselves, an officer for any
member of the organisation)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from panelkeeper.lib.forms import add_refusal, bound
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import Member
from panelkeeper.registers.codes import code_on
from panelkeeper.registers.forms import CloseInterestForm, ConfirmForm, GiftForm, InterestForm
from panelkeeper.registers.gifts import declare_gift
from panelkeeper.registers.interests import close_interest, confirm_register, declare_interest
from panelkeeper.registers.models import Gift, Interest
from panelkeeper.registers.routing import gift_route


def _page(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    return render(request, f"registers/{template}", context)


def interest_page(
    request: HttpRequest, member: Member, back: str, *, for_self: bool
) -> HttpResponse:
    form = InterestForm(**bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            declare_interest(
                member=member, actor=request.user, today=timezone.localdate(), **form.cleaned_data
            )
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, "Interest declared")
            return redirect(back)
    return _page(
        request,
        "declare_interest.html",
        {"form": form, "member": member, "back": back, "for_self": for_self},
    )


def close_page(
    request: HttpRequest, member: Member, interest: Interest, back: str, *, for_self: bool
) -> HttpResponse:
    form = CloseInterestForm(**bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            close_interest(
                interest=interest,
                ends_on=form.cleaned_data["ends_on"],
                actor=request.user,  # type: ignore[arg-type]
                today=timezone.localdate(),
            )
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, "The date the interest ended is recorded")
            return redirect(back)
    return _page(
        request,
        "close_interest.html",
        {"form": form, "member": member, "interest": interest, "back": back, "for_self": for_self},
    )


def confirm_page(
    request: HttpRequest, member: Member, back: str, *, for_self: bool
) -> HttpResponse:
    form = ConfirmForm(**bound(request))
    if request.method == "POST" and form.is_valid():
        nil = bool(form.cleaned_data["nil"])
        try:
            confirm_register(member=member, nil=nil, actor=request.user, today=timezone.localdate())  # type: ignore[arg-type]
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, "Nil declaration recorded" if nil else "Register confirmed")
            return redirect(back)
    return _page(
        request,
        "confirm.html",
        {"form": form, "member": member, "back": back, "for_self": for_self},
    )


def gift_page(request: HttpRequest, member: Member, back: str, *, for_self: bool) -> HttpResponse:
    today = timezone.localdate()
    route = gift_route(code_on(member.group.organisation, today))
    form = GiftForm(**bound(request), route=route)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            gift: Gift = declare_gift(
                member=member,
                direction=form.chosen_direction,
                giver_kind=data["giver_kind"],
                giver_name=data["giver_name"],
                description=data["description"],
                value=data["value"],
                given_on=data["given_on"],
                reported_to_role=data["reported_to_role"],
                actor=request.user,  # type: ignore[arg-type]
                today=today,
            )
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(
                request, f"Gift or hospitality declared: {gift.get_status_display().lower()}"
            )
            return redirect(back)
    return _page(
        request,
        "declare_gift.html",
        {"form": form, "member": member, "back": back, "for_self": for_self, "route": route},
    )
