"""The members app's models, split by subject; import them from here."""

from panelkeeper.members.models.documents import (
    Countersignature,
    Document,
    DocumentVersion,
    Signature,
    text_hash,
)
from panelkeeper.members.models.members import (
    ContactBy,
    CustomerType,
    GroupRole,
    Member,
    MemberQuerySet,
    MemberStatus,
    Status,
)

__all__ = [
    "ContactBy",
    "Countersignature",
    "CustomerType",
    "Document",
    "DocumentVersion",
    "GroupRole",
    "Member",
    "MemberQuerySet",
    "MemberStatus",
    "Signature",
    "Status",
    "text_hash",
]
