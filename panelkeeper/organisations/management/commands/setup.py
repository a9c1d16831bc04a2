"""``panelkeeper setup``: the first installation administrator, an organisation from a
preset, and an invitation for its first officer.

Interactive (it asks for what is missing) or in one line::

    panelkeeper setup --organisation "Kestrel Homes" --slug kestrel --region ENG \
        --preset thirteen --officer jo@kestrel.example --admin it@kestrel.example

With no installation administrator yet, ``--admin`` (or the prompt) names one: their
account is made and they are sent an invitation link to set their own password, so no
password is ever typed on a console or kept in a shell's history. Each link is printed
once and emailed through the outbox; links start with ``--base-url`` or the setting
``BASE_URL`` (environment variable ``PANELKEEPER_BASE_URL``). Anything wrong stops the
command with a message and a non-zero exit, and nothing is saved.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from panelkeeper.accounts.invitations import first_administrator
from panelkeeper.accounts.models import User
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.founding import found_organisation
from panelkeeper.organisations.models import Organisation
from panelkeeper.rules.policy.presets import PRESETS

QUESTIONS = {
    "organisation": "Organisation's name (like Kestrel Homes): ",
    "slug": "Short name for web addresses (like kestrel): ",
    "region": f"Bank holidays of ({', '.join(Organisation.Region.values)}): ",
    "preset": f"Preset to start the code from ({', '.join(PRESETS)}): ",
    "officer": "Email address of the organisation's first officer: ",
}
ADMIN_QUESTION = "No installation administrator yet. Their email address: "


class Command(BaseCommand):
    help = "Create an organisation from a preset and invite its first officer."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", help="the organisation's name")
        parser.add_argument("--slug", help="its short name, used in web addresses")
        parser.add_argument("--region", help="whose bank holidays count: ENG, WLS, SCT or NIR")
        parser.add_argument("--preset", help=f"the code to start from: {', '.join(PRESETS)}")
        parser.add_argument("--officer", help="the first officer's email address")
        parser.add_argument(
            "--admin", help="the installation administrator's email, if there is none yet"
        )
        parser.add_argument("--base-url", help="where panelkeeper is opened, for the links")
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help="never ask; fail when something is missing",
        )

    def _answer(self, options: dict[str, Any], key: str, question: str) -> str:
        value = options.get(key)
        if value:
            return str(value).strip()
        if not options["interactive"]:
            raise CommandError(f"Give --{key.replace('_', '-')}.")
        return input(question).strip()

    def handle(self, *args: Any, **options: Any) -> None:
        answers = {key: self._answer(options, key, q) for key, q in QUESTIONS.items()}
        admins = User.objects.filter(administers_installation=True, is_active=True)
        needs_admin = not admins.exists()
        admin_email = (
            self._answer(options, "admin", ADMIN_QUESTION) if needs_admin else options["admin"]
        )
        base_url = options.get("base_url") or None
        try:
            with transaction.atomic():
                admin_invitation = None
                if needs_admin:
                    actor, admin_invitation = first_administrator(
                        email=admin_email, base_url=base_url
                    )
                else:
                    chosen = admins.filter(email__iexact=admin_email) if admin_email else admins
                    found = chosen.order_by("pk").first()
                    if found is None:
                        raise Refused(f"{admin_email} is not an installation administrator.")
                    actor = found
                founded = found_organisation(
                    name=answers["organisation"],
                    slug=answers["slug"],
                    region=answers["region"].upper(),
                    preset=answers["preset"].lower(),
                    officer_email=answers["officer"],
                    actor=actor,
                    base_url=base_url,
                )
        except Refused as refused:
            raise CommandError(f"{refused.message.rstrip('.')}. Nothing was saved.") from None
        if admin_invitation is not None:
            self.stdout.write(
                f"Installation administrator {actor.email}: set a password at\n"
                f"  {admin_invitation.link}"
            )
        organisation = founded.organisation
        self.stdout.write(
            f"Created {organisation.name} ({organisation.slug}) with a draft of the "
            f"{founded.draft.preset} code, version {founded.draft.version}.\n"
            f"First officer {founded.officer_invitation.invitation.email}: accept at\n"
            f"  {founded.officer_invitation.link}\n"
            "Each link works once, for 7 days, and has been emailed as well."
        )
