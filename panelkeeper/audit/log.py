"""Writing to the audit log from domain functions: :func:`record` an entry for a change
already made, or make the change and its entry together with :func:`create_recorded`
(a new row), :func:`save_recorded` (changed fields of a row), :func:`save_values` (new
values for a row, all saved), :func:`save_changed` (new values for a row, of which
only those that differ are saved) and :func:`delete_recorded` (a row deleted). Each
names each field once, so the fields saved and the fields logged cannot drift apart."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django.db import models, router, transaction

from panelkeeper.audit.chain import append_all
from panelkeeper.audit.models import AuditEntry

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.organisations.models import Organisation

_ACTION = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")


def record(
    *,
    actor: User | None,
    organisation: Organisation | None,
    action: str,
    obj: models.Model,
    fields: Sequence[str],
) -> AuditEntry:
    """Add one entry saying ``actor`` did ``action`` to ``obj``, touching ``fields``.

    Call it inside the domain function that makes the change, in the same transaction
    (no signals), so the change and its entry are saved together or not at all.
    ``actor`` is None when the system acted on its own. ``action`` is a dotted
    lower-case name such as ``policy_version.published``. ``fields`` are names of
    ``obj``'s model fields; values never go in the log. The entry is sealed onto the end
    of its organisation's chain (:mod:`panelkeeper.audit.chain`), which waits for any
    other transaction appending to that chain to finish.
    """
    [entry] = record_each(
        actor=actor, organisation=organisation, done=[(action, obj)], fields=fields
    )
    return entry


def record_each(
    *,
    actor: User | None,
    organisation: Organisation | None,
    done: Sequence[tuple[str, models.Model]],
    fields: Sequence[str],
) -> list[AuditEntry]:
    """Add one entry for each ``(action, obj)`` of ``done``, in its order, each saying
    ``actor`` did ``action`` to ``obj`` touching ``fields``, as :func:`record` does for
    one: the same entries as that many calls of it, sealed onto the chain together with
    one lock of its head and one insert, for a change made to many records at once."""
    if not done:
        return []
    database = router.db_for_write(AuditEntry)
    if not transaction.get_connection(database).in_atomic_block:
        raise RuntimeError("record() must run inside the transaction that makes the change.")
    entries = []
    for action, obj in done:
        _check(action, obj, fields)
        entries.append(
            AuditEntry(
                actor=actor,
                organisation=organisation,
                action=action,
                object_type=obj._meta.label,
                object_id=str(obj.pk),
                fields=list(fields),
            )
        )
    return append_all(entries)


def _check(action: str, obj: models.Model, fields: Sequence[str]) -> None:
    """Refuse an entry :func:`record` could not write: a badly named action, a record
    not yet saved, a field the record does not have."""
    if not _ACTION.match(action):
        raise ValueError(f"Name the action in dotted lower case, not {action!r}.")
    if obj.pk is None:
        raise ValueError("Save the object before recording what was done to it.")
    known = {field.name for field in obj._meta.get_fields()}
    unknown = sorted(set(fields) - known)
    if unknown:
        raise ValueError(f"{obj._meta.label} has no field named {', '.join(unknown)}.")


def create_recorded[M: models.Model](
    model: type[M],
    *,
    actor: User | None,
    organisation: Organisation,
    action: str,
    logged: Mapping[str, Any],
    **unlogged: Any,
) -> M:
    """A new ``model`` row from ``logged`` and ``unlogged`` values, and the audit entry
    saying ``actor`` did ``action`` touching the fields of ``logged`` (in their order),
    saved together in one transaction or not at all. What goes unlogged is when or by
    whom the row was made, and what the entry need not name (a secret's hash, say).

    A ``model`` with an ``organisation`` field gets ``organisation`` there too: a row
    that belongs to an organisation belongs to the one its entry is recorded for.
    """
    twice = sorted(set(logged) & set(unlogged))
    if twice:
        raise TypeError(f"Give {', '.join(twice)} once, logged or not.")
    values = {**logged, **unlogged}
    if any(field.name == "organisation" for field in model._meta.concrete_fields):
        values["organisation"] = organisation
    with transaction.atomic():
        made = model._default_manager.create(**values)
        record(actor=actor, organisation=organisation, action=action, obj=made, fields=list(logged))
    return made


def save_recorded(
    *,
    obj: models.Model,
    fields: Sequence[str],
    action: str,
    actor: User | None,
    organisation: Organisation | None,
) -> None:
    """Save ``fields`` of ``obj`` and record ``action`` by ``actor`` touching them, so
    the fields saved and the fields logged cannot drift apart. Call it inside the
    domain function's transaction. ``organisation`` is None for the installation's own
    records, as for :func:`record`."""
    obj.save(update_fields=fields)
    record(actor=actor, organisation=organisation, action=action, obj=obj, fields=fields)


def save_changed(
    obj: models.Model,
    values: Mapping[str, Any],
    *,
    action: str,
    actor: User | None,
    organisation: Organisation | None,
) -> list[str]:
    """Set on ``obj`` those of ``values`` that differ from what it holds, then save them
    and record ``action`` touching them, in the order of ``values``, as
    :func:`save_recorded` does; when none differ, save and record nothing. The names of
    the fields it changed."""
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        save_values(
            obj,
            {name: values[name] for name in changed},
            action=action,
            actor=actor,
            organisation=organisation,
        )
    return changed


def save_values(
    obj: models.Model,
    values: Mapping[str, Any],
    *,
    action: str,
    actor: User | None,
    organisation: Organisation | None,
) -> None:
    """Set every one of ``values`` on ``obj``, then save them and record ``action``
    touching them, in the order of ``values``, as :func:`save_recorded` does. Unlike
    :func:`save_changed` it saves and logs them all, whether or not they differ."""
    for name, value in values.items():
        setattr(obj, name, value)
    fields = list(values)
    save_recorded(obj=obj, fields=fields, action=action, actor=actor, organisation=organisation)


def delete_recorded(
    obj: models.Model,
    *,
    action: str,
    actor: User | None,
    organisation: Organisation | None,
    fields: Sequence[str],
) -> None:
    """Record ``action`` by ``actor`` touching ``fields`` of ``obj``, then delete ``obj``:
    the entry is written first, while the row still has the id it names. Call it inside
    the domain function's transaction, as for :func:`record`."""
    record(actor=actor, organisation=organisation, action=action, obj=obj, fields=fields)
    obj.delete()
