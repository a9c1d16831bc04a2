"""Letters waiting to be sent: outcomes not yet confirmed in writing (BR-11), gifts whose
result the member has not been told (GIFT-2), and members asked to re-sign (MEM-6).

Each list is a bounded number of queries, whatever the number of records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from panelkeeper.cases.models import Case, CaseEvent, CaseState
from panelkeeper.letters.kinds import LetterKind
from panelkeeper.letters.models import Letter
from panelkeeper.members.documents import must_resign
from panelkeeper.members.models import DocumentVersion, Member
from panelkeeper.organisations.models import Organisation
from panelkeeper.registers.models import Gift, GiftStatus


@dataclass(frozen=True)
class Resign:
    member: Member
    title: str
    signed_label: str
    version: DocumentVersion


def outcomes_to_send(organisation: Organisation) -> list[Case]:
    """Decided cases with no written notice recorded yet (BR-11)."""
    notified = CaseEvent.objects.filter(case=OuterRef("pk"), kind="notice_sent")
    return list(
        Case.objects.filter(organisation=organisation, state=CaseState.DECIDED)
        .exclude(Exists(notified))
        .select_related("member")
    )


def gifts_to_send(organisation: Organisation) -> list[Gift]:
    """Decided gifts whose result no letter has told the member (GIFT-2)."""
    told = Letter.objects.filter(gift=OuterRef("pk"))
    return list(
        Gift.objects.filter(organisation=organisation, status=GiftStatus.DECIDED)
        .exclude(Exists(told))
        .select_related("member")
    )


def resign_to_send(organisation: Organisation, *, on: dt.date) -> list[Resign]:
    """Members with an outdated signature not yet asked, by letter, to sign the new version."""
    waiting = must_resign(organisation, on=on)
    labels = {(w.title, w.current_label) for w in waiting}
    versions: dict[tuple[str, str | None], DocumentVersion] = {
        (v.document.title, v.label): v
        for v in DocumentVersion.objects.filter(document__organisation=organisation).select_related(
            "document"
        )
        if (v.document.title, v.label) in labels
    }
    asked = set(
        Letter.objects.filter(
            organisation=organisation, kind=LetterKind.RESIGN_REQUEST
        ).values_list("member_id", "document_version_id")
    )
    found = []
    for w in waiting:
        version = versions.get((w.title, w.current_label))
        if version is not None and (w.member.pk, version.pk) not in asked:
            found.append(Resign(w.member, w.title, w.signed_label, version))
    return found
