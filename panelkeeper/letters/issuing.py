"""Issuing a letter: fill the wording, render it once, keep the bytes, send it.

``issue_*`` functions are the only way a letter is made (STYLE 7). Each renders the
PDF once, stores the exact bytes with their SHA-256, dispatches it to every recipient
(the member by their preferred channel, the advocate a copy where the member asked),
and, for an outcome letter, records the notice on the case through the cases app's
``record_notice``, all in one transaction: if sending fails nothing is kept.
A correction is a new letter that names the one it corrects; issued letters never
change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import record
from panelkeeper.letters.case_letters import LetterRefused, case_letter_values, outcome_kind
from panelkeeper.letters.dispatch import dispatch_letter
from panelkeeper.letters.facts import long_date
from panelkeeper.letters.kinds import CASE_KINDS, LetterKind
from panelkeeper.letters.models import Channel, Letter
from panelkeeper.letters.rendering import render_letter
from panelkeeper.letters.wording import wording_for
from panelkeeper.members.models import ContactBy, Member

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.cases.models import Case
    from panelkeeper.members.models import DocumentVersion
    from panelkeeper.registers.models import Gift

__all__ = [
    "LetterRefused",
    "channel_for",
    "common_values",
    "issue_case_letter",
    "issue_gift_letter",
    "issue_letter",
    "issue_resign_request",
]


def channel_for(member: Member) -> str:
    """The member's channel: email where they chose it and have an address, else post."""
    if member.contact_by == ContactBy.EMAIL and member.email:
        return Channel.EMAIL
    if member.address.strip():
        return Channel.POST
    if member.email:
        return Channel.EMAIL
    raise LetterRefused(
        f"Add an email address or a postal address for {member.full_name} before sending a letter",
        field="member",
    )


def common_values(member: Member, *, on: dt.date, contact: str = "") -> dict[str, str]:
    organisation = member.group.organisation
    return {
        "member_name": member.full_name,
        "organisation_name": organisation.name,
        "group_name": member.group.name,
        "letter_date": long_date(on),
        "contact": contact or f"the team at {organisation.name}",
    }


def issue_letter(
    *,
    member: Member,
    kind: str,
    values: Mapping[str, str],
    actor: User | None,
    today: dt.date,
    case: Case | None = None,
    gift: Gift | None = None,
    document_version: DocumentVersion | None = None,
    corrects: Letter | None = None,
) -> Letter:
    """Render, keep and send one letter of ``kind`` to ``member`` with ``values``."""
    organisation = member.group.organisation
    channel = channel_for(member)
    to_address = member.email if channel == Channel.EMAIL else member.address.strip()
    rendered = render_letter(
        wording_for(organisation, kind),
        values,
        to_name=member.full_name,
        to_address="" if channel == Channel.EMAIL else to_address,
        large_print=member.large_print,
        tagged=True,
    )
    if corrects is not None and corrects.member_id != member.pk:
        raise LetterRefused("A correction goes to the member the first letter went to")
    with transaction.atomic():
        letter = Letter.objects.create(
            organisation=organisation,
            member=member,
            case=case,
            gift=gift,
            document_version=document_version,
            kind=kind,
            subject=rendered.subject,
            text=rendered.text,
            html=rendered.html,
            pdf=rendered.pdf,
            sha256=rendered.sha256,
            large_print=member.large_print,
            tagged=True,
            channel=channel,
            issued_on=today,
            issued_at=timezone.now(),
            issued_by=actor,
            corrects=corrects,
        )
        record(
            actor=actor,
            organisation=organisation,
            action="letter.issued",
            obj=letter,
            fields=["kind", "member", "case", "channel", "sha256", "corrects"],
        )
        dispatch_letter(letter, actor=actor)
    return letter


def issue_case_letter(
    *,
    case: Case,
    kind: str | None,
    actor: User | None,
    today: dt.date | None = None,
    reasons: str = "",
    actions: str = "",
    review_on: dt.date | None = None,
    corrects: Letter | None = None,
) -> Letter:
    """A letter about ``case``; ``kind`` None means the outcome letter its outcome needs."""
    today = today or timezone.localdate()
    kind = kind or outcome_kind(case, on=today)
    if kind not in CASE_KINDS:
        raise LetterRefused("Choose a letter about a case", field="kind")
    member = case.member
    channel = channel_for(member)
    values = common_values(member, on=today)
    values |= case_letter_values(
        case,
        kind,
        send_on=today,
        channel=channel,
        reasons=reasons,
        actions=actions,
        review_on=review_on,
    )
    return issue_letter(
        member=member,
        kind=kind,
        values=values,
        actor=actor,
        today=today,
        case=case,
        corrects=corrects,
    )


def issue_gift_letter(*, gift: Gift, actor: User | None, today: dt.date | None = None) -> Letter:
    """The result of a gift's discussion, once it is recorded (GIFT-2)."""
    today = today or timezone.localdate()
    if not gift.outcome:
        raise LetterRefused("Record what happens to the gift before writing to the member")
    values = common_values(gift.member, on=today, contact=gift.reported_to_title)
    values |= {
        "gift": gift.description,
        "given_on": long_date(gift.given_on),
        "gift_result": gift.get_outcome_display().lower(),
        "gift_note": gift.outcome_note.strip(),
        "decided_on": long_date(gift.decided_on),
    }
    return issue_letter(
        member=gift.member,
        kind=LetterKind.GIFT_RESULT,
        values=values,
        actor=actor,
        today=today,
        gift=gift,
    )


def issue_resign_request(
    *,
    member: Member,
    version: DocumentVersion,
    signed_label: str,
    actor: User | None,
    today: dt.date | None = None,
) -> Letter:
    """Ask a member to sign the new version of a document (MEM-6)."""
    today = today or timezone.localdate()
    values = common_values(member, on=today)
    values |= {
        "document": version.document.title,
        "signed_version": signed_label,
        "new_version": version.label,
    }
    return issue_letter(
        member=member,
        kind=LetterKind.RESIGN_REQUEST,
        values=values,
        actor=actor,
        today=today,
        document_version=version,
    )
