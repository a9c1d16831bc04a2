"""Triage: a concern becomes a breach case about a member (BR-1, BR-2).

The case is raised through the cases app's one way in,
:func:`panelkeeper.cases.changes.opening.raise_breach`, which applies the code's rules on who
may raise a breach and whether anonymously. The reporter's identity goes onto the case
only as they gave it: an anonymous concern gives none, and a named reporter's agreement
(or not) to being known by the member travels with their name, and so does the address
they asked to be sent the outcome at (BR-11).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import transaction

from panelkeeper.audit.log import save_values
from panelkeeper.cases.changes.opening import raise_breach
from panelkeeper.concerns.handling import refuse_unless_received
from panelkeeper.concerns.models import Concern
from panelkeeper.lib.contacts import letter_contact

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.cases.models import Case
    from panelkeeper.members.models import Member


def _letters_to_reporter(concern: Concern) -> tuple[str, bool]:
    """The reporter's address for the outcome in writing and whether they agreed to it
    (BR-11), only where they asked for it and a letter can go there: a phone number is not
    copied onto the case. Otherwise no address, as for a case raised by hand."""
    if concern.anonymous or not concern.outcome_in_writing:
        return "", False
    if letter_contact(concern.reporter_contact) is None:
        return "", False
    return concern.reporter_contact, concern.outcome_in_writing


def triage_concern(
    *,
    concern: Concern,
    officer: User,
    member: Member,
    effective: dt.date,
    description: str,
    setting: str,
    clauses: Sequence[str],
    today: dt.date,
) -> Case:
    """Open a breach case about ``member`` from ``concern`` and link the two.

    ``effective`` is the day the concern counts as reported: by default the day it was
    received. Refuses a concern already triaged or closed, and anything ``raise_breach``
    refuses (its :class:`~panelkeeper.lib.refusals.Refused` passes through);
    either way nothing is saved.
    """
    with transaction.atomic():
        locked = Concern.objects.select_for_update().get(pk=concern.pk)
        refuse_unless_received(locked)
        contact, agreed = _letters_to_reporter(locked)
        case = raise_breach(
            organisation=locked.organisation,
            member=member,
            actor=officer,
            effective=effective,
            description=description,
            setting=setting,
            clauses=list(clauses),
            raised_by=locked.reporter_kind,
            reporter_name="" if locked.anonymous else locked.reporter_name,
            reporter_consents_to_identity=locked.consents_to_identity and not locked.anonymous,
            anonymous=locked.anonymous,
            reporter_contact=contact,
            reporter_agreed_to_letters=agreed,
            today=today,
        )
        save_values(
            locked,
            {"case": case, "status": Concern.Status.CASE_OPENED, "handled_by": officer},
            action="concern.triaged",
            actor=officer,
            organisation=locked.organisation,
        )
    concern.refresh_from_db()
    return case
