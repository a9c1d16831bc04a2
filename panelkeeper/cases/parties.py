"""The people a case involves besides its subject (Interpretation 11): added with how
they are involved, written to where the code says (BR-11), and taken off the case when
added by mistake, keeping the record of it.

Who among them may not sit on the investigating group is decided in
:mod:`panelkeeper.cases.seats`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import record
from panelkeeper.cases.models import Case, CaseParty, PartyRole
from panelkeeper.cases.procedure import CaseRefused
from panelkeeper.cases.write import dates, reason_given
from panelkeeper.lib.contacts import letter_contact
from panelkeeper.members.models import Member

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def add_party(
    *,
    case: Case,
    role: PartyRole | str,
    actor: User | None,
    member: Member | None = None,
    user: User | None = None,
    name: str = "",
    contact: str = "",
    agreed_to_letters: bool = False,
    effective: dt.date | None = None,
    today: dt.date | None = None,
) -> CaseParty:
    """Record someone the case involves: its reporter, a witness, whoever gave guidance in the
    matter, or someone implicated (Interpretation 11). A member, a user or a name.

    A person known by name only may give ``contact`` details and agree to be written to
    there, where the code says they are told the outcome (BR-11); a member or a user is
    written to at the details their own record holds.
    """
    if role not in PartyRole.values:
        raise CaseRefused("Interpretation 11", "Select how they are involved.", field="role")
    name = " ".join(name.split())
    if member is None and user is None and not name:
        raise CaseRefused("Interpretation 11", "Choose a person or enter a name.", field="name")
    if member is not None and member.group.organisation_id != case.organisation_id:
        raise CaseRefused(
            "Interpretation 11", "Choose a member of this organisation.", field="member"
        )
    contact, agreed_to_letters = _checked_contact(member, user, contact, agreed_to_letters)
    when, _ = dates(effective, today)
    with transaction.atomic():
        party = CaseParty.objects.create(
            case=case,
            role=role,
            member=member,
            user=user,
            name=name[:200],
            contact=contact,
            agreed_to_letters=agreed_to_letters,
            added_on=when,
            recorded_at=timezone.now(),
        )
        record(
            actor=actor,
            organisation=case.organisation,
            action="case_party.added",
            obj=party,
            fields=["role", "member", "user", "name", "contact", "agreed_to_letters"],
        )
    return party


def _checked_contact(
    member: Member | None, user: User | None, contact: str, agreed: bool
) -> tuple[str, bool]:
    """Contact details kept only for a name-only person, and only ones a letter can use."""
    contact = contact.strip()
    if member is not None or user is not None:
        if contact:
            raise CaseRefused(
                "BR-11",
                "Letters to a member or a user go to the details on their own record: "
                "leave the contact empty.",
                field="contact",
            )
        return "", False
    if agreed and not contact:
        raise CaseRefused(
            "BR-11", "Enter the email or postal address they agreed to.", field="contact"
        )
    if contact and letter_contact(contact) is None:
        raise CaseRefused(
            "BR-11",
            "Enter an email address, or a postal address with its postcode.",
            field="contact",
        )
    return contact[:300], agreed and bool(contact)


def set_party_contact(
    *, party: CaseParty, contact: str, agreed_to_letters: bool, actor: User | None
) -> CaseParty:
    """Record (or change) where a person known by name only agreed to be written to."""
    if party.member_id is not None or party.user_id is not None:
        raise CaseRefused(
            "BR-11",
            "Letters to a member or a user go to the details on their own record.",
            field="contact",
        )
    contact, agreed = _checked_contact(None, None, contact, agreed_to_letters)
    with transaction.atomic():
        party.contact, party.agreed_to_letters = contact, agreed
        party.save(update_fields=["contact", "agreed_to_letters"])
        record(
            actor=actor,
            organisation=party.case.organisation,
            action="case_party.contact_changed",
            obj=party,
            fields=["contact", "agreed_to_letters"],
        )
    return party


def remove_party(
    *,
    party: CaseParty,
    reason: str,
    actor: User | None,
    effective: dt.date | None = None,
    today: dt.date | None = None,
) -> CaseParty:
    """Take someone added by mistake off the case (Interpretation 11): they no longer
    count as involved, so a witness taken off may then sit on the group.

    Refused without a reason, for someone already taken off, and for whoever raised the
    breach: that is what the report says.
    """
    if party.role == PartyRole.REPORTER:
        raise CaseRefused(
            "Interpretation 11",
            "Whoever raised the breach stays on the case: that is what the report says.",
            field="party",
        )
    reason = reason_given(
        reason, rule="Interpretation 11", message="Enter why they are being taken off the case."
    )
    when, _ = dates(effective, today)
    if when < party.added_on:
        raise CaseRefused(
            "effective dates",
            f"They were added on {party.added_on:%-d %B %Y}: they cannot be taken off before then.",
            field="effective",
        )
    with transaction.atomic():
        locked = CaseParty.objects.select_for_update().get(pk=party.pk)
        if locked.removed_on is not None:
            raise CaseRefused(
                "Interpretation 11", "They have already been taken off the case.", field="party"
            )
        party.removed_on, party.removed_reason, party.removed_by = when, reason, actor
        party.save(update_fields=["removed_on", "removed_reason", "removed_by"])
        record(
            actor=actor,
            organisation=party.case.organisation,
            action="case_party.removed",
            obj=party,
            fields=["removed_on", "removed_reason", "removed_by"],
        )
    return party
