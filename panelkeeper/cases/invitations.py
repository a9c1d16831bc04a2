"""People from outside the team, invited to one case: a seat on its investigating group
(BR-6), or deciding its appeal (BR-12).

An officer invites them by email from the case page. Accepting gives them a sign-in and
that part in that case alone: they see the case on the pages and in the API for the
people of one case, and nothing else of the organisation (they hold no staff grant and
are no member). The seat is filled through :func:`~panelkeeper.cases.changes.people.
seat_investigator`, so every rule that seat keeps still holds on the day they accept.
Taking them off the case (the seat released, or the appeal no longer put to them) ends
their access at their next request. The invitation itself (its link, expiry, resending,
withdrawing, the email) is :mod:`panelkeeper.accounts.invitations`.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from panelkeeper.accounts.invitations import Kind, Sent, normalise_email, send
from panelkeeper.accounts.models import Invitation
from panelkeeper.audit.log import create_recorded, save_recorded
from panelkeeper.cases.changes.people import release_seat, seat_investigator
from panelkeeper.cases.changes.writer import dates, reason_given
from panelkeeper.cases.models import GUEST_ORDER, Case, CaseInvitation, CaseState, GuestPart
from panelkeeper.cases.seats import group_convened, group_roles
from panelkeeper.lib.refusals import Refused
from panelkeeper.rules.policy.roles import RoleKind

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

APPEAL = GuestPart.APPEAL_OFFICER.value
STAFF_PARTS = frozenset({"investigator", "handler", "appeal_officer"})
"""The parts in a case that see all of it (what happened, the deadlines, who raised it),
unlike the member it is about."""


def guest_parts(case: Case) -> list[tuple[str, str]]:
    """(key, label) for each part an outside person may be invited to on this case: the
    staff seats the code gives its group (``seat:<role>``), and deciding the appeal once
    one is lodged. Member seats are for members, who are invited from their record."""
    parts: list[tuple[str, str]] = []
    try:
        roles = group_roles(case)
    except Refused:
        roles = {}
    for key, role in roles.items():
        if role.kind is RoleKind.STAFF:
            parts.append((f"seat:{key}", f"A seat on the investigating group as {role.title}"))
    if case.state == CaseState.APPEALED:
        instead = f", in place of the {case.appeal_to}" if case.appeal_to else ""
        parts.append((APPEAL, f"Deciding the appeal{instead}"))
    return parts


def _check_part(case: Case, part: str) -> tuple[str, str, str]:
    """(part, role key, role title) for a part offered on this case, or a refusal."""
    if case.state in (CaseState.CLOSED, CaseState.WITHDRAWN):
        raise Refused("This case is over: nobody more can be invited to it.", field="part")
    if part not in dict(guest_parts(case)):
        raise Refused("Select a part this case offers.", rule="BR-6", field="part")
    if part == APPEAL:
        return APPEAL, "", ""
    key = part.removeprefix("seat:")
    if group_convened(case):
        raise Refused(
            "The group has been convened, so its seats can no longer change.",
            rule="BR-6",
            field="part",
        )
    return GuestPart.SEAT.value, key, group_roles(case)[key].title


def invite_to_case(
    *,
    case: Case,
    email: str,
    name: str,
    part: str,
    actor: User | None,
    impartial: bool = False,
    base_url: str | None = None,
) -> Sent:
    """Invite ``email`` (``name``) to ``part`` of ``case``: ``seat:<role>`` or
    ``appeal_officer`` (see :func:`guest_parts`). Refuses, saving nothing, an address or
    name missing, a part the case does not offer now, and a second invitation to the
    same case while one is waiting or the person is already on it."""
    email = normalise_email(email)
    name = " ".join(name.split())
    if not name:
        raise Refused("Enter their name.", field="name")
    kind, role_key, role_title = _check_part(case, part)
    with transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).values_list("pk").get()
        others = CaseInvitation.objects.filter(
            case=case, invitation__email=email, removed_on__isnull=True
        )
        now = timezone.now()
        if others.filter(invitation__in=Invitation.objects.pending(now=now)).exists():
            raise Refused(
                f"{email} already has an invitation to this case waiting. Resend it instead.",
                field="email",
            )
        if others.filter(invitation__accepted_at__isnull=False).exists():
            raise Refused(f"{email} is already on this case.", field="email")

        def attach(invitation: Invitation) -> None:
            create_recorded(
                CaseInvitation,
                actor=actor,
                organisation=case.organisation,
                action="case_invitation.created",
                logged={
                    "case": case,
                    "name": name[:200],
                    "part": kind,
                    "role_key": role_key,
                    "impartial": impartial and kind == GuestPart.SEAT,
                },
                invitation=invitation,
                role_title=role_title,
            )

        return send(
            email=email,
            role=Invitation.Role.CASE,
            organisation=case.organisation,
            actor=actor,
            base_url=base_url,
            attach=attach,
        )


def guests_of(case: Case) -> QuerySet[CaseInvitation]:
    """Everyone invited to ``case``, with their invitation, by name."""
    return (
        CaseInvitation.objects.filter(case=case)
        .select_related("invitation__accepted_by")
        .order_by(*GUEST_ORDER)
    )


class GuestState(StrEnum):
    WAITING = "waiting"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"
    ON_CASE = "on_case"
    TAKEN_OFF = "taken_off"


STATE_WORDS = {
    GuestState.WAITING: "Invited",
    GuestState.EXPIRED: "Invitation expired",
    GuestState.WITHDRAWN: "Invitation withdrawn",
    GuestState.ON_CASE: "On the case",
    GuestState.TAKEN_OFF: "Taken off the case",
}


def guest_rows(case: Case, *, now: dt.datetime) -> list[tuple[CaseInvitation, GuestState, str]]:
    """(invitation, where it stands, that in words) for everyone invited to ``case``."""
    rows = []
    for guest in guests_of(case):
        state = guest_state(guest, now=now)
        rows.append((guest, state, STATE_WORDS[state]))
    return rows


def guest_state(guest: CaseInvitation, *, now: dt.datetime) -> GuestState:
    """Where an invitation to the case stands at ``now``."""
    invitation = guest.invitation
    if guest.removed_on is not None:
        return GuestState.TAKEN_OFF
    if invitation.accepted_at is not None:
        return GuestState.ON_CASE
    if invitation.withdrawn_at is not None:
        return GuestState.WITHDRAWN
    if invitation.expires_at <= now:
        return GuestState.EXPIRED
    return GuestState.WAITING


def _give(invitation: Invitation, user: User) -> None:
    """Give the accepting ``user`` their part; a refusal undoes the acceptance."""
    guest = CaseInvitation.objects.select_related("case__organisation").get(invitation=invitation)
    case, actor = guest.case, invitation.invited_by
    if guest.part == GuestPart.SEAT:
        try:
            _check_part(case, f"seat:{guest.role_key}")
        except Refused as refused:
            raise Refused(
                f"{refused.message} Ask an officer of {case.organisation} whether they still "
                "need you.",
                rule=refused.rule,
            ) from None
        seat_investigator(
            case=case,
            role_key=guest.role_key,
            user=user,
            impartial=guest.impartial,
            actor=actor,
        )
        return
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if locked.state != CaseState.APPEALED:
        raise Refused(
            f"The appeal in case {case.reference} has been decided or withdrawn. "
            f"Ask an officer of {case.organisation} whether they still need you.",
            rule="BR-12",
        )
    locked.appeal_officer = user
    save_recorded(
        obj=locked,
        fields=["appeal_officer"],
        action="case.appeal_put_to_guest",
        actor=actor,
        organisation=case.organisation,
    )


def _invited_as(invitation: Invitation) -> str:
    guest = CaseInvitation.objects.select_related("case__organisation").get(invitation=invitation)
    case = guest.case
    return f"case {case.reference} at {case.organisation}, for {guest.what} (that case alone)"


# The people of one case land on the cases they have a part in.
CASE_KIND = Kind(invited_as=_invited_as, give=_give, landing="cases:mine")


def take_off_case(
    *,
    guest: CaseInvitation,
    reason: str,
    actor: User | None,
    effective: dt.date | None = None,
    today: dt.date | None = None,
) -> CaseInvitation:
    """Take someone who accepted an invitation off the case: their seat is released
    (refused once the group is convened, as any seat's release is), or the appeal is no
    longer put to them. Their access to the case ends at their next request."""
    reason = reason_given(
        reason, rule="BR-6", message="Enter why they are being taken off the case."
    )
    when, day = dates(effective, today)
    user = guest.invitation.accepted_by
    if user is None or guest.removed_on is not None:
        raise Refused("They are not on this case.", field="guest")
    case = guest.case
    with transaction.atomic():
        if guest.part == GuestPart.SEAT:
            seat = case.seats.current().filter(user=user).first()
            if seat is not None:
                release_seat(seat=seat, reason=reason, actor=actor, effective=when, today=day)
        else:
            locked = Case.objects.select_for_update().get(pk=case.pk)
            if locked.appeal_officer_id == user.pk:
                locked.appeal_officer = None
                save_recorded(
                    obj=locked,
                    fields=["appeal_officer"],
                    action="case.appeal_taken_from_guest",
                    actor=actor,
                    organisation=case.organisation,
                )
        guest.removed_on, guest.removed_reason = when, reason
        save_recorded(
            obj=guest,
            fields=["removed_on", "removed_reason"],
            action="case_invitation.taken_off",
            actor=actor,
            organisation=case.organisation,
        )
    return guest
