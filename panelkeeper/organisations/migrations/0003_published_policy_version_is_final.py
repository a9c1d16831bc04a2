"""A published policy version never changes: the database refuses any UPDATE of it.

The domain function refuses first, with a message; this trigger is the guarantee for
every other path (a shell, a bulk update, a future bug). DELETE is left to foreign keys
that protect a version once records point at it, so test databases can still be flushed.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

_MESSAGE = "A published policy version cannot be changed."

_SQLITE_CREATE = f"""
CREATE TRIGGER organisations_policyversion_published_is_final
BEFORE UPDATE ON organisations_policyversion
FOR EACH ROW WHEN OLD.status = 'published'
BEGIN
    SELECT RAISE(ABORT, '{_MESSAGE}');
END;
"""
_SQLITE_DROP = "DROP TRIGGER IF EXISTS organisations_policyversion_published_is_final;"

_POSTGRES_CREATE = [
    f"""
CREATE FUNCTION organisations_policyversion_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{_MESSAGE}' USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
""",
    """
CREATE TRIGGER organisations_policyversion_published_is_final
BEFORE UPDATE ON organisations_policyversion
FOR EACH ROW WHEN (OLD.status = 'published')
EXECUTE FUNCTION organisations_policyversion_refuse_change();
""",
]
_POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS organisations_policyversion_published_is_final"
    " ON organisations_policyversion;",
    "DROP FUNCTION IF EXISTS organisations_policyversion_refuse_change();",
]


def _run(
    schema_editor: BaseDatabaseSchemaEditor, statements_by_vendor: dict[str, str | list[str]]
) -> None:
    vendor = schema_editor.connection.vendor
    if vendor not in statements_by_vendor:
        raise NotImplementedError(f"No immutability trigger written for {vendor}.")
    statements = statements_by_vendor[vendor]
    for statement in [statements] if isinstance(statements, str) else statements:
        schema_editor.execute(statement)


def create_trigger(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _run(schema_editor, {"sqlite": _SQLITE_CREATE, "postgresql": _POSTGRES_CREATE})


def drop_trigger(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _run(schema_editor, {"sqlite": _SQLITE_DROP, "postgresql": _POSTGRES_DROP})


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0002_policy_versions_role_holders_closure_days"),
    ]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
