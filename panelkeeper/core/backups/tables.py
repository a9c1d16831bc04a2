"""The installation's tables as a backup sees them: rows per model, migrations applied,
and whether an installation already holds data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from django.apps import apps
from django.conf import settings
from django.db.migrations.loader import MigrationLoader

from panelkeeper.core.backups import BackupError

# Rows that are not the installation's records: they are made again by `migrate`
# (content types, permissions) or are short-lived and would only be a risk in a file
# kept for years (sign-in sessions, the cache with its rate-limit keys).
REBUILT_BY_MIGRATE = frozenset({"contenttypes.ContentType", "auth.Permission"})


class Cursor(Protocol):
    """What both sqlite3's and Django's cursors offer, which is all this module needs."""

    def execute(self, sql: str, /) -> object: ...
    def fetchone(self) -> tuple[object, ...] | None: ...
    def fetchall(self) -> list[tuple[object, ...]]: ...


def quote(name: str) -> str:
    """A table name quoted for SQL (SQLite and PostgreSQL quote alike)."""
    return '"' + name.replace('"', '""') + '"'


def model_tables() -> dict[str, str]:
    """Each model's label and its table, many-to-many tables included."""
    tables: dict[str, str] = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy:
            tables[meta.label] = meta.db_table
    return tables


def transient_tables() -> list[str]:
    """Tables whose rows a backup leaves out: sign-in sessions and the database cache.

    Sessions are bearer credentials and the cache holds rate-limit keys meant to expire
    within the hour; neither belongs in an archive kept for months. After a restore
    everyone signs in again.
    """
    tables = [
        str(cache["LOCATION"])
        for cache in settings.CACHES.values()
        if cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    ]
    if apps.is_installed("django.contrib.sessions"):
        tables.append(apps.get_model("sessions", "Session")._meta.db_table)
    return tables


def count_rows(cursor: Cursor, present: Iterable[str]) -> dict[str, int]:
    """Rows per model label, for the models whose table is among ``present``.

    A transient table counts as empty: its rows never go into an archive.
    """
    present = set(present)
    transient = set(transient_tables())
    counts: dict[str, int] = {}
    for label, table in sorted(model_tables().items()):
        if table in transient:
            counts[label] = 0
        elif table in present:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            row = cursor.fetchone()
            counts[label] = int(str(row[0])) if row else 0
    return counts


def applied_migrations(cursor: Cursor, present: Iterable[str]) -> dict[str, list[str]]:
    """The migrations recorded as applied, by app label (empty before any migrate)."""
    if "django_migrations" not in set(present):
        return {}
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    applied: dict[str, list[str]] = {}
    for app, name in cursor.fetchall():
        applied.setdefault(str(app), []).append(str(name))
    return applied


def models_holding_data(cursor: Cursor, present: Iterable[str]) -> list[str]:
    """The labels of the models that have at least one row: the installation's records."""
    present = set(present) - set(transient_tables())
    holding = []
    for label, table in sorted(model_tables().items()):
        if label in REBUILT_BY_MIGRATE or table not in present:
            continue
        cursor.execute(f"SELECT 1 FROM {quote(table)} LIMIT 1")
        if cursor.fetchone() is not None:
            holding.append(label)
    return holding


def check_migrations_known(applied: Mapping[str, list[str]], made_by: str) -> None:
    """Refuse an archive whose database has migrations this code does not have.

    Such an archive was made by a newer panelkeeper; `migrate` cannot go backwards, and
    this code would misread the newer tables. Apps no longer installed are ignored, as
    `migrate` ignores them.
    """
    loader = MigrationLoader(None, ignore_no_migrations=True, load=True)
    known = set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(migration.replaces)
    installed = {config.label for config in apps.get_app_configs()}
    unknown = [
        f"{app} {name}"
        for app, names in sorted(applied.items())
        if app in installed
        for name in names
        if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            f"This archive was made by a newer panelkeeper ({made_by}): its database has "
            f"changes this installation does not know ({', '.join(unknown[:3])}"
            f"{', ...' if len(unknown) > 3 else ''}). Install panelkeeper {made_by} or "
            "newer, then restore again."
        )
