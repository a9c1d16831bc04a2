"""The accounts forms (signing in, a new API token): they validate what was typed; the
views and domain functions decide what happens."""

from __future__ import annotations

import datetime
from typing import Any

from allauth.account.forms import LoginForm
from django import forms
from django.utils import timezone

from panelkeeper.lib.widgets import GovukDateField


class SignInForm(LoginForm):  # type: ignore[misc]  # allauth ships no type hints
    """allauth's sign-in form with our labels and error messages; its email field is
    named ``email`` in the page (allauth calls it ``login``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"] = forms.EmailField(
            label="Email address",
            max_length=254,
            error_messages={
                "required": "Enter your email address",
                "invalid": "Enter an email address in the correct format, like name@example.com",
            },
            widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        )
        self.fields["password"] = forms.CharField(
            label="Password",
            strip=False,
            error_messages={"required": "Enter your password"},
            widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        )
        self.order_fields(["login", "password"])

    def add_prefix(self, field_name: str) -> str:
        return super().add_prefix("email" if field_name == "login" else field_name)  # type: ignore[no-any-return]


class TokenForm(forms.Form):
    """A new API token: its name and its last day, chosen as a period or a date.

    Cleans to ``name`` and ``expires_on``; whether that day is allowed (a day to a year
    ahead) is :func:`panelkeeper.accounts.tokens.create_token`'s to say, for the pages and
    the API alike.
    """

    PERIODS = {"30": 30, "90": 90, "180": 180, "365": 365}

    name = forms.CharField(
        label="Name",
        help_text="What the token is for, so you know which to revoke later. For example, "
        "housing management system",
        error_messages={"required": "Enter a name that says what the token is for"},
    )
    lifetime = forms.ChoiceField(
        label="How long should it work?",
        choices=[
            ("30", "30 days"),
            ("90", "90 days"),
            ("180", "180 days"),
            ("365", "1 year"),
            ("date", "Until a date I choose"),
        ],
        initial="90",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how long the token should work",
            "invalid_choice": "Select how long the token should work",
        },
    )
    expires_on = GovukDateField(
        noun="last day the token works",
        label="Last day it works",
        help_text="Only if you chose a date. For example, 27 3 2027",
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        lifetime = cleaned.get("lifetime")
        if lifetime in self.PERIODS:
            # A date typed as well as a period chosen is not used, so not checked.
            self.errors.pop("expires_on", None)
            days = datetime.timedelta(days=self.PERIODS[lifetime])
            cleaned["expires_on"] = timezone.localdate() + days
            return cleaned
        missing = "expires_on" not in self.errors and not cleaned.get("expires_on")
        if lifetime == "date" and missing:
            self.add_error("expires_on", "Enter the last day the token works")
        return cleaned


class AcceptInvitationForm(forms.Form):
    """Name and password for someone accepting an invitation who has no sign-in yet; the
    password validators run in the domain function, which knows the account.

    ``asks_name`` False leaves the name out (the account has one). ``offers_code`` adds the
    choice of signing in with a code emailed each time instead of a password: then the
    password is needed only if chosen, and cleans to None when it is not.
    """

    first_name = forms.CharField(
        label="First name",
        max_length=150,
        error_messages={"required": "Enter your first name"},
        widget=forms.TextInput(attrs={"autocomplete": "given-name", "spellcheck": "false"}),
    )
    last_name = forms.CharField(
        label="Last name",
        max_length=150,
        error_messages={"required": "Enter your last name"},
        widget=forms.TextInput(attrs={"autocomplete": "family-name", "spellcheck": "false"}),
    )
    sign_in = forms.ChoiceField(
        label="How do you want to sign in?",
        choices=[
            ("password", "With a password I choose"),
            ("code", "Email me a sign-in code each time"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select how you want to sign in"},
    )
    password = forms.CharField(
        label="Create a password",
        help_text="At least 8 characters. Avoid common passwords and ones made only of numbers.",
        strip=False,
        error_messages={"required": "Enter a password"},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label="Type the password again",
        strip=False,
        error_messages={"required": "Type the password again"},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(
        self,
        *args: Any,
        asks_name: bool = True,
        offers_code: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.offers_code = offers_code
        if not asks_name:
            del self.fields["first_name"], self.fields["last_name"]
        if offers_code:
            for name in ("password", "password_again"):
                self.fields[name].required = False
            self.fields["password"].label = "Create a password, if you chose one"
        else:
            del self.fields["sign_in"]

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if self.offers_code and cleaned.get("sign_in") != "password":
            # Whatever was typed in the password boxes is not used, so not checked.
            cleaned["password"] = None
            return cleaned
        password, again = cleaned.get("password"), cleaned.get("password_again")
        if self.offers_code and not password and "password" not in self.errors:
            self.add_error("password", "Enter a password, or choose a code emailed each time")
        elif self.offers_code and password and not again:
            self.add_error("password_again", "Type the password again")
        if password and again and password != again:
            self.add_error("password_again", "The passwords do not match. Type them again")
        return cleaned
