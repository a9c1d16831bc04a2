"""Erasure on request: a person's records anonymised, where the law allows it.

A member's record stays, under a number, so the meetings they sat in and other
people's cases that name them keep working; what identifies them goes (the same
anonymisation the schedule applies to a member long gone), with their signatures,
letters, declarations and claims; their name goes wherever someone wrote it (what the
steps of cases say, case descriptions, concerns and their notes, emails), and the emails
sent to them lose the address and attachments. Erasure is refused, with the reason, while
a record must stay: a case about them still open, a legal hold, a membership not yet
ended, or an email to them not yet sent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from panelkeeper.audit.log import record
from panelkeeper.cases.models import Case
from panelkeeper.letters.models import Letter
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import Expense, Signature
from panelkeeper.registers.models import Gift, Interest
from panelkeeper.retention import removal
from panelkeeper.retention.free_text import WAITING, emails_to
from panelkeeper.retention.holds import holds_in

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.members.models import Member
    from panelkeeper.organisations.models import Organisation


def reasons_to_keep(member: Member, organisation: Organisation) -> list[str]:
    """Why this member's records must stay for now, in words; empty if they may go."""
    reasons = []
    if removal.is_anonymised(member):
        reasons.append("This record has already been anonymised.")
    if member.ended_on is None:
        reasons.append(
            "Their membership has not ended. End it first: the record is needed while they serve."
        )
    open_cases = Case.objects.filter(member=member).open()
    for case in open_cases:
        reasons.append(f"Case {case.reference} about them is still open.")
    holds = holds_in(organisation)
    held_cases = Case.objects.filter(member=member, pk__in=holds.cases)
    if member.pk in holds.members:
        reasons.append("They are under a legal hold.")
    for case in held_cases:
        reasons.append(f"Case {case.reference} about them is under a legal hold.")
    addresses = [member.email] + ([member.user.email] if member.user else [])
    if emails_to(organisation, addresses).filter(status__in=WAITING).exists():
        reasons.append("An email to them is still waiting to be sent.")
    return reasons


def erase_member(*, member: Member, organisation: Organisation, actor: User) -> None:
    """Anonymise ``member`` and remove their own records, or refuse with every reason."""
    with transaction.atomic():
        reasons = reasons_to_keep(member, organisation)
        if reasons:
            raise Refused(" ".join(reasons), rule="erasure", field="member")
        record(
            actor=actor, organisation=organisation, action="member.erased", obj=member, fields=[]
        )
        own_letters = Letter.objects.filter(member=member, case__isnull=True, gift__isnull=True)
        removal.remove_letters(list(own_letters))
        for signature in Signature.objects.filter(member=member, corrects__isnull=True):
            removal.remove_signature(signature)
        for gift in Gift.objects.filter(member=member):
            removal.remove_gift(gift)
        Interest.objects.filter(member=member).delete()
        Expense.objects.filter(member=member).delete()
        removal.anonymise_member(member, actor=actor, action="member.erased")
