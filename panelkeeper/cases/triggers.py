"""SQL that makes case events and seats append-only.

Installed by migration 0002 and lifted only by the test set-up that must empty tables
between transactional tests (tests/conftest.py). A later change belongs in a new
migration with new statements here.
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

TABLES = {
    "cases_caseevent": "case events cannot be changed or deleted; record a new event",
    "cases_seat": "seats cannot be changed or deleted",
}


def _sqlite_install() -> list[str]:
    statements = []
    for table, message in TABLES.items():
        for action in ("UPDATE", "DELETE"):
            statements.append(
                f"CREATE TRIGGER IF NOT EXISTS {table}_no_{action.lower()} "
                f"BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )
    return statements


def _postgresql_install() -> list[str]:
    statements = []
    for table, message in TABLES.items():
        statements += [
            f"""CREATE OR REPLACE FUNCTION {table}_refuse_change() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '{message}' USING ERRCODE = 'restrict_violation'; END;
            $$""",
            f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
            f"""CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION {table}_refuse_change()""",
        ]
    return statements


INSTALL = {"sqlite": _sqlite_install(), "postgresql": _postgresql_install()}

UNINSTALL = {
    "sqlite": [
        f"DROP TRIGGER IF EXISTS {table}_no_{action}"
        for table in TABLES
        for action in ("update", "delete")
    ],
    "postgresql": [
        statement
        for table in TABLES
        for statement in (
            f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
            f"DROP FUNCTION IF EXISTS {table}_refuse_change()",
        )
    ],
}


def _run(connection: BaseDatabaseWrapper, statements: dict[str, list[str]]) -> None:
    if connection.vendor not in statements:
        raise NotImplementedError(f"No append-only triggers written for {connection.vendor}.")
    with connection.cursor() as cursor:
        for statement in statements[connection.vendor]:
            cursor.execute(statement)


def install(connection: BaseDatabaseWrapper) -> None:
    _run(connection, INSTALL)


def uninstall(connection: BaseDatabaseWrapper) -> None:
    _run(connection, UNINSTALL)
