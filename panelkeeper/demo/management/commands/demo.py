"""``panelkeeper demo``: the five organisations from the presets, with fictional staff.

Demo data carries a known password, so the command refuses unless ``PANELKEEPER_DEMO``
is set and ``DEBUG`` is on: a production database (``DEBUG=false``) never gets one.
Running it again changes nothing that is already there.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from panelkeeper.accounts.models import Grant, User
from panelkeeper.cases.demo import load_demo_cases
from panelkeeper.demo.scale import SCALES, Phases, generate
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.demo import load_demo_meetings
from panelkeeper.members.demo import load_demo_members
from panelkeeper.organisations.demo import load_demo_details
from panelkeeper.organisations.models import Organisation, PolicyVersion, RoleHolder
from panelkeeper.organisations.policies import (
    load_preset_draft,
    publish_policy_version,
    staff_titles,
)
from panelkeeper.organisations.role_holders import assign_role_holder
from panelkeeper.registers.demo import load_demo_registers
from panelkeeper.rules.policy.loader import Policy
from panelkeeper.rules.policy.presets import PRESETS, load_preset

PASSWORD = "demo-panelkeeper"
#: The slugs of organisations generated in bulk (``--scale``) start with this.
SCALE_PREFIX = "scale"
# Every demo version was approved and came into force on fixed past dates, so the demo
# looks the same whenever it is loaded: the approval date its file states, if it states
# one, else APPROVED_ON.
APPROVED_ON = dt.date(2026, 1, 5)
IN_FORCE_FROM = dt.date(2026, 2, 2)

# Fictional people. Each organisation's officer and auditor sign in; the holders of the
# other staff titles hold an auditor grant (required of a holder) and no usable password.
OFFICER_AND_AUDITOR = {
    "vela": (("Priya", "Lindqvist"), ("Martin", "Aske")),
    "insight": (("Tom", "Okonjo"), ("Ruth", "Penhallow")),
    "nexus": (("Hannah", "Brackley"), ("Imran", "Dales")),
    "herefordshire": (("Gareth", "Muir"), ("Sophie", "Tranter")),
    "thirteen": (("Leah", "Castellano"), ("Callum", "Ferrier")),
}
HOLDER_NAMES = [
    ("Nadia", "Whitcombe"),
    ("Oliver", "Strand"),
    ("Grace", "Abernethy"),
    ("Daniel", "Kovac"),
    ("Mei", "Harrowgate"),
    ("Joseph", "Quayle"),
]


@dataclass(frozen=True)
class SignIn:
    email: str
    organisation: str
    role: str


def _person(email: str, names: tuple[str, str], *, can_sign_in: bool) -> User:
    user, created = User.objects.get_or_create(
        email=email,
        defaults={"username": email, "first_name": names[0], "last_name": names[1]},
    )
    if created:
        if can_sign_in:
            user.set_password(PASSWORD)
        else:
            user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _grant(user: User, organisation: Organisation, role: str) -> None:
    Grant.objects.get_or_create(user=user, organisation=organisation, role=role)


def load_organisation(slug: str, today: dt.date) -> list[SignIn]:
    """Create or complete one demo organisation; its demo sign-ins."""
    policy: Policy = load_preset(slug)
    organisation, _ = Organisation.objects.update_or_create(
        slug=slug,
        defaults={"name": policy.code.organisation, "region": policy.calendar.region.value},
    )
    officer_names, auditor_names = OFFICER_AND_AUDITOR[slug]
    officer = _person(f"officer.{slug}@example.org", officer_names, can_sign_in=True)
    auditor = _person(f"auditor.{slug}@example.org", auditor_names, can_sign_in=True)
    _grant(officer, organisation, Grant.Role.OFFICER)
    _grant(auditor, organisation, Grant.Role.AUDITOR)

    published = PolicyVersion.objects.published().filter(
        organisation=organisation, version=policy.code.version
    )
    if not published.exists():
        draft = load_preset_draft(organisation=organisation, preset=slug, actor=officer)
        _hold_every_title(organisation, policy, officer, today)
        publish_policy_version(
            version=draft,
            approved_on=_approved_on(policy),
            in_force_from=IN_FORCE_FROM,
            actor=officer,
            today=today,
        )
    # Its letterhead (organisations app): an invented address, contact details and a logo.
    load_demo_details(organisation, officer=officer)
    sign_ins = [
        SignIn(officer.email, organisation.name, "officer"),
        SignIn(auditor.email, organisation.name, "auditor"),
    ]
    # Members, documents and signatures (members app): a chair and a panel member sign in.
    members = load_demo_members(
        organisation,
        policy,
        officer=officer,
        today=today,
        person=lambda email, names: _person(email, names, can_sign_in=True),
    )
    # Registers (registers app): a few interests, a nil declaration and gifts.
    load_demo_registers(organisation, officer=officer, today=today)
    # Meetings (meetings app): three held, one to come, an overdue action.
    load_demo_meetings(organisation, officer=officer, today=today)
    # Breach cases (cases app): one in its formal stage; under vela one decided and notified.
    load_demo_cases(organisation, officer=officer, today=today)
    return sign_ins + [SignIn(email, organisation.name, role) for email, role in members]


def _approved_on(policy: Policy) -> dt.date:
    stated = policy.governance.approved_on if policy.governance else None
    return stated or APPROVED_ON


def _hold_every_title(
    organisation: Organisation, policy: Policy, officer: User, today: dt.date
) -> None:
    """The officer holds the first staff title; a fictional person holds each other one."""
    held = set(
        RoleHolder.objects.current()
        .filter(organisation=organisation)
        .values_list("role_key", flat=True)
    )
    for index, title in enumerate(staff_titles(policy)):
        if title.key in held:
            continue
        if index == 0:
            holder = officer
        else:
            email = f"{title.key.replace('_', '-')}.{organisation.slug}@example.org"
            holder = _person(
                email, HOLDER_NAMES[(index - 1) % len(HOLDER_NAMES)], can_sign_in=False
            )
            _grant(holder, organisation, Grant.Role.AUDITOR)
        assign_role_holder(
            organisation=organisation,
            role_key=title.key,
            user=holder,
            effective_from=APPROVED_ON,
            actor=officer,
            today=today,
        )


def sign_in_table(sign_ins: list[SignIn]) -> str:
    """The demo sign-ins as a plain-text table: email, password, organisation, role."""
    rows = [("Email", "Password", "Organisation", "Role")]
    rows += [(s.email, PASSWORD, s.organisation, s.role) for s in sign_ins]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Load the five demo organisations from the presets, with fictional staff."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            choices=sorted(SCALES),
            help="Also generate organisations in bulk: a tenth of national scale, or all of it.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO:
            raise CommandError(
                "Demo data is refused: set PANELKEEPER_DEMO=1 to load it (make run does)."
            )
        if not settings.DEBUG:
            raise CommandError(
                "Demo data is refused with DEBUG off: demo passwords must never reach a "
                "production database."
            )
        today = timezone.localdate()
        admin = _person("admin@example.org", ("Ada", "Harcourt"), can_sign_in=True)
        if not admin.administers_installation:
            admin.administers_installation = True
            admin.save(update_fields=["administers_installation"])
        sign_ins = [SignIn(admin.email, "(the installation)", "installation administrator")]
        for slug in PRESETS:
            try:
                with transaction.atomic():
                    sign_ins += load_organisation(slug, today)
            except Refused as refusal:
                raise CommandError(f"Could not load the {slug} demo: {refusal.message}") from None
        if options["scale"]:
            self._generate(options["scale"], today)
        self.stdout.write("Demo sign-ins (fictional people):")
        self.stdout.write(sign_in_table(sign_ins))

    def _generate(self, name: str, today: dt.date) -> None:
        if Organisation.objects.filter(slug__startswith=f"{SCALE_PREFIX}-").exists():
            raise CommandError(
                "Organisations in bulk are already there: generate them into an empty database."
            )
        started = time.perf_counter()
        phases = Phases()
        made = generate(
            SCALES[name],
            prefix=SCALE_PREFIX,
            password=PASSWORD,
            today=today,
            say=lambda line: self.stderr.write(line),
            phases=phases,
        )
        took = time.perf_counter() - started
        self.stderr.write(f"Generated {name} scale in {took:.0f} seconds:")
        for what, count in made.items():
            self.stderr.write(f"  {count:,} {what}")
        self.stderr.write("Seconds each part took:")
        for phase, seconds in phases.seconds.items():
            self.stderr.write(f"  {seconds:.1f} {phase}")
        self.stderr.write(
            f"Their officers sign in as officer.{SCALE_PREFIX}-0001@example.org and so on, "
            "with the demo password."
        )
