"""The organisation's data protection lead: one of its officers, named by an officer.

As an officer the lead sets the retention schedule, places and lifts legal holds, logs
and answers subject access requests and erases people's records on request; as the lead
they alone read the log of who read which confidential record, and they are the one
reminded of requests coming due.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet

from panelkeeper.accounts.models import Grant, User
from panelkeeper.audit.log import record
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.models import Organisation
from panelkeeper.subject_access.models import DataProtectionLead

if TYPE_CHECKING:
    from panelkeeper.lib.requests import StaffRequest


def officers_of(organisation: Organisation) -> QuerySet[User]:
    return (
        User.objects.filter(grants__organisation=organisation, grants__role=Grant.Role.OFFICER)
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def lead_of(organisation: Organisation) -> User | None:
    lead = DataProtectionLead.objects.filter(organisation=organisation).select_related("user")
    found = lead.first()
    return found.user if found else None


def is_lead(request: StaffRequest) -> bool:
    """Whether the signed-in user is the lead, and still one of the officers: the lead's
    powers (the access log here; legal holds, erasure and the retention schedule as an
    officer) end with their officer's grant."""
    lead = lead_of(request.organisation)
    held = Grant.Role.OFFICER in request.roles
    return held and lead is not None and lead.pk == request.user.pk


def choose_lead(
    *, organisation: Organisation, user: User, actor: User, today: dt.date
) -> DataProtectionLead:
    """Name ``user``, one of the organisation's officers, its data protection lead."""
    if not officers_of(organisation).filter(pk=user.pk).exists():
        raise Refused("Choose one of your organisation's officers.", field="user")
    with transaction.atomic():
        lead, _ = DataProtectionLead.objects.update_or_create(
            organisation=organisation, defaults={"user": user, "chosen_on": today}
        )
        record(
            actor=actor,
            organisation=organisation,
            action="data_protection_lead.chosen",
            obj=lead,
            fields=["user", "chosen_on"],
        )
    return lead
