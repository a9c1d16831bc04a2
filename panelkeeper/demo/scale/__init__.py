"""``panelkeeper demo --scale tenth|national``: organisations in bulk, of realistic shape.

National scale is 2,000 organisations and 100,000 members: a few organisations with
thousands of members, a few dozen with hundreds, most with tens. Each group meets ten
times (about a million attendance records), and there are two breach cases for every
member, with their events, the person who raised each and the investigating group's
seats; letters telling members of an investigation; declarations of interest and
gifts. ``tenth`` is a tenth of each.

Rows are written in bulk (COPY on PostgreSQL), as the domain functions would have written
them (see :mod:`.bulk` for the audit chain), but without checking each record one by one,
and for a batch of organisations at a time, in one transaction: that is what makes a
national run take minutes, not hours.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, transaction

from panelkeeper.demo.scale.bulk import seal_and_insert
from panelkeeper.demo.scale.casework import cases
from panelkeeper.demo.scale.letters import letters
from panelkeeper.demo.scale.meetings import meeting_days, meetings
from panelkeeper.demo.scale.people import Staff, codes_and_groups, members, organisations
from panelkeeper.demo.scale.registers import registers


@dataclass(frozen=True)
class Scale:
    organisations: int
    members: int
    #: (how many organisations, members each) for the larger ones; the rest share what is left.
    larger: tuple[tuple[int, int], ...]
    meetings: int = 10
    cases_per_member: float = 2.0


SCALES = {
    "national": Scale(2000, 100_000, ((4, 3000), (36, 500))),
    "tenth": Scale(200, 10_000, ((1, 3000), (4, 300))),
}


def sizes(scale: Scale, rng: random.Random) -> list[int]:
    """Members per organisation: the larger ones first, then tens each (a spread of
    about half either way around what is left over on average)."""
    counts = [size for many, size in scale.larger for _ in range(many)]
    rest = scale.organisations - len(counts)
    left = scale.members - sum(counts)
    average = left // rest
    small = []
    for _ in range(rest // 2):
        spread = rng.randrange(0, average // 2 + 1)
        small += [average - spread, average + spread]
    if len(small) < rest:
        small.append(average)
    small[-1] += left - sum(small)
    return counts + small


#: Organisations are generated together, one transaction for each batch, until a batch
#: holds this many members: one COPY a table for dozens of small organisations.
BATCH_MEMBERS = 5000


def batches[T](items: Sequence[T], sizes: Sequence[int], most: int) -> Iterator[list[T]]:
    """``items`` in runs whose ``sizes`` add up to ``most`` or just over (a larger item
    makes a run of its own)."""
    run: list[T] = []
    total = 0
    for item, size in zip(items, sizes, strict=True):
        run.append(item)
        total += size
        if total >= most:
            yield run
            run, total = [], 0
    if run:
        yield run


class Phases:
    """Seconds spent in each part of the generator, by ``time.perf_counter``."""

    def __init__(self) -> None:
        self.seconds: defaultdict[str, float] = defaultdict(float)

    @contextmanager
    def timing(self, phase: str) -> Iterator[None]:
        began = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[phase] += time.perf_counter() - began


@contextmanager
def _commits_unflushed() -> Iterator[None]:
    """On PostgreSQL, commit without waiting for the disk: generated data that a crash
    loses is generated again, and a batch's commit no longer waits on the server's disk."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO DEFAULT")


def generate(
    scale: Scale,
    *,
    prefix: str,
    password: str,
    today: dt.date,
    say: Callable[[str], None],
    phases: Phases | None = None,
    batch_members: int = BATCH_MEMBERS,
) -> Counter[str]:
    """Generate ``scale`` (organisations' slugs start with ``prefix``); what was made.
    ``phases``, if given, gathers the seconds each part took."""
    rng = random.Random(20261207)
    phases = phases or Phases()
    started = time.perf_counter()
    made: Counter[str] = Counter()
    per_organisation = sizes(scale, rng)
    days = meeting_days(scale.meetings, today=today)
    with _commits_unflushed():
        with phases.timing("organisations"):
            skeletons = organisations(
                scale.organisations, prefix=prefix, staff=Staff(password), rng=rng
            )
        made["organisations"] = len(skeletons)
        step = max(1, scale.organisations // 10)
        done = 0
        planned = list(zip(skeletons, per_organisation, strict=True))
        for batch in batches(planned, per_organisation, batch_members):
            with transaction.atomic():
                with phases.timing("organisations"):
                    them = codes_and_groups(batch)
                with phases.timing("members"):
                    made["members"] += members(them, rng=rng)
                with phases.timing("meetings and attendance"):
                    made["attendance records"] += meetings(them, days, today=today, rng=rng)
                with phases.timing("cases and events"):
                    cases_made, events = cases(them, scale.cases_per_member, today=today, rng=rng)
                    made["cases"] += cases_made
                    made["case events"] += events
                with phases.timing("letters"):
                    made["letters"] += letters(them)
                with phases.timing("registers"):
                    interests, gifts = registers(them, today=today, rng=rng)
                    made["interests"] += interests
                    made["gifts"] += gifts
                with phases.timing("audit trail"):
                    made["audit entries"] += seal_and_insert([one.trail for one in them])
            if (done + len(batch)) // step > done // step:
                took = time.perf_counter() - started
                say(f"{done + len(batch)} organisations, {took:.0f} seconds")
            done += len(batch)
    return made
