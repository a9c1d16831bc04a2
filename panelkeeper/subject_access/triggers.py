"""The access log is append-only: no reading of a record is ever changed, and one is
deleted only once it is marked for removal (``core.Removal``), which is how the
retention schedule takes readings past their time.

Installed by migration 0002 (no way out) and replaced by migration 0003 (the one way
out); see panelkeeper.lib.append_only for how and when the triggers are lifted.
"""

from panelkeeper.lib.append_only import AppendOnly, RemovedWith

_TABLES = {"subject_access_recordview": "the access log cannot be changed or deleted"}
# Migration 0002, for the reverse of 0003.
FIRST = AppendOnly(_TABLES)
TRIGGERS = AppendOnly(
    _TABLES,
    removed_with={
        "subject_access_recordview": RemovedWith("subject_access_recordview", "OLD.id"),
    },
)
install = TRIGGERS.install
uninstall = TRIGGERS.uninstall
