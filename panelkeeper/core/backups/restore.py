"""``panelkeeper restore``: an archive brought back into an empty installation.

Everything is checked before anything is written: the archive's checksums, its format,
its database vendor against this installation's, its migrations against this code's,
and that the installation holds no records and no uploaded files. A restore never
merges an archive into data that is already there.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection

from panelkeeper.core.backups import BackupError
from panelkeeper.core.backups.archive import MEDIA_DIR, Manifest, media_files, unpack
from panelkeeper.core.backups.create import VENDOR_NAMES, vendor_module
from panelkeeper.core.backups.tables import (
    check_migrations_known,
    count_rows,
    models_holding_data,
)

NOT_EMPTY = (
    "This installation is not empty: {what}. A restore only fills an empty installation, so "
    "that nothing is overwritten or mixed with the archive's records. Point DATABASE_URL at "
    "a new, empty database and PANELKEEPER_VAR_DIR at an empty directory, then run restore "
    "again."
)


def check_archive(archive: Path) -> Manifest:
    """Unpack ``archive`` to a scratch directory and check it; its manifest."""
    if not archive.is_file():
        raise BackupError(f"There is no archive at {archive}.")
    with tempfile.TemporaryDirectory(prefix="panelkeeper-check-") as staging:
        return unpack(archive, Path(staging))


def restore_backup(archive: Path) -> Manifest:
    """Bring ``archive`` back into this (empty) installation; its manifest.

    The caller runs ``migrate`` afterwards, to bring an older archive's database up to
    this code's.
    """
    if not archive.is_file():
        raise BackupError(f"There is no archive at {archive}.")
    media_root = Path(settings.MEDIA_ROOT)
    # Unpacked beside the media directory, so the files are moved into it, not copied.
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media_root.parent, prefix=".panelkeeper-restore-") as tmp:
        staging = Path(tmp)
        manifest = unpack(archive, staging)
        _check_fits(manifest, media_root)
        module = vendor_module(connection.vendor)
        module.load(staging / manifest["database"]["member"])
        _check_counts(manifest)
        for name, path in media_files(staging / MEDIA_DIR):
            destination = media_root / name.removeprefix(f"{MEDIA_DIR}/")
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(path, destination)
    return manifest


def _check_fits(manifest: Manifest, media_root: Path) -> None:
    archived, here = manifest["database"]["vendor"], connection.vendor
    if archived != here:
        raise BackupError(
            f"This archive holds a {VENDOR_NAMES.get(archived, archived)} database and this "
            f"installation uses {VENDOR_NAMES.get(here, here)}. Restore it into an "
            f"installation on {VENDOR_NAMES.get(archived, archived)} (set DATABASE_URL to "
            "one); a restore does not move data from one database system to the other."
        )
    check_migrations_known(manifest["migrations"], manifest["panelkeeper_version"])
    if here == "sqlite":
        Path(str(connection.settings_dict["NAME"])).parent.mkdir(parents=True, exist_ok=True)
    with connection.cursor() as cursor:
        holding = models_holding_data(cursor, connection.introspection.table_names(cursor))
    what = []
    if holding:
        shown = ", ".join(holding[:4]) + (", ..." if len(holding) > 4 else "")
        what.append(f"its database already holds records ({shown})")
    if media_files(media_root):
        what.append(f"{media_root} already holds files")
    if what:
        raise BackupError(NOT_EMPTY.format(what=" and ".join(what)))


def _check_counts(manifest: Manifest) -> None:
    with connection.cursor() as cursor:
        restored = count_rows(cursor, connection.introspection.table_names(cursor))
    differ = [
        f"{label}: {restored[label]} rows, not {rows}"
        for label, rows in sorted(manifest["counts"].items())
        if label in restored and restored[label] != rows
    ]
    if differ:
        raise BackupError(
            "The restored database does not hold what the archive's manifest lists ("
            + "; ".join(differ[:3])
            + "). Empty the database and run restore again, into a new database."
        )
