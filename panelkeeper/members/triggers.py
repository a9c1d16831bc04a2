"""Signatures, countersignatures and status records are append-only.

Installed by migration 0002. Migration 0005 lets a signature, and its
countersignatures, be deleted once the signature is marked for removal
(``core.Removal``): how the retention schedule removes signatures past their time.
Status records stay, until migration 0006: they go with their organisation when it is
marked for removal, as it leaves the installation. See panelkeeper.lib.append_only for
how and when the triggers are lifted.
"""

from panelkeeper.lib.append_only import AppendOnly, RemovedWith

_TABLES = {
    "members_signature": "signatures cannot be changed or deleted; record a new signature",
    "members_countersignature": "countersignatures cannot be changed or deleted",
    "members_memberstatus": "status records cannot be changed; record a new status",
}
# Migration 0002, for the reverse of 0005.
FIRST = AppendOnly(_TABLES)
_SIGNATURES_REMOVABLE = {
    "members_signature": RemovedWith("members_signature", "OLD.id"),
    "members_countersignature": RemovedWith("members_signature", "OLD.signature_id"),
}
# Migration 0005, for the reverse of 0006.
TRIGGERS = AppendOnly(_TABLES, removed_with=_SIGNATURES_REMOVABLE)
# Migration 0006: a member's status records go with their organisation.
LEAVING = AppendOnly(
    _TABLES,
    removed_with={
        **_SIGNATURES_REMOVABLE,
        "members_memberstatus": RemovedWith(
            "organisations_organisation",
            "(SELECT grp.organisation_id FROM members_member AS mem "
            "JOIN organisations_group AS grp ON grp.id = mem.group_id "
            "WHERE mem.id = OLD.member_id)",
        ),
    },
)
install = LEAVING.install
uninstall = LEAVING.uninstall
