"""``panelkeeper retention [--dry-run] [--organisation SLUG]``: apply the retention schedules.

The daily trigger runs the same purge; this command runs it now, or with ``--dry-run``
lists what would go, and why, changing nothing.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from panelkeeper.organisations.models import Organisation
from panelkeeper.retention.purge import due_records, purge


class Command(BaseCommand):
    help = "Remove or anonymise records past their organisation's retention schedule."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would go, and why; change nothing."
        )
        parser.add_argument("--organisation", metavar="SLUG", help="Only this organisation.")

    def handle(self, *args: Any, **options: Any) -> None:
        organisations = Organisation.objects.order_by("slug")
        if options["organisation"]:
            organisations = organisations.filter(slug=options["organisation"])
            if not organisations.exists():
                raise CommandError(f"No organisation has the slug {options['organisation']}.")
        today = timezone.localdate()
        for organisation in organisations:
            if options["dry_run"]:
                due = list(due_records(organisation, today=today))
                self.stdout.write(f"{organisation.name}: {len(due)} due to go")
                for item in due:
                    self.stdout.write(f"  {item.period.label}: {item.label}. {item.why}.")
            else:
                gone = purge(organisation, today=today)
                total = sum(gone.values())
                self.stdout.write(f"{organisation.name}: {total} removed or anonymised")
