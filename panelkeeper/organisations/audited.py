"""Saving a changed record together with its audit entry.

A domain function that changes fields of a record saves exactly those fields and records
the same list in the audit log (DEVELOPERS.md "Audit"); :func:`save_recorded` does both
from one list, so the two cannot drift apart. Call it inside the function's transaction.
The registers use it too; it would sit as well beside ``record`` in
:mod:`panelkeeper.audit.log`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

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
