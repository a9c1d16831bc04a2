"""Database triggers that make tables append-only, on SQLite and PostgreSQL.

An app declares its tables and the message each refusal gives, then calls ``install``
from a migration (and ``uninstall`` to reverse it). The test set-up lifts the triggers
briefly to empty tables between transactional tests. The statements are part of what
a migration installed: change them only together with a new migration.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

type RunPythonCode = Callable[[StateApps, BaseDatabaseSchemaEditor], None]

_ACTIONS = ("update", "delete")

# The table of records marked for removal (panelkeeper.core.models.Removal).
REMOVALS = "core_removal"


@dataclass(frozen=True)
class RemovedWith:
    """A row may be deleted once the record it belongs to is marked for removal.

    ``record_table`` is the marked record's table and ``record_id`` an SQL expression
    over ``OLD`` giving its id: a case's events go with the case
    (``RemovedWith("cases_case", "OLD.case_id")``).
    """

    record_table: str
    record_id: str

    def marked(self) -> str:
        return (
            f"EXISTS (SELECT 1 FROM {REMOVALS} WHERE record_table = '{self.record_table}' "
            f"AND record_id = {self.record_id})"
        )


class AppendOnly:
    """UPDATE and DELETE refused on each table, with that table's message; DELETE allowed
    only of a row whose record is marked for removal, for the tables in ``removed_with``
    (a row with several ways out may go once any one of its records is marked)."""

    def __init__(
        self,
        tables: Mapping[str, str],
        removed_with: Mapping[str, RemovedWith | tuple[RemovedWith, ...]] | None = None,
    ) -> None:
        self.tables = dict(tables)
        self.removed_with = {
            table: paths if isinstance(paths, tuple) else (paths,)
            for table, paths in (removed_with or {}).items()
        }

    def _marked(self, table: str) -> str | None:
        paths = self.removed_with.get(table)
        if not paths:
            return None
        return " OR ".join(path.marked() for path in paths)

    def _sqlite_when(self, table: str, action: str) -> str:
        marked = self._marked(table)
        return f"WHEN NOT ({marked}) " if marked and action == "delete" else ""

    def _pg_allowed(self, table: str) -> str:
        marked = self._marked(table)
        if marked is None:
            return ""
        return f"IF TG_OP = 'DELETE' AND ({marked}) THEN RETURN OLD; END IF; "

    def statements_to_install(self, vendor: str) -> list[str]:
        if vendor == "sqlite":
            return [
                _sqlite_refusal(table, action, self._sqlite_when(table, action), message)
                for table, message in self.tables.items()
                for action in _ACTIONS
            ]
        if vendor == "postgresql":
            statements = []
            for table, message in self.tables.items():
                refusal = f"RAISE EXCEPTION '{message}' USING ERRCODE = 'restrict_violation';"
                statements += [
                    f"""CREATE OR REPLACE FUNCTION {table}_refuse_change() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN {self._pg_allowed(table)}{refusal} END;
            $$""",
                    f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
                    f"""CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION {table}_refuse_change()""",
                ]
            return statements
        raise NotImplementedError(f"No append-only triggers written for {vendor}.")

    def statements_to_uninstall(self, vendor: str) -> list[str]:
        return [
            statement
            for table in self.tables
            for statement in _dropping(vendor, table, f"{table}_append_only")
        ]

    def install(self, connection: BaseDatabaseWrapper) -> None:
        self._run(connection, self.statements_to_install(connection.vendor))

    def uninstall(self, connection: BaseDatabaseWrapper) -> None:
        self._run(connection, self.statements_to_uninstall(connection.vendor))

    @staticmethod
    def _run(connection: BaseDatabaseWrapper, statements: list[str]) -> None:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def replacing(old: AppendOnly, new: AppendOnly) -> tuple[RunPythonCode, RunPythonCode]:
    """A migration's forward and reverse functions that swap ``old`` triggers for ``new``.

    SQLite's ``CREATE TRIGGER IF NOT EXISTS`` would keep a trigger of the same name, so
    the old ones are dropped first, both ways.
    """

    def forwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        old.uninstall(schema_editor.connection)
        new.install(schema_editor.connection)

    def backwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        new.uninstall(schema_editor.connection)
        old.install(schema_editor.connection)

    return forwards, backwards


@dataclass(frozen=True)
class Redactable:
    """A table of free text that belongs to rows of an append-only table, one row each.

    The database allows two changes and nothing else:

    - UPDATE of a text column only by putting ``mark`` in place of words: each changed
      column holds more marks than before, the rest of it is shorter by at least
      ``shortest`` characters for each new mark (no name shorter than that is ever
      taken out), and what comes before its first mark is as it was. Which words go is
      the erasure code's to decide (one audited function does it); the database checks
      the shape of the change, not that the words taken out were a name, nor what
      follows the first mark beyond its length.
    - DELETE of a text no row of ``owner_table`` names in ``owner_column`` any more:
      the owner goes first, which its own triggers allow only on the removal path.

    The owner names its text, so a text cannot be given to an owner already written.
    """

    table: str
    columns: tuple[str, ...]
    owner_table: str
    owner_column: str
    mark: str
    shortest: int
    update_message: str
    delete_message: str

    def _update_allowed(self, vendor: str) -> str:
        find, larger = ("instr", "max") if vendor == "sqlite" else ("strpos", "greatest")
        mark = f"'{self.mark}'"

        def rest(value: str) -> str:
            return f"length(replace({value}, {mark}, ''))"

        def marks(value: str) -> str:
            return f"((length({value}) - {rest(value)}) / {len(self.mark)})"

        def redacted(column: str) -> str:
            new, old = f"NEW.{column}", f"OLD.{column}"
            added = f"({marks(new)} - {marks(old)})"
            before = f"{larger}({find}({new}, {mark}) - 1, 0)"
            return (
                f"({new} = {old} OR ({added} > 0"
                f" AND {rest(new)} + {self.shortest} * {added} <= {rest(old)}"
                f" AND substr({new}, 1, {before}) = substr({old}, 1, {before})))"
            )

        return " AND ".join(["NEW.id = OLD.id", *(redacted(_quoted(c)) for c in self.columns)])

    def _owned(self) -> str:
        return f"EXISTS (SELECT 1 FROM {self.owner_table} WHERE {self.owner_column} = OLD.id)"

    def statements_to_install(self, vendor: str) -> list[str]:
        if vendor == "sqlite":
            return [
                _sqlite_refusal(
                    self.table,
                    "update",
                    f"WHEN NOT ({self._update_allowed(vendor)}) ",
                    self.update_message,
                ),
                _sqlite_refusal(
                    self.table, "delete", f"WHEN {self._owned()} ", self.delete_message
                ),
            ]
        if vendor == "postgresql":
            errcode = "USING ERRCODE = 'restrict_violation'"
            return [
                f"""CREATE OR REPLACE FUNCTION {self.table}_refuse_change() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    IF NOT {self._owned()} THEN RETURN OLD; END IF;
                    RAISE EXCEPTION '{self.delete_message}' {errcode};
                END IF;
                IF {self._update_allowed(vendor)} THEN RETURN NEW; END IF;
                RAISE EXCEPTION '{self.update_message}' {errcode};
            END;
            $$""",
                f"DROP TRIGGER IF EXISTS {self.table}_redact_only ON {self.table}",
                f"""CREATE TRIGGER {self.table}_redact_only BEFORE UPDATE OR DELETE ON {self.table}
            FOR EACH ROW EXECUTE FUNCTION {self.table}_refuse_change()""",
            ]
        raise NotImplementedError(f"No redaction triggers written for {vendor}.")

    def statements_to_uninstall(self, vendor: str) -> list[str]:
        return _dropping(vendor, self.table, f"{self.table}_redact_only")

    def install(self, connection: BaseDatabaseWrapper) -> None:
        AppendOnly._run(connection, self.statements_to_install(connection.vendor))

    def uninstall(self, connection: BaseDatabaseWrapper) -> None:
        AppendOnly._run(connection, self.statements_to_uninstall(connection.vendor))


def _sqlite_refusal(table: str, action: str, when: str, message: str) -> str:
    """A SQLite trigger refusing ``action`` on ``table`` with ``message``; ``when`` is empty
    (always) or a ``WHEN`` clause and a space."""
    return (
        f"CREATE TRIGGER IF NOT EXISTS {table}_no_{action} "
        f"BEFORE {action.upper()} ON {table} {when}"
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )


def _dropping(vendor: str, table: str, pg_trigger: str) -> list[str]:
    """What drops the triggers of ``table``: on PostgreSQL, ``pg_trigger`` and its function."""
    if vendor == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {table}_no_{action}" for action in _ACTIONS]
    if vendor == "postgresql":
        return [
            f"DROP TRIGGER IF EXISTS {pg_trigger} ON {table}",
            f"DROP FUNCTION IF EXISTS {table}_refuse_change()",
        ]
    raise NotImplementedError(f"No triggers written for {vendor}.")


def _quoted(column: str) -> str:
    """A column name as both databases read it, reserved words (``to``) included."""
    return f'"{column}"'
