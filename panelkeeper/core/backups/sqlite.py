"""SQLite: copied out and in with SQLite's online backup API.

The backup API copies the database page by page under a read lock, so the copy is
consistent even while the web server and the task worker write (WAL mode lets them go
on writing meanwhile); copying the file itself could catch a transaction half-written.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from django.db import connection, connections

from panelkeeper.core.backups import BackupError, Snapshot
from panelkeeper.core.backups.tables import (
    applied_migrations,
    count_rows,
    quote,
    transient_tables,
)

MEMBER = "database/panelkeeper.sqlite3"


def database_path() -> Path:
    return Path(str(connection.settings_dict["NAME"]))


def snapshot(staging: Path) -> Snapshot:
    """Copy the live database into ``staging``, leaving out sessions and the cache."""
    source_path = database_path()
    if not source_path.is_file():
        raise BackupError(
            f"There is no database at {source_path}, so there is nothing to back up. Check "
            "DATABASE_URL and PANELKEEPER_VAR_DIR."
        )
    copy_path = staging / Path(MEMBER).name
    source = sqlite3.connect(f"{source_path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    copy = sqlite3.connect(copy_path)
    try:
        source.backup(copy)
    finally:
        source.close()
    try:
        # A self-contained file (no -wal beside it); removed rows overwritten, not left
        # in free pages.
        copy.execute("PRAGMA journal_mode=DELETE")
        copy.execute("PRAGMA secure_delete=ON")
        present = {name for (name,) in copy.execute("SELECT name FROM sqlite_master")}
        for table in transient_tables():
            if table in present:
                copy.execute(f"DELETE FROM {quote(table)}")
        copy.commit()
        (check,) = copy.execute("PRAGMA quick_check").fetchone()
        if check != "ok":
            raise BackupError(
                f"The copy of the database failed SQLite's integrity check ({check}). The "
                "database itself may be damaged: run `sqlite3 FILE 'PRAGMA integrity_check'` "
                "on it and keep the last good archive."
            )
        cursor = copy.cursor()
        counts = count_rows(cursor, present)
        migrations = applied_migrations(cursor, present)
    finally:
        copy.close()
    return Snapshot(copy_path, sqlite3.sqlite_version, migrations, counts)


def load(path: Path) -> None:
    """Replace the configured database's content with the copy at ``path``, in one step."""
    target = database_path()
    connections.close_all()
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(path)
    destination = sqlite3.connect(target, timeout=30)
    try:
        source.backup(destination)
    except sqlite3.OperationalError as error:
        raise BackupError(
            f"The database at {target} could not be written ({error}). Stop the web server "
            "and the task worker, then run restore again."
        ) from None
    finally:
        destination.close()
        source.close()
