"""``panelkeeper demo --scale tenth|national``: organisations in bulk, of realistic shape.

National scale is 2,000 organisations and 100,000 members: a few organisations with
thousands of members, a few dozen with hundreds, most with tens. Each group meets ten
times (about a million attendance records), and there are two breach cases for every
member, with their events, the person who raised each and the investigating group's
seats; letters telling members of an investigation; declarations of interest and
gifts. ``tenth`` is a tenth of each.

Rows are written with ``bulk_create`` in batches, one organisation per transaction, as
the domain functions would have written them (see :mod:`.bulk` for the audit chain),
but without checking each record one by one: that is what makes a national run take
minutes, not hours.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from panelkeeper.demo.scale.bulk import Trail
from panelkeeper.demo.scale.casework import cases
from panelkeeper.demo.scale.letters import letters
from panelkeeper.demo.scale.meetings import meeting_days, meetings
from panelkeeper.demo.scale.people import Staff, code_and_groups, members, organisations
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


def generate(
    scale: Scale, *, prefix: str, password: str, today: dt.date, say: Callable[[str], None]
) -> Counter[str]:
    """Generate ``scale`` (organisations' slugs start with ``prefix``); what was made."""
    rng = random.Random(20261207)
    started = time.monotonic()
    made: Counter[str] = Counter()
    per_organisation = sizes(scale, rng)
    skeletons = organisations(scale.organisations, prefix=prefix, staff=Staff(password), rng=rng)
    made["organisations"] = len(skeletons)
    days = meeting_days(scale.meetings, today=today)
    for index, ((organisation, preset, officer, _), count) in enumerate(
        zip(skeletons, per_organisation, strict=True)
    ):
        trail = Trail(organisation.pk, officer.pk)
        with transaction.atomic():
            one = code_and_groups(organisation, preset, officer, count, trail)
            members(one, count, rng=rng, trail=trail)
            made["members"] += count
            made["attendance records"] += meetings(one, days, today=today, rng=rng, trail=trail)
            wanted = round(count * scale.cases_per_member)
            case_count, events, formal = cases(one, wanted, today=today, rng=rng, trail=trail)
            made["cases"] += case_count
            made["case events"] += events
            made["letters"] += letters(one, formal, trail=trail)
            interests, gifts = registers(one, today=today, rng=rng, trail=trail)
            made["interests"] += interests
            made["gifts"] += gifts
            made["audit entries"] += trail.seal_and_insert()
        if (index + 1) % max(1, scale.organisations // 10) == 0:
            say(f"{index + 1} organisations, {time.monotonic() - started:.0f} seconds")
    return made
