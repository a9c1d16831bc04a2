"""Signatures, countersignatures and status records are append-only.

Installed by migration 0002; see panelkeeper.lib.append_only for how and when the
triggers are lifted.
"""

from panelkeeper.lib.append_only import AppendOnly

TRIGGERS = AppendOnly(
    {
        "members_signature": "signatures cannot be changed or deleted; record a new signature",
        "members_countersignature": "countersignatures cannot be changed or deleted",
        "members_memberstatus": "status records cannot be changed; record a new status",
    }
)
install = TRIGGERS.install
uninstall = TRIGGERS.uninstall
