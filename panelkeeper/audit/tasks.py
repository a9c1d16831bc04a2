"""The daily record of each chain's head, written outside the database.

A chain shows any entry changed or removed within it, but not entries cut from its end
along with its head row. So each day the head of every chain (its organisation, how
many entries it holds, its last entry and that entry's digest) goes to the log and, by
email, to the installation's administrators (active accounts that administer it). Had the
log been cut, a later ``panelkeeper audit verify`` still passes, but the heads in those
emails no longer appear in the chain. The emails go through the outbox, keyed by day and
address, so a job run again posts nobody a second copy.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count
from django.tasks import task
from django.template.loader import render_to_string

from panelkeeper.audit.models import AuditChain, AuditEntry
from panelkeeper.core.daily import run_once
from panelkeeper.outbox.posting import post

logger = logging.getLogger("panelkeeper.audit")


@dataclass(frozen=True)
class ChainHead:
    organisation: str  # the slug; empty for the entries with no organisation
    entries: int
    last_entry_id: int | None
    head: str

    def line(self) -> str:
        """The line the log and the email carry: plain key=value, for grep and diff."""
        return (
            f"audit chain organisation={self.organisation or '-'} entries={self.entries} "
            f"last_id={self.last_entry_id or '-'} head={self.head or '-'}"
        )


def chain_heads() -> list[ChainHead]:
    """Every chain's head as it stands, in two queries whatever the number of entries."""
    counts = dict(
        AuditEntry.objects.order_by()
        .values("organisation_id")
        .annotate(entries=Count("id"))
        .values_list("organisation_id", "entries")
    )
    heads = AuditChain.objects.values_list(
        "organisation_id", "organisation__slug", "last_entry_id", "head"
    )
    return [
        ChainHead(slug or "", counts.get(organisation_id, 0), last_entry_id, head)
        for organisation_id, slug, last_entry_id, head in heads
    ]


def email_administrators(*, key: str, subject: str, body: str) -> int:
    """Post an email to each of the installation's administrators through the outbox,
    once per ``key`` and address; how many were posted now."""
    # The field is read by name: accounts, where the predicate lives, sits above audit.
    users = get_user_model()._default_manager.filter(administers_installation=True, is_active=True)
    addresses = sorted(address for address in users.values_list("email", flat=True) if address)
    return sum(
        post(key=f"{key}:{address}", to=address, subject=subject, body=body)
        for address in addresses
    )


def write_chain_heads(day: dt.date) -> dict[str, Any]:
    """Log each chain's head and email them all to the administrators."""
    heads = chain_heads()
    for head in heads:
        logger.info(head.line())
    body = render_to_string("audit/email_chain_heads.txt", {"day": day, "heads": heads})
    posted = email_administrators(
        key=f"audit-chain-heads:{day.isoformat()}",
        subject="Audit log: where each chain ended today",
        body=body,
    )
    return {"chains": len(heads), "emailed": posted}


@task()
def record_chain_heads(day: str) -> bool:
    """The daily job: write down where every audit chain ended."""
    return run_once("audit_chain_heads", day, lambda: write_chain_heads(dt.date.fromisoformat(day)))
