"""Erasure on request of a person who is not a member: whoever raised a concern or a
case under their name, and a witness or anyone else a case names by name only.

The records stay, so the cases and concerns about other people keep working; what
identifies the person goes: their name (replaced by ``ERASED``), their contact details,
their agreement to be named or written to, their name wherever it was typed into a
concern, its messages, a case's description or what a step of a case says (its reason,
whom a notice went to: ``retention.free_text``), the letters sent to them, and the address,
name and attachments of each email the outbox sent them. Erasure is refused, with every
reason, while a record must stay as it is: a concern or a case they are part of still
open, one under a legal hold, or an email to them not yet sent.

Subject access requests are above this app: ``subject_access.erasure`` adds them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q

from panelkeeper.audit.log import save_recorded
from panelkeeper.cases.models import Case, CaseParty
from panelkeeper.concerns.models import Concern
from panelkeeper.letters.models import Letter
from panelkeeper.retention import removal
from panelkeeper.retention.free_text import WAITING, emails_to, erase_from_emails, erase_from_text
from panelkeeper.retention.holds import holds_in

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.organisations.models import Organisation

ERASED = "Name erased"
ERASED_ACTION = "person.erased"


def same_person(name: str, contact: str, *, name_field: str, contact_field: str) -> Q:
    """Rows naming the person: the same name, whatever its case and spacing, or the same
    contact details where they gave some."""
    found = Q(**{f"{name_field}__iexact": " ".join(name.split())})
    if contact.strip():
        found |= Q(**{f"{contact_field}__iexact": contact.strip()})
    return found


@dataclass
class Named:
    """The records of one organisation that name a person who is not a member."""

    name: str
    contact: str = ""
    concerns: list[Concern] = field(default_factory=list)
    parties: list[CaseParty] = field(default_factory=list)
    reported: list[Case] = field(default_factory=list)

    @property
    def cases(self) -> list[Case]:
        """Every case they are part of: as its reporter, a party or through a concern."""
        cases: dict[int | None, Case] = {case.pk: case for case in self.reported}
        cases |= {party.case_id: party.case for party in self.parties}
        cases |= {c.case_id: c.case for c in self.concerns if c.case is not None}
        return list(cases.values())

    @property
    def addresses(self) -> set[str]:
        """The email addresses the records hold for them."""
        given = [self.contact] + [c.reporter_contact for c in self.concerns]
        given += [p.contact for p in self.parties]
        return {address.strip().lower() for address in given if "@" in address}

    @property
    def count(self) -> int:
        return len(self.concerns) + len(self.parties) + len(self.reported)


def records_naming(organisation: Organisation, *, name: str, contact: str = "") -> Named:
    concerns = Concern.objects.filter(organisation=organisation, anonymous=False).filter(
        same_person(name, contact, name_field="reporter_name", contact_field="reporter_contact")
    )
    parties = CaseParty.objects.filter(
        case__organisation=organisation, member__isnull=True, user__isnull=True
    ).filter(same_person(name, contact, name_field="name", contact_field="contact"))
    reported = Case.objects.of(organisation).filter(reporter_name__iexact=" ".join(name.split()))
    return Named(
        name=" ".join(name.split()),
        contact=contact.strip(),
        concerns=list(concerns.select_related("case__member").order_by("received_at", "id")),
        parties=list(parties.select_related("case__member").order_by("added_on", "id")),
        reported=list(reported.select_related("member").order_by("began_on", "id")),
    )


def reasons_to_keep_named(organisation: Organisation, named: Named) -> list[str]:
    """Why these records must stay as they are for now, in words; empty if they may go."""
    if not named.count:
        return [f"No concern or case of {organisation.name} names {named.name}."]
    reasons = []
    holds = holds_in(organisation)
    for concern in named.concerns:
        if concern.status == Concern.Status.RECEIVED:
            reasons.append(f"Concern {concern.pk} they raised is still open.")
        if concern.pk in holds.concerns:
            reasons.append(f"Concern {concern.pk} they raised is under a legal hold.")
    if emails_to(organisation, named.addresses).filter(status__in=WAITING).exists():
        reasons.append("An email to them is still waiting to be sent.")
    for case in named.cases:
        if case.state not in ("closed", "withdrawn"):
            reasons.append(f"Case {case.reference} they are part of is still open.")
        concern_id = Concern.objects.filter(case=case).values_list("pk", flat=True).first()
        if (
            case.pk in holds.cases
            or case.member_id in holds.members
            or (concern_id is not None and concern_id in holds.concerns)
        ):
            reasons.append(f"Case {case.reference} they are part of is under a legal hold.")
    return reasons


def anonymise_named(named: Named, *, organisation: Organisation, actor: User) -> None:
    """Take the person out of ``named``'s records (the caller has checked the reasons,
    in its transaction)."""
    names = [named.name] + [c.reporter_name for c in named.concerns]
    names += [p.name for p in named.parties]
    erase_from_text(names, organisation=organisation, actor=actor, action=ERASED_ACTION)
    erase_from_emails(organisation, named.addresses)
    for concern in named.concerns:
        concern.reporter_name, concern.reporter_contact = ERASED, ""
        concern.consents_to_identity = concern.outcome_in_writing = False
        save_erased(concern, organisation, actor, CONCERN_FIELDS)
    removal.remove_letters(list(Letter.objects.filter(party__in=named.parties)))
    for party in named.parties:
        party.name, party.contact, party.agreed_to_letters = ERASED, "", False
        save_erased(party, organisation, actor, ["name", "contact", "agreed_to_letters"])
    for case in named.cases:
        if case.reporter_name.lower() == named.name.lower():
            case.reporter_name, case.reporter_consents_to_identity = ERASED, False
            save_erased(case, organisation, actor, CASE_FIELDS)


CONCERN_FIELDS = ["reporter_name", "reporter_contact", "consents_to_identity", "outcome_in_writing"]
CASE_FIELDS = ["reporter_name", "reporter_consents_to_identity"]


def save_erased(
    obj: models.Model, organisation: Organisation, actor: User, fields: list[str]
) -> None:
    """Save the ``fields`` erasure changed in ``obj``, with their audit entry."""
    save_recorded(
        obj=obj, fields=fields, action=ERASED_ACTION, actor=actor, organisation=organisation
    )
