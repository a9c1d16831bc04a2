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
    SignInState,
    Status,
)
from panelkeeper.members.models.support import Appraisal, Expense

__all__ = [
    "Appraisal",
    "ContactBy",
    "Countersignature",
    "CustomerType",
    "Document",
    "DocumentVersion",
    "Expense",
    "GroupRole",
    "Member",
    "MemberQuerySet",
    "MemberStatus",
    "SignInState",
    "Signature",
    "Status",
    "text_hash",
]
