"""PostgreSQL: dumped with ``pg_dump`` (custom format) and brought back with ``pg_restore``.

The dump runs on a snapshot exported from a repeatable-read transaction, and the rows
and migrations for the manifest are read in that same transaction, so the manifest
describes exactly what the dump holds while the application goes on writing. The
connection details come from ``DATABASE_URL`` and reach the client programs as libpq's
environment variables, so no password appears in a process list.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from django.db import connection, connections, transaction

from panelkeeper.core.backups import BackupError, Snapshot
from panelkeeper.core.backups.tables import (
    applied_migrations,
    count_rows,
    quote,
    transient_tables,
)

MEMBER = "database/panelkeeper.pgdump"


def _program(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        connection.ensure_connection()
        major = connection.pg_version // 10000  # type: ignore[attr-defined]  # PostgreSQL's wrapper only
        raise BackupError(
            f"{name} was not found. Install PostgreSQL's client programs, version {major} or "
            f"newer (on Debian: apt-get install postgresql-client-{major}), and make sure "
            f"{name} is on the PATH of whoever runs this command."
        )
    return found


def _libpq_environment() -> dict[str, str]:
    settings_dict = connection.settings_dict
    _, options = connection.client.settings_to_cmd_args_env(settings_dict, [])
    environment = {**os.environ, **(options or {})}
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGDATABASE", "NAME"),
    ):
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    return environment


def _run(arguments: list[str]) -> None:
    result = subprocess.run(
        arguments, env=_libpq_environment(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        program = Path(arguments[0]).name
        raise BackupError(f"{program} stopped with this message: {result.stderr.strip()}")


def snapshot(staging: Path) -> Snapshot:
    """Dump the live database into ``staging``, leaving out sessions' and the cache's rows."""
    pg_dump = _program("pg_dump")
    dump = staging / Path(MEMBER).name
    connection.ensure_connection()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot_id,) = cursor.fetchone() or ("",)
        arguments = [pg_dump, "--format=custom", "--no-password", f"--snapshot={snapshot_id}"]
        arguments += [f"--exclude-table-data={table}" for table in transient_tables()]
        _run([*arguments, f"--file={dump}"])
        present = connection.introspection.table_names(cursor)
        counts = count_rows(cursor, present)
        migrations = applied_migrations(cursor, present)
    version = connection.pg_version  # type: ignore[attr-defined]  # PostgreSQL's wrapper only
    return Snapshot(dump, f"{version // 10000}.{version % 10000}", migrations, counts)


def load(path: Path) -> None:
    """Restore the dump at ``path`` into the configured database, in one transaction.

    The caller has checked that the database holds no records; tables a `migrate` made
    are dropped first, so a dump from an older version meets none of a newer one's.
    """
    pg_restore = _program("pg_restore")
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        if tables:
            cursor.execute(f"DROP TABLE {', '.join(quote(table) for table in tables)} CASCADE")
    database = str(connection.settings_dict["NAME"])
    connections.close_all()
    _run(
        [
            pg_restore,
            "--no-owner",
            "--no-privileges",
            "--clean",
            "--if-exists",
            "--exit-on-error",
            "--single-transaction",
            "--no-password",
            f"--dbname={database}",
            str(path),
        ]
    )
