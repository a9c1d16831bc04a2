"""Saving an organisation's record together with its audit entry (DEVELOPERS.md "Audit").

:func:`create_owned_recorded` is :func:`panelkeeper.audit.log.create_recorded` for a row
that belongs to an organisation: the organisation goes on the row as well as on its
entry. :func:`save_recorded` saves the changed fields of a row and records the same
list, so the fields saved and the fields logged cannot drift apart. Call them inside the
domain function's transaction. The registers use them too; they would sit as well
beside ``record`` in :mod:`panelkeeper.audit.log`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.db import models

from panelkeeper.audit.log import record

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.organisations.models import Organisation


def save_recorded(
    *,
    obj: models.Model,
    fields: Sequence[str],
    action: str,
    actor: User | None,
    organisation: Organisation,
) -> None:
    """Save ``fields`` of ``obj`` and record ``action`` by ``actor`` touching them."""
    obj.save(update_fields=fields)
    record(actor=actor, organisation=organisation, action=action, obj=obj, fields=fields)


def create_owned_recorded[M: models.Model](
    model: type[M],
    *,
    organisation: Organisation,
    actor: User | None,
    action: str,
    fields: Sequence[str],
    **values: Any,
) -> M:
    """A new ``model`` row of ``organisation`` from ``values``, and the audit entry saying
    ``actor`` did ``action`` touching ``fields``."""
    made = model._default_manager.create(organisation=organisation, **values)
    record(actor=actor, organisation=organisation, action=action, obj=made, fields=fields)
    return made
