"""Issuing a letter: fill the wording, render it once, keep the bytes, send it.

``issue_*`` functions are the only way a letter is made (STYLE 7). Each renders the
PDF once, stores the exact bytes with their SHA-256, dispatches it to every recipient
(the member by their preferred channel, the advocate a copy where the member asked),
and, for an outcome letter, records the notice on the case through the cases app's
``record_notice``, all in one transaction. Emails go to the outbox in that transaction
and leave once it commits: if any step fails, nothing is kept and nothing is sent.
A correction is a new letter that names the one it corrects; issued letters never
change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict, Unpack

from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import create_recorded
from panelkeeper.letters.case_letters import case_letter_values, outcome_kind
from panelkeeper.letters.dispatch import dispatch_letter
from panelkeeper.letters.facts import long_date, party_appeal_values, party_outcome_values
from panelkeeper.letters.kinds import CASE_KINDS, FOR_OTHERS, LetterKind
from panelkeeper.letters.letterhead import letterhead_of
from panelkeeper.letters.models import Channel, Letter, Recipient
from panelkeeper.letters.others import Other, member_route, others_to_tell
from panelkeeper.letters.rendering import render_letter
from panelkeeper.letters.signatories import signatory_for
from panelkeeper.letters.wording import wording_for
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import Member

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.cases.models import Case
    from panelkeeper.members.models import DocumentVersion
    from panelkeeper.registers.models import Gift

__all__ = [
    "channel_for",
    "common_values",
    "issue_case_letter",
    "issue_gift_letter",
    "issue_letter",
    "issue_resign_request",
    "party_values",
    "tell_others",
]


def channel_for(member: Member) -> str:
    """The member's channel: email where they chose it and have an address, else post."""
    channel, _ = member_route(member)
    if not channel:
        raise Refused(
            f"Add an email address or a postal address for {member.full_name} "
            "before sending a letter",
            field="member",
        )
    return channel


def common_values(member: Member, *, on: dt.date, contact: str = "") -> dict[str, str]:
    organisation = member.group.organisation
    return {
        "member_name": member.full_name,
        "organisation_name": organisation.name,
        "group_name": member.group.name,
        "letter_date": long_date(on),
        "contact": contact or f"the team at {organisation.name}",
    }


@dataclass(frozen=True)
class Addressee:
    """Whom a letter goes to, by which channel, and where: an email address, a postal
    address (printed in the envelope's window), or nothing for a letter handed over."""

    recipient: Recipient
    name: str
    channel: str
    address: str
    large_print: bool

    @property
    def window(self) -> str:
        """The postal address under the name in the letter's window, for a posted letter."""
        return self.address if self.channel == Channel.POST else ""


def addressee(member: Member, *, channel: str | None, other: Other | None = None) -> Addressee:
    """The member by ``channel`` (their own choice when None), or ``other`` by theirs."""
    if other is not None:
        return Addressee(
            other.recipient, other.name, other.channel, other.address, other.large_print
        )
    channel = channel or channel_for(member)
    address = member.email if channel == Channel.EMAIL else member.address.strip()
    return Addressee(
        Recipient.MEMBER,
        member.full_name,
        channel,
        "" if channel == Channel.HAND else address,
        member.large_print,
    )


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
    channel: str | None = None,
    other: Other | None = None,
    tells_of: Letter | None = None,
) -> Letter:
    """Render, keep and send one letter of ``kind`` about ``member`` with ``values``.

    It goes to the member by ``channel`` (their own choice when ``None``; ``"hand"`` when
    an officer gives it to them in person), or, with ``other``, to that other person
    the code says is told of the member's letter ``tells_of``.
    """
    organisation = member.group.organisation
    to = addressee(member, channel=channel, other=other)
    channel, to_name, to_address = to.channel, to.name, to.address
    large_print, recipient = to.large_print, to.recipient
    rendered = render_letter(
        wording_for(organisation, kind),
        values,
        to_name=to_name,
        to_address=to.window,
        large_print=large_print,
        letterhead=letterhead_of(organisation),
        signatory=signatory_for(organisation, kind, on=today, case=case),
    )
    if corrects is not None and corrects.member_id != member.pk:
        raise Refused("A correction goes to the member the first letter went to")
    with transaction.atomic():
        letter = create_recorded(
            Letter,
            organisation=organisation,
            actor=actor,
            action="letter.issued",
            logged={
                "kind": kind,
                "member": member,
                "case": case,
                "channel": channel,
                "addressed_to": recipient,
                "sha256": rendered.sha256,
                "corrects": corrects,
            },
            gift=gift,
            document_version=document_version,
            subject=rendered.subject,
            text=rendered.text,
            html=rendered.html,
            pdf=rendered.pdf,
            large_print=large_print,
            tagged=True,
            issued_on=today,
            issued_at=timezone.now(),
            issued_by=actor,
            to_name=to_name[:200],
            party=other.party if other else None,
            seat=other.seat if other else None,
            tells_of=tells_of,
        )
        dispatch_letter(letter, actor=actor, to_address=to_address)
    return letter


class Chosen(TypedDict, total=False):
    """What an officer chooses for a letter about a case, besides which letter it is."""

    channel: str | None
    reasons: str
    actions: str
    review_on: dt.date | None


def case_letter_inputs(
    case: Case, kind: str | None, *, today: dt.date, **chosen: Unpack[Chosen]
) -> tuple[str, str, dict[str, str]]:
    """The kind, channel and values of a letter about ``case`` sent ``today``, as
    :func:`issue_case_letter` takes them; refuses a kind or channel it cannot send."""
    channel = chosen.get("channel")
    kind = kind or outcome_kind(case, on=today)
    if kind not in CASE_KINDS:
        raise Refused("Choose a letter about a case", field="kind")
    if channel not in (None, Channel.HAND):
        raise Refused("Choose how the letter goes: as the member prefers, or by hand")
    channel = channel or channel_for(case.member)
    values = common_values(case.member, on=today)
    values |= case_letter_values(
        case,
        kind,
        send_on=today,
        channel=channel,
        reasons=chosen.get("reasons", ""),
        actions=chosen.get("actions", ""),
        review_on=chosen.get("review_on"),
    )
    return kind, channel, values


def issue_case_letter(
    *,
    case: Case,
    kind: str | None,
    actor: User | None,
    today: dt.date | None = None,
    corrects: Letter | None = None,
    **chosen: Unpack[Chosen],
) -> Letter:
    """A letter about ``case``; ``kind`` None means the outcome letter its outcome needs.

    ``channel`` is the member's own choice when ``None``, or ``"hand"``. Where the code
    says others are told too (BR-11, BR-12), each of them who can be reached is sent a
    letter of their own in the same transaction (:func:`tell_others`).
    """
    today = today or timezone.localdate()
    kind, channel, values = case_letter_inputs(case, kind, today=today, **chosen)
    member = case.member
    with transaction.atomic():
        letter = issue_letter(
            member=member,
            kind=kind,
            values=values,
            actor=actor,
            today=today,
            case=case,
            corrects=corrects,
            channel=channel,
        )
        tell_others(letter, actor=actor, today=today)
    return letter


def party_values(case: Case, member_kind: str, *, sent_on: dt.date, channel: str) -> dict[str, str]:
    """What others told of the member's ``member_kind`` letter, sent on ``sent_on`` by
    ``channel``, read about the case: the case, and the outcome or the appeal decision."""
    about = case_letter_values(case, member_kind, send_on=sent_on, channel=channel)
    if FOR_OTHERS[LetterKind(member_kind)] == LetterKind.OUTCOME_FOR_PARTY:
        told = party_outcome_values(about, case.member.full_name)
    else:
        told = party_appeal_values(about)
    return told | {"reference": about["reference"], "began_on": about["began_on"]}


def tell_others(letter: Letter, *, actor: User | None, today: dt.date) -> list[Letter]:
    """Send each person the code says is told of ``letter`` (BR-11, BR-12) a letter of
    their own, unless they already have one or cannot be reached. A correction goes to
    the member alone. Returns the letters sent now."""
    case = letter.case
    if case is None or letter.kind not in FOR_OTHERS or letter.corrects_id is not None:
        return []
    if letter.addressed_to != Recipient.MEMBER:
        raise Refused("Only a letter to the member is told to others")
    told = set(letter.told_to_others.values_list("party_id", "seat_id"))
    waiting = [
        other
        for other in others_to_tell(case, letter.kind)
        if other.reachable and other.key not in told
    ]
    if not waiting:
        return []
    member = case.member
    base = party_values(case, letter.kind, sent_on=letter.issued_on, channel=letter.channel)
    common = common_values(member, on=today) | base
    sent = []
    with transaction.atomic():
        for other in waiting:
            values = common | {"recipient_name": other.name, "your_part": other.your_part}
            sent.append(
                issue_letter(
                    member=member,
                    kind=FOR_OTHERS[LetterKind(letter.kind)],
                    values=values,
                    actor=actor,
                    today=today,
                    case=case,
                    other=other,
                    tells_of=letter,
                )
            )
    return sent


def issue_gift_letter(*, gift: Gift, actor: User | None, today: dt.date | None = None) -> Letter:
    """The result of a gift's discussion, once it is recorded (GIFT-2)."""
    today = today or timezone.localdate()
    if not gift.outcome:
        raise Refused("Record what happens to the gift before writing to the member")
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
