"""What someone with write access to the database could do to the audit log."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection

from panelkeeper.audit import triggers
from panelkeeper.audit.chain import entries_of, seal
from panelkeeper.audit.models import AuditChain, AuditEntry

WRONG_KEY = b"a key guessed by someone who never saw AUDIT_KEY"


@contextmanager
def triggers_dropped() -> Iterator[None]:
    """Drop the triggers, as a database owner can, and put them back afterwards."""
    triggers.uninstall(connection)
    try:
        yield
    finally:
        triggers.install(connection)


def reseal_from(entry_id: int, organisation_id: int | None, *, key: bytes = WRONG_KEY) -> None:
    """Recompute the digest of ``entry_id`` and of every later entry of its chain, and the
    chain's head, as a forger must to hide a change (with the triggers dropped)."""
    chain = entries_of(organisation_id)
    before = chain.filter(id__lt=entry_id).order_by("-id").first()
    previous = before.digest if before else ""
    for later in chain.filter(id__gte=entry_id).order_by("id"):
        previous = seal(previous, later, key)
        AuditEntry.objects.filter(pk=later.pk).update(digest=previous)
    last = chain.order_by("-id").first()
    heads = AuditChain.objects.filter(organisation_id=organisation_id)
    heads.update(head=previous, last_entry_id=last.pk if last else None)


def rewrite(entry: AuditEntry, *, key: bytes = WRONG_KEY, **changes: Any) -> None:
    """Change ``entry`` behind the triggers' back and reseal it and every later entry."""
    with triggers_dropped():
        AuditEntry.objects.filter(pk=entry.pk).update(**changes)
        reseal_from(entry.pk, entry.organisation_id, key=key)
