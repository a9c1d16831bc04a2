"""How long the access log and subject access requests are kept: two kinds of record
this app adds to the retention schedule (``retention.kinds.register``).

- A reading in the access log is kept two years: long enough for a person to ask who read
  their records and for misuse to be found and looked into, no longer than a record of
  staff's own work needs to be. It goes row by row, each marked in ``core.Removal`` first,
  the one deletion the log's triggers allow.
- A request answered (its pack released) is kept a year, with its pauses and its pack:
  time for the person to come back with a question or a complaint about the answer. A
  pack holds everything about the person, so it is not kept longer than that.

A legal hold on a member keeps the readings about them and their requests; a hold on a
case or a concern keeps the readings of it.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F, Q, QuerySet
from django.db.models.functions import TruncDate

from panelkeeper.organisations.models import Organisation
from panelkeeper.retention.kinds import Holds, Part, RecordKind
from panelkeeper.retention.removal import mark
from panelkeeper.subject_access.models import (
    Pack,
    Pause,
    ReaderRole,
    RecordView,
    SubjectAccessRequest,
)
from panelkeeper.subject_access.models import (
    RecordKind as ReadKind,
)

ACCESS_LOG = "access_log"
REQUESTS = "subject_access_requests"


def _readings(organisation: Organisation, holds: Holds) -> QuerySet[RecordView]:
    held = (
        Q(member__in=holds.members)
        | Q(kind=ReadKind.CASE, record_id__in=holds.cases)
        | Q(kind=ReadKind.CONCERN, record_id__in=holds.concerns)
    )
    return (
        RecordView.objects.filter(organisation=organisation)
        .exclude(held)
        .annotate(counted_from=TruncDate("viewed_at"))
    )


def _reading_words(view: RecordView) -> str:
    return f"{ReadKind(view.kind).label} {view.record_id} read by {ReaderRole(view.role).label}"


def remove_reading(view: RecordView) -> None:
    """Mark the reading, so the access log's triggers let it go, then delete it."""
    mark("subject_access_recordview", view.pk)
    RecordView.objects.filter(pk=view.pk).delete()


def _answered(organisation: Organisation, holds: Holds) -> QuerySet[SubjectAccessRequest]:
    return (
        SubjectAccessRequest.objects.filter(
            organisation=organisation, pack__released_on__isnull=False
        )
        .exclude(holds.covering_member())
        .annotate(counted_from=F("pack__released_on"))
    )


def remove_request(request: SubjectAccessRequest) -> None:
    """A request answered, with its pauses and its pack."""
    Pause.objects.filter(request=request).delete()
    Pack.objects.filter(request=request).delete()
    request.delete()


def _request_words(request: Any) -> str:
    return f"Subject access request {request.reference}"


KINDS = (
    RecordKind(
        ACCESS_LOG,
        "Who read a confidential record (the access log)",
        "the day it was read",
        "The entry saying who read the record, and when, goes.",
        24,
        (Part(_readings, _reading_words, remove_reading),),
    ),
    RecordKind(
        REQUESTS,
        "Subject access requests that were answered, with their packs",
        "the day the pack was released",
        "The request, its pauses and extension, and the pack sent go.",
        12,
        (Part(_answered, _request_words, remove_request),),
    ),
)
