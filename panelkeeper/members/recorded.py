"""Creating a record together with its audit entry, the step every adding function ends
with (DEVELOPERS.md "Audit")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.db import models, transaction

from panelkeeper.audit.log import record

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.organisations.models import Organisation


def create_recorded[M: models.Model](
    model: type[M],
    *,
    actor: User | None,
    organisation: Organisation,
    action: str,
    fields: Sequence[str],
    **values: Any,
) -> M:
    """A new ``model`` row from ``values``, and the audit entry saying ``actor`` did
    ``action`` touching ``fields``, saved together in one transaction or not at all."""
    with transaction.atomic():
        made = model._default_manager.create(**values)
        record(actor=actor, organisation=organisation, action=action, obj=made, fields=fields)
    return made
