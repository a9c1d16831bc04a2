"""Inviting someone new to hold one of the code's staff titles (BR-2, BR-12, BR-13).

A title's holder is chosen from the organisation's people (:func:`~panelkeeper.accounts.
people.known_to`); someone it does not know yet is invited by email. Accepting makes them
the title's holder from that day (:func:`~panelkeeper.organisations.role_holders.
assign_role_holder`), with no staff grant: they see only the work the title brings them,
the cases routed to them and the appeals put to them, on the pages for the people of one
case. The invitation itself is :mod:`panelkeeper.accounts.invitations`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from panelkeeper.accounts.invitations import Kind, Sent, normalise_email, send
from panelkeeper.accounts.models import Invitation
from panelkeeper.audit.log import create_recorded
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.models import Organisation, TitleInvitation
from panelkeeper.organisations.role_holders import assign_role_holder, declared_title

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def invite_to_title(
    *,
    organisation: Organisation,
    role_key: str,
    email: str,
    actor: User | None,
    base_url: str | None = None,
) -> Sent:
    """Invite ``email`` to hold the staff title ``role_key``. Refuses, saving nothing, a
    title the code in force or a draft does not declare, a malformed address, and a second
    invitation to the same title while one is waiting."""
    email = normalise_email(email)
    title = declared_title(organisation, role_key, on=timezone.localdate())
    with transaction.atomic():
        Organisation.objects.select_for_update().filter(pk=organisation.pk).values("pk").get()
        if waiting_for(organisation).filter(for_title__role_key=role_key).exists():
            raise Refused(
                f"An invitation to hold the title {title.title} is already waiting. "
                "Resend or withdraw it first.",
                field="email",
            )

        def attach(invitation: Invitation) -> None:
            create_recorded(
                TitleInvitation,
                actor=actor,
                organisation=organisation,
                action="title_invitation.created",
                logged={"role_key": title.key, "role_title": title.title},
                invitation=invitation,
            )

        return send(
            email=email,
            role=Invitation.Role.TITLE,
            organisation=organisation,
            actor=actor,
            base_url=base_url,
            attach=attach,
        )


def waiting_for(organisation: Organisation) -> QuerySet[Invitation]:
    """The organisation's invitations to a title still waiting to be accepted."""
    return (
        Invitation.objects.pending(now=timezone.now())
        .filter(organisation=organisation, role=Invitation.Role.TITLE)
        .select_related("for_title")
    )


def _give(invitation: Invitation, user: User) -> None:
    title = TitleInvitation.objects.get(invitation=invitation)
    organisation = invitation.organisation
    assert organisation is not None  # a title invitation always has one (check constraint)
    today = timezone.localdate()
    assign_role_holder(
        organisation=organisation,
        role_key=title.role_key,
        user=user,
        effective_from=today,
        actor=invitation.invited_by or user,
        today=today,
    )


def _invited_as(invitation: Invitation) -> str:
    title = TitleInvitation.objects.get(invitation=invitation)
    return f"hold the title {title.role_title} at {invitation.organisation}"


# A title's holder lands on the cases the title brings them.
TITLE_KIND = Kind(invited_as=_invited_as, give=_give, landing="cases:mine")
