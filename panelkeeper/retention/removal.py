"""How each kind of record goes: removed whole, or stripped of what identifies a person.

Each function takes one record and does everything its removal needs, in the caller's
transaction. Rows of append-only tables are deleted only after their record is marked
in ``core.Removal``: the database triggers allow nothing else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from panelkeeper.accounts.models import Invitation
from panelkeeper.cases.models import (
    Case,
    CaseEvent,
    CaseEventText,
    CaseInvitation,
    CaseParty,
    Seat,
    SeatRelease,
)
from panelkeeper.concerns.models import Concern, Message
from panelkeeper.core.models import Removal
from panelkeeper.letters.models import Dispatch, Letter
from panelkeeper.meetings.models import AgendaItem, AgendaKind, Attendance
from panelkeeper.members.models import Appraisal, Countersignature, Member, Signature
from panelkeeper.organisations.models import Organisation
from panelkeeper.registers.models import Gift
from panelkeeper.retention.free_text import erase_from_emails, erase_from_text
from panelkeeper.retention.models import LegalHold

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def mark(record_table: str, record_id: int) -> None:
    """Note that a record goes on purpose: the triggers then let its rows be deleted."""
    mark_all(record_table, [record_id])


def mark_all(record_table: str, record_ids: list[int]) -> None:
    """:func:`mark` for several records of one table, in one insert; a record already
    marked keeps the time it was first marked."""
    now = timezone.now()
    Removal.objects.bulk_create(
        [Removal(record_table=record_table, record_id=pk, marked_at=now) for pk in record_ids],
        ignore_conflicts=True,
    )


def remove_letters(letters: list[Letter]) -> None:
    """Delete letters and their dispatches; references between them are cut first."""
    ids = [letter.pk for letter in letters]
    Dispatch.objects.filter(letter_id__in=ids).delete()
    Letter.objects.filter(pk__in=ids).update(corrects=None, tells_of=None)
    Letter.objects.filter(pk__in=ids).delete()


def remove_letter(letter: Letter) -> None:
    remove_letters([letter])


def remove_concern(concern: Concern) -> None:
    """A concern and its messages; lifted holds on it go with it."""
    _remove_concerns([concern.pk])


def _remove_concerns(ids: list[int]) -> None:
    Message.objects.filter(concern__in=ids).delete()
    LegalHold.objects.filter(concern__in=ids).delete()
    Concern.objects.filter(pk__in=ids).delete()


def remove_case(case: Case) -> None:
    """A case with its events and their words, seats, people, invitations, letters and the
    concern it came from. The case is marked first, so the triggers allow its append-only
    rows to go."""
    remove_cases([case])


def remove_cases(cases: list[Case]) -> None:
    """:func:`remove_case` for several cases at once: each step a query for them all."""
    ids = [case.pk for case in cases]
    mark_all("cases_case", ids)
    remove_letters(list(Letter.objects.filter(case__in=ids)))
    _remove_concerns(list(Concern.objects.filter(case__in=ids).values_list("pk", flat=True)))
    invitations = list(
        CaseInvitation.objects.filter(case__in=ids).values_list("invitation_id", flat=True)
    )
    CaseInvitation.objects.filter(case__in=ids).delete()
    Invitation.objects.filter(pk__in=invitations).delete()
    CaseParty.objects.filter(case__in=ids).delete()
    SeatRelease.objects.filter(seat__case__in=ids).delete()
    Seat.objects.filter(case__in=ids).delete()
    events = CaseEvent.objects.filter(case__in=ids)
    texts = list(events.filter(text__isnull=False).values_list("text", flat=True))
    events.delete()
    # Their words go once the events have: the triggers allow nothing sooner.
    CaseEventText.objects.filter(pk__in=texts).delete()
    LegalHold.objects.filter(case__in=ids).delete()
    Case.objects.filter(pk__in=ids).delete()


def remove_signature(signature: Signature) -> None:
    """A signature, its countersignatures and any later corrections of it, with the scan."""
    for correction in Signature.objects.filter(corrects=signature):
        remove_signature(correction)
    mark("members_signature", signature.pk)
    Countersignature.objects.filter(signature=signature).delete()
    if signature.scan:
        # The file goes only once the rows have: a purge rolled back keeps both.
        name, storage = str(signature.scan.name), signature.scan.storage
        transaction.on_commit(lambda: storage.delete(name))
    signature.delete()


def remove_gift(gift: Gift) -> None:
    """A declared gift or hospitality, with the letters about it. A meeting that
    discussed it keeps the item on its agenda, under its title, as a matter."""
    AgendaItem.objects.filter(gift=gift).update(kind=AgendaKind.MATTER, gift=None)
    remove_letters(list(Letter.objects.filter(gift=gift)))
    gift.delete()


def clear_apologies_reason(attendance: Attendance) -> None:
    clear_apologies_reasons([attendance])


def clear_apologies_reasons(attendances: list[Attendance]) -> None:
    """The reasons given with apologies go; who attended stays with each meeting."""
    Attendance.objects.filter(pk__in=[a.pk for a in attendances]).update(reason="")
    for attendance in attendances:
        attendance.reason = ""


def anonymise_member(
    member: Member, *, actor: User | None = None, action: str = "member.anonymised"
) -> None:
    """Keep the record (meetings, registers and other people's cases refer to it) but
    nothing that identifies the person: name, contact details, sign-in, advocate,
    appraisals and invitations go; apologies lose their reasons; the free text of the
    organisation loses their name (each text changed has an audit entry of ``action`` by
    ``actor``: the schedule's by the system, unless an erasure on request says otherwise),
    and the emails sent to them their address and attachments."""
    mark("members_member", member.pk)
    organisation = Organisation.objects.get(groups__members=member)
    erase_from_text([member.full_name], organisation=organisation, actor=actor, action=action)
    addresses = [member.email] + ([member.user.email] if member.user else [])
    erase_from_emails(organisation, addresses)
    member.full_name = f"Former member {member.pk}"
    member.email = member.phone = member.address = ""
    member.user = member.advocate = None
    member.share_contact_details = member.copy_to_advocate = False
    member.save(
        update_fields=[
            "full_name",
            "email",
            "phone",
            "address",
            "user",
            "advocate",
            "share_contact_details",
            "copy_to_advocate",
        ]
    )
    Appraisal.objects.filter(member=member).delete()
    Invitation.objects.filter(member=member).delete()
    Attendance.objects.filter(member=member).filter(~Q(reason="")).update(reason="")


def is_anonymised(member: Member) -> bool:
    return Removal.objects.filter(record_table="members_member", record_id=member.pk).exists()
