"""The SQL that guards the audit log, per database vendor.

Used by the migrations and by the test set-up that must empty the tables between
transactional tests. A change to the triggers belongs in a new migration with new
statements here; the ones a migration installed stay, for that migration and its
reverse.

What the current triggers (migrations 0004 and 0005) allow, and nothing else:

- INSERT of a sealed entry (a non-empty ``digest``; ``chain.append_all`` seals every entry);
- UPDATE of an entry's ``digest`` from empty, every other column unchanged: how
  migration 0004 sealed the entries written before there were digests;
- DELETE of an entry covered by a checkpoint of its own chain (one whose last removed
  entry is this one or a later one): the one path ``retention.remove_before`` takes. A
  checkpoint carries a keyed seal, so one written by hand to allow deletes shows up in
  ``panelkeeper audit verify``;
- INSERT of a checkpoint; checkpoints are never updated;
- since migration 0005, DELETE of the entries and checkpoints of an organisation marked
  for removal in ``core.Removal``: the one path an organisation leaving the
  installation takes (``departure.removal``).
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

MESSAGE = "audit entries are append-only"
UNSEALED = "audit entries are sealed when written"
CHECKPOINT_MESSAGE = "audit checkpoints are append-only"

Statements = dict[str, list[str]]


def _sqlite_refusal(name: str, event: str, message: str, when: str = "") -> str:
    """A SQLite trigger that aborts ``event`` (``UPDATE ON table``...) with ``message``."""
    condition = f"WHEN {when}" if when else ""
    return f"""CREATE TRIGGER IF NOT EXISTS {name} BEFORE {event} {condition}
        BEGIN SELECT RAISE(ABORT, '{message}'); END"""


def _pg_refusal(function: str, trigger: str, table: str, message: str) -> list[str]:
    """A PostgreSQL function that raises ``message``, fired before UPDATE or DELETE."""
    return [
        f"""CREATE OR REPLACE FUNCTION {function}() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '{message}'; END;
        $$""",
        f"DROP TRIGGER IF EXISTS {trigger} ON {table}",
        f"""CREATE TRIGGER {trigger} BEFORE UPDATE OR DELETE ON {table}
        FOR EACH ROW EXECUTE FUNCTION {function}()""",
    ]


# Migration 0002: no UPDATE and no DELETE at all.
FIRST_INSTALL: Statements = {
    "sqlite": [
        _sqlite_refusal("audit_auditentry_no_update", "UPDATE ON audit_auditentry", MESSAGE),
        _sqlite_refusal("audit_auditentry_no_delete", "DELETE ON audit_auditentry", MESSAGE),
    ],
    "postgresql": _pg_refusal(
        "audit_refuse_change", "audit_auditentry_append_only", "audit_auditentry", MESSAGE
    ),
}

FIRST_UNINSTALL: Statements = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS audit_auditentry_no_update",
        "DROP TRIGGER IF EXISTS audit_auditentry_no_delete",
    ],
    "postgresql": [
        "DROP TRIGGER IF EXISTS audit_auditentry_append_only ON audit_auditentry",
        "DROP FUNCTION IF EXISTS audit_refuse_change()",
    ],
}

_COLUMNS = [
    "id",
    "at",
    "actor_id",
    "organisation_id",
    "action",
    "object_type",
    "object_id",
    "fields",
]
_SQLITE_SAME_CONTENT = " AND ".join(f"NEW.{column} IS OLD.{column}" for column in _COLUMNS)
_COVERED_BY_A_CHECKPOINT = """EXISTS (
    SELECT 1 FROM audit_auditcheckpoint AS checkpoint
    WHERE checkpoint.organisation_id IS {same_chain} OLD.organisation_id
    AND checkpoint.last_entry_id >= OLD.id)"""

# Entries and checkpoints of an organisation marked for removal (``core.Removal``) may go
# with it, when the organisation leaves the installation (migration 0005).
_ORGANISATION_REMOVED = """EXISTS (
    SELECT 1 FROM core_removal AS removal
    WHERE removal.record_table = 'organisations_organisation'
    AND removal.record_id = OLD.organisation_id)"""


def _installed(*, leaving: bool) -> Statements:
    """The triggers of migration 0004, and with ``leaving`` those of migration 0005."""
    removable = _COVERED_BY_A_CHECKPOINT.format(same_chain="")
    pg_removable = _COVERED_BY_A_CHECKPOINT.format(same_chain="NOT DISTINCT FROM")
    checkpoint_delete = _sqlite_refusal(
        "audit_auditcheckpoint_no_delete", "DELETE ON audit_auditcheckpoint", CHECKPOINT_MESSAGE
    )
    pg_checkpoint = _pg_refusal(
        "audit_refuse_checkpoint_change",
        "audit_auditcheckpoint_append_only",
        "audit_auditcheckpoint",
        CHECKPOINT_MESSAGE,
    )
    if leaving:
        removable = f"({removable} OR {_ORGANISATION_REMOVED})"
        pg_removable = f"({pg_removable} OR {_ORGANISATION_REMOVED})"
        checkpoint_delete = _sqlite_refusal(
            "audit_auditcheckpoint_no_delete",
            "DELETE ON audit_auditcheckpoint",
            CHECKPOINT_MESSAGE,
            when=f"NOT {_ORGANISATION_REMOVED}",
        )
        pg_checkpoint[0] = f"""CREATE OR REPLACE FUNCTION audit_refuse_checkpoint_change()
        RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' AND {_ORGANISATION_REMOVED} THEN RETURN OLD; END IF;
            RAISE EXCEPTION '{CHECKPOINT_MESSAGE}';
        END;
        $$"""
    return {
        "sqlite": [
            _sqlite_refusal(
                "audit_auditentry_sealed",
                "INSERT ON audit_auditentry",
                UNSEALED,
                when="NEW.digest = ''",
            ),
            _sqlite_refusal(
                "audit_auditentry_no_update",
                "UPDATE ON audit_auditentry",
                MESSAGE,
                when=f"NOT (OLD.digest = '' AND NEW.digest <> '' AND {_SQLITE_SAME_CONTENT})",
            ),
            _sqlite_refusal(
                "audit_auditentry_no_delete",
                "DELETE ON audit_auditentry",
                MESSAGE,
                when=f"NOT {removable}",
            ),
            _sqlite_refusal(
                "audit_auditcheckpoint_no_update",
                "UPDATE ON audit_auditcheckpoint",
                CHECKPOINT_MESSAGE,
            ),
            checkpoint_delete,
        ],
        "postgresql": [
            f"""CREATE OR REPLACE FUNCTION audit_guard_entry() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                IF NEW.digest = '' THEN RAISE EXCEPTION '{UNSEALED}'; END IF;
                RETURN NEW;
            ELSIF TG_OP = 'UPDATE' THEN
                IF OLD.digest = '' AND NEW.digest <> ''
                    AND to_jsonb(NEW) - 'digest' = to_jsonb(OLD) - 'digest' THEN
                    RETURN NEW;
                END IF;
            ELSIF {pg_removable} THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION '{MESSAGE}';
        END;
        $$""",
            """DROP TRIGGER IF EXISTS audit_auditentry_append_only ON audit_auditentry""",
            """CREATE TRIGGER audit_auditentry_append_only
        BEFORE INSERT OR UPDATE OR DELETE ON audit_auditentry
        FOR EACH ROW EXECUTE FUNCTION audit_guard_entry()""",
            *pg_checkpoint,
        ],
    }


# Migration 0004: sealed entries, digests written once, deletes behind a checkpoint.
INSTALL = _installed(leaving=False)
# Migration 0005: as 0004, and an organisation marked for removal takes its chain with it.
LEAVING_INSTALL = _installed(leaving=True)

UNINSTALL: Statements = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS audit_auditentry_sealed",
        "DROP TRIGGER IF EXISTS audit_auditentry_no_update",
        "DROP TRIGGER IF EXISTS audit_auditentry_no_delete",
        "DROP TRIGGER IF EXISTS audit_auditcheckpoint_no_update",
        "DROP TRIGGER IF EXISTS audit_auditcheckpoint_no_delete",
    ],
    "postgresql": [
        "DROP TRIGGER IF EXISTS audit_auditentry_append_only ON audit_auditentry",
        "DROP TRIGGER IF EXISTS audit_auditcheckpoint_append_only ON audit_auditcheckpoint",
        "DROP FUNCTION IF EXISTS audit_guard_entry()",
        "DROP FUNCTION IF EXISTS audit_refuse_checkpoint_change()",
    ],
}


def run(connection: BaseDatabaseWrapper, statements: Statements) -> None:
    if connection.vendor not in statements:
        raise NotImplementedError(
            f"The audit log has no append-only triggers for {connection.vendor}."
        )
    with connection.cursor() as cursor:
        for statement in statements[connection.vendor]:
            cursor.execute(statement)


def install(connection: BaseDatabaseWrapper) -> None:
    """Put the current triggers in place."""
    run(connection, LEAVING_INSTALL)


def uninstall(connection: BaseDatabaseWrapper) -> None:
    """Lift the current triggers (tests' clean-up, and the tamper test)."""
    run(connection, UNINSTALL)
