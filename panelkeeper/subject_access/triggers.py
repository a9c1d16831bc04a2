"""The access log is append-only: no reading of a record is ever changed, and one is
deleted only once it is marked for removal (``core.Removal``), which is how the
retention schedule takes readings past their time, or once its organisation is marked
for removal as it leaves the installation.

Installed by migration 0002 (no way out), replaced by migration 0003 (a reading marked
for removal) and by migration 0004 (or its organisation marked); see
panelkeeper.lib.append_only for how and when the triggers are lifted.
"""

from panelkeeper.lib.append_only import AppendOnly, RemovedWith

_TABLES = {"subject_access_recordview": "the access log cannot be changed or deleted"}
_MARKED = RemovedWith("subject_access_recordview", "OLD.id")
_ORGANISATION_MARKED = RemovedWith("organisations_organisation", "OLD.organisation_id")
# Migration 0002, for the reverse of 0003.
FIRST = AppendOnly(_TABLES)
# Migration 0003, for the reverse of 0004.
MARKED = AppendOnly(_TABLES, removed_with={"subject_access_recordview": _MARKED})
# Migration 0004.
TRIGGERS = AppendOnly(
    _TABLES, removed_with={"subject_access_recordview": (_MARKED, _ORGANISATION_MARKED)}
)
install = TRIGGERS.install
uninstall = TRIGGERS.uninstall
