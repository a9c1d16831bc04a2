"""What is due to go under an organisation's schedule, and the purge that takes it.

A dry run and the purge read the same list, so what a dry run shows is what the purge
removes on the same day. Nothing under a legal hold is listed (``kinds.Holds``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from panelkeeper.audit.log import record_each
from panelkeeper.audit.models import AuditEntry
from panelkeeper.audit.retention import remove_before
from panelkeeper.lib.apart import aggregated_apart
from panelkeeper.retention.holds import holds_in
from panelkeeper.retention.kinds import AUDIT, Holds, Part, RecordKind, due_before
from panelkeeper.retention.schedule import Period, schedule_of
from panelkeeper.rules.calendar.working_days import add_months
from panelkeeper.rules.dates import day_month_year

if TYPE_CHECKING:
    from panelkeeper.organisations.models import Organisation


@dataclass(frozen=True)
class DueRecord:
    """One record whose time has come (or, for the audit trail, a run of entries), in
    the row of the schedule (``period``) that keeps it."""

    period: Period
    label: str
    counted_from: dt.date
    due_on: dt.date
    record: Any = None
    remove: Callable[[Any], None] | None = None
    count: int = 1
    remove_all: Callable[[list[Any]], None] | None = None

    @property
    def kind(self) -> RecordKind:
        return self.period.kind

    @property
    def why(self) -> str:
        return f"Kept since {day_month_year(self.counted_from)}, {self.kind.counted_from}"


@dataclass(frozen=True)
class KindPreview:
    period: Period
    total: int
    first: list[DueRecord]
    next_on: dt.date | None


def _audit_cutoff(
    organisation: Organisation, period: Period, holds: Holds, today: dt.date
) -> dt.datetime:
    """The moment before which entries go: the schedule's, moved back to before the
    first entry about a held record, so a hold keeps the trail of what it holds."""
    day = due_before(today, period.months)
    cutoff = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    held = [
        ("members.Member", holds.members),
        ("cases.Case", holds.cases),
        ("concerns.Concern", holds.concerns),
    ]
    for label, ids in held:
        if not ids:
            continue
        first = (
            AuditEntry.objects.filter(
                organisation=organisation, object_type=label, object_id__in=[str(i) for i in ids]
            )
            .order_by("at")
            .values_list("at", flat=True)
            .first()
        )
        if first is not None and first < cutoff:
            cutoff = first
    return cutoff


def _audit_due(
    organisation: Organisation, period: Period, holds: Holds, today: dt.date
) -> list[DueRecord]:
    cutoff = _audit_cutoff(organisation, period, holds, today)
    entries = AuditEntry.objects.filter(organisation=organisation, at__lt=cutoff)
    found = entries.aggregate(count=Count("pk"), oldest=Min("at"))
    count = found["count"]
    if not count:
        return []
    oldest = timezone.localdate(found["oldest"])
    entries_word = "entry" if count == 1 else "entries"
    before = day_month_year(timezone.localdate(cutoff))
    words = f"{count} audit {entries_word} recorded before {before}"
    due_on = add_months(oldest, period.months)
    return [DueRecord(period, words, oldest, due_on, cutoff, count=count)]


def _audit_next(organisation: Organisation, period: Period, today: dt.date) -> dt.date | None:
    # Recorded after the cutoff day, where it is midnight: a bound the index on ``at``
    # starts from, where comparing each entry's day would read every entry before it.
    after = due_before(today, period.months) + dt.timedelta(days=1)
    kept = AuditEntry.objects.filter(
        organisation=organisation,
        at__gte=timezone.make_aware(dt.datetime.combine(after, dt.time.min)),
    )
    first = kept.order_by("at").values_list("at", flat=True).first()
    return None if first is None else add_months(timezone.localdate(first), period.months)


def _due_of_part(
    part: Part, period: Period, organisation: Organisation, holds: Holds, today: dt.date
) -> Any:
    return _due_among(part.candidates(organisation, holds), period, today)


def _due_among(candidates: QuerySet[Any], period: Period, today: dt.date) -> QuerySet[Any]:
    """Those of a part's ``candidates`` whose time has come on ``today``, oldest first."""
    cutoff = due_before(today, period.months)
    return candidates.filter(counted_from__lte=cutoff).order_by("counted_from", "pk")


def _as_due(period: Period, part: Part, obj: Any) -> DueRecord:
    due_on = add_months(obj.counted_from, period.months)
    return DueRecord(
        period,
        part.describe(obj),
        obj.counted_from,
        due_on,
        obj,
        part.remove,
        remove_all=part.remove_all,
    )


def due_records(organisation: Organisation, *, today: dt.date) -> Iterator[DueRecord]:
    """Every record due to go on ``today``, kind by kind in the schedule's order."""
    holds = holds_in(organisation)
    for period in schedule_of(organisation, on=today):
        if period.kind.key == AUDIT:
            yield from _audit_due(organisation, period, holds, today)
        for part in period.parts:
            for obj in _due_of_part(part, period, organisation, holds, today):
                yield _as_due(period, part, obj)


@dataclass(frozen=True)
class DueSource:
    """The records of one part of a kind whose time has come, not yet read: ``rows`` (a
    queryset, or the audit trail's one summary row) and how each becomes a
    :class:`DueRecord`. Lists page through them without reading the others."""

    rows: Any
    as_due: Callable[[Any], DueRecord]


def due_sources(
    organisation: Organisation, *, today: dt.date, kind: str | None = None
) -> list[DueSource]:
    """What :func:`due_records` lists (only ``kind``'s, when given), in the same order, as
    one source per part of each kind."""
    holds = holds_in(organisation)
    sources = []
    for period in schedule_of(organisation, on=today):
        if kind is not None and period.kind.key != kind:
            continue
        if period.kind.key == AUDIT:
            sources.append(DueSource(_audit_due(organisation, period, holds, today), _itself))
        for part in period.parts:
            due = _due_of_part(part, period, organisation, holds, today)
            sources.append(DueSource(due, functools.partial(_as_due, period, part)))
    return sources


def _itself(record: DueRecord) -> DueRecord:
    return record


def preview(organisation: Organisation, *, today: dt.date, first: int = 20) -> list[KindPreview]:
    """For each kind: how many records are due, the first of them, and when the next
    record not yet due will be. Every part of every kind is counted in one query (how
    many are due, and when the first of the others counts from), so the number of
    queries stays bounded whatever the data: that one, the audit trail's, and those
    reading the first records due."""
    holds = holds_in(organisation)
    periods = schedule_of(organisation, on=today)
    parts = [(period, part) for period in periods for part in period.parts]
    cutoffs = [due_before(today, period.months) for period, _ in parts]
    candidates = [part.candidates(organisation, holds) for _, part in parts]
    counts = iter(
        aggregated_apart(
            candidates,
            lambda i: {
                "due": Count("pk", filter=Q(counted_from__lte=cutoffs[i])),
                "later": Min("counted_from", filter=Q(counted_from__gt=cutoffs[i])),
            },
        )
    )
    each_candidates = iter(candidates)
    previews = []
    for period in periods:
        if period.kind.key == AUDIT:
            audit = _audit_due(organisation, period, holds, today)
            total = sum(item.count for item in audit)
            upcoming_on = _audit_next(organisation, period, today)
            previews.append(KindPreview(period, total, audit[:first], upcoming_on))
            continue
        total = 0
        shown: list[DueRecord] = []
        upcoming: list[dt.date] = []
        for part in period.parts:
            counted = next(counts)
            among = next(each_candidates)
            total += counted["due"]
            if counted["due"] and len(shown) < first:
                due = _due_among(among, period, today)
                shown += [_as_due(period, part, obj) for obj in due[: first - len(shown)]]
            if counted["later"] is not None:
                upcoming.append(add_months(counted["later"], period.months))
        previews.append(KindPreview(period, total, shown, min(upcoming, default=None)))
    return previews


BATCH = 100
"""Records of one part removed together, in one transaction, where the part can."""


def purge(organisation: Organisation, *, today: dt.date) -> dict[str, int]:
    """Remove or anonymise every record due on ``today``; how many went, by kind.

    Each record goes with an audit entry (by the system) naming it, in the same
    transaction, so a purge cut off part-way leaves whole records and a true trail.
    Records of a part that can remove many at once go up to :data:`BATCH` to a
    transaction, their entries sealed onto the trail together; others go one by one.
    """
    gone: dict[str, int] = {}
    for batch in _batches(list(due_records(organisation, today=today))):
        first = batch[0]
        with transaction.atomic():
            if first.remove is None:
                checkpoint = remove_before(organisation_id=organisation.pk, before=first.record)
                gone[AUDIT] = checkpoint.removed if checkpoint else 0
                continue
            record_each(
                actor=None,
                organisation=organisation,
                done=[(f"retention.{due.kind.key}", due.record) for due in batch],
                fields=[],
            )
            if first.remove_all is not None:
                first.remove_all([due.record for due in batch])
            else:
                first.remove(first.record)
        gone[first.kind.key] = gone.get(first.kind.key, 0) + len(batch)
    return gone


def _batches(due: list[DueRecord]) -> Iterator[list[DueRecord]]:
    """``due`` in its order, in runs of up to :data:`BATCH` records one part removes
    together; a record of a part with no way to do that is a run of its own."""
    batch: list[DueRecord] = []
    for item in due:
        if batch and (
            item.remove_all is None
            or item.remove_all is not batch[0].remove_all
            or item.period != batch[0].period
            or len(batch) == BATCH
        ):
            yield batch
            batch = []
        batch.append(item)
        if item.remove_all is None:
            yield batch
            batch = []
    if batch:
        yield batch
