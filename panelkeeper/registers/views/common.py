"""The declaration pages members and officers share: the same forms and domain calls,
reached through different access policies (a member for themselves, an officer for any
member of the organisation)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from panelkeeper.lib.forms import bound, form_applied, form_result
from panelkeeper.lib.requests import SignedInRequest
from panelkeeper.members.models import Member
from panelkeeper.registers.codes import code_on
from panelkeeper.registers.forms import CloseInterestForm, ConfirmForm, GiftForm, InterestForm
from panelkeeper.registers.gifts import declare_gift
from panelkeeper.registers.interests import close_interest, confirm_register, declare_interest
from panelkeeper.registers.listing import gift_status
from panelkeeper.registers.models import Interest
from panelkeeper.registers.routing import gift_route


def _page(
    request: HttpRequest,
    template: str,
    *,
    form: forms.Form,
    member: Member,
    back: str,
    for_self: bool,
    **extra: Any,
) -> HttpResponse:
    context = {"form": form, "member": member, "back": back, "for_self": for_self, **extra}
    return render(request, f"registers/{template}", context)


def _done(request: HttpRequest, message: str, back: str) -> HttpResponse:
    messages.success(request, message)
    return redirect(back)


def interest_page(
    request: SignedInRequest, member: Member, back: str, *, for_self: bool
) -> HttpResponse:
    form = InterestForm(**bound(request))
    if form_applied(
        request,
        form,
        lambda: declare_interest(
            member=member, actor=request.user, today=timezone.localdate(), **form.cleaned_data
        ),
    ):
        return _done(request, "Interest declared", back)
    return _page(
        request, "declare_interest.html", form=form, member=member, back=back, for_self=for_self
    )


def close_page(
    request: SignedInRequest, member: Member, interest: Interest, back: str, *, for_self: bool
) -> HttpResponse:
    form = CloseInterestForm(**bound(request))
    if form_applied(
        request,
        form,
        lambda: close_interest(
            interest=interest, actor=request.user, today=timezone.localdate(), **form.cleaned_data
        ),
    ):
        return _done(request, "The date the interest ended is recorded", back)
    return _page(
        request,
        "close_interest.html",
        form=form,
        member=member,
        back=back,
        for_self=for_self,
        interest=interest,
    )


def confirm_page(
    request: SignedInRequest, member: Member, back: str, *, for_self: bool
) -> HttpResponse:
    form = ConfirmForm(**bound(request))
    if form_applied(
        request,
        form,
        lambda: confirm_register(
            member=member, actor=request.user, today=timezone.localdate(), **form.cleaned_data
        ),
    ):
        nil = form.cleaned_data["nil"]
        return _done(request, "Nil declaration recorded" if nil else "Register confirmed", back)
    return _page(request, "confirm.html", form=form, member=member, back=back, for_self=for_self)


def gift_page(
    request: SignedInRequest, member: Member, back: str, *, for_self: bool
) -> HttpResponse:
    today = timezone.localdate()
    route = gift_route(code_on(member.group.organisation, today))
    form = GiftForm(**bound(request), route=route)
    gift = form_result(
        request,
        form,
        lambda: declare_gift(member=member, actor=request.user, today=today, **form.declared),
    )
    if gift is not None:
        status = gift_status(gift)
        status = status[0].lower() + status[1:]
        return _done(request, f"Gift or hospitality declared: {status}", back)
    return _page(
        request,
        "declare_gift.html",
        form=form,
        member=member,
        back=back,
        for_self=for_self,
        route=route,
    )
