"""``panelkeeper backup``: one archive of the database and the uploaded files."""

from __future__ import annotations

import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import ModuleType

from django.conf import settings
from django.db import connection
from django.utils import timezone

from panelkeeper.core.backups import BackupError, postgresql, sqlite
from panelkeeper.core.backups.archive import FORMAT, Manifest, ManifestHead, write_archive

VENDORS: dict[str, ModuleType] = {"sqlite": sqlite, "postgresql": postgresql}
VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def vendor_module(vendor: str) -> ModuleType:
    if vendor not in VENDORS:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return VENDORS[vendor]


def panelkeeper_version() -> str:
    try:
        return version("panelkeeper")
    except PackageNotFoundError:  # pragma: no cover - run from a checkout never installed
        return "unknown"


def archive_path(destination: Path | None) -> Path:
    """Where the archive goes: ``destination`` itself, or a name with the date and time
    in ``destination`` (a directory) or in ``BACKUP_DIR``."""
    name = f"panelkeeper-{timezone.localtime():%Y-%m-%d-%H%M%S}.tar.gz"
    if destination is None:
        directory = Path(settings.BACKUP_DIR)
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        return directory / name
    if destination.is_dir():
        return destination / name
    if not destination.parent.is_dir():
        raise BackupError(
            f"There is no directory {destination.parent}: create it, or give another path."
        )
    return destination


def make_backup(destination: Path | None = None) -> tuple[Path, Manifest]:
    """Write an archive of this installation; its path and manifest."""
    target = archive_path(destination)
    if target.exists():
        raise BackupError(
            f"{target} already exists. Give another path, or move the old archive away first."
        )
    vendor = connection.vendor
    module = vendor_module(vendor)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".panelkeeper-backup-") as staging:
        snapshot = module.snapshot(Path(staging))
        head: ManifestHead = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(timespec="seconds"),
            "panelkeeper_version": panelkeeper_version(),
            "database": {
                "vendor": vendor,
                "member": module.MEMBER,
                "server_version": snapshot.server_version,
            },
            "migrations": snapshot.migrations,
            "counts": snapshot.counts,
        }
        manifest = write_archive(
            target, head=head, database=snapshot.path, media_root=Path(settings.MEDIA_ROOT)
        )
    return target, manifest
