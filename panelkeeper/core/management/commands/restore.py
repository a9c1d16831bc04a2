"""`panelkeeper restore PATH`: bring an archive back into an empty installation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from panelkeeper.core.backups import BackupError
from panelkeeper.core.backups.archive import Manifest, summary
from panelkeeper.core.backups.restore import check_archive, restore_backup


def _summary(manifest: Manifest) -> str:
    return f"{summary(manifest)}, made by panelkeeper {manifest['panelkeeper_version']}"


class Command(BaseCommand):
    help = (
        "Check an archive made by `panelkeeper backup` and restore it into an empty "
        "installation (database and uploaded files), then migrate."
    )
    # The checks would open the database before there is one (a new var directory);
    # `migrate` runs them once the archive is back.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="The archive (.tar.gz) to restore.")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only check the archive's checksums and say what it holds; change nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        try:
            if options["check"]:
                manifest = check_archive(path)
                self.stdout.write(f"{path} is whole: {_summary(manifest)}.")
                return
            manifest = restore_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored {_summary(manifest)}. Bringing the database up to date:")
        call_command("migrate", interactive=False, verbosity=options["verbosity"])
        self.stdout.write("Done. Start the web server and the task worker again.")
