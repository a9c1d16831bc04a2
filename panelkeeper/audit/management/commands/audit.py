"""`panelkeeper audit verify [--organisation SLUG]`: check the audit log's chains."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from panelkeeper.audit.chain import ChainReport, chains, organisation_labels, verify_chain
from panelkeeper.rules.dates import day_month_year


def _entries(count: int) -> str:
    return f"{count:,} {'entry' if count == 1 else 'entries'}"


def describe(label: str, report: ChainReport) -> str:
    """One line for one chain: intact with its length, or its first mismatch."""
    mismatch = report.mismatch
    if mismatch is None:
        return f"{label}: {_entries(report.entries)}, intact."
    if mismatch.entry_id is None or mismatch.at is None:
        return f"{label}: {mismatch.reason}."
    at = timezone.localtime(mismatch.at)
    return (
        f"{label}: entry {mismatch.entry_id} does not match: {mismatch.reason}. "
        f"It says {mismatch.action}, recorded {day_month_year(at)} at {at:%H:%M:%S}; "
        f"the {_entries(report.entries)} before it match."
    )


class Command(BaseCommand):
    help = "Check the audit log's chains against their key."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        verify = actions.add_parser(
            "verify", help="Walk each chain and report the first entry that does not match."
        )
        verify.add_argument("--organisation", metavar="SLUG", help="Only this organisation.")

    def handle(self, *args: Any, **options: Any) -> None:
        slug = options["organisation"]
        if slug:
            labels = organisation_labels(slug=slug)
            wanted: list[int | None] = [id_ for id_ in labels if id_ is not None]
            if not wanted:
                raise CommandError(f"No organisation has the slug {slug}.")
        else:
            labels, wanted = organisation_labels(), chains()
        reports = [verify_chain(organisation_id) for organisation_id in wanted]
        for organisation_id, report in zip(wanted, reports, strict=True):
            label = labels.get(organisation_id, f"Organisation {organisation_id}")
            self.stdout.write(describe(label, report))
        broken = sum(not report.intact for report in reports)
        if broken:
            raise CommandError(
                f"{broken} of {len(reports)} audit chains do not match: the log has been "
                "changed outside panelkeeper, or AUDIT_KEY is not the key it was written with."
            )
        total = sum(report.entries for report in reports)
        chain_count = f"{len(reports)} chain{'' if len(reports) == 1 else 's'}"
        self.stdout.write(f"Every chain is intact: {chain_count}, {_entries(total)}.")
