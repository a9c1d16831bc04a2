"""`panelkeeper token create|revoke|list`: API tokens from the console."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from panelkeeper.accounts.models import ApiToken, User
from panelkeeper.accounts.tokens import TokenError, create_token, revoke_token
from panelkeeper.organisations.models import Organisation


class Command(BaseCommand):
    help = "Create, revoke or list API tokens."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Make a token and print it once.")
        create.add_argument("--user", required=True, help="The user's email address.")
        create.add_argument("--org", required=True, help="The organisation's slug.")
        create.add_argument("--name", default="API token", help="What the token is for.")
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
        new = create_token(user=user, organisation=organisation, name=options["name"])
        self.stdout.write(new.plaintext)
        self.stderr.write(
            f"Token {new.token.prefix} for {user.email} at {organisation.slug}. "
            "Copy it now: it is not stored and cannot be shown again."
        )

    def _revoke(self, options: dict[str, Any]) -> None:
        token = revoke_token(prefix=options["prefix"])
        self.stdout.write(f"Revoked {token.prefix} ({token.name}).")

    def _list(self, options: dict[str, Any]) -> None:
        tokens = ApiToken.objects.select_related("user", "organisation")
        if options["user"]:
            tokens = tokens.filter(user__email__iexact=options["user"])
        for token in tokens:
            state = f"revoked {token.revoked:%Y-%m-%d}" if token.revoked else "active"
            self.stdout.write(
                f"{token.prefix}  {token.organisation.slug}  {token.user.email}  "
                f"{token.name}  {state}"
            )
