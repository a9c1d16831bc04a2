"""`panelkeeper second_factors reseal`: seal every second-factor secret under the current
``SECRET_KEY``, the step of a key rotation after the old key is put in
``SECRET_KEY_FALLBACKS`` (see :mod:`panelkeeper.accounts.sealing`)."""

from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from panelkeeper.accounts import sealing


class Command(BaseCommand):
    help = "Seal second-factor secrets again under the current SECRET_KEY."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser(
            "reseal", help="Seal every stored secret under SECRET_KEY (after rotating it)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with transaction.atomic():
                count = sealing.reseal_all(Authenticator.objects.select_for_update())
        except sealing.Unreadable as error:
            raise CommandError(f"{error} Nothing was changed.") from None
        self.stdout.write(f"Sealed again under the current key: {count} second factors.")
