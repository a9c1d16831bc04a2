"""`panelkeeper backup [PATH]`: one archive of the database and the uploaded files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from panelkeeper.core.backups import BackupError
from panelkeeper.core.backups.archive import summary
from panelkeeper.core.backups.create import make_backup


class Command(BaseCommand):
    help = (
        "Write one archive (.tar.gz) of the database and every uploaded file, with a "
        "manifest of checksums. Safe while the application runs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path",
            nargs="?",
            type=Path,
            help=(
                "The archive to write, or a directory to write it in. By default a name "
                "with the date and time, in PANELKEEPER_BACKUP_DIR (var/backups)."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            target, manifest = make_backup(options["path"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        size = target.stat().st_size
        self.stdout.write(f"Backed up {summary(manifest)} to {target} ({size / 1e6:,.1f} MB).")
