"""The declaration pages members and officers share: the same forms and domain calls,
reached through different access policies (a member for themselves, an officer for any
member of the organisation)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Declaration:
    """One kind of declaration page: its ``template`` and ``form``, the domain function
    ``change`` the form's fields go to (with the record the page is about, the signed-in
    user and today), and what the page says once it is ``done``."""

    template: str
    form: type[forms.Form]
    change: Callable[..., Any]
    done: Callable[[Any], str]


@dataclass(frozen=True)
class Register:
    """Whose register a declaration page writes to, the page it goes ``back`` to, and
    whether the member declares for themselves (the page then speaks to them)."""

    member: Member
    back: str
    for_self: bool


def _declared(gift: Gift) -> str:
    status = gift_status(gift)
    return f"Gift or hospitality declared: {status[0].lower()}{status[1:]}"


INTEREST = Declaration(
    "declare_interest.html", InterestForm, declare_interest, lambda _: "Interest declared"
)
CLOSE = Declaration(
    "close_interest.html",
    CloseInterestForm,
    close_interest,
    lambda _: "The date the interest ended is recorded",
)
CONFIRM = Declaration(
    "confirm.html",
    ConfirmForm,
    confirm_register,
    lambda review: "Nil declaration recorded" if review.nil else "Register confirmed",
)
GIFT = Declaration("declare_gift.html", GiftForm, declare_gift, _declared)


def _page(
    request: SignedInRequest,
    declaration: Declaration,
    form: forms.Form,
    register: Register,
    about: dict[str, Any],
    **extra: Any,
) -> HttpResponse:
    """Apply ``declaration`` to ``about`` (the record, by the keyword its domain function
    takes it) from the valid, POSTed ``form`` and go back saying what was done; otherwise
    show its template with the form (and any refusal) again."""
    result = form_result(
        request,
        form,
        lambda: declaration.change(
            **about, actor=request.user, today=timezone.localdate(), **form.cleaned_data
        ),
    )
    if result is not None:
        messages.success(request, declaration.done(result))
        return redirect(register.back)
    context = {
        "form": form,
        "member": register.member,
        "back": register.back,
        "for_self": register.for_self,
        **about,
        **extra,
    }
    return render(request, f"registers/{declaration.template}", context)


def declaration_page(
    request: SignedInRequest, declaration: Declaration, register: Register
) -> HttpResponse:
    """A declaration about the member as a whole: :data:`INTEREST` or :data:`CONFIRM`."""
    form = declaration.form(**bound(request))
    return _page(request, declaration, form, register, {"member": register.member})


def close_page(request: SignedInRequest, interest: Interest, register: Register) -> HttpResponse:
    form = CLOSE.form(**bound(request))
    return _page(request, CLOSE, form, register, {"interest": interest})


def gift_page(request: SignedInRequest, register: Register) -> HttpResponse:
    route = gift_route(code_on(register.member.group.organisation, timezone.localdate()))
    form = GiftForm(**bound(request), route=route)
    return _page(request, GIFT, form, register, {"member": register.member}, route=route)
