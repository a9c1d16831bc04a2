"""The people of a case besides its subject, and the seats of its investigating group.

People (Interpretation 11) are added with how they are involved, written to where the code
says (BR-11), and taken off the case when added by mistake, keeping the record of it.
Seats (BR-6, COI-4) are filled by people nobody has conflicted out, and released with a
reason until the group is convened. Who may sit is read in :mod:`panelkeeper.cases.seats`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from panelkeeper.accounts.people import choosable_for
from panelkeeper.audit.log import create_recorded, record, save_recorded
from panelkeeper.cases.changes.writer import dates, reason_given
from panelkeeper.cases.models import Case, CaseEvent, CaseParty, PartyRole, Seat, SeatRelease
from panelkeeper.cases.procedure import ladder_of, policy_of
from panelkeeper.cases.seats import (
    as_seated,
    conflict_reasons,
    group_convened,
    group_roles,
    ineligibility,
    invited_users,
)
from panelkeeper.lib.contacts import letter_contact
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import GroupRole, Member
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.ladder import check_group

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def check_of_organisation(case: Case, *, member: Member | None, user: User | None) -> None:
    """Refuse a member or a user of another organisation: another landlord's people are
    never named on a case, only the organisation's own and the people invited to this
    case (DESIGN "Confidentiality by design"; see
    :func:`~panelkeeper.accounts.people.choosable_for`)."""
    if member is not None and member.group.organisation_id != case.organisation_id:
        raise Refused(
            "Choose a member of this organisation.", rule="Interpretation 11", field="member"
        )
    choosable = choosable_for(case.organisation_id, invited=invited_users(case))
    if user is not None and not choosable.filter(pk=user.pk).exists():
        raise Refused(
            "Choose a person of this organisation.",
            rule="Interpretation 11",
            field="user",
        )


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
    step: CaseEvent | None = None,
) -> CaseParty:
    """Record someone the case involves: its reporter, a witness, whoever gave guidance in the
    matter (with ``step``, the informal step they gave), or someone implicated
    (Interpretation 11). A member, a user or a name.

    A person known by name only may give ``contact`` details and agree to be written to
    there, where the code says they are told the outcome (BR-11); a member or a user is
    written to at the details their own record holds.
    """
    if role not in PartyRole.values:
        raise Refused("Select how they are involved.", rule="Interpretation 11", field="role")
    name = " ".join(name.split())
    if member is None and user is None and not name:
        raise Refused("Choose a person or enter a name.", rule="Interpretation 11", field="name")
    check_of_organisation(case, member=member, user=user)
    contact, agreed_to_letters = _checked_contact(member, user, contact, agreed_to_letters)
    when, _ = dates(effective, today)
    return create_recorded(
        CaseParty,
        actor=actor,
        organisation=case.organisation,
        action="case_party.added",
        logged={
            "role": role,
            "member": member,
            "user": user,
            "name": name[:200],
            "contact": contact,
            "agreed_to_letters": agreed_to_letters,
            "step": step,
        },
        case=case,
        added_on=when,
        recorded_at=timezone.now(),
    )


def _checked_contact(
    member: Member | None, user: User | None, contact: str, agreed: bool
) -> tuple[str, bool]:
    """Contact details kept only for a name-only person, and only ones a letter can use."""
    contact = contact.strip()
    if member is not None or user is not None:
        if contact:
            raise Refused(
                "Letters to a member or a user go to the details on their own record: "
                "leave the contact empty.",
                rule="BR-11",
                field="contact",
            )
        return "", False
    if agreed and not contact:
        raise Refused(
            "Enter the email or postal address they agreed to.", rule="BR-11", field="contact"
        )
    if contact and letter_contact(contact) is None:
        raise Refused(
            "Enter an email address, or a postal address with its postcode.",
            rule="BR-11",
            field="contact",
        )
    return contact[:300], agreed and bool(contact)


def set_party_contact(
    *, party: CaseParty, contact: str, agreed_to_letters: bool, actor: User | None
) -> CaseParty:
    """Record (or change) where a person known by name only agreed to be written to."""
    if party.member_id is not None or party.user_id is not None:
        raise Refused(
            "Letters to a member or a user go to the details on their own record.",
            rule="BR-11",
            field="contact",
        )
    contact, agreed = _checked_contact(None, None, contact, agreed_to_letters)
    with transaction.atomic():
        party.contact, party.agreed_to_letters = contact, agreed
        save_recorded(
            obj=party,
            fields=["contact", "agreed_to_letters"],
            action="case_party.contact_changed",
            actor=actor,
            organisation=party.case.organisation,
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
        raise Refused(
            "Whoever raised the breach stays on the case: that is what the report says.",
            rule="Interpretation 11",
            field="party",
        )
    reason = reason_given(
        reason, rule="Interpretation 11", message="Enter why they are being taken off the case."
    )
    when, _ = dates(effective, today)
    if when < party.added_on:
        raise Refused(
            f"They were added on {day_month_year(party.added_on)}: "
            "they cannot be taken off before then.",
            rule="effective dates",
            field="effective",
        )
    with transaction.atomic():
        locked = CaseParty.objects.select_for_update().get(pk=party.pk)
        if locked.removed_on is not None:
            raise Refused(
                "They have already been taken off the case.",
                rule="Interpretation 11",
                field="party",
            )
        party.removed_on, party.removed_reason, party.removed_by = when, reason, actor
        save_recorded(
            obj=party,
            fields=["removed_on", "removed_reason", "removed_by"],
            action="case_party.removed",
            actor=actor,
            organisation=party.case.organisation,
        )
    return party


_ONE_PER_GROUP = {"chair": "chair", "vice_chair": "vice chair"}
"""The seats a group has one of, and how a refusal names them (BR-6)."""


def seat_investigator(
    *,
    case: Case,
    role_key: str,
    actor: User | None,
    member: Member | None = None,
    user: User | None = None,
    impartial: bool = False,
    effective: dt.date | None = None,
    today: dt.date | None = None,
) -> Seat:
    """Seat ``member`` or ``user`` on the case's investigating group as ``role_key`` (BR-6).

    Refused, saying why, for anyone conflicted (COI-4, Interpretation 11), a member not
    eligible to take part on ``effective``, with what they still have to sign (MEM-2), the
    Chair on their own case where the code names a stand-in (Interpretation 10), a member
    seated as chair or vice chair who does not hold that role, a second chair or vice chair
    while the group's seat of that kind is held (a released seat frees it), or a role the
    code does not name.
    """
    if (member is None) == (user is None):
        raise Refused(
            "Choose one person: a member or a member of staff.", rule="BR-6", field="member"
        )
    check_of_organisation(case, member=member, user=user)
    when, _ = dates(effective, today)
    ladder = ladder_of(policy_of(case.policy_version))
    if case.subject_is_chair and role_key == "chair" and ladder.chair_stand_in is not None:
        raise Refused(
            f"The breach is by the Chair: the {ladder.chair_stand_in.title} sits instead.",
            rule="Interpretation 10",
            field="role_key",
        )
    roles = group_roles(case)
    role = roles.get(role_key)
    if role is None:
        raise Refused(
            f"Choose a role this code seats on the group: {', '.join(roles)}.",
            rule="BR-6",
            field="role_key",
        )
    name = str(member if member is not None else user)
    held = {"chair": GroupRole.CHAIR, "vice_chair": GroupRole.VICE_CHAIR}.get(role_key)
    if held is not None and (member is None or member.role != held):
        raise Refused(f"{name} is not the {role.title}.", rule="BR-6", field="role_key")
    reasons = conflict_reasons(case, member=member, user=user, on=when)
    if reasons:
        rule = reasons[0][0]
        raise Refused(
            f"{name} cannot sit: {name} " + "; ".join(r for _, r in reasons) + ".",
            rule=rule,
            field="member",
        )
    unfit = ineligibility(member, on=when) if member is not None else None
    if unfit is not None:
        raise Refused(f"{unfit[1]}.", rule=unfit[0], field="member")
    probe = Seat(
        case=case,
        role_key=role_key,
        role_title=role.title,
        member=member,
        user=user,
        impartial=impartial,
        seated_on=when,
    )
    own = [
        p
        for p in check_group(
            ladder, [as_seated(case, probe)], subject_is_chair=case.subject_is_chair
        )
        if p.code.about_one_person
    ]
    if own:
        raise Refused(own[0].message, rule=own[0].rule, field="role_key")
    with transaction.atomic():
        # The case row first, as releasing a seat does: two seats filled at once cannot
        # both find the chair's seat free.
        Case.objects.select_for_update().filter(pk=case.pk).values_list("pk").get()
        held_seats = case.seats.current()
        if held_seats.filter(member=member, user=user).exists():
            raise Refused(f"{name} already has a seat.", rule="BR-6", field="member")
        single = _ONE_PER_GROUP.get(role_key)
        if single is not None and held_seats.filter(role_key=role_key).exists():
            raise Refused(
                f"The group already has its {single}: release that seat first.",
                rule="BR-6",
                field="role_key",
            )
        probe.recorded_at = timezone.now()
        probe.recorded_by = actor
        probe.save()
        record(
            actor=actor,
            organisation=case.organisation,
            action="case.seat_filled",
            obj=probe,
            fields=["role_key", "member", "user", "impartial", "seated_on"],
        )
    return probe


def release_seat(
    *,
    seat: Seat,
    reason: str,
    actor: User | None,
    effective: dt.date | None = None,
    today: dt.date | None = None,
) -> SeatRelease:
    """Release a seat filled by mistake, or whose holder turned out to be conflicted or
    left, so that it can be filled again (BR-6, COI-4).

    Refused without a reason, for a seat already released, before the day it was filled,
    and once the group has been convened: the group that sat is then part of the record.
    """
    reason = reason_given(reason, rule="BR-6", message="Enter why the seat is being released.")
    when, _ = dates(effective, today)
    if when < seat.seated_on:
        raise Refused(
            f"The seat was filled on {day_month_year(seat.seated_on)}: "
            "it cannot be released before then.",
            rule="effective dates",
            field="effective",
        )
    case = seat.case
    with transaction.atomic():
        # Convening locks the case row too, so the two cannot cross.
        Case.objects.select_for_update().filter(pk=case.pk).values_list("pk").get()
        if SeatRelease.objects.filter(seat=seat).exists():
            raise Refused("This seat has already been released.", rule="BR-6", field="seat")
        if group_convened(case):
            raise Refused(
                "The group has been convened, so its seats can no longer be released.",
                rule="BR-6",
                field="seat",
            )
        return create_recorded(
            SeatRelease,
            actor=actor,
            organisation=case.organisation,
            action="case.seat_released",
            logged={"seat": seat, "released_on": when, "reason": reason},
            recorded_at=timezone.now(),
            recorded_by=actor,
        )
