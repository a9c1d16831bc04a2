"""The declaration pages members and officers share: the same forms and domain calls,
reached through different access policies (a member for themselves, an officer for any
member of the organisation)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from panelkeeper.lib.forms import bound, form_result
from panelkeeper.lib.requests import SignedInRequest
from panelkeeper.members.models import Member
from panelkeeper.registers.codes import code_on
from panelkeeper.registers.forms import CloseInterestForm, ConfirmForm, GiftForm, InterestForm
from panelkeeper.registers.gifts import declare_gift
from panelkeeper.registers.interests import close_interest, confirm_register, declare_interest
from panelkeeper.registers.listing import gift_status
from panelkeeper.registers.models import Gift, Interest
from panelkeeper.registers.routing import gift_route


def _page[T](
    request: SignedInRequest,
    template: str,
    *,
    form: forms.Form,
    change: Callable[[], T],
    done: Callable[[T], str],
    member: Member,
    back: str,
    for_self: bool,
    **extra: Any,
) -> HttpResponse:
    """Apply ``change`` from the valid, POSTed ``form`` and go ``back`` saying what was
    ``done``; otherwise show the ``template`` with the form (and any refusal) again."""
    result = form_result(request, form, change)
    if result is not None:
        messages.success(request, done(result))
        return redirect(back)
    context = {"form": form, "member": member, "back": back, "for_self": for_self, **extra}
    return render(request, f"registers/{template}", context)


def interest_page(
    request: SignedInRequest, member: Member, back: str, *, for_self: bool
) -> HttpResponse:
    form = InterestForm(**bound(request))
    return _page(
        request,
        "declare_interest.html",
        form=form,
        change=lambda: declare_interest(
            member=member, actor=request.user, today=timezone.localdate(), **form.cleaned_data
        ),
        done=lambda _: "Interest declared",
        member=member,
        back=back,
        for_self=for_self,
    )


def close_page(
    request: SignedInRequest, member: Member, interest: Interest, back: str, *, for_self: bool
) -> HttpResponse:
    form = CloseInterestForm(**bound(request))
    return _page(
        request,
        "close_interest.html",
        form=form,
        change=lambda: close_interest(
            interest=interest, actor=request.user, today=timezone.localdate(), **form.cleaned_data
        ),
        done=lambda _: "The date the interest ended is recorded",
        member=member,
        back=back,
        for_self=for_self,
        interest=interest,
    )


def confirm_page(
    request: SignedInRequest, member: Member, back: str, *, for_self: bool
) -> HttpResponse:
    form = ConfirmForm(**bound(request))
    return _page(
        request,
        "confirm.html",
        form=form,
        change=lambda: confirm_register(
            member=member, actor=request.user, today=timezone.localdate(), **form.cleaned_data
        ),
        done=lambda review: "Nil declaration recorded" if review.nil else "Register confirmed",
        member=member,
        back=back,
        for_self=for_self,
    )


def _declared(gift: Gift) -> str:
    status = gift_status(gift)
    return f"Gift or hospitality declared: {status[0].lower()}{status[1:]}"


def gift_page(
    request: SignedInRequest, member: Member, back: str, *, for_self: bool
) -> HttpResponse:
    today = timezone.localdate()
    route = gift_route(code_on(member.group.organisation, today))
    form = GiftForm(**bound(request), route=route)
    return _page(
        request,
        "declare_gift.html",
        form=form,
        change=lambda: declare_gift(
            member=member, actor=request.user, today=today, **form.declared
        ),
        done=_declared,
        member=member,
        back=back,
        for_self=for_self,
        route=route,
    )
