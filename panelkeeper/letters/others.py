"""Others the code says are told in writing: whoever raised the breach, and its investigators.

Most codes send the outcome and the appeal decision to the member alone; insight's sends
both to every party (BR-11, BR-12), which its preset lists as ``outcome_also_to`` and
``decision_also_to``. Each person named gets a letter of their own, by a channel their
own record gives: a member by their preference, a user (staff) by email, and a person
known by name only at the contact they agreed to be written to. Nobody else is written
to, and a person who cannot be reached is shown with the reason, never skipped quietly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from panelkeeper.cases.models import Case, CaseParty, PartyRole, Seat
from panelkeeper.cases.procedure import ladder_of, policy_of
from panelkeeper.letters.kinds import FOR_OTHERS, LetterKind
from panelkeeper.letters.models import Channel, Recipient
from panelkeeper.lib.contacts import letter_contact
from panelkeeper.members.models import ContactBy, Member
from panelkeeper.rules.ladder import Party
from panelkeeper.rules.ladder.case import CaseKind

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


@dataclass(frozen=True)
class Other:
    """One person besides the member who is to be told, and how (``channel`` "" if not)."""

    recipient: Recipient
    name: str
    your_part: str
    party: CaseParty | None = None
    seat: Seat | None = None
    channel: str = ""
    address: str = ""
    large_print: bool = False
    why_not: str = ""

    @property
    def reachable(self) -> bool:
        return bool(self.channel)

    @property
    def key(self) -> tuple[int | None, int | None]:
        """The (party, seat) ids a letter to this person carries."""
        return (
            self.party.pk if self.party is not None else None,
            self.seat.pk if self.seat is not None else None,
        )


def parties_named(case: Case, kind: str) -> tuple[Party, ...]:
    """Who besides the member the code says is sent a ``kind`` letter about ``case``."""
    if LetterKind(kind) not in FOR_OTHERS or case.kind != CaseKind.BREACH:
        return ()  # an exclusion after missed meetings has nobody else to tell
    ladder = ladder_of(policy_of(case.policy_version))
    if kind == LetterKind.APPEAL_DECIDED:
        return ladder.appeal.decision_also_to if ladder.appeal is not None else ()
    return ladder.outcome_also_to


def member_route(member: Member) -> tuple[str, str]:
    """A member's channel and address: email where they chose it, else post, else any email;
    ``("", "")`` when their record has neither."""
    if member.contact_by == ContactBy.EMAIL and member.email:
        return Channel.EMAIL, member.email
    if member.address.strip():
        return Channel.POST, member.address.strip()
    if member.email:
        return Channel.EMAIL, member.email
    return "", ""


def _by_record(
    recipient: Recipient,
    name: str,
    part: str,
    *,
    member: Member | None,
    user: User | None,
    party: CaseParty | None = None,
    seat: Seat | None = None,
) -> Other:
    """A member by their own channel, or a user (staff) by their sign-in's email."""
    if member is not None:
        channel, address = member_route(member)
        why = "" if channel else "their member record has no email or postal address"
        large_print = member.large_print
    else:
        assert user is not None
        channel, address = (Channel.EMAIL, user.email) if user.email else ("", "")
        why = "" if channel else "their sign-in has no email address"
        large_print = False
    return Other(
        recipient, name, part, party=party, seat=seat, channel=channel, address=address,
        large_print=large_print, why_not=why,
    )  # fmt: skip


def _reporter(party: CaseParty) -> Other:
    part = "you raised the concern that began this case"
    if party.member is not None or party.user is not None:
        return _by_record(
            Recipient.REPORTER, party.display_name, part,
            member=party.member, user=party.user, party=party,
        )  # fmt: skip
    contact = letter_contact(party.contact) if party.agreed_to_letters else None
    if contact is None:
        why = (
            "they have not agreed to be written to at an email or postal address"
            if not party.agreed_to_letters
            else "their contact is not an email or postal address"
        )
        return Other(Recipient.REPORTER, party.display_name, part, party=party, why_not=why)
    return Other(
        Recipient.REPORTER, party.display_name, part, party=party,
        channel=contact.channel, address=contact.address,
    )  # fmt: skip


def _investigator(seat: Seat) -> Other:
    return _by_record(
        Recipient.INVESTIGATOR, seat.person_name, "you sat on the group that investigated it",
        member=seat.member, user=seat.user, seat=seat,
    )  # fmt: skip


def others_to_tell(case: Case, kind: str) -> list[Other]:
    """Everyone besides the member the code says is sent a ``kind`` letter, once each."""
    named = parties_named(case, kind)
    found: list[Other] = []
    if Party.REPORTER in named:
        reporters = (
            case.parties.current().filter(role=PartyRole.REPORTER).select_related("member", "user")
        )
        found += [_reporter(party) for party in reporters]
    if Party.INVESTIGATORS in named:
        seen: set[tuple[int | None, int | None]] = set()
        for seat in case.seats.current().select_related("member", "user"):
            person = (seat.member_id, seat.user_id)
            if person not in seen:
                seen.add(person)
                found.append(_investigator(seat))
    return found
