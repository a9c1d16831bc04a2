"""Inviting members, and advocates for them, to sign in to a member's record.

An officer invites a member to the email address on their record; accepting links the
account (new, or an existing one with that address) to the record as its ``user``. An
advocate is invited by email for one member at a time; accepting makes them that
member's ``advocate`` (an advocate who already acts for others accepts with their
sign-in, and so takes more members into their care). Both kinds let a newcomer choose a
password or a code emailed each time, and land on the member portal.

The invitations themselves, their links, expiry, resending and withdrawing are
:mod:`panelkeeper.accounts.invitations`'; this module checks what only the members know
and registers what accepting does. Inviting many members is all or none: every member
who cannot be invited is named, and nothing is sent.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from panelkeeper.accounts.invitations import Kind, Sent, normalise_email, register_kind, send
from panelkeeper.accounts.models import Invitation, User
from panelkeeper.lib.refusals import Problem, Refused
from panelkeeper.members.models import Member, MemberQuerySet, SignInState
from panelkeeper.members.records import update_member


def _member_of(invitation: Invitation) -> Member:
    member = invitation.member
    assert member is not None, "a member's or an advocate's invitation names the record"
    return member


def _as_member(invitation: Invitation) -> str:
    member = _member_of(invitation)
    return f"see your record as a member of {member.group.name} at {invitation.organisation}"


def _as_advocate(invitation: Invitation) -> str:
    member = _member_of(invitation)
    return f"act for {member.full_name} at {invitation.organisation}, as their advocate"


def _locked(invitation: Invitation) -> Member:
    member = Member.objects.select_for_update().select_related("group")
    return member.get(pk=_member_of(invitation).pk)


def _give_member(invitation: Invitation, user: User) -> None:
    member = _locked(invitation)
    if member.user_id == user.pk:
        return
    if member.user_id is not None:
        raise Refused(
            f"The record of {member.full_name} already has a sign-in. If you are "
            f"{member.full_name}, ask an officer of {invitation.organisation} for help."
        )
    if Member.objects.filter(group=member.group, user=user).exists():
        raise Refused(
            f"You already sign in as another member of {member.group.name}. Ask an officer "
            f"of {invitation.organisation} for help."
        )
    update_member(member=member, actor=user, user=user)


def _give_advocate(invitation: Invitation, user: User) -> None:
    member = _locked(invitation)
    if member.user_id == user.pk:
        raise Refused("You cannot be your own advocate. Ask an officer for help.")
    update_member(member=member, actor=user, advocate=user)


def _member_name(invitation: Invitation) -> tuple[str, str]:
    first, _, last = _member_of(invitation).full_name.rpartition(" ")
    return (first, last) if first else (last, "")


def register() -> None:
    """Say what member and advocate invitations are (from the app's ``ready``)."""
    register_kind(
        Invitation.Role.MEMBER,
        Kind(
            invited_as=_as_member,
            give=_give_member,
            landing="members:portal",
            offers_code=True,
            initial_name=_member_name,
        ),
    )
    register_kind(
        Invitation.Role.ADVOCATE,
        Kind(
            invited_as=_as_advocate,
            give=_give_advocate,
            landing="members:portal",
            offers_code=True,
        ),
    )


# The field a refusal of many invitations names: the API's list of ids (the pages show
# the refusal above the list).
FIELD = "member_ids"


class _Batch:
    """What deciding whether members can be invited needs, read in two queries for a whole
    batch rather than per member: who has an invitation waiting, and which addresses sign
    in as a member of which group (the invitations of this batch are added as they go)."""

    def __init__(self, members: list[Member]) -> None:
        groups = {member.group_id for member in members}
        self.waiting = set(
            Invitation.objects.pending(now=timezone.now())
            .filter(role=Invitation.Role.MEMBER, member__group__in=groups)
            .values_list("member_id", flat=True)
        )
        self.taken = {
            (group, email.lower())
            for group, email in Member.objects.filter(
                group__in=groups, user__isnull=False
            ).values_list("group_id", "user__email")
        }

    def why_not(self, member: Member) -> str | None:
        """Why ``member`` cannot be invited now, or None (and their address is taken)."""
        name = member.full_name
        if member.user_id is not None:
            return f"{name} can already sign in"
        if not member.email:
            return f"Add an email address to the record of {name} first"
        if member.pk in self.waiting:
            return f"{name} already has an invitation waiting. Send it again instead"
        email = member.email.strip().lower()
        if (member.group_id, email) in self.taken:
            return f"{email} already belongs to another member of {member.group.name}"
        self.taken.add((member.group_id, email))
        return None


def invite_members(*, members: Iterable[Member], actor: User | None) -> list[Sent]:
    """Invite each of ``members`` to sign in, at the email address on their record.

    All or none: refuses, naming every member who cannot be invited (no email address,
    already signs in, an invitation already waiting, an address another member of their
    group signs in with or is invited at in the same batch) and sending nothing. Refuses
    an empty choice too.
    """
    members = list(members)
    if not members:
        raise Refused("Select the members to invite", field=FIELD)
    with transaction.atomic():
        batch = _Batch(members)
        problems = [
            Problem(why, FIELD)
            for why in (batch.why_not(member) for member in members)
            if why is not None
        ]
        if len(problems) == 1:
            raise Refused(problems[0].message, field=FIELD)
        if problems:
            raise Refused(
                f"{len(problems)} of the members cannot be invited. Correct each one, or "
                "leave them out, and try again.",
                field=FIELD,
                problems=problems,
            )
        return [
            send(
                email=normalise_email(member.email),
                role=Invitation.Role.MEMBER,
                organisation=member.group.organisation,
                member=member,
                actor=actor,
            )
            for member in members
        ]


def invite_member(*, member: Member, actor: User | None) -> Sent:
    """Invite one member to sign in: :func:`invite_members` for one."""
    [sent] = invite_members(members=[member], actor=actor)
    return sent


def not_yet_invited(members: MemberQuerySet) -> MemberQuerySet:
    """Those of ``members`` who have an email address and neither sign in nor have an
    invitation waiting: whom "invite everyone not yet invited" invites."""
    return (
        members.with_invitation()
        .signing_in(SignInState.NOT_INVITED, now=timezone.now())
        .exclude(email="")
        .select_related("group__organisation")
    )


def invite_advocate(*, member: Member, email: str, actor: User | None) -> Sent:
    """Invite ``email`` to act for ``member`` as their advocate.

    Refuses a malformed address, the member's own sign-in, the advocate they already have,
    and a second invitation to the same address for the same member while one waits.
    Accepting replaces any advocate the member had.
    """
    email = normalise_email(email)
    with transaction.atomic():
        if member.user is not None and member.user.email.lower() == email:
            raise Refused(
                f"That is the sign-in of {member.full_name}. Enter their advocate's email address",
                field="email",
            )
        if member.advocate is not None and member.advocate.email.lower() == email:
            raise Refused(f"{email} already acts for {member.full_name}", field="email")
        waiting = Invitation.objects.pending(now=timezone.now()).filter(
            member=member, role=Invitation.Role.ADVOCATE, email=email
        )
        if waiting.exists():
            raise Refused(
                f"{email} already has an invitation waiting. Send it again instead", field="email"
            )
        return send(
            email=email,
            role=Invitation.Role.ADVOCATE,
            organisation=member.group.organisation,
            member=member,
            actor=actor,
        )


def invitations_of(member: Member) -> list[Invitation]:
    """The member's and their advocates' invitations waiting to be accepted, newest first."""
    pending = Invitation.objects.pending(now=timezone.now())
    return list(pending.filter(member=member).order_by("-created_at", "-id"))
