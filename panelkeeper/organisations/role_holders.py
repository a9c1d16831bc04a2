"""Who holds each staff title a code declares (BR-2, BR-13).

A preset names titles ("Customer Involvement Manager"); a role holder maps a title to one
of the organisation's people (:func:`~panelkeeper.accounts.people.known_to`: its staff,
earlier holders, and people it invited to a case or a title). Publishing a version
needs a holder for every title it declares
(:func:`~panelkeeper.organisations.policies.publish_policy_version`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction

from panelkeeper.accounts.people import known_to
from panelkeeper.audit.log import create_recorded, save_values
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.models import Organisation, RoleHolder
from panelkeeper.organisations.policies import StaffTitle, declared_staff_titles
from panelkeeper.rules.dates import day_month_year

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def declared_title(organisation: Organisation, role_key: str, *, on: dt.date) -> StaffTitle:
    """The staff title ``role_key`` that the code in force on ``on`` or a draft declares;
    refused on ``role_key`` when none does."""
    titles = {t.key: t for t in declared_staff_titles(organisation, on=on)}
    title = titles.get(role_key)
    if title is None:
        raise Refused(
            "That title is not declared by the code in force or a draft. "
            "Choose a title from the list.",
            field="role_key",
        )
    return title


def assign_role_holder(
    *,
    organisation: Organisation,
    role_key: str,
    user: User,
    effective_from: dt.date,
    actor: User,
    today: dt.date,
) -> RoleHolder:
    """Make ``user`` the holder of the staff title ``role_key`` from ``effective_from``.

    The title must be declared by the code in force or a draft, and the user must be one
    of the organisation's people (never another organisation's). The current holder, if
    any, stops on the day the new one starts; their term is kept, not rewritten.
    """
    title = declared_title(organisation, role_key, on=today)
    if not known_to(organisation).filter(pk=user.pk).exists():
        raise Refused(
            "Choose one of this organisation's people, or invite someone new to hold this title.",
            field="user",
        )
    with transaction.atomic():
        current = (
            RoleHolder.objects.select_for_update()
            .current()
            .filter(organisation=organisation, role_key=role_key)
            .select_related("user")
            .first()
        )
        if current is not None:
            if current.user_id == user.pk:
                raise Refused(f"{user} already holds this title.", field="user")
            if effective_from < current.effective_from:
                raise Refused(
                    f"Enter a date on or after {day_month_year(current.effective_from)}, "
                    f"when {current.user} started.",
                    field="effective_from",
                )
            save_values(
                current,
                {"effective_until": effective_from},
                action="role_holder.ended",
                actor=actor,
                organisation=organisation,
            )
        return create_recorded(
            RoleHolder,
            organisation=organisation,
            actor=actor,
            action="role_holder.assigned",
            logged={
                "role_key": title.key,
                "role_title": title.title,
                "user": user,
                "effective_from": effective_from,
            },
        )
