"""The organisation's own settings: the bank holiday region its working days count in.

The region and the closure days belong to the organisation, not to a version of its
code, so every page that counts working days counts the same ones (Interpretation 1).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from panelkeeper.audit.log import record
from panelkeeper.organisations.models import Organisation

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def change_region(*, organisation: Organisation, region: str, actor: User) -> Organisation:
    """Set the bank holiday region ``organisation``'s working days count in.

    ``region`` is one of :class:`Organisation.Region` (the form checks it). Deadlines
    already shown are counted again on the next read; nothing stored needs rewriting,
    because due dates are derived when read. Saving the same region records nothing.
    """
    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if locked.region == region:
            return locked
        locked.region = Organisation.Region(region)
        locked.save(update_fields=["region"])
        record(
            actor=actor,
            organisation=locked,
            action="organisation.region_changed",
            obj=locked,
            fields=["region"],
        )
    organisation.region = locked.region
    return locked
