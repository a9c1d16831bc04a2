"""Request and response bodies of the members API (see :mod:`.officer`).

An operation returns the record itself where each field is a plain attribute of it (a
status, an expense); a member, a signature, a document version and an eligibility answer
are given by :mod:`.common`'s ``*_out`` functions, with the values worked out that are
not.
"""

import datetime as dt
from decimal import Decimal
from typing import ClassVar

from ninja import Schema

from panelkeeper.lib.api import FormFields, Out, PageOut, fields_of
from panelkeeper.members import forms as f
from panelkeeper.members import support_forms as sf
from panelkeeper.members.eligibility import Hurdle
from panelkeeper.members.models import Signature, SignInState
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


class MemberOut(Out):
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


class StatusOut(Out):
    status: Status
    reason: str
    effective_from: dt.date
    id: int
    recorded_at: dt.datetime
    recorded_by_id: int | None


class ReasonOut(Out):
    hurdle: Hurdle
    message: str
    document_key: str | None


class CheckOut(Out):
    key: str
    title: str
    state: Hurdle | None
    """What still stands in the way; null once the document is complete."""
    current_label: str | None
    countersigned: bool
    needs_countersignature: bool


class EligibilityOut(Out):
    member_id: int
    on: dt.date
    eligible: bool
    status: Status | None
    reasons: list[ReasonOut]
    documents: list[CheckOut]


class VersionIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.DocumentVersionForm)
    key: str
    label: str
    text: str
    published_on: dt.date
    citable_clauses: list[str] = []


class VersionOut(Out):
    id: int
    key: str
    title: str
    label: str
    text: str
    text_hash: str
    published_on: dt.date
    citable_clauses: list[str]


class SignatureOut(Out):
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


class AppraisalOut(Out):
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


class ExpenseOut(Out):
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


class ImportOut(Out):
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
