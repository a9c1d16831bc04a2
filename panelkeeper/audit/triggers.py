"""The SQL that makes the audit log append-only, per database vendor.

Used by migration 0002 and by the test set-up that must empty the table between
transactional tests. A later change to the triggers belongs in a new migration with
new statements here; these ones describe what migration 0002 installed.
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

MESSAGE = "audit entries are append-only"

INSTALL = {
    "sqlite": [
        f"""CREATE TRIGGER IF NOT EXISTS audit_auditentry_no_update
        BEFORE UPDATE ON audit_auditentry
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
        f"""CREATE TRIGGER IF NOT EXISTS audit_auditentry_no_delete
        BEFORE DELETE ON audit_auditentry
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    ],
    "postgresql": [
        f"""CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '{MESSAGE}'; END;
        $$""",
        """DROP TRIGGER IF EXISTS audit_auditentry_append_only ON audit_auditentry""",
        """CREATE TRIGGER audit_auditentry_append_only
        BEFORE UPDATE OR DELETE ON audit_auditentry
        FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()""",
    ],
}

UNINSTALL = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS audit_auditentry_no_update",
        "DROP TRIGGER IF EXISTS audit_auditentry_no_delete",
    ],
    "postgresql": [
        "DROP TRIGGER IF EXISTS audit_auditentry_append_only ON audit_auditentry",
        "DROP FUNCTION IF EXISTS audit_refuse_change()",
    ],
}


def _run(connection: BaseDatabaseWrapper, statements: dict[str, list[str]]) -> None:
    if connection.vendor not in statements:
        raise NotImplementedError(
            f"The audit log has no append-only triggers for {connection.vendor}."
        )
    with connection.cursor() as cursor:
        for statement in statements[connection.vendor]:
            cursor.execute(statement)


def install(connection: BaseDatabaseWrapper) -> None:
    _run(connection, INSTALL)


def uninstall(connection: BaseDatabaseWrapper) -> None:
    _run(connection, UNINSTALL)
