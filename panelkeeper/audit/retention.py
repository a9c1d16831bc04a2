"""Removing a chain's oldest entries once they are past keeping, behind a checkpoint.

The triggers refuse to delete an entry unless a checkpoint of its own chain covers it,
and a checkpoint carries a keyed seal: :func:`remove_before` is the one path that
writes both. Deciding how long entries are kept is for the retention schedule, which
calls this; nothing here knows a retention period.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.chain import entries_of, locked_head, seal_checkpoint, verify_chain
from panelkeeper.audit.models import AuditCheckpoint


class ChainBroken(Exception):
    """The entries to be removed do not verify: removing them would hide the change."""


def remove_before(*, organisation_id: int | None, before: dt.datetime) -> AuditCheckpoint | None:
    """Remove the chain's entries recorded before ``before`` and record the checkpoint
    the chain starts again from; None when there is nothing to remove.

    What goes is the chain's oldest run of entries up to the first one recorded at or
    after ``before`` (in the chain's order), so no entry is left on its own behind a
    gap. The entries are verified first: a chain that does not match raises
    :class:`ChainBroken` and nothing is removed, as removing them would leave a
    checkpoint vouching for the change.
    """
    with transaction.atomic():
        locked_head(organisation_id)  # no entry joins the chain while it is cut
        chain = entries_of(organisation_id)
        kept_from = chain.filter(at__gte=before).order_by("id").values("id").first()
        removed = chain if kept_from is None else chain.filter(id__lt=kept_from["id"])
        last = removed.order_by("-id").values("id", "digest").first()
        if last is None:
            return None
        report = verify_chain(organisation_id, through=last["id"])
        if report.mismatch is not None:
            raise ChainBroken(
                f"Entry {report.mismatch.entry_id} does not match ({report.mismatch.reason}); "
                "nothing was removed."
            )
        checkpoint = AuditCheckpoint(
            organisation_id=organisation_id,
            made_at=timezone.now(),
            removed_before=before,
            removed=report.entries,
            last_entry_id=last["id"],
            digest=last["digest"],
        )
        checkpoint.seal = seal_checkpoint(checkpoint)
        checkpoint.save(force_insert=True)
        removed.delete()
    return checkpoint
