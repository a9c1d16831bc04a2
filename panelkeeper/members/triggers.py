"""Signatures, countersignatures and status records are append-only.

Installed by migration 0002. Migration 0005 lets a signature, and its
countersignatures, be deleted once the signature is marked for removal
(``core.Removal``): how the retention schedule removes signatures past their time.
Status records stay. See panelkeeper.lib.append_only for how and when the triggers are
lifted.
"""

from panelkeeper.lib.append_only import AppendOnly, RemovedWith

_TABLES = {
    "members_signature": "signatures cannot be changed or deleted; record a new signature",
    "members_countersignature": "countersignatures cannot be changed or deleted",
    "members_memberstatus": "status records cannot be changed; record a new status",
}
# Migration 0002, for the reverse of 0005.
FIRST = AppendOnly(_TABLES)
TRIGGERS = AppendOnly(
    _TABLES,
    removed_with={
        "members_signature": RemovedWith("members_signature", "OLD.id"),
        "members_countersignature": RemovedWith("members_signature", "OLD.signature_id"),
    },
)
install = TRIGGERS.install
uninstall = TRIGGERS.uninstall
