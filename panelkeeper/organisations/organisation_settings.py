"""The organisation's own settings: the bank holiday region its working days count in.

The region and the closure days belong to the organisation, not to a version of its
code, so every page that counts working days counts the same ones (Interpretation 1).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import save_changed
from panelkeeper.organisations.in_force import calendar_changed
from panelkeeper.organisations.models import Organisation

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def change_region(*, organisation: Organisation, region: str, actor: User) -> Organisation:
    """Set the bank holiday region ``organisation``'s working days count in.

    ``region`` is one of :class:`Organisation.Region` (the form checks it). Deadlines are
    derived when read; the copy of the next due date open cases keep for lists is
    rewritten here, in the same transaction. Saving the same region records nothing.
    """
    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        changed = save_changed(
            locked,
            {"region": Organisation.Region(region)},
            action="organisation.region_changed",
            actor=actor,
            organisation=locked,
        )
        if changed:
            calendar_changed(organisation=locked, today=timezone.localdate())
    organisation.region = locked.region
    return locked
