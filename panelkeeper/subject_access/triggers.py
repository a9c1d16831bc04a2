"""The access log is append-only: no reading of a record is ever changed or deleted.

Installed by migration 0002. Migration 0003 lets an organisation's log go with it, once
the organisation is marked for removal (``core.Removal``) as it leaves the installation.
See panelkeeper.lib.append_only for how and when the triggers are lifted.
"""

from panelkeeper.lib.append_only import AppendOnly, RemovedWith

_TABLES = {"subject_access_recordview": "the access log cannot be changed or deleted"}
# Migration 0002, for the reverse of 0003.
TRIGGERS = AppendOnly(_TABLES)
LEAVING = AppendOnly(
    _TABLES,
    removed_with={
        "subject_access_recordview": RemovedWith(
            "organisations_organisation", "OLD.organisation_id"
        )
    },
)
install = LEAVING.install
uninstall = LEAVING.uninstall
