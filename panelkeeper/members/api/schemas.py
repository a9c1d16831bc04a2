"""Request and response bodies of the members API (see :mod:`.officer`).

An operation returns the record itself (a member, a signature, an eligibility answer);
the ``resolve_*`` methods read the values that are not plain attributes of it.
"""

import datetime as dt
from decimal import Decimal
from typing import ClassVar

from django.utils import timezone
from ninja import Schema

from panelkeeper.lib.api import FormFields, PageOut, fields_of
from panelkeeper.members import forms as f
from panelkeeper.members import support_forms as sf
from panelkeeper.members.eligibility import Eligibility, Hurdle
from panelkeeper.members.models import (
    Countersignature,
    DocumentVersion,
    Member,
    Signature,
    SignInState,
)
from panelkeeper.members.models.members import ContactBy, CustomerType, GroupRole, Status
from panelkeeper.members.models.support import Appraisal, Expense
from panelkeeper.organisations.api.staff_schemas import InvitationOut as StaffInvitationOut


class MemberIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.MemberForm)
    group_id: int | None = None
    full_name: str | None = None
    customer_type: CustomerType | None = None
    role: GroupRole | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    contact_by: ContactBy | None = None
    large_print: bool | None = None
    copy_to_advocate: bool | None = None
    share_contact_details: bool | None = None
    started_on: dt.date | None = None
    ended_on: dt.date | None = None


class MemberOut(Schema):
    id: int
    group_id: int
    full_name: str
    customer_type: CustomerType
    role: GroupRole
    email: str
    phone: str
    address: str
    contact_by: ContactBy
    large_print: bool
    copy_to_advocate: bool
    share_contact_details: bool
    started_on: dt.date
    ended_on: dt.date | None
    user_id: int | None
    advocate_id: int | None
    sign_in: SignInState
    invited_at: dt.datetime | None
    invitation_expires_at: dt.datetime | None

    @staticmethod
    def resolve_sign_in(member: Member) -> SignInState:
        _invitation_of(member)
        return member.sign_in(now=timezone.now())

    @staticmethod
    def resolve_invited_at(member: Member) -> dt.datetime | None:
        return _invitation_of(member)[0]

    @staticmethod
    def resolve_invitation_expires_at(member: Member) -> dt.datetime | None:
        return _invitation_of(member)[1]


def _invitation_of(member: Member) -> tuple[dt.datetime | None, dt.datetime | None]:
    """The member's latest open invitation, from the list's annotations or, for a member
    read alone, one query (kept on the member for the other fields)."""
    names = ("invited_at", "invitation_expires_at")
    if not hasattr(member, names[1]):
        Member.objects.invitation_of(member)
    invited, expires = (getattr(member, name) for name in names)
    return invited, expires


class MemberPageOut(PageOut):
    members: list[MemberOut]


class MemberInvitationOut(StaffInvitationOut):
    """A member's or an advocate's invitation: ``member_id`` is the record it is for."""

    member_id: int | None


class MemberInvitationPageOut(PageOut):
    invitations: list[MemberInvitationOut]


class ChosenMembersIn(Schema):
    member_ids: list[int]


class AdvocateInvitationIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.MemberForm, renamed={"email": "advocate_email"})
    email: str


class ContactSharingIn(Schema):
    """The member's own answer: may the other members see their contact details (CONF-7)."""

    share_contact_details: bool


class StatusIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.StatusForm)

    status: Status
    reason: str
    effective_from: dt.date


class StatusOut(StatusIn):
    id: int
    recorded_at: dt.datetime
    recorded_by_id: int | None


class ReasonOut(Schema):
    hurdle: Hurdle
    message: str
    document_key: str | None


class CheckOut(Schema):
    key: str
    title: str
    state: Hurdle | None
    """What still stands in the way; null once the document is complete."""
    current_label: str | None
    countersigned: bool
    needs_countersignature: bool


class EligibilityOut(Schema):
    member_id: int
    on: dt.date
    eligible: bool
    status: Status | None
    reasons: list[ReasonOut]
    documents: list[CheckOut]

    @staticmethod
    def resolve_member_id(answer: Eligibility) -> int:
        return answer.member.pk


class VersionIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.DocumentVersionForm)
    key: str
    label: str
    text: str
    published_on: dt.date
    citable_clauses: list[str] = []


class VersionOut(Schema):
    id: int
    key: str
    title: str
    label: str
    text: str
    text_hash: str
    published_on: dt.date
    citable_clauses: list[str]

    @staticmethod
    def resolve_key(version: DocumentVersion) -> str:
        return version.document.key

    @staticmethod
    def resolve_title(version: DocumentVersion) -> str:
        return version.document.title


class SignatureOut(Schema):
    id: int
    member_id: int
    version_id: int
    document_key: str
    version_label: str
    text_hash: str
    typed_name: str
    different_name: bool
    signed_on: dt.date
    method: Signature.Method
    acknowledged_consequences: bool
    corrects_id: int | None
    countersigned_by: str | None
    countersigned_on: dt.date | None

    @staticmethod
    def resolve_document_key(signature: Signature) -> str:
        return signature.version.document.key

    @staticmethod
    def resolve_version_label(signature: Signature) -> str:
        return signature.version.label

    @staticmethod
    def resolve_countersigned_by(signature: Signature) -> str | None:
        counter = _countersignature(signature)
        return counter.officer_name if counter else None

    @staticmethod
    def resolve_countersigned_on(signature: Signature) -> dt.date | None:
        counter = _countersignature(signature)
        return counter.countersigned_on if counter else None


def _countersignature(signature: Signature) -> Countersignature | None:
    """The signature's countersignature, read from a prefetch where there is one."""
    return next(iter(signature.countersignatures.all()), None)


class SignIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.SignForm)
    version_id: int
    read_and_understood: bool = False
    typed_name: str = ""
    acknowledged_consequences: bool = False
    # The member confirms they sign with a name other than the one on their record.
    different_name: bool = False
    text_hash: str | None = None


class CountersignIn(Schema):
    countersigned_on: dt.date | None = None


class AppraisalIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(sf.AppraisalForm)

    kind: Appraisal.AppraisalKind
    held_on: dt.date
    training_needs: str = ""
    training_given: str = ""
    notes: str = ""


class AppraisalOut(Schema):
    id: int
    kind: Appraisal.AppraisalKind
    held_on: dt.date
    training_needs: str
    training_given: str
    notes: str


class ExpenseIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(sf.ExpenseForm)

    kind: Expense.ExpenseKind
    activity: str
    activity_on: dt.date
    amount: str
    description: str = ""


class ExpenseOut(Schema):
    id: int
    member_id: int
    kind: Expense.ExpenseKind
    activity: str
    activity_on: dt.date
    amount: Decimal
    description: str
    state: Expense.ExpenseState
    refusal_reason: str
    paid_on: dt.date | None


class ExpenseDecisionIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(sf.ExpenseDecisionForm)

    state: Expense.ExpenseState
    reason: str = ""
    paid_on: dt.date | None = None


class ImportIn(Schema):
    """The CSV text; with ``dry_run`` only checked, never saved; with ``invite`` each
    member imported is invited to sign in (each row then needs its own email address)."""

    form_fields: ClassVar[FormFields] = fields_of(f.ImportForm, renamed={"csv": "file"})

    csv: str
    dry_run: bool = False
    invite: bool = False


class ImportOut(Schema):
    """The CSV passed: ``saved`` unless it was a dry run, with how many ``rows``."""

    saved: bool
    rows: int
    member_ids: list[int] = []
    invited: int = 0


class StatusPageOut(PageOut):
    statuses: list[StatusOut]


class VersionPageOut(PageOut):
    versions: list[VersionOut]


class SignaturePageOut(PageOut):
    signatures: list[SignatureOut]


class AppraisalPageOut(PageOut):
    appraisals: list[AppraisalOut]


class ExpensePageOut(PageOut):
    expenses: list[ExpenseOut]
