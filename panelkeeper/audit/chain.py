"""The audit log as a chain per organisation, each entry sealed with a keyed hash.

Every entry's ``digest`` is HMAC-SHA256, under ``settings.AUDIT_KEY``, of the digest
before it in its chain and of the entry's own content. Entries of one organisation form
one chain, entries with no organisation another. The key lives in the environment, never
in the database: someone who can write to the database can drop the triggers and edit
an entry, but cannot compute the digests that would make the edit, or the entries after
it, check again. ``verify_chain`` walks a chain and names the first entry that does not
match; the head of each chain is also written down daily outside the database
(``tasks.py``), which catches the one change the chain cannot show by itself: entries
cut from its end together with its head row.

What is hashed, and why personal values are not
-----------------------------------------------
An entry records who acted (the user's id), on which record (model label and id), what
they did (the action) and which fields they touched (names only), when, and for which
organisation. All of these are hashed, because none may ever change. None of them is a
personal value: a person's name, email address or what they wrote lives in their own
record, to which the entry points by id. Erasing or anonymising that record later
changes no hashed byte, so the chain still verifies. Should entries ever carry values
(say, a field's old value), they belong in a side table that is not hashed and may be
erased; ``HASHED`` lists the columns hashed, and a test fails when a column is added to
``AuditEntry`` without deciding which side it falls on.

The content is written as compact JSON (the time in UTC to the microsecond), so the
same entry hashes the same on SQLite and PostgreSQL and after a restore.

Appending
---------
``append_all`` locks the chain's head row (``select_for_update`` on PostgreSQL; SQLite runs
one writer at a time), seals the entries onto the head and moves the head, all in the
caller's transaction. Two writers in one organisation therefore take turns from their
first audit entry to their commit; writers in different organisations do not wait for
each other.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import itertools
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone

from panelkeeper.audit.models import AuditChain, AuditCheckpoint, AuditEntry

# The columns of AuditEntry that are hashed; ``digest`` is the hash itself, and ``id``
# only orders the chain (an entry moved or removed breaks the link after it).
HASHED = ("organisation", "at", "actor", "action", "object_type", "object_id", "fields")
NOT_HASHED = ("id", "digest")


class Sealable(Protocol):
    """What a digest is computed from: an entry, a row of one, or a migration's entry."""

    @property
    def organisation_id(self) -> int | None: ...
    @property
    def at(self) -> dt.datetime: ...
    @property
    def actor_id(self) -> int | None: ...
    @property
    def action(self) -> str: ...
    @property
    def object_type(self) -> str: ...
    @property
    def object_id(self) -> str: ...
    @property
    def fields(self) -> Any: ...


def _key() -> bytes:
    return str(settings.AUDIT_KEY).encode()


def _hmac(parts: list[Any], key: bytes | None = None) -> str:
    message = json.dumps(parts, separators=(",", ":"), ensure_ascii=False)
    return hmac.new(key or _key(), message.encode(), hashlib.sha256).hexdigest()


def _moment(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def seal(previous: str, entry: Sealable, key: bytes | None = None) -> str:
    """The digest of ``entry`` chained onto ``previous`` (empty at the start of a chain)."""
    content = [
        entry.organisation_id,
        _moment(entry.at),
        entry.actor_id,
        entry.action,
        entry.object_type,
        entry.object_id,
        list(entry.fields),
    ]
    return _hmac(["entry", previous, *content], key)


def seal_checkpoint(checkpoint: AuditCheckpoint, key: bytes | None = None) -> str:
    """The checkpoint's own seal: all it says, under the key."""
    content = [
        checkpoint.organisation_id,
        _moment(checkpoint.made_at),
        _moment(checkpoint.removed_before),
        checkpoint.removed,
        checkpoint.last_entry_id,
        checkpoint.digest,
    ]
    return _hmac(["checkpoint", *content], key)


def _in_chain[M: models.Model](queryset: QuerySet[M], organisation_id: int | None) -> QuerySet[M]:
    if organisation_id is None:
        return queryset.filter(organisation__isnull=True)
    return queryset.filter(organisation_id=organisation_id)


def entries_of(organisation_id: int | None) -> QuerySet[AuditEntry]:
    """One chain's entries (in no particular order)."""
    return _in_chain(AuditEntry.objects.all(), organisation_id)


def _heads_of(organisation_id: int | None) -> QuerySet[AuditChain]:
    return _in_chain(AuditChain.objects.all(), organisation_id)


def locked_head(organisation_id: int | None) -> AuditChain:
    """The chain's head row, locked until the transaction ends; made if it is new.

    A new head is inserted with ON CONFLICT DO NOTHING (INSERT OR IGNORE on SQLite), so
    two writers starting a chain at once both end up locking the one row.
    """
    head = _heads_of(organisation_id).select_for_update().first()
    if head is None:
        AuditChain.objects.bulk_create(
            [AuditChain(organisation_id=organisation_id)], ignore_conflicts=True
        )
        head = _heads_of(organisation_id).select_for_update().get()
    return head


def append_all(entries: Sequence[AuditEntry]) -> list[AuditEntry]:
    """Save ``entries``, all of one chain, at its end in their order; call inside a
    transaction. The head is locked once, the entries sealed one onto the next, inserted
    together, and the head moved once. Their time is taken once the chain is locked, so
    within a chain later entries never carry an earlier time than the ones before them
    (on one clock).

    The chain runs in the order of the entries' ids, which an insert of many rows gives
    in the order of its rows on SQLite and PostgreSQL; should it ever not, this refuses
    (and the caller's transaction rolls back) rather than leave a chain that does not
    verify.
    """
    if not entries:
        return []
    chains = {entry.organisation_id for entry in entries}
    if len(chains) > 1:
        raise ValueError("Append the entries of one chain at a time.")
    head = locked_head(entries[0].organisation_id)
    at, previous = timezone.now(), head.head
    for entry in entries:
        entry.at = at
        entry.digest = previous = seal(previous, entry)
    saved = AuditEntry.objects.bulk_create(entries)
    ids = [entry.pk for entry in saved]
    if len(saved) > 1 and any(later <= earlier for earlier, later in itertools.pairwise(ids)):
        raise RuntimeError("The audit entries were not numbered in the order they were sealed.")
    head.head, head.last_entry_id = previous, ids[-1]
    head.save(update_fields=["head", "last_entry_id"])
    return saved


# Verifying ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Mismatch:
    """The first place a chain does not check: an entry, a checkpoint or the head."""

    reason: str
    entry_id: int | None = None
    at: dt.datetime | None = None
    action: str = ""


@dataclass(frozen=True)
class ChainReport:
    organisation_id: int | None
    entries: int
    mismatch: Mismatch | None

    @property
    def intact(self) -> bool:
        return self.mismatch is None


_WALKED = ("id", "organisation_id", "at", "actor_id", "action", "object_type", "object_id")


@dataclass(frozen=True)
class _Row:
    id: int
    organisation_id: int | None
    at: dt.datetime
    actor_id: int | None
    action: str
    object_type: str
    object_id: str
    fields: Any
    digest: str


def _rows(organisation_id: int | None, through: int | None) -> Iterator[_Row]:
    entries = entries_of(organisation_id)
    if through is not None:
        entries = entries.filter(id__lte=through)
    values = entries.order_by("id").values_list(*_WALKED, "fields", "digest")
    for row in values.iterator(chunk_size=2000):
        yield _Row(*row)


def latest_checkpoint(organisation_id: int | None) -> AuditCheckpoint | None:
    checkpoints = _in_chain(AuditCheckpoint.objects.all(), organisation_id)
    return checkpoints.order_by("-last_entry_id").first()


def verify_chain(organisation_id: int | None, *, through: int | None = None) -> ChainReport:
    """Walk one chain from its latest checkpoint (or its start) and report the first
    entry whose digest does not match, or that it is intact and how long it is.

    Without ``through`` the walk also checks that the chain ends where its head row
    says; with it, only the entries up to that id are walked.
    """
    checkpoint = latest_checkpoint(organisation_id)
    previous, last = "", None
    if checkpoint is not None:
        if not hmac.compare_digest(checkpoint.seal, seal_checkpoint(checkpoint)):
            reason = f"the checkpoint after entry {checkpoint.last_entry_id} does not match"
            return ChainReport(organisation_id, 0, Mismatch(reason, at=checkpoint.made_at))
        previous, last = checkpoint.digest, checkpoint.last_entry_id
    count = 0
    for row in _rows(organisation_id, through):
        if not hmac.compare_digest(row.digest, seal(previous, row)):
            reason = "it was changed, or an entry before it was removed or added"
            return ChainReport(organisation_id, count, Mismatch(reason, row.id, row.at, row.action))
        previous, last, count = row.digest, row.id, count + 1
    if through is None:
        head = _heads_of(organisation_id).first()
        recorded = (head.head, head.last_entry_id) if head else ("", None)
        if recorded != (previous, last):
            return ChainReport(organisation_id, count, _cut_short(recorded, last))
    return ChainReport(organisation_id, count, None)


def _cut_short(recorded: tuple[str, int | None], last: int | None) -> Mismatch:
    """The chain's last entry is not the one its head row names."""
    _, head_id = recorded
    if head_id is None:
        return Mismatch("the chain has entries but no head: its head row was removed")
    where = f"the chain ends at entry {last}" if last else "the chain has no entries"
    return Mismatch(
        f"{where}, but its head is entry {head_id}: entries at its end were removed",
        entry_id=head_id,
    )


def chains() -> list[int | None]:
    """Every chain there is: organisations with entries, a head or a checkpoint."""
    found: set[int | None] = set()
    for model in (AuditEntry, AuditChain, AuditCheckpoint):
        ids = model.objects.order_by().values_list("organisation_id", flat=True).distinct()
        found.update(ids)
    return sorted(found, key=lambda org: (org is not None, org or 0))


def organisation_labels(**filters: Any) -> dict[int | None, str]:
    """Each organisation's name and slug as reports name a chain, for those matching
    ``filters``; ``None`` stands for the entries with no organisation.

    Organisations stand above the audit log, so they are reached through the entries'
    foreign key rather than imported.
    """
    model = AuditEntry._meta.get_field("organisation").related_model
    assert model is not None and not isinstance(model, str)
    rows = model._default_manager.filter(**filters).values_list("id", "name", "slug")
    labels: dict[int | None, str] = {id_: f"{name} ({slug})" for id_, name, slug in rows}
    labels[None] = "Entries with no organisation"
    return labels
