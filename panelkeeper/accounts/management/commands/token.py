"""`panelkeeper token create|revoke|list`: API tokens from the console.

Tokens made or revoked here are audited like those of the tokens page, with no actor:
whoever runs the console acts as the installation, not as a user.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from panelkeeper.accounts.models import ApiToken, User
from panelkeeper.accounts.tokens import DEFAULT_LIFETIME, TokenError, create_token, revoke_token
from panelkeeper.organisations.models import Organisation
from panelkeeper.rules.dates import day_month_year


def last_day(text: str) -> datetime.date:
    """``--expires``: a number of days from today, or a date written YYYY-MM-DD."""
    text = text.strip()
    if text.isdigit():
        return timezone.localdate() + datetime.timedelta(days=int(text))
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"--expires takes a number of days (like 30) or a date (like 2027-03-31), not {text!r}."
        ) from None


class Command(BaseCommand):
    help = "Create, revoke or list API tokens."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Make a token and print it once.")
        create.add_argument("--user", required=True, help="The user's email address.")
        create.add_argument("--org", required=True, help="The organisation's slug.")
        create.add_argument("--name", default="API token", help="What the token is for.")
        create.add_argument(
            "--expires",
            help=f"The token's last day: a number of days from today (default "
            f"{DEFAULT_LIFETIME.days}, at most 365) or a date, YYYY-MM-DD.",
        )
        revoke = actions.add_parser("revoke", help="Revoke a token; it stops working at once.")
        revoke.add_argument("prefix", help="The token's prefix, as `token list` shows it.")
        listing = actions.add_parser("list", help="List tokens (never their secrets).")
        listing.add_argument("--user", help="Only this user's tokens.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['action']}")(options)
        except TokenError as error:
            raise CommandError(str(error)) from None

    def _create(self, options: dict[str, Any]) -> None:
        user = User.objects.filter(email__iexact=options["user"]).first()
        if user is None:
            raise CommandError(f"No user has the email address {options['user']}.")
        organisation = Organisation.objects.filter(slug=options["org"]).first()
        if organisation is None:
            raise CommandError(f"No organisation has the slug {options['org']}.")
        expires_on = last_day(options["expires"]) if options["expires"] else None
        new = create_token(
            user=user,
            organisation=organisation,
            name=options["name"],
            actor=None,
            expires_on=expires_on,
        )
        self.stdout.write(new.plaintext)
        self.stderr.write(
            f"Token {new.token.prefix} for {user.email} at {organisation.slug}, "
            f"working until the end of {day_month_year(new.token.expires_on)}. "
            "Copy it now: it is not stored and cannot be shown again."
        )

    def _revoke(self, options: dict[str, Any]) -> None:
        token = revoke_token(prefix=options["prefix"], actor=None)
        self.stdout.write(f"Revoked {token.prefix} ({token.name}).")

    def _list(self, options: dict[str, Any]) -> None:
        tokens = ApiToken.objects.select_related("user", "organisation")
        if options["user"]:
            tokens = tokens.filter(user__email__iexact=options["user"])
        today = timezone.localdate()
        for token in tokens:
            if token.revoked is not None:
                when = f"revoked {timezone.localdate(token.revoked):%Y-%m-%d}"
            elif token.state(today=today) == ApiToken.State.EXPIRED:
                when = f"expired {token.expires_on:%Y-%m-%d}"
            else:
                when = f"active until {token.expires_on:%Y-%m-%d}"
            used = (
                f"last used {timezone.localdate(token.last_used):%Y-%m-%d}"
                if token.last_used
                else "never used"
            )
            self.stdout.write(
                f"{token.prefix}  {token.organisation.slug}  {token.user.email}  "
                f"{token.name}  {when}  {used}"
            )
