"""Who read what: each reading of a confidential record by staff or by someone with a
part in a case is written to the access log, and the log is read back for the
organisation's data protection lead and for a person's subject access pack.

``record_read`` is told of every reading by ``lib.confidential``, after the view's
access decorator has decided who the reader is; the member reading their own record
(or their advocate) is not staff, and is not logged.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet, Subquery
from django.http import HttpRequest
from django.utils import timezone

from panelkeeper.accounts.models import Grant
from panelkeeper.cases.models import Case
from panelkeeper.concerns.models import Concern
from panelkeeper.letters.models import Letter
from panelkeeper.organisations.models import Organisation
from panelkeeper.subject_access.models import ReaderRole, RecordKind, RecordView

# A person with a part in a case reads it as their part; the subject reads their own.
_CASE_PARTS = (
    ("investigator", ReaderRole.INVESTIGATOR),
    ("handler", ReaderRole.HANDLER),
    ("appeal_officer", ReaderRole.APPEAL_OFFICER),
)


def _reader(request: HttpRequest) -> tuple[Organisation, ReaderRole] | None:
    roles = getattr(request, "roles", None)
    organisation = getattr(request, "organisation", None)
    if roles is not None and organisation is not None:
        role = ReaderRole.OFFICER if Grant.Role.OFFICER in roles else ReaderRole.AUDITOR
        return organisation, role
    case: Any = getattr(request, "case", None)
    parts: frozenset[str] = getattr(request, "case_roles", frozenset())
    for part, role in _CASE_PARTS:
        if case is not None and part in parts:
            return case.organisation, role
    return None


def _member_of(kind: str, record_id: int) -> Any:
    """The id of the member the record is about, where there is one: for a record other
    than a member's own, looked up within the access log's own insert."""
    if kind == RecordKind.MEMBER:
        return record_id
    about: QuerySet[Any, Any]
    if kind == RecordKind.CASE:
        about = Case.objects.filter(pk=record_id).values("member_id")
    elif kind == RecordKind.LETTER:
        about = Letter.objects.filter(pk=record_id).values("member_id")
    else:
        about = Concern.objects.filter(pk=record_id).values("case__member_id")
    return Subquery(about.order_by()[:1])


def record_read(request: HttpRequest, kind: str, record_id: int) -> None:
    """Log that the signed-in user read the record of ``kind`` with ``record_id``."""
    reader = _reader(request)
    if reader is None or not request.user.is_authenticated:
        return
    organisation, role = reader
    RecordView.objects.create(
        organisation=organisation,
        reader=request.user,
        role=role,
        kind=RecordKind(kind),
        record_id=record_id,
        member_id=_member_of(kind, record_id),
        viewed_at=timezone.now(),
    )


def log_of(organisation: Organisation) -> Any:
    """The organisation's access log, newest first, with the readers and members."""
    return RecordView.objects.filter(organisation=organisation).select_related("reader", "member")


def readings_about(member_id: int) -> Any:
    """Every reading of a record about the member, oldest first."""
    return RecordView.objects.filter(member_id=member_id).order_by("viewed_at", "id")
